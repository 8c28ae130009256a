import { describe, expect, it } from 'vitest';
import type { SuiteResult } from '../../../sim/result.js';
import { toJsonReport } from '../../../sim/report/json.js';
import { scenarioB, suite, suiteOf } from '../../fixtures/results.js';

/** The same value with every object's keys in reverse insertion order (a different but equal suite). */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).reverse()) out[k] = reverseKeys((value as Record<string, unknown>)[k]);
    return out as T;
  }
  return value;
}

const keysOf = (v: unknown): string[] => Object.keys(v as object);

describe('toJsonReport', () => {
  it('is byte-identical for the same suite and for an equal suite built in another key order', () => {
    const a = toJsonReport(suite());
    expect(toJsonReport(suite())).toBe(a);
    expect(toJsonReport(reverseKeys(suite()))).toBe(a);
  });

  it('uses 2-space indent, a trailing newline and schemaVersion 1 first', () => {
    const text = toJsonReport(suite());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "nimbus-sim",')).toBe(true);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(keysOf(parsed)).toEqual(['schemaVersion', 'tool', 'seed', 'scenarios', 'totals']);
  });

  it('writes keys in the order the result types declare them', () => {
    const parsed = JSON.parse(toJsonReport(reverseKeys(suiteOf([scenarioB()])))) as { scenarios: Record<string, unknown>[] };
    const s = parsed.scenarios[0] as Record<string, unknown>;
    expect(keysOf(s)).toEqual([
      'name', 'file', 'suitePath', 'tags', 'because', 'seed', 'status', 'virtualDurationMs', 'assertions', 'steps', 'failures',
      'timeline', 'calls', 'users', 'graph', 'rulesExercised',
    ]);
    const failure = (s['failures'] as Record<string, unknown>[])[0];
    expect(keysOf(failure)).toEqual(['key', 'subject', 'passed', 'expected', 'actual', 'message', 'explanation', 'line']);
    const decision = (failure?.['explanation'] as Record<string, unknown>[])[0];
    expect(keysOf(decision)).toEqual(['question', 'verdict', 'because', 'inputs', 'checks', 'summary']);
    expect(keysOf((decision?.['checks'] as unknown[])[0])).toEqual(['rule', 'passed', 'detail']);
    // Free-form maps are sorted.
    expect(keysOf(decision?.['inputs'])).toEqual(['call', 'currentService', 'firstRespondingService', 'resourceAccountLicenses', 'target']);
    const call = (s['calls'] as Record<string, unknown>[])[0];
    expect(keysOf(call).slice(0, 6)).toEqual(['id', 'type', 'from', 'to', 'state', 'services']);
    expect(keysOf((call?.['transfers'] as unknown[])[0])).toEqual(['at', 'by', 'to', 'mode', 'ok', 'because', 'message']);
    const step = (s['steps'] as Record<string, unknown>[])[2];
    expect(keysOf(step)).toEqual(['index', 'line', 'verb', 'at', 'text', 'ok', 'decision']);
  });

  it('omits absent optional fields and writes a harness error in declared order', () => {
    const parsed = JSON.parse(toJsonReport(suite())) as { scenarios: Record<string, unknown>[] };
    expect('error' in (parsed.scenarios[0] as object)).toBe(false);
    const error = parsed.scenarios[2]?.['error'];
    expect(keysOf(error)).toEqual(['message', 'line', 'column', 'hint']);
  });

  it('drops fields outside the result types (no wall-clock stamps) and makes absolute paths relative', () => {
    const s = suite();
    const first = s.scenarios[0];
    if (first === undefined) throw new Error('fixture');
    Object.assign(first, { startedAt: '2026-01-01T00:00:00Z', wallMs: 1234 });
    Object.assign(s, { generatedAt: new Date(0).toISOString() });
    first.file = `${process.cwd()}/scenarios/abs.yaml`;
    const text = toJsonReport(s);
    expect(text).not.toContain('startedAt": "2026');
    expect(text).not.toContain('wallMs');
    expect(text).not.toContain('generatedAt');
    expect(text).toContain('"file": "scenarios/abs.yaml"');
    expect(text).not.toContain(process.cwd());
  });

  it('round-trips the values of the suite', () => {
    const s: SuiteResult = suite();
    const parsed = JSON.parse(toJsonReport(s)) as { totals: unknown; scenarios: { failures: { expected: unknown; actual: unknown }[] }[] };
    expect(parsed.totals).toEqual(s.totals);
    expect(parsed.scenarios[1]?.failures[0]?.actual).toEqual({ because: ['XFER-03'], ok: false });
  });
});
