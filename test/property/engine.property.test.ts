/**
 * Property-based runs of the engine: random tenants and step sequences through the real runner. A failure is
 * shrunk by fast-check and written to reports/counterexamples/ as a scenario `nimbus-sim run` replays.
 * NIMBUS_SIM_PROPERTY_RUNS raises the number of cases (long mode); CI runs the default.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbScenario, checkDeterminism, checkScenario, propertyRuns, writeCounterexample, type ScenarioDoc } from '../../sim/modelling/property.js';

const DIR = 'reports/counterexamples';

async function holds(label: string, runs: number, check: (doc: ScenarioDoc) => Promise<string[]>): Promise<void> {
  const out = await fc.check(
    fc.asyncProperty(arbScenario, async (doc) => (await check(doc)).length === 0),
    { numRuns: runs, seed: Number(process.env.NIMBUS_SIM_PROPERTY_SEED ?? 20261124) },
  );
  if (out.failed && out.counterexample) {
    const [doc] = out.counterexample;
    const violations = await check(doc);
    const file = writeCounterexample(DIR, doc, violations, label);
    expect.fail(`${label}: ${violations.join('; ')}\ncounterexample (shrunk ${out.numShrinks} times): ${file}`);
  }
  expect(out.failed).toBe(false);
}

describe('engine properties over random tenants and steps', () => {
  it('no exception, call conservation, no call held twice, TP limit, RONA only after a missed offer', async () => {
    await holds('engine-invariants', propertyRuns(2000), async (doc) => (await checkScenario(doc)).violations);
  }, 120_000);

  it('determinism: the same scenario and seed give a byte-identical JSON report', async () => {
    await holds('determinism', Math.max(30, Math.ceil(propertyRuns(2000) / 20)), checkDeterminism);
  }, 120_000);
});

describe('the property checks can fail', () => {
  it('a scenario whose step cannot load is reported, not passed', async () => {
    const bad: ScenarioDoc = { name: 'x', seed: 1, services: [], users: [], steps: [{ answer: { user: 'nobody', call: 'c9' } }] };
    expect((await checkScenario(bad)).violations.join()).toMatch(/does not load/);
  });
});
