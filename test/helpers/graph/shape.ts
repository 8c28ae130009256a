/**
 * Structural comparison of a mock response with a documented Graph sample: every key the sample shows must
 * exist in the response with the same JSON type. A `null` in a sample says nothing about the type, so it
 * accepts anything. Extra keys in the response are reported, not failed: documented samples are often
 * shortened ("The response object shown here might be shortened for readability").
 */
export interface ShapeMismatch {
  path: string;
  problem: 'missing' | 'type';
  expected: string;
  actual: string;
}

export interface ShapeReport {
  mismatches: ShapeMismatch[];
  extra: string[];
  /** Arrays the sample fills but the response leaves empty: their element shape went unchecked. */
  unchecked: string[];
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Samples list collections with a few elements; their union of keys describes one element. */
function elementTemplate(items: unknown[]): unknown {
  const first = items[0];
  if (!isObject(first)) return first;
  const merged: Record<string, unknown> = {};
  for (const item of items) {
    if (!isObject(item)) continue;
    for (const [k, v] of Object.entries(item)) if (merged[k] === undefined || merged[k] === null) merged[k] = v;
  }
  return merged;
}

export function compareShape(expected: unknown, actual: unknown, path = '$', report: ShapeReport = { mismatches: [], extra: [], unchecked: [] }): ShapeReport {
  if (expected === null) return report;
  const want = typeName(expected);
  const got = typeName(actual);
  if (want !== got) {
    report.mismatches.push({ path, problem: 'type', expected: want, actual: got });
    return report;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length > 0 && actual.length === 0) report.unchecked.push(path);
    if (expected.length > 0) {
      const template = elementTemplate(expected);
      actual.forEach((item, i) => compareShape(template, item, `${path}[${i}]`, report));
    }
    return report;
  }
  if (isObject(expected) && isObject(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) report.mismatches.push({ path: `${path}.${key}`, problem: 'missing', expected: typeName(value), actual: 'absent' });
      else compareShape(value, actual[key], `${path}.${key}`, report);
    }
    for (const key of Object.keys(actual)) if (!(key in expected)) report.extra.push(`${path}.${key}`);
  }
  return report;
}
