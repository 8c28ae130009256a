import { describe, expect, it } from 'vitest';
import { outboundReported, preferredUserApplies, scheduleOutbound } from '../../../src/rules/outbound.js';
import type { ServiceFacts, TenantFacts } from '../../../src/rules/facts.js';
import type { ServiceLicenseTier, WorkflowActivity } from '../../../src/domain/enums.js';
import { ar, assertWellFormed, cc, er, tenant, user } from './fixtures.js';

const ccOut = cc({ modalities: { outbound: true, outboundWithWorkflow: true } });

describe('scheduleOutbound', () => {
  const rows: {
    rule: string;
    svc?: ServiceFacts;
    inProgress?: number;
    withWorkflow?: boolean;
    activities?: WorkflowActivity[];
    tenant?: Partial<Omit<TenantFacts, 'behavior'>>;
    tiers?: ServiceLicenseTier[];
    ok: boolean;
    because: string[];
  }[] = [
    { rule: 'OUT-01 + OUT-02 + MOD-02: a CC service with Outbound Conversations schedules the call', ok: true, because: ['SVC-11', 'SVC-12', 'OUT-01', 'OUT-02', 'MOD-02', 'OUT-03'] },
    { rule: 'OUT-01 + OUT-02: an Enterprise Routing service cannot schedule outbound calls', svc: er({ modalities: { outbound: true } }), ok: false, because: ['OUT-01', 'OUT-02'] },
    { rule: 'SVC-12 + OUT-01 + OUT-02: an Advanced Routing service alone: no connector, and no outbound calls', svc: ar({ modalities: { outbound: true } }), ok: false, because: ['SVC-12', 'OUT-01', 'OUT-02'] },
    { rule: 'SVC-12: a tenant of Advanced Routing services only cannot use the connector at all', tiers: ['Advanced Routing', 'Advanced Routing'], ok: false, because: ['SVC-12'] },
    { rule: 'SVC-12: one Enterprise Routing service anywhere in the tenant makes the connector usable', tiers: ['Advanced Routing', 'Enterprise Routing', 'Contact Center'], ok: true, because: ['SVC-12'] },
    { rule: 'MOD-02: Outbound Conversations must be enabled', svc: cc(), ok: false, because: ['MOD-02'] },
    { rule: 'MOD-03: Outbound with Workflow must be enabled for the with-workflow action', svc: cc({ modalities: { outbound: true } }), withWorkflow: true, ok: false, because: ['MOD-03'] },
    { rule: 'MOD-03: with Outbound with Workflow enabled the with-workflow action is accepted', withWorkflow: true, ok: true, because: ['MOD-03', 'OUT-05'] },
    { rule: 'OUT-03: 19 of 20 in progress leaves room', inProgress: 19, ok: true, because: ['OUT-03'] },
    { rule: 'OUT-03: the 21st task is refused with the default limit 20', inProgress: 20, ok: false, because: ['OUT-03'] },
    { rule: 'OUT-03: tenant.maxScheduledOutboundPerService = 1 refuses the second task', inProgress: 1, tenant: { maxScheduledOutboundPerService: 1 }, ok: false, because: ['OUT-03'] },
    { rule: 'OUT-05 + WF-07: Voice Message is not allowed in Outbound with Workflow', withWorkflow: true, activities: ['Accept', 'Voice Message'], ok: false, because: ['OUT-05', 'WF-07'] },
    { rule: 'OUT-05: Voice Message does not matter for the plain action', activities: ['Accept', 'Voice Message'], ok: true, because: ['MOD-02'] },
    { rule: 'SVC-11: a Suspended tenant rejects outbound tasks', tenant: { state: 'Suspended' }, ok: false, because: ['SVC-11'] },
  ];
  it.each(rows)('$rule', (row) => {
    const d = scheduleOutbound({
      tenant: tenant(row.tenant ?? {}),
      service: row.svc ?? ccOut,
      inProgress: row.inProgress ?? 0,
      withWorkflow: row.withWorkflow ?? false,
      workflowActivities: row.activities,
      tenantServiceTiers: row.tiers,
    });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.ok);
    if (row.ok) expect(d.because).toEqual(expect.arrayContaining(row.because));
    else expect(d.because).toEqual(row.because);
  });

  it('OUT-03 names the limit and the setting', () => {
    const d = scheduleOutbound({ tenant: tenant(), service: ccOut, inProgress: 20, withWorkflow: false, workflowActivities: undefined });
    expect(d.summary).toBe(
      '"Schedule an Outbound Call" for service A returns a flow error: service A already has 20 outbound tasks scheduled or in progress, the limit is 20 (tenant.maxScheduledOutboundPerService): flow error, the task is dropped',
    );
  });
  it("uses the service's workflow when no activities are given", () => {
    const s = cc({ modalities: { outboundWithWorkflow: true }, workflow: ['Accept', 'Voice Message'] });
    expect(scheduleOutbound({ tenant: tenant(), service: s, inProgress: 0, withWorkflow: true }).because).toEqual(['OUT-05', 'WF-07']);
  });
  it('reads activity names from object workflow items (a workflow Transfer activity)', () => {
    const ok = cc({ modalities: { outboundWithWorkflow: true }, workflow: ['Accept', { Transfer: { to: { service: 'B' } } }] });
    const d = scheduleOutbound({ tenant: tenant(), service: ok, inProgress: 0, withWorkflow: true });
    expect(d.verdict).toBe(true);
    expect(d.inputs['workflowActivities']).toEqual(['Accept', 'Transfer']);
    const voice = cc({ modalities: { outboundWithWorkflow: true }, workflow: ['Accept', { Transfer: { to: { pstn: '+41795550199' } } }, 'Voice Message'] });
    expect(scheduleOutbound({ tenant: tenant(), service: voice, inProgress: 0, withWorkflow: true }).because).toEqual(['OUT-05', 'WF-07']);
  });
});

describe('outboundReported', () => {
  const rows = [
    { rule: 'OUT-07: reached and accepted calls are reported (Outbound Accepted)', reached: true, accepted: true, setting: true, reported: true, because: ['OUT-07', 'OUT-09'] },
    { rule: 'OUT-07: an abort before the user accepted is terminated, not reported', reached: false, accepted: false, setting: false, reported: false, because: ['OUT-07'] },
    { rule: 'OUT-07: an unreached target is terminated with behavior.unreachedOutboundIsTerminated true', reached: false, accepted: true, setting: true, reported: false, because: ['OUT-07'] },
    { rule: 'OUT-07 + OUT-09: an unreached target is reported with behavior.unreachedOutboundIsTerminated false', reached: false, accepted: true, setting: false, reported: true, because: ['OUT-07', 'OUT-09'] },
  ];
  it.each(rows)('$rule', ({ reached, accepted, setting, reported, because }) => {
    const d = outboundReported({ tenant: tenant({ behavior: { unreachedOutboundIsTerminated: setting } }), reachedTarget: reached, userAccepted: accepted });
    assertWellFormed(d);
    expect(d.verdict).toBe(reported);
    expect(d.because).toEqual(because);
  });
  it('OUT-09: an unreached call terminated by the setting gets no reporting-group note, only the OUT-07 refusal', () => {
    const d = outboundReported({ tenant: tenant({ behavior: { unreachedOutboundIsTerminated: true } }), reachedTarget: false, userAccepted: true });
    expect(d.checks.map((c) => [c.rule, c.passed])).toEqual([['OUT-07', false]]);
  });
  it('names the setting when it decided', () => {
    const d = outboundReported({ tenant: tenant({ behavior: { unreachedOutboundIsTerminated: true } }), reachedTarget: false, userAccepted: true });
    expect(d.summary).toContain('behavior.unreachedOutboundIsTerminated is true');
  });
});

describe('preferredUserApplies', () => {
  it('DIST-08 + OUT-06: preferred user routing is ignored for outbound tasks', () => {
    const d = preferredUserApplies({ direction: 'outbound' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['DIST-08', 'OUT-06']);
  });
  it('DIST-08: preferred user routing applies to inbound tasks', () => {
    const d = preferredUserApplies({ direction: 'inbound' });
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['DIST-08']);
  });
  it('DIST-07: a preferred user needs a Contact Center license', () => {
    expect(preferredUserApplies({ direction: 'inbound', preferredUser: user('bob') }).because).toEqual(['DIST-07']);
    expect(preferredUserApplies({ direction: 'inbound', preferredUser: user('bob', { ccLicense: true }) }).verdict).toBe(true);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind an outbound decision.
describe('outbound decisions record the facts they read', () => {
  it('scheduleOutbound reads the tenant limit, the service modalities, the calls in progress and the workflow', () => {
    const s = cc({ modalities: { outbound: true, outboundWithWorkflow: false }, workflow: ['Accept', 'Queue'] });
    const d = scheduleOutbound({ tenant: tenant({ maxScheduledOutboundPerService: 3 }), service: s, inProgress: 2, withWorkflow: false });
    expect(d.inputs).toEqual({
      tenant: { state: 'Active', maxScheduledOutboundPerService: 3 },
      service: { id: 'A', license: 'Contact Center', outbound: true, outboundWithWorkflow: false },
      inProgress: 2,
      withWorkflow: false,
      workflowActivities: ['Accept', 'Queue'],
    });
  });
  it('outboundReported reads whether the target was reached, whether a user accepted, and the setting', () => {
    const d = outboundReported({ tenant: tenant({ behavior: { unreachedOutboundIsTerminated: false } }), reachedTarget: false, userAccepted: true });
    expect(d.inputs).toEqual({ reachedTarget: false, userAccepted: true, unreachedOutboundIsTerminated: false });
  });
  it('preferredUserApplies reads the direction and the preferred user, or none', () => {
    expect(preferredUserApplies({ direction: 'inbound', preferredUser: user('ann') }).inputs).toEqual({ direction: 'inbound', preferredUser: 'ann' });
    expect(preferredUserApplies({ direction: 'outbound' }).inputs).toEqual({ direction: 'outbound', preferredUser: null });
  });
});
