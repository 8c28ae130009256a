/**
 * Issue 15, silent wrong results: `run --seed N` must drive everything the seed drives. Before, the report
 * said "seed N" while the scenario's `faults:` still drew from the file's seed.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runner.js';
import { parseScenarioText } from '../../sim/scenario/load.js';

const presenceFlips = Array.from({ length: 12 }, (_, i) => `  - presence: { user: ann, availability: ${i % 2 === 0 ? 'Busy' : 'Available'} }`).join('\n');
const scenarioWithSeed = (seed: number) =>
  parseScenarioText(
    `name: seeded faults
seed: ${seed}
faults:
  - { endpoint: presence, status: 503, rate: 0.5 }
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
${presenceFlips}
`,
    'seeded.yaml',
  );

/** What the faults did: which requests failed, in order, and the counts. */
const faultTrace = (r: Awaited<ReturnType<typeof runScenario>>) => JSON.stringify({ graph: r.graph, timeline: r.timeline });

describe('run --seed N', () => {
  it('draws the faults from N, exactly as a file whose seed is N', async () => {
    for (const seed of [2, 3, 11]) {
      const overridden = await runScenario(scenarioWithSeed(1), { seed });
      const written = await runScenario(scenarioWithSeed(seed));
      expect(overridden.seed).toBe(seed);
      expect(faultTrace(overridden)).toBe(faultTrace(written));
    }
  });

  it('different overriding seeds hit different requests although the file keeps its own seed', async () => {
    const traces = await Promise.all([1, 2, 3, 4, 5, 6].map(async (seed) => faultTrace(await runScenario(scenarioWithSeed(1), { seed }))));
    expect(new Set(traces).size).toBeGreaterThan(1);
  });
});
