/** `nimbus-sim check`: validate scenario files without running them. */
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { loadAll, printProblems } from './load.js';
import type { ParsedArgs } from './main.js';

export function checkCommand(args: ParsedArgs): number {
  try {
    const { scenarios, problems } = loadAll(args.positionals);
    if (problems.length > 0) {
      printProblems(problems);
      return 2;
    }
    process.stdout.write(`${scenarios.length} scenario file${scenarios.length === 1 ? '' : 's'} valid\n`);
    return 0;
  } catch (err) {
    if (err instanceof ScenarioLoadError) {
      printProblems(err.problems);
      return 2;
    }
    throw err;
  }
}
