/**
 * Orders text the same way on every machine. `localeCompare` follows the machine's locale (ICU data, LANG),
 * so lanes and KPI lists came out in a different order on a German or Swedish CI runner than on a laptop.
 * Unicode code points are the same everywhere.
 */

/** Compares by Unicode code point (not UTF-16 code unit: an astral character sorts after U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  for (let i = 0; ; ) {
    const left = a.codePointAt(i);
    const right = b.codePointAt(i);
    if (left === undefined || right === undefined) return left === undefined ? (right === undefined ? 0 : -1) : 1;
    if (left !== right) return left < right ? -1 : 1;
    // Equal code points span the same number of code units in both strings, so one index serves both.
    i += left > 0xffff ? 2 : 1;
  }
}
