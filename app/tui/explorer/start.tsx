/** Mounts the explorer on a terminal (the CLI module stays JSX-free and loads Ink only here). */
import { writeFileSync } from 'node:fs';
import { machineToMermaid } from '../mermaid.js';
import { runInteractive } from '../terminal.js';
import { ExplorerApp } from './ExplorerApp.js';
import { MACHINES, type ActorRef, type ExplorerSession } from './session.js';

/** Resolves with the exit code: 0 after q (the CLI then tells 0 from 1 by what was played), 130 after Ctrl-C, 143 after SIGTERM. */
export async function startExplorer(session: ExplorerSession): Promise<number> {
  const exportMermaid = (ref: ActorRef): string => {
    const { machine, name, file } = MACHINES[ref.kind];
    writeFileSync(file, `${machineToMermaid(machine, name)}\n`);
    return `wrote ${file} (Mermaid state diagram of the ${name})`;
  };
  return runInteractive(<ExplorerApp session={session} exportMermaid={exportMermaid} />);
}
