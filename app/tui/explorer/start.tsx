/** Mounts the explorer on a terminal (the CLI module stays JSX-free and loads Ink only here). */
import { writeFileSync } from 'node:fs';
import { machineToMermaid } from '../mermaid.js';
import { runInteractive } from '../terminal.js';
import { ExplorerApp } from './ExplorerApp.js';
import { ExplorerSession, type ActorRef } from './session.js';

/** Resolves with the exit code: 0 after q, 130 after Ctrl-C, 143 after SIGTERM. */
export async function startExplorer(session: ExplorerSession): Promise<number> {
  const exportMermaid = (ref: ActorRef): string => {
    const file = `${ref.kind === 'user' ? 'agent' : 'call-session'}-machine.mmd`;
    writeFileSync(file, `${machineToMermaid(ExplorerSession.machineOf(ref.kind))}\n`);
    return `wrote ${file} (Mermaid state diagram of the ${ref.kind === 'user' ? 'agent' : 'call session'} machine)`;
  };
  return runInteractive(<ExplorerApp session={session} exportMermaid={exportMermaid} />);
}
