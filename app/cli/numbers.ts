/**
 * Number options of the command line. `Number()` alone accepts `1e3`, `0x10`, ` 42 ` and `1e30` (an integer
 * to JavaScript, but far past what a seed, a port or a call count can mean), so every number option is
 * read here: plain decimal digits, inside the option's range, or a usage error naming the flag.
 */
import { formatDuration, parseDuration } from '../../src/domain/duration.js';
import { UsageError } from './usage.js';

/** Seeds are used as unsigned 32-bit integers (`seed >>> 0`): larger ones would silently alias smaller ones. */
export const SEED_RANGE = { min: 0, max: 4_294_967_295 } as const;

export interface NumberRange {
  min: number;
  max: number;
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** `--name` as a whole number in `range`; `raw` is the text the user typed. */
export function wholeNumberOption(name: string, raw: string, range: NumberRange, example = String(range.min)): number {
  const n = WHOLE.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(`--${name} takes a whole number from ${range.min} to ${range.max}, got "${raw}"`, `write it in plain digits, for example --${name} ${example}`);
  }
  return n;
}

/** `--name` as a decimal number (`0.5`, `8`) in `range`. */
export function decimalOption(name: string, raw: string, range: NumberRange, example = String(range.max)): number {
  const n = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n) || n < range.min || n > range.max) {
    throw new UsageError(`--${name} takes a number from ${range.min} to ${range.max}, got "${raw}"`, `write it in plain digits, for example --${name} ${example}`);
  }
  return n;
}

/** `--seed` of run and explore: undefined when not given. */
export function seedOption(raw: string | boolean | undefined): number | undefined {
  return typeof raw === 'string' ? wholeNumberOption('seed', raw, SEED_RANGE, '42') : undefined;
}

/** `--name` as a duration (`30s`, `10m`, `1h`) in milliseconds within `range`. */
export function durationOption(name: string, raw: string, range: NumberRange, example: string): number {
  const ms = parseDuration(raw);
  if (ms === undefined || !Number.isSafeInteger(ms) || ms < range.min || ms > range.max) {
    throw new UsageError(`--${name} takes a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)}, got "${raw}"`, `for example --${name} ${example}`);
  }
  return ms;
}
