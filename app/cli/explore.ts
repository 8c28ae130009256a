/**
 * `nimbus-sim explore [scenario]`: a live engine on a scenario's tenant (or an empty one). On a terminal it
 * opens the interactive explorer; otherwise it prints a plain transcript of every step with its decisions
 * and the "why" panel of every user at the end. `--mermaid agent|session` prints the agent or call session machine as a Mermaid diagram.
 */
import { loadForCommand } from './load.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';
import { seedOption } from './numbers.js';

export async function exploreCommand(args: ParsedArgs): Promise<number> {
  const mermaid = args.values.mermaid;
  if (typeof mermaid === 'string') {
    if (mermaid !== 'agent' && mermaid !== 'session') throw new UsageError(`--mermaid takes "agent" or "session", got "${mermaid}"`, 'agent: the agent machine (a user); session: the call session machine (a call)');
    const [{ machineToMermaid }, { ExplorerSession }] = await Promise.all([import('../tui/mermaid.js'), import('../tui/explorer/session.js')]);
    process.stdout.write(`${machineToMermaid(ExplorerSession.machineOf(mermaid === 'agent' ? 'user' : 'call'))}\n`);
    return 0;
  }
  const seed = seedOption(args.values.seed);
  if (args.positionals.length > 1) throw new UsageError('explore takes one scenario file', 'nimbus-sim explore scenarios/scenario-b.yaml');
  const { ExplorerSession, emptyScenario } = await import('../tui/explorer/session.js');
  let scenario = emptyScenario();
  if (args.positionals.length === 1) {
    const loaded = loadForCommand(args.positionals, { allowOutsideRoot: true });
    if (loaded === 2) return 2;
    const [first, ...others] = loaded;
    if (first === undefined || others.length > 0) throw new UsageError(`explore takes one scenario file; ${args.positionals[0]} holds ${loaded.length}`);
    scenario = first;
  }
  const session = await ExplorerSession.open(scenario, seed !== undefined ? { seed } : {});
  try {
    const { interactiveTerminal } = await import('../tui/terminal.js');
    if (interactiveTerminal()) {
      return await (await import('../tui/explorer/start.js')).startExplorer(session);
    }
    const { transcript } = await import('../tui/explorer/transcript.js');
    for await (const line of transcript(session)) process.stdout.write(`${line}\n`);
    return session.log.some((e) => e.error) ? 2 : 0;
  } finally {
    session.close();
  }
}
