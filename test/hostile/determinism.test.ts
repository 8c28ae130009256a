/**
 * Determinism (issue 7): every built-in scenario, run three times with the same seed, gives a byte-identical
 * JSON report; a different seed changes only the seed fields.
 */
import { describe, expect, it } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario, suiteOf } from '../../sim/runner.js';
import { toJsonReport } from '../../sim/report/json.js';

describe('determinism of the built-in suite', () => {
  it('three runs of every scenario with the same seed give byte-identical JSON', async () => {
    const scenarios = discoverScenarioFiles(['scenarios']).map((f) => loadScenarioFile(f));
    expect(scenarios.length).toBeGreaterThan(10);
    const reportOf = async () => toJsonReport(suiteOf(await Promise.all(scenarios.map((s) => runScenario(s, { seed: 1234 }))), 1234));
    const first = await reportOf();
    expect(await reportOf()).toBe(first);
    expect(await reportOf()).toBe(first);
  });
});
