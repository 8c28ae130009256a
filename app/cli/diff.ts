/** `nimbus-sim diff <a.json> <b.json>`: what changed between two runs; exit 1 when a verdict got worse. */
import { readFileSync } from 'node:fs';
import { diffRuns, formatRunDiff, parseRunReport } from '../../sim/diff.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';

function read(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, 'give two nimbus-sim.json reports');
  }
  try {
    return parseRunReport(text, file);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), 'write one with nimbus-sim run --reporter json');
  }
}

export function diffCommand(args: ParsedArgs): number {
  const [a, b, ...rest] = args.positionals;
  if (a === undefined || b === undefined || rest.length > 0) throw new UsageError('diff takes exactly two reports', 'nimbus-sim diff before.json after.json');
  const d = diffRuns(read(a), read(b));
  process.stdout.write(args.values.json === true ? `${JSON.stringify(d, null, 2)}\n` : `${formatRunDiff(d)}\n`);
  return d.worse > 0 ? 1 : 0;
}
