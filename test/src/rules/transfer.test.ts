import { describe, expect, it } from 'vitest';
import { agentCanHandleCalls, serviceTransfer, userTransferTarget, workflowStructure } from '../../../src/rules/transfer.js';
import { inboundAdmission, workflowAssignable } from '../../../src/rules/inbound.js';
import { ar, assertWellFormed, cc, er, tenant, user } from './fixtures.js';

describe('serviceTransfer', () => {
  it('XFER-01 + XFER-04: a transfer to an existing service needs no license and no availability check', () => {
    const d = serviceTransfer({ tenant: tenant(), source: ar({ id: 'A' }), target: er({ id: 'B' }) });
    assertWellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['XFER-01', 'XFER-04', 'MOD-01']);
    expect(d.checks.find((c) => c.rule === 'XFER-04')?.detail).toBe('service B exists (availability and opening hours are not checked)');
  });
  it('XFER-04: a transfer to a service that does not exist fails', () => {
    const d = serviceTransfer({ tenant: tenant(), source: ar({ id: 'A' }), target: undefined, targetId: 'Ghost' });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['XFER-04']);
    expect(d.summary).toContain('service Ghost does not exist');
  });
  it('MOD-01: a target without Inbound Conversations has no A/V workflow to accept the call', () => {
    const d = serviceTransfer({ tenant: tenant(), source: cc({ id: 'A' }), target: cc({ id: 'B', modalities: { inbound: false } }) });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['MOD-01']);
  });
  it('XFER-04: the target may have user assignment None (an IVR service)', () => {
    expect(serviceTransfer({ tenant: tenant(), source: cc({ id: 'A' }), target: cc({ id: 'IVR', assignment: 'None' }) }).verdict).toBe(true);
  });
});

describe('userTransferTarget and agentCanHandleCalls (LIC-05)', () => {
  const rows = [
    { rule: 'LIC-05: Teams Phone Standard makes a user a transfer target', licenses: ['Teams Phone Standard'], ok: true },
    { rule: 'LIC-05: Microsoft 365 E5 includes Teams Phone', licenses: ['SPE_E5'], ok: true },
    { rule: 'LIC-05: the legacy name Phone System counts', licenses: ['Phone System'], ok: true },
    { rule: 'LIC-05: Microsoft 365 E3 alone does not include Teams Phone', licenses: ['Microsoft 365 E3'], ok: false },
    { rule: 'LIC-05: no license, no transfer target', licenses: [], ok: false },
  ];
  it.each(rows)('$rule', ({ licenses, ok }) => {
    const u = user('bob', { licenses });
    for (const d of [userTransferTarget({ tenant: tenant(), targetUser: u }), agentCanHandleCalls({ user: u })]) {
      assertWellFormed(d);
      expect(d.verdict).toBe(ok);
      expect(d.because).toEqual(['LIC-05']);
    }
  });
  it('names the licenses the user has', () => {
    const d = userTransferTarget({ tenant: tenant(), targetUser: user('bob', { licenses: ['Microsoft 365 E3'] }) });
    expect(d.checks[0]?.detail).toBe('user bob lacks Teams Phone Standard (licenses: Microsoft 365 E3; plans: TEAMS1), needed by transfer and consultation targets');
  });
});

describe('inboundAdmission', () => {
  it('MOD-01: a service with Inbound Conversations takes the call', () => {
    const d = inboundAdmission({ tenant: tenant(), service: cc() });
    assertWellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['SVC-11', 'MOD-01', 'MOD-06']);
  });
  it('SVC-11: a Suspended tenant diverts the call to the default announcement', () => {
    const d = inboundAdmission({ tenant: tenant({ state: 'Suspended' }), service: cc() });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['SVC-11']);
    expect(d.summary).toContain('default announcement workflow');
  });
  it('MOD-01: Inbound Conversations off rejects the call', () => {
    const d = inboundAdmission({ tenant: tenant(), service: cc({ modalities: { inbound: false } }) });
    expect(d.because).toEqual(['MOD-01']);
  });
  it('MOD-06 + SVC-13: an Advanced Routing workflow with Check Parameter cannot be assigned', () => {
    const d = inboundAdmission({ tenant: tenant(), service: ar({ workflow: ['Accept', 'Check Parameter', 'Queue'] }) });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['SVC-13', 'MOD-06']);
  });
});

describe('workflowAssignable', () => {
  it.each([
    ['Advanced Routing', ['Accept', 'Queue'], true],
    ['Advanced Routing', ['Accept', 'Check Task', 'Queue'], false],
    ['Enterprise Routing', ['Accept', 'Check Task', 'Check Parameter', 'Queue'], true],
    ['Contact Center', ['Accept', 'Check Parameter', 'Queue'], true],
  ] as const)('MOD-06: %s with %j → %s', (license, workflow, ok) => {
    const d = workflowAssignable({ service: cc({ license, workflow: [...workflow] }) });
    expect(d.verdict).toBe(ok);
    expect(d.because).toEqual(ok ? ['MOD-06'] : ['SVC-13', 'MOD-06']);
  });
});

describe('workflowStructure (WF-01..03, OUT-05, WF-07)', () => {
  it('WF-01: a workflow that starts with Accept can run', () => {
    const d = workflowStructure({ service: er({ workflow: ['Accept', 'Announcement', 'Queue'] }), direction: 'inbound' });
    assertWellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['WF-01', 'WF-03']);
  });
  it('WF-01: Accept is mandatory', () => {
    const d = workflowStructure({ service: er({ workflow: ['Queue'] }), direction: 'inbound' });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['WF-01']);
    expect(d.summary).toContain('has no Accept activity');
  });
  it('WF-01: only Availability Based Routing may run before Accept', () => {
    expect(workflowStructure({ service: er({ workflow: ['Availability Based Routing', 'Accept', 'Queue'] }), direction: 'inbound' }).verdict).toBe(true);
    const d = workflowStructure({ service: er({ workflow: ['Check Opening Hours', 'Accept', 'Queue'] }), direction: 'inbound' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['WF-01']);
  });
  it('WF-03: an Announcement needs a preceding Accept', () => {
    const d = workflowStructure({ service: er({ workflow: ['Announcement', 'Accept', 'Queue'] }), direction: 'inbound' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['WF-01', 'WF-03']);
  });
  it('WF-02: Disconnect is noted as the closing bracket', () => {
    const d = workflowStructure({ service: er({ workflow: ['Accept', 'Disconnect'] }), direction: 'inbound' });
    expect(d.verdict).toBe(true);
    expect(d.because).toContain('WF-02');
  });
  it('OUT-05 / WF-07: Voice Message is refused only in Outbound with Workflow', () => {
    const service = cc({ workflow: ['Accept', 'Voice Message'] });
    expect(workflowStructure({ service, direction: 'inbound' }).verdict).toBe(true);
    const d = workflowStructure({ service, direction: 'outboundWithWorkflow' });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['OUT-05', 'WF-07']);
  });
  it('WF-01: a workflow of Availability Based Routing alone still lacks Accept', () => {
    const d = workflowStructure({ service: er({ workflow: ['Availability Based Routing'] }), direction: 'inbound' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['WF-01']);
  });
  it('WF-03: without any Accept an Announcement has none before it either', () => {
    const d = workflowStructure({ service: er({ workflow: ['Announcement', 'Queue'] }), direction: 'inbound' });
    expect(d.because).toEqual(['WF-01', 'WF-03']);
  });
  it('OUT-05: an Outbound Call with Workflow without Voice Message can run (WF-07 is not cited)', () => {
    const d = workflowStructure({ service: cc({ workflow: ['Accept', 'Queue'] }), direction: 'outboundWithWorkflow' });
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['WF-01', 'OUT-05']);
  });
  it('a workflow item may be an object: { Transfer: { to } } is the Transfer activity', () => {
    const service = er({ workflow: ['Accept', { Transfer: { to: { pstn: '+41795550199' } } }] });
    expect(service.workflow[1]).toEqual({ activity: 'Transfer', to: { pstn: '+41795550199' } });
    const d = workflowStructure({ service, direction: 'inbound' });
    expect(d.verdict).toBe(true);
    expect(d.inputs['activities']).toEqual(['Accept', 'Transfer']);
  });
});

// The inputs are the facts `why`, the reports and a failed assertion show behind a transfer decision.
describe('transfer decisions record the facts they read', () => {
  it('XFER-04: serviceTransfer reads the source, the target (or that it does not exist) and the tenant', () => {
    const to = serviceTransfer({ tenant: tenant(), source: ar({ id: 'A' }), target: er({ id: 'B', modalities: { inbound: false } }) });
    expect(to.inputs).toEqual({ source: 'A', target: { id: 'B', license: 'Enterprise Routing', inbound: false }, tenant: tenant().name });
    const ghost = serviceTransfer({ tenant: tenant(), source: ar({ id: 'A' }), target: undefined, targetId: 'Ghost' });
    expect(ghost.inputs['target']).toEqual({ id: 'Ghost', exists: false });
    expect(ghost.checks.map((c) => c.rule)).toEqual(['XFER-01', 'XFER-04']);
  });

  it('LIC-05: the target and the agent decisions read the user and their licenses', () => {
    const u = user('bob', { licenses: ['SPE_E5'] });
    expect(userTransferTarget({ tenant: tenant(), targetUser: u }).inputs).toEqual({ targetUser: { id: 'bob', licenses: ['Microsoft 365 E5'], plans: ['MCOEV', 'TEAMS1'] } });
    expect(agentCanHandleCalls({ user: u }).inputs).toEqual({ user: { id: 'bob', licenses: ['Microsoft 365 E5'], plans: ['MCOEV', 'TEAMS1'] } });
  });
});
