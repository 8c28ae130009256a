/**
 * `nimbus-sim explore [scenario]`: a live engine on a scenario's tenant (or an empty one). On a terminal it
 * opens the interactive explorer; otherwise it prints a plain transcript of every step with its decisions
 * and the "why" panel of every user at the end. `--mermaid agent|call-session` prints the agent machine or
 * the call session machine as a Mermaid diagram.
 *
 * Exit codes are the CLI's: 0 when every step played ran and its expectations held, 1 when a step met a
 * harness error or an expectation failed (also after q in the interactive explorer, for what was played
 * then), 2 for invalid input or usage, 130/143 when interrupted.
 */
import { loadForCommand } from './load.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';
import { seedOption } from './numbers.js';
import type { ActorKind, ExplorerSession } from '../tui/explorer/session.js';

/**
 * `--mermaid` values: the domain's words first, then the spellings earlier versions printed or accepted
 * (`user`, `call`, `session`), kept as aliases so scripts that use them keep working.
 */
const MERMAID_MACHINES: Readonly<Record<string, ActorKind>> = {
  agent: 'agent',
  'call-session': 'callSession',
  user: 'agent',
  call: 'callSession',
  session: 'callSession',
};

async function printMermaid(choice: string): Promise<number> {
  const kind = Object.hasOwn(MERMAID_MACHINES, choice) ? MERMAID_MACHINES[choice] : undefined;
  if (kind === undefined) {
    throw new UsageError(`--mermaid takes "agent" or "call-session", got "${choice}"`, 'agent: the agent machine (one per user); call-session: the call session machine (one per call); "user", "call" and "session" are accepted as aliases');
  }
  const [{ machineToMermaid }, { MACHINES }] = await Promise.all([import('../tui/mermaid.js'), import('../tui/explorer/session.js')]);
  const { machine, name } = MACHINES[kind];
  process.stdout.write(`${machineToMermaid(machine, name)}\n`);
  return 0;
}

/** 1 when a played step met a harness error or an expectation failed; a refusal the scenario asked about is not a failure. */
function exploreOutcome(session: ExplorerSession): 0 | 1 {
  return session.log.some((e) => e.error !== undefined || (e.assertions ?? []).some((a) => !a.passed)) ? 1 : 0;
}

export async function exploreCommand(args: ParsedArgs): Promise<number> {
  const mermaid = args.values.mermaid;
  if (typeof mermaid === 'string') return printMermaid(mermaid);
  const seed = seedOption(args.values.seed);
  if (args.positionals.length > 1) throw new UsageError('explore takes one scenario file', 'npx nimbus-sim explore scenarios/scenario-b.yaml');
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
      const code = await (await import('../tui/explorer/start.js')).startExplorer(session);
      return code === 0 ? exploreOutcome(session) : code;
    }
    const { transcript } = await import('../tui/explorer/transcript.js');
    for await (const line of transcript(session)) process.stdout.write(`${line}\n`);
    return exploreOutcome(session);
  } finally {
    session.close();
  }
}
