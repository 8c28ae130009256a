/** `nimbus-sim check`: validate scenario files without running them. */
import { loadForCommand } from './load.js';
import type { ParsedArgs } from './args.js';

export function checkCommand(args: ParsedArgs): number {
  const scenarios = loadForCommand(args.positionals, { allowOutsideRoot: args.values['allow-outside-root'] === true });
  if (scenarios === 2) return 2;
  process.stdout.write(`${scenarios.length} scenario file${scenarios.length === 1 ? '' : 's'} valid\n`);
  return 0;
}
