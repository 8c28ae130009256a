import { describe, expect, it } from 'vitest';
import { inboundAdmission, inboundRules, workflowAssignable } from '../../../src/rules/inbound.js';
import { ar, assertWellFormed, cc, er, failedRules, tenant } from './fixtures.js';

describe('workflowAssignable (MOD-06, SVC-13)', () => {
  it('MOD-06 + SVC-13: an ER-only activity cannot be assigned on Advanced Routing', () => {
    const d = workflowAssignable({ service: ar({ workflow: ['Accept', 'Check Parameter', 'Queue'] }) });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['SVC-13', 'MOD-06']);
  });

  it('SVC-02: the same workflow is assignable on Enterprise Routing and on Contact Center (tiers are cumulative)', () => {
    for (const s of [er({ workflow: ['Accept', 'Check Task', 'Queue'] }), cc({ workflow: ['Accept', 'Check Task', 'Queue'] })]) {
      const d = workflowAssignable({ service: s });
      expect(d.verdict).toBe(true);
      expect(d.because).toContain('MOD-06');
    }
  });

  it('SVC-13 + DIST-05: a Queue with Pickup distribution cannot be assigned below Enterprise Routing', () => {
    const d = workflowAssignable({ service: ar({ distribution: { type: 'Pickup' } }) });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(failedRules(d)).toEqual(['SVC-13', 'DIST-05', 'MOD-06']);
    expect(d.checks.find((c) => c.rule === 'SVC-13')?.detail).toContain('Pickup');
  });

  it('DIST-05: Pickup is fine from Enterprise Routing up, and a workflow without a Queue has no distribution', () => {
    expect(workflowAssignable({ service: er({ distribution: { type: 'Pickup' } }) }).verdict).toBe(true);
    expect(workflowAssignable({ service: cc({ distribution: { type: 'Pickup' } }) }).verdict).toBe(true);
    expect(workflowAssignable({ service: ar({ distribution: { type: 'Pickup' }, workflow: ['Accept', 'Announcement', 'Disconnect'] }) }).verdict).toBe(true);
  });
});

describe('inboundAdmission (SVC-11, MOD-01, MOD-06)', () => {
  it('admits a call to an Active tenant with an inbound, licensed workflow', () => {
    const d = inboundAdmission({ tenant: tenant(), service: er() });
    assertWellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(expect.arrayContaining(['SVC-11', 'MOD-01', 'MOD-06']));
  });

  it('SVC-11: a Suspended tenant rejects the call', () => {
    const d = inboundAdmission({ tenant: tenant({ state: 'Suspended' }), service: er() });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['SVC-11']);
  });

  it('MOD-01: Inbound Conversations disabled means no workflow takes the call', () => {
    const d = inboundAdmission({ tenant: tenant(), service: er({ modalities: { inbound: false } }) });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['MOD-01']);
  });

  it('SVC-13: an unassignable workflow (Pickup on Advanced Routing) refuses the call', () => {
    const d = inboundAdmission({ tenant: tenant(), service: ar({ distribution: { type: 'Pickup' } }) });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['SVC-13', 'DIST-05', 'MOD-06']);
  });

  it('lists every rule it cites', () => {
    const cited = new Set([
      ...inboundAdmission({ tenant: tenant({ state: 'Suspended' }), service: ar({ distribution: { type: 'Pickup' }, modalities: { inbound: false } }) }).checks.map((c) => c.rule),
    ]);
    for (const r of cited) expect(inboundRules).toContain(r);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind an admission.
describe('inbound decisions record the facts they read', () => {
  it('workflowAssignable reads the service, its license and the activities judged', () => {
    const d = workflowAssignable({ service: ar({ workflow: ['Accept', 'Queue'] }), activities: ['Accept', 'Check Task'] });
    expect(d.inputs).toEqual({ service: 'A', license: 'Advanced Routing', activities: ['Accept', 'Check Task'] });
  });
  it('inboundAdmission reads the tenant state and the service with its workflow', () => {
    const d = inboundAdmission({ tenant: tenant({ state: 'Suspended' }), service: er({ workflow: ['Accept', 'Queue'] }) });
    expect(d.inputs).toEqual({
      tenant: { state: 'Suspended' },
      service: { id: 'A', license: 'Enterprise Routing', inbound: true, workflow: ['Accept', 'Queue'] },
    });
  });
});
