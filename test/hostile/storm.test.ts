/**
 * Fault soak (issue 7): the whole built-in suite under a seeded Graph storm (503 and 429 with Retry-After on
 * every endpoint). The modelled client's retries absorb the faults: no run crashes or ends in a harness
 * error, calls still end with exactly one outcome per service session, and the rare verdict that changes is
 * one whose run was actually hit by faults (retries cost virtual time, which timing-sensitive scenarios see).
 */
import { describe, expect, it } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario } from '../../sim/runner.js';

const STORM = [
  { endpoint: '*' as const, status: 503 as const, rate: 0.05 },
  { endpoint: '*' as const, status: 429 as const, rate: 0.05, retryAfter: 1000 },
];

describe('the built-in suite under a seeded 10% Graph storm', () => {
  it('keeps its verdicts, or changes one only where faults hit the run; never crashes', async () => {
    const files = discoverScenarioFiles(['scenarios']);
    let faulted = 0;
    let requests = 0;
    const changed: string[] = [];
    for (const file of files) {
      const scenario = loadScenarioFile(file);
      const calm = await runScenario(scenario);
      const stormy = await runScenario({ ...scenario, faults: [...(scenario.faults ?? []), ...STORM] });
      faulted += stormy.graph.faultsInjected;
      requests += stormy.graph.requests;
      expect(stormy.error?.message ?? '', file).not.toMatch(/internal error/);
      expect(stormy.status, `${file}: ${stormy.error?.message ?? ''}`).not.toBe('error');
      for (const call of stormy.calls) {
        if (call.state !== 'Ended') continue;
        // An ended call has an outcome for every service session, unless it is a terminated outbound call that
        // reporting leaves out altogether (OUT-07).
        for (const s of call.serviceSessions) expect(s.outcome !== null || !call.reported, `${file} ${call.id} ${s.service}`).toBe(true);
      }
      if (stormy.status !== calm.status) {
        changed.push(file);
        expect(stormy.graph.faultsInjected, `${file} changed its verdict without a single fault`).toBeGreaterThan(0);
      }
    }
    expect(faulted).toBeGreaterThan(20);
    expect(changed.length).toBeLessThanOrEqual(Math.ceil(files.length * 0.02));
    console.log(`storm: ${files.length} scenarios, ${faulted}/${requests} Graph requests faulted, ${changed.length} verdicts changed: ${changed.join(', ') || 'none'}`);
  }, 120_000);
});
