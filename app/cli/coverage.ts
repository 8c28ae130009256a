/**
 * `nimbus-sim coverage [paths...] [--json] [--no-suite]`: per machine, the states and transitions of its
 * graph, how many the generated model paths cover, how many the scenario suite covers (from the actors'
 * transitions during the run), the uncovered ones, and the suite scenarios a harness error stopped. Exit 1 when
 * a generated path fails, the generated paths miss a transition, or a suite scenario stopped.
 */
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { coverageReport, formatCoverage } from '../../sim/modelling/coverage.js';
import { loadAll, printProblems } from './load.js';
import type { ParsedArgs } from './args.js';

export async function coverageCommand(args: ParsedArgs): Promise<number> {
  let scenarios = null;
  if (args.values['no-suite'] !== true) {
    try {
      const loaded = loadAll(args.positionals);
      if (loaded.problems.length > 0) {
        printProblems(loaded.problems);
        return 2;
      }
      scenarios = loaded.scenarios;
    } catch (err) {
      if (err instanceof ScenarioLoadError) {
        printProblems(err.problems);
        return 2;
      }
      throw err;
    }
  }
  const report = await coverageReport(scenarios);
  if (args.values.json === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatCoverage(report));
  const incomplete = report.machines.some((m) => m.generated.failures > 0 || m.generated.uncoveredTransitions.length > 0);
  // A suite scenario that stopped early is an errored scenario: exit 1 like `run`, not a silent partial count.
  return incomplete || report.stopped.length > 0 ? 1 : 0;
}
