/**
 * Fuzzing the loader (issue 7): generated YAML documents and mutated valid scenarios never crash it; every
 * rejection is a ScenarioLoadError whose problems carry a position. NIMBUS_SIM_FUZZ_RUNS raises the count
 * (100000 for a long run).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { parseScenarioText } from '../../sim/scenario/load.js';

const RUNS = Number(process.env.NIMBUS_SIM_FUZZ_RUNS ?? 300);
/** `npm run fuzz` (100,000 runs per property) may take many minutes; CI's 300 stay well inside the default. */
const TIMEOUT = RUNS > 1000 ? 4 * 60 * 60_000 : 30_000;

function loadOrExplain(text: string): 'loaded' | 'rejected' {
  try {
    parseScenarioText(text, 'fuzz.yaml');
    return 'loaded';
  } catch (err) {
    if (!(err instanceof ScenarioLoadError)) throw err;
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) {
      expect(p.file).toBe('fuzz.yaml');
      expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
      expect(p.message.length).toBeGreaterThan(0);
    }
    return 'rejected';
  }
}

const seedScenario = readFileSync('scenarios/scenario-b.yaml', 'utf8');

describe('loader fuzzing', () => {
  it('arbitrary JSON-like documents never crash the loader', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        loadOrExplain(stringify(value));
      }),
      { numRuns: RUNS, seed: 42 },
    );
  }, TIMEOUT);

  it('documents shaped like scenarios with random values never crash it', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    const step = fc.dictionary(fc.constantFrom('wait', 'answer', 'transfer', 'expect', 'inboundCall', 'at', 'after', 'bogus'), anyValue, { maxKeys: 3 });
    const doc = fc.record(
      {
        name: anyValue,
        services: fc.array(fc.dictionary(fc.constantFrom('id', 'license', 'assignment', 'members', 'pstn'), anyValue), { maxLength: 3 }),
        users: fc.array(fc.dictionary(fc.constantFrom('id', 'upn', 'presence', 'licenses'), anyValue), { maxLength: 3 }),
        steps: fc.array(step, { maxLength: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (d) => {
        loadOrExplain(stringify(d));
      }),
      { numRuns: RUNS, seed: 7 },
    );
  }, TIMEOUT);

  it('byte-level mutations of a valid scenario never crash it', () => {
    fc.assert(
      fc.property(fc.nat(seedScenario.length - 1), fc.nat(seedScenario.length), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        const end = Math.min(seedScenario.length, at + (cut % 12));
        loadOrExplain(seedScenario.slice(0, at) + insert + seedScenario.slice(end));
      }),
      { numRuns: RUNS, seed: 11 },
    );
  }, TIMEOUT);
});
