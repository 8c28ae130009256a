/**
 * "Did you mean" suggestions. Candidates are compared the way enumeration values are matched (ignoring
 * case, spaces, hyphens and underscores) so `inbound_call` suggests `inboundCall` and `licence` suggests
 * `license`.
 */
import { normalizeEnumKey } from '../../src/domain/enums.js';

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`stpes` -> `steps` is 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

// Long inputs are never typos worth suggesting for, and the distance table is quadratic.
const MAX_SUGGEST_LENGTH = 64;

/** The closest candidate when it is plausibly a typo of `input`, else undefined. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalizeEnumKey(input);
  if (wanted.length === 0 || wanted.length > MAX_SUGGEST_LENGTH) return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const key = normalizeEnumKey(candidate);
    if (key.length > MAX_SUGGEST_LENGTH) continue;
    const distance = editDistance(wanted, key);
    const allowed = Math.max(1, Math.floor(Math.max(wanted.length, key.length) / 3));
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

export const didYouMean = (input: string, candidates: Iterable<string>): string | undefined => {
  const match = closest(input, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
};

/** `a, b, c` with a tail marker past `max` items, so hints stay one readable line. */
export function listOf(values: readonly string[], max = 12): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')}, ... (${values.length - max} more)`;
}
