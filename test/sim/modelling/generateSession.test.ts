/**
 * `nimbus-sim generate --machine session`: every call-session path the engine can produce becomes a scenario
 * file that loads and passes when run, for an inbound call and for a Call on Behalf.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSessionScenarios } from '../../../sim/modelling/generateSession.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { runScenario } from '../../../sim/runner.js';

const out = mkdtempSync(join(tmpdir(), 'nimbus-sim-gen-session-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generate --machine session', () => {
  it('writes runnable regression scenarios for inbound calls and Call on Behalf, each expecting the model task states', async () => {
    const { written } = generateSessionScenarios(out);
    expect(written.filter((f) => f.includes('session-1-')).length).toBeGreaterThanOrEqual(10);
    expect(written.filter((f) => f.includes('session-2-')).length).toBeGreaterThanOrEqual(10);
    const failing: string[] = [];
    let taskStates = 0;
    for (const file of written) {
      const scenario = loadScenarioFile(file);
      taskStates += scenario.steps.filter((s) => s.verb === 'expect').length;
      const result = await runScenario(scenario);
      if (result.status !== 'passed') failing.push(`${file}: ${result.error?.message ?? result.failures[0]?.message ?? ''}`);
    }
    expect(failing).toEqual([]);
    expect(taskStates).toBeGreaterThan(written.length);
  }, 60_000);
});
