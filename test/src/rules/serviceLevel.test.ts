import { describe, expect, it } from 'vitest';
import { ServiceSpec } from '../../../src/domain/model.js';
import { isUnderSla } from '../../../src/rules/reporting.js';
import { serviceLevel, type SlaSession } from '../../../src/rules/serviceLevel.js';

const service = (id: string, slaTime: string) => ServiceSpec.parse({ id, license: 'Contact Center', assignment: 'MS Teams-based', distribution: { slaTime } });
const sales = service('Sales', '20s');
const support = service('Support', '60s');
const queued = (svc: typeof sales, queueTimeMs: number, outcome: string | null = 'User Accepted'): SlaSession => ({ service: svc, everQueued: true, outcome, queueTimeMs });

describe('serviceLevel (REP-08 over a set of sessions)', () => {
  it('is the share of queued, ended sessions whose queue time is below their service SLA time', () => {
    const d = serviceLevel({ sessions: [queued(sales, 5_000), queued(sales, 19_999), queued(sales, 20_000), queued(sales, 45_000)] });
    expect(d.verdict).toBe(0.5);
    expect([d.eligible, d.underSla]).toEqual([4, 2]);
    expect(d.because).toEqual(['REP-08']);
    expect(d.question).toBe('serviceLevel');
    expect(d.inputs).toEqual({ sessions: 4, eligible: 4, underSla: 2, slaTimes: { Sales: 20_000 } });
    expect(d.checks).toEqual([{ rule: 'REP-08', passed: true, detail: expect.stringContaining('2 of 4 queued sessions') }]);
    expect(d.summary).toMatch(/^service level 50\.0%/);
  });

  it('leaves out sessions never queued and sessions still open, as IsUnderSla does', () => {
    const neverQueued: SlaSession = { service: sales, everQueued: false, outcome: 'User Accepted', queueTimeMs: 0 };
    const d = serviceLevel({ sessions: [neverQueued, queued(sales, 1_000, null), queued(sales, 30_000)] });
    expect([d.verdict, d.eligible, d.underSla]).toEqual([0, 1, 0]);
  });

  it('has no verdict when no session counts', () => {
    const d = serviceLevel({ sessions: [] });
    expect(d.verdict).toBeNull();
    expect(d.eligible).toBe(0);
    expect(d.summary).toMatch(/^no service level/);
  });

  it('judges each session by its own service SLA time, across services', () => {
    const d = serviceLevel({ sessions: [queued(sales, 30_000), queued(support, 30_000), queued(support, 59_000)] });
    expect([d.eligible, d.underSla]).toEqual([3, 2]);
    expect(d.verdict).toBe(2 / 3);
    expect(d.inputs.slaTimes).toEqual({ Sales: 20_000, Support: 60_000 });
  });

  it('never disagrees with the per-session IsUnderSla decision', () => {
    for (const queueTimeMs of [0, 19_999, 20_000, 20_001]) {
      const d = serviceLevel({ sessions: [queued(sales, queueTimeMs)] });
      expect(d.underSla === 1).toBe(isUnderSla({ service: sales, queueTimeMs }).verdict);
    }
  });
});
