/** `nimbus-sim check`: validate scenario files without running them. */
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { loadAll } from './load.js';
import type { ParsedArgs } from './args.js';

const files = (n: number): string => `${n} scenario file${n === 1 ? '' : 's'}`;

/**
 * Every problem of every file, then one summary line that counts the problems and the valid files apart:
 * a valid file is never listed beside a problem as if both were results of the same kind.
 */
export function checkCommand(args: ParsedArgs): number {
  let loaded;
  try {
    loaded = loadAll(args.positionals, { allowOutsideRoot: args.values['allow-outside-root'] === true });
  } catch (err) {
    // A path that is not a scenario at all (missing, wrong extension): nothing to count.
    if (!(err instanceof ScenarioLoadError)) throw err;
    process.stderr.write(`${err.format()}\n\n${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}; nothing was run.\n`);
    return 2;
  }
  const { scenarios, problems } = loaded;
  if (problems.length === 0) {
    process.stdout.write(`${files(scenarios.length)} valid\n`);
    return 0;
  }
  const bad = new Set(problems.map((p) => p.file)).size;
  process.stderr.write(`${new ScenarioLoadError(problems).format()}\n`);
  process.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files(bad)}; ${files(scenarios.length)} valid; nothing was run.\n`);
  return 2;
}
