/** `nimbus-sim why <scenario> --call ID` or `--user ID --service ID`: explain one outcome and what would flip it. */
import { oneLine } from '../../sim/report/text.js';
import type { ScenarioResult } from '../../sim/result.js';
import { runScenario } from '../../sim/runner.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import { explainCall, explainPair, formatExplanation } from '../../sim/support/why.js';
import { loadOneForCommand } from './load.js';
import type { ParsedArgs } from './args.js';

const USAGE = 'usage: nimbus-sim why <scenario.yaml> --call <id>\n       nimbus-sim why <scenario.yaml | _tenant.yaml> --user <id> --service <id>\n';

export async function whyCommand(args: ParsedArgs): Promise<number> {
  const [file, ...extra] = args.positionals;
  const { call, user, service } = args.values;
  const byCall = typeof call === 'string';
  const byPair = typeof user === 'string' && typeof service === 'string';
  if (!file || extra.length > 0 || byCall === byPair) {
    process.stderr.write(USAGE);
    return 2;
  }
  const scenario = loadOneForCommand(file, loadTenantOrScenario);
  if (scenario === 2) return 2;
  try {
    // The file as the user named it: a fragment is loaded through a wrapper file that does not exist.
    const explanation = byCall ? await explainCall(scenario, call, file) : await explainPair(scenario, String(user), String(service), file);
    const problem = explanation.kind === 'call' && explanation.status === 'error' ? await harnessError(scenario) : undefined;
    if (args.values.json === true) process.stdout.write(`${JSON.stringify(problem ? { ...explanation, problem } : explanation, null, 2)}\n`);
    else process.stdout.write(`${formatExplanation(explanation)}${problem ? formatProblem(problem, file) : ''}`);
    // A scenario that stopped early is an errored scenario (exit 1), and its explanation is incomplete.
    return problem ? 1 : 0;
  } catch (err) {
    if (err instanceof Error && /^no (call|user|service) "/.test(err.message)) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

type HarnessError = NonNullable<ScenarioResult['error']>;

/** Why the scenario stopped: the explanation only says what the steps before the stop did. */
async function harnessError(scenario: Scenario): Promise<HarnessError | undefined> {
  return (await runScenario(scenario)).error;
}

/** The stop under its own heading, after the explanation, with the file as the user named it. */
function formatProblem(problem: HarnessError, file: string): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  const lines = ['', 'Problem: the scenario stopped before its end; the explanation above covers only the steps before the stop.', `  ${oneLine(where)}: ${oneLine(problem.message)}`];
  if (problem.hint !== undefined) lines.push(`    hint: ${oneLine(problem.hint)}`);
  return `${lines.join('\n')}\n`;
}
