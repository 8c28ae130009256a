import { describe, expect, it } from 'vitest';
import {
  blindTransferUserOutcome,
  isUnderSla,
  openUserSessionOutcome,
  outcomeGroupId,
  outcomeGroupOf,
  safeTransferTakenOver,
  serviceSessionOutcome,
  transferringUserOutcome,
  userSessionOutcome,
  type ServiceSessionSummary,
  type UserSessionSummary,
} from '../../../src/rules/reporting.js';
import type { ServiceSessionOutcome, UserSessionOutcome } from '../../../src/domain/enums.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { assertWellFormed, cc, tenant } from './fixtures.js';

describe('userSessionOutcome', () => {
  const rows: { rule: string; session: UserSessionSummary; behavior?: Partial<BehaviorSettings>; outcome: UserSessionOutcome; because: string[] }[] = [
    { rule: 'REP-04: a user who accepts and handles the task: Accepted', session: { user: 'a', origin: 'queue', response: 'accepted' }, outcome: 'Accepted', because: ['REP-04'] },
    { rule: 'REP-04: a consultation without merge or transfer: Accepted', session: { user: 'b', origin: 'consultation', response: 'accepted' }, outcome: 'Accepted', because: ['REP-04'] },
    { rule: 'REP-06: a declined offer: Declined', session: { user: 'b', origin: 'safeTransfer', response: 'declined' }, outcome: 'Declined', because: ['REP-06'] },
    { rule: 'REP-06: an offer withdrawn before answer: Cancelled', session: { user: 'b', origin: 'queue', response: 'cancelled' }, outcome: 'Cancelled', because: ['REP-06'] },
    { rule: 'REP-06: B ignores a blind transfer: Cancelled', session: { user: 'b', origin: 'blindTransfer', response: 'ignored' }, outcome: 'Cancelled', because: ['REP-06'] },
    {
      rule: 'RONA-13: a queue offer that rings out: RONA (behavior.ronaUserSessionOutcome = RONA)',
      session: { user: 'a', origin: 'queue', response: 'timeout' },
      behavior: { ronaUserSessionOutcome: 'RONA' },
      outcome: 'RONA',
      because: ['RONA-13'],
    },
    {
      rule: 'RONA-13: a queue offer that rings out: Cancelled (behavior.ronaUserSessionOutcome = Cancelled)',
      session: { user: 'a', origin: 'queue', response: 'ignored' },
      behavior: { ronaUserSessionOutcome: 'Cancelled' },
      outcome: 'Cancelled',
      because: ['RONA-13'],
    },
    {
      rule: 'REP-06: A transfers to B and B accepts: A Transferred Internally',
      session: { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: true } },
      outcome: 'Transferred Internally',
      because: ['REP-06'],
    },
    {
      rule: 'REP-06: consultation to a Nimbus service then transfer: Transferred Internally',
      session: { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'consultation', to: 'service', succeeded: true } },
      outcome: 'Transferred Internally',
      because: ['REP-06'],
    },
    {
      rule: 'REP-06: consultation to a PSTN number then transfer: Transferred Externally',
      session: { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'consultation', to: 'pstn', succeeded: true } },
      outcome: 'Transferred Externally',
      because: ['REP-06'],
    },
    {
      rule: 'REP-06 + XFER-06: A blind-transfers and B ignores: A Internal Transfer Failed',
      session: { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'user', succeeded: false } },
      outcome: 'Internal Transfer Failed',
      because: ['REP-06', 'XFER-06'],
    },
    {
      rule: 'REP-06 + XFER-05: A safe-transfers and B declines: A stays Accepted',
      session: { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: false } },
      outcome: 'Accepted',
      because: ['REP-06', 'XFER-05'],
    },
  ];
  it.each(rows)('$rule', (row) => {
    const d = userSessionOutcome({ tenant: tenant({ behavior: row.behavior ?? {} }), session: row.session });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.outcome);
    expect(d.because).toEqual(row.because);
  });
});

const inbound = (over: Partial<ServiceSessionSummary>): ServiceSessionSummary => ({
  service: 'A',
  direction: 'inbound',
  passedAccept: true,
  userSessions: [],
  end: { by: 'user' },
  ...over,
});

describe('serviceSessionOutcome', () => {
  const rows: { rule: string; session: ServiceSessionSummary; behavior?: Partial<BehaviorSettings>; outcome: ServiceSessionOutcome | null; because: string[] }[] = [
    {
      rule: 'REP-04: a user accepted the task: User Accepted',
      session: inbound({ userSessions: [{ user: 'a', origin: 'queue', response: 'accepted' }] }),
      outcome: 'User Accepted',
      because: ['REP-05', 'REP-04'],
    },
    {
      rule: 'REP-06: A transfers to B and B accepts: User Internal Transfer Success',
      session: inbound({
        userSessions: [
          { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: true } },
          { user: 'b', origin: 'safeTransfer', response: 'accepted' },
        ],
      }),
      outcome: 'User Internal Transfer Success',
      because: ['REP-05', 'REP-06'],
    },
    {
      rule: 'REP-05: the result does not depend on the order B and A are listed',
      session: inbound({
        userSessions: [
          { user: 'b', origin: 'blindTransfer', response: 'accepted' },
          { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'user', succeeded: true } },
        ],
      }),
      outcome: 'User Internal Transfer Success',
      because: ['REP-05', 'REP-06'],
    },
    {
      rule: 'REP-06: A blind-transfers and B ignores: User Internal Transfer Failed',
      session: inbound({
        userSessions: [
          { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'user', succeeded: false } },
          { user: 'b', origin: 'blindTransfer', response: 'ignored' },
        ],
        end: { by: 'customer', where: 'ringing' },
      }),
      outcome: 'User Internal Transfer Failed',
      because: ['REP-05', 'REP-06', 'XFER-06'],
    },
    {
      rule: 'REP-06: A safe-transfers, B declines, the customer hangs up: User Accepted',
      session: inbound({
        userSessions: [
          { user: 'b', origin: 'safeTransfer', response: 'declined' },
          { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: false } },
        ],
        end: { by: 'customer', where: 'connected' },
      }),
      outcome: 'User Accepted',
      because: ['REP-05', 'REP-06', 'XFER-05'],
    },
    {
      rule: 'REP-06: consultation to a Nimbus service: User Internal Transfer Success',
      session: inbound({ userSessions: [{ user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'consultation', to: 'service', succeeded: true } }] }),
      outcome: 'User Internal Transfer Success',
      because: ['REP-05', 'REP-06'],
    },
    {
      rule: 'REP-06: consultation to a PSTN number: User External Transfer Success (no user session for the target)',
      session: inbound({ userSessions: [{ user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'consultation', to: 'pstn', succeeded: true } }] }),
      outcome: 'User External Transfer Success',
      because: ['REP-05', 'REP-06'],
    },
    {
      rule: 'REP-05: the last outcome wins along a chain (A→B ok, B→C blind fails)',
      session: inbound({
        userSessions: [
          { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: true } },
          { user: 'b', origin: 'safeTransfer', response: 'accepted', transfer: { kind: 'blind', to: 'user', succeeded: false } },
          { user: 'c', origin: 'blindTransfer', response: 'timeout' },
        ],
      }),
      outcome: 'User Internal Transfer Failed',
      because: ['REP-05', 'REP-06', 'XFER-06'],
    },
    {
      rule: 'REP-05: RONA and Cancelled sessions do not change the outcome (Broadcast)',
      session: inbound({
        userSessions: [
          { user: 'a', origin: 'queue', response: 'timeout' },
          { user: 'b', origin: 'queue', response: 'cancelled' },
          { user: 'c', origin: 'queue', response: 'accepted' },
        ],
      }),
      outcome: 'User Accepted',
      because: ['REP-05', 'REP-04'],
    },
    { rule: 'REP-02: hung up before the Accept activity', session: inbound({ passedAccept: false, end: { by: 'customer', where: 'ivr' } }), outcome: 'Customer Hangup Before Accept', because: ['REP-02'] },
    { rule: 'REP-03: hung up in the IVR before being queued', session: inbound({ end: { by: 'customer', where: 'ivr' } }), outcome: 'Customer Hangup In Ivr', because: ['REP-03'] },
    { rule: 'REP-03: hung up while queued', session: inbound({ end: { by: 'customer', where: 'queue' } }), outcome: 'Customer Hangup In Queue', because: ['REP-03'] },
    {
      rule: 'REP-03: hung up while the offer rang (still queued), after a RONA',
      session: inbound({ userSessions: [{ user: 'a', origin: 'queue', response: 'timeout' }], end: { by: 'customer', where: 'ringing' } }),
      outcome: 'Customer Hangup In Queue',
      because: ['REP-03'],
    },
    { rule: 'REP-03: hung up in the IVR after having been queued', session: inbound({ end: { by: 'customer', where: 'ivrAfterQueue' } }), outcome: 'Customer Hangup In Ivr After Queue', because: ['REP-03'] },
    {
      rule: 'XFER-03 + WF-06: a workflow PSTN transfer failing on the first-service rule: Transfer Failed',
      session: inbound({ end: { by: 'workflowTransfer', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } }),
      outcome: 'Transfer Failed',
      because: ['XFER-03', 'WF-06'],
    },
    {
      rule: 'XFER-03: a manual PSTN transfer failing on the first-service rule, behavior.firstServiceRuleForManualTransfers true: Transfer Failed',
      session: inbound({ userSessions: [{ user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } }] }),
      behavior: { firstServiceRuleForManualTransfers: true },
      outcome: 'Transfer Failed',
      because: ['REP-05', 'XFER-03'],
    },
    {
      rule: 'REP-06: the same failure with behavior.firstServiceRuleForManualTransfers false: User Internal Transfer Failed',
      session: inbound({ userSessions: [{ user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } }] }),
      behavior: { firstServiceRuleForManualTransfers: false },
      outcome: 'User Internal Transfer Failed',
      because: ['REP-05', 'REP-06', 'XFER-06'],
    },
    { rule: 'XFER-04: a workflow transfer to a service: System Transfer Success', session: inbound({ end: { by: 'workflowTransfer', to: 'service', succeeded: true } }), outcome: 'System Transfer Success', because: ['XFER-04'] },
    { rule: 'REP-01: a voice message', session: inbound({ end: { by: 'voiceMessage' } }), outcome: 'Voice Message', because: ['REP-01'] },
    { rule: 'WF-02: the workflow disconnects', session: inbound({ end: { by: 'system' } }), outcome: 'Disconnected By System', because: ['WF-02'] },
    { rule: 'REP-01: an error', session: inbound({ end: { by: 'error' } }), outcome: 'Error', because: ['REP-01'] },
    {
      rule: 'OUT-09: a COB call that reached its target: Outbound Accepted',
      session: { service: 'A', direction: 'callOnBehalf', passedAccept: true, userSessions: [{ user: 'a', origin: 'invitation', response: 'accepted' }], end: { by: 'user' }, outbound: { userAccepted: true, reachedTarget: true } },
      outcome: 'Outbound Accepted',
      because: ['OUT-09', 'OUT-07'],
    },
    {
      rule: 'OUT-07: an unreached target is terminated and not reported (behavior.unreachedOutboundIsTerminated true)',
      session: { service: 'A', direction: 'outbound', passedAccept: true, userSessions: [], end: { by: 'customer', where: 'connected' }, outbound: { userAccepted: true, reachedTarget: false } },
      behavior: { unreachedOutboundIsTerminated: true },
      outcome: null,
      because: ['OUT-07'],
    },
    {
      rule: 'OUT-09: an unreached target is Outbound Not Accepted with behavior.unreachedOutboundIsTerminated false',
      session: { service: 'A', direction: 'outbound', passedAccept: true, userSessions: [], end: { by: 'customer', where: 'connected' }, outbound: { userAccepted: true, reachedTarget: false } },
      behavior: { unreachedOutboundIsTerminated: false },
      outcome: 'Outbound Not Accepted',
      because: ['OUT-09', 'OUT-07'],
    },
    {
      rule: 'OUT-07: an abort before the user accepted the invitation is not reported',
      session: { service: 'A', direction: 'outboundWithWorkflow', passedAccept: true, userSessions: [], end: { by: 'system' } },
      outcome: null,
      because: ['OUT-07'],
    },
  ];
  it.each(rows)('$rule', (row) => {
    const d = serviceSessionOutcome({ tenant: tenant({ behavior: row.behavior ?? {} }), session: row.session });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.outcome);
    expect(d.because).toEqual(row.because);
  });

  it('REP-01: a reported outcome names its group', () => {
    const d = serviceSessionOutcome({ tenant: tenant(), session: inbound({ end: { by: 'customer', where: 'queue' } }) });
    expect(d.checks.at(-1)).toEqual({ rule: 'REP-01', passed: true, detail: 'Customer Hangup In Queue belongs to outcome group Hangup By Customer' });
  });
});

describe('outcome groups (REP-01, OUT-09)', () => {
  it.each([
    ['User Accepted', 'Handled By User', 1],
    ['Customer Hangup Before Accept', 'Hangup By Customer', 3],
    ['User Internal Transfer Failed', 'Not Handled', 4],
    ['Transfer Failed', 'Error', 5],
    ['Outbound Accepted', 'Outbound Accepted', 6],
    ['Outbound Not Accepted', 'Outbound Not Accepted', 7],
  ] as const)('%s → %s (%i)', (outcome, group, id) => {
    expect(outcomeGroupOf(outcome)).toBe(group);
    expect(outcomeGroupId(outcomeGroupOf(outcome))).toBe(id);
  });
});

describe('isUnderSla (REP-08)', () => {
  it.each([
    [19_999, '20s', true],
    [20_000, '20s', false],
    [0, '20s', true],
    [45_000, '1m', true],
  ] as const)('REP-08: queue time %i ms with SLA %s → %s', (queueTimeMs, slaTime, under) => {
    const d = isUnderSla({ service: cc({ distribution: { slaTime } }), queueTimeMs });
    assertWellFormed(d);
    expect(d.verdict).toBe(under);
    expect(d.because).toEqual(['REP-08']);
  });
  it('names both times', () => {
    expect(isUnderSla({ service: cc(), queueTimeMs: 25_000 }).summary).toBe('IsUnderSla is false for service A: queue time 25s is not below the SLA time 20s of service A');
  });
});

describe('userSessionOutcome when the missed offer set no RONA', () => {
  it('RONA-03: a Broadcast offer that rings out sets no RONA flag, so the user session is Cancelled, not RONA', () => {
    const none = userSessionOutcome({ tenant: tenant(), session: { user: 'u1', origin: 'queue', response: 'timeout', ronaApplied: false } });
    expect(none.verdict).toBe('Cancelled');
    expect(none.because).toEqual(['RONA-03']);
    const rona = userSessionOutcome({ tenant: tenant(), session: { user: 'u1', origin: 'queue', response: 'timeout', ronaApplied: true } });
    expect(rona.verdict).toBe('RONA');
    expect(rona.because).toEqual(['RONA-13']);
  });
});

describe('transferringUserOutcome (REP-06, XFER-05, XFER-06)', () => {
  const ask = (transfer: Parameters<typeof transferringUserOutcome>[0]['transfer']) => transferringUserOutcome({ tenant: tenant(), user: 'a', origin: 'queue', transfer });

  it('a transfer the target took: Transferred Internally, or Externally to a number', () => {
    expect(ask({ kind: 'safe', to: 'user', succeeded: true })).toMatchObject({ verdict: 'Transferred Internally', because: ['REP-06'], inputs: { user: 'a', response: 'accepted' } });
    expect(ask({ kind: 'blind', to: 'service', succeeded: true })).toMatchObject({ verdict: 'Transferred Internally', because: ['REP-06'] });
    expect(ask({ kind: 'blind', to: 'pstn', succeeded: true })).toMatchObject({ verdict: 'Transferred Externally', because: ['REP-06'] });
  });

  it('a blind transfer its target missed: Internal Transfer Failed (XFER-06); a safe one comes back: Accepted (XFER-05)', () => {
    expect(ask({ kind: 'blind', to: 'user', succeeded: false })).toMatchObject({ verdict: 'Internal Transfer Failed', because: ['REP-06', 'XFER-06'] });
    expect(ask({ kind: 'safe', to: 'user', succeeded: false })).toMatchObject({ verdict: 'Accepted', because: ['REP-06', 'XFER-05'] });
    assertWellFormed(ask({ kind: 'blind', to: 'user', succeeded: false }));
  });
});

describe('serviceSessionOutcome: a PSTN transfer refused by the first-service rule, whatever kind of call (XFER-03, WF-06)', () => {
  const cob = (over: Partial<ServiceSessionSummary>): ServiceSessionSummary =>
    inbound({ direction: 'callOnBehalf', outbound: { userAccepted: true, reachedTarget: true }, userSessions: [{ user: 'lea', origin: 'queue', response: 'accepted' }], ...over });
  const refusedByWorkflowPath = { by: 'workflowTransfer', to: 'pstn', succeeded: false, firstServiceUnlicensed: true, transferredBy: { user: 'lea' } } as const;

  it('a Call on Behalf or scheduled outbound session ends Transfer Failed through the Exit route, as an inbound one does', () => {
    for (const direction of ['inbound', 'callOnBehalf', 'outbound', 'outboundWithWorkflow'] as const) {
      const d = serviceSessionOutcome({ tenant: tenant(), session: cob({ direction, end: refusedByWorkflowPath }) });
      expect(d, direction).toMatchObject({ verdict: 'Transfer Failed', because: ['XFER-03', 'WF-06'] });
      assertWellFormed(d);
    }
  });

  it('names who transferred in the decision (the user, or the workflow of a service)', () => {
    const byUser = serviceSessionOutcome({ tenant: tenant(), session: cob({ end: refusedByWorkflowPath }) });
    expect(byUser.inputs).toMatchObject({ end: 'workflowTransfer', transferredBy: 'user lea' });
    expect(byUser.checks.find((c) => c.rule === 'XFER-03')?.detail).toMatch(/^the PSTN transfer by user lea failed/);
    const byWorkflow = serviceSessionOutcome({ tenant: tenant(), session: cob({ end: { ...refusedByWorkflowPath, transferredBy: { workflowOf: 'L' } } }) });
    expect(byWorkflow.checks.find((c) => c.rule === 'XFER-03')?.detail).toMatch(/^the PSTN transfer by the workflow of service L failed/);
  });

  it("a user's manual transfer refused by the rule ends an outbound session Transfer Failed only while the rule applies to manual transfers", () => {
    const refused = cob({
      userSessions: [{ user: 'lea', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } }],
    });
    expect(serviceSessionOutcome({ tenant: tenant(), session: refused })).toMatchObject({ verdict: 'Transfer Failed', because: ['REP-05', 'XFER-03'] });
    const off = serviceSessionOutcome({ tenant: tenant({ behavior: { firstServiceRuleForManualTransfers: false } }), session: refused });
    expect(off).toMatchObject({ verdict: 'Outbound Accepted', because: ['OUT-09', 'OUT-07'] });
  });

  it('the allowed side: a completed or not first-service transfer keeps the outbound groups (OUT-09)', () => {
    const done = cob({ userSessions: [{ user: 'lea', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'pstn', succeeded: true } }] });
    expect(serviceSessionOutcome({ tenant: tenant(), session: done })).toMatchObject({ verdict: 'Outbound Accepted', because: ['OUT-09', 'OUT-07'] });
    const rangOut = cob({ userSessions: [{ user: 'lea', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'pstn', succeeded: false } }] });
    expect(serviceSessionOutcome({ tenant: tenant(), session: rangOut }).verdict).toBe('Outbound Accepted');
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind an outcome.
describe('reporting decisions record the facts they read', () => {
  it('userSessionOutcome reads the session, its transfer and the RONA outcome setting', () => {
    const d = userSessionOutcome({
      tenant: tenant({ behavior: { ronaUserSessionOutcome: 'Cancelled' } }),
      session: { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } },
    });
    expect(d.inputs).toEqual({
      user: 'a',
      origin: 'queue',
      response: 'accepted',
      transfer: { kind: 'safe', to: 'pstn', succeeded: false, firstServiceUnlicensed: true },
      ronaUserSessionOutcome: 'Cancelled',
    });
    const plain = userSessionOutcome({ tenant: tenant(), session: { user: 'b', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'user', succeeded: true } } });
    expect(plain.inputs['transfer']).toEqual({ kind: 'blind', to: 'user', succeeded: true, firstServiceUnlicensed: false });
  });
  it('the outcomes of open sessions and taken-over transfers read the user (and the target)', () => {
    expect(openUserSessionOutcome({ user: 'a', stillRinging: true }).inputs).toEqual({ user: 'a', stillRinging: true });
    expect(blindTransferUserOutcome({ user: 'a', to: 'b' }).inputs).toEqual({ user: 'a', to: 'b' });
    expect(safeTransferTakenOver({ user: 'b' }).inputs).toEqual({ user: 'b' });
  });
  it('serviceSessionOutcome reads the session, every user session in short and the manual-transfer setting', () => {
    const session = inbound({
      passedAccept: false,
      userSessions: [
        { user: 'a', origin: 'queue', response: 'declined' },
        { user: 'b', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: false } },
        { user: 'c', origin: 'safeTransfer', response: 'accepted', transfer: { kind: 'blind', to: 'service', succeeded: true } },
      ],
      end: { by: 'customer', where: 'connected' },
    });
    expect(serviceSessionOutcome({ tenant: tenant({ behavior: { firstServiceRuleForManualTransfers: false } }), session }).inputs).toEqual({
      service: 'A',
      direction: 'inbound',
      passedAccept: false,
      userSessions: ['a:queue:declined', 'b:queue:accepted:safe-user-failed', 'c:safeTransfer:accepted:blind-service-ok'],
      end: 'customer',
      firstServiceRuleForManualTransfers: false,
    });
  });
  it('isUnderSla reads the service, its SLA time and the queue time', () => {
    expect(isUnderSla({ service: cc({ distribution: { slaTime: '30s' } }), queueTimeMs: 12_000 }).inputs).toEqual({ service: 'A', slaTime: 30_000, queueTimeMs: 12_000 });
  });
});

// The checks are what `why` walks and a report lists behind an outcome: which rules passed and which failed.
describe('serviceSessionOutcome records the checks that decided, passed or failed', () => {
  const rows: { name: string; session: ServiceSessionSummary; checks: [string, boolean][] }[] = [
    {
      name: 'XFER-03, WF-06: a workflow PSTN transfer refused by the first-service rule fails both',
      session: inbound({ end: { by: 'workflowTransfer', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } }),
      checks: [
        ['XFER-03', false],
        ['WF-06', false],
        ['REP-01', true],
      ],
    },
    { name: 'XFER-04: a failed workflow transfer to a service', session: inbound({ end: { by: 'workflowTransfer', to: 'service', succeeded: false } }), checks: [['XFER-04', false], ['REP-01', true]] },
    { name: 'XFER-04: a workflow transfer that succeeded', session: inbound({ end: { by: 'workflowTransfer', to: 'service', succeeded: true } }), checks: [['XFER-04', true], ['REP-01', true]] },
    { name: 'REP-01: a voice message', session: inbound({ end: { by: 'voiceMessage' } }), checks: [['REP-01', true], ['REP-01', true]] },
    { name: 'WF-02: the workflow ended the call', session: inbound({ end: { by: 'system' } }), checks: [['WF-02', true], ['REP-01', true]] },
    { name: 'REP-01: no outcome fits (Error)', session: inbound({ end: { by: 'error' } }), checks: [['REP-01', false], ['REP-01', true]] },
    { name: 'REP-02: a hang-up before Accept', session: inbound({ passedAccept: false, end: { by: 'customer', where: 'ivr' } }), checks: [['REP-02', true], ['REP-01', true]] },
    { name: 'REP-03: a hang-up while queued', session: inbound({ end: { by: 'customer', where: 'queue' } }), checks: [['REP-03', true], ['REP-01', true]] },
    {
      name: 'REP-05: along a chain, a RONA, a refused PSTN transfer, a transfer that succeeded and the accepted hand-over each leave their check',
      session: inbound({
        userSessions: [
          { user: 'a', origin: 'queue', response: 'timeout' },
          { user: 'b', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } },
          { user: 'c', origin: 'queue', response: 'accepted', transfer: { kind: 'safe', to: 'user', succeeded: true } },
          { user: 'd', origin: 'safeTransfer', response: 'accepted' },
        ],
      }),
      checks: [
        ['REP-05', true],
        ['XFER-03', false],
        ['REP-05', true],
        ['REP-05', true],
        ['REP-01', true],
      ],
    },
  ];
  it.each(rows)('$name', ({ session, checks }) => {
    expect(serviceSessionOutcome({ tenant: tenant(), session }).checks.map((c) => [c.rule, c.passed])).toEqual(checks);
  });
});

describe('reporting decisions: the cases between the rows above', () => {
  it('REP-06: a consultation its target never answers is Cancelled like a missed transfer, not a RONA', () => {
    const d = userSessionOutcome({ tenant: tenant({ behavior: { ronaUserSessionOutcome: 'RONA' } }), session: { user: 'b', origin: 'consultation', response: 'timeout' } });
    expect(d).toMatchObject({ verdict: 'Cancelled', because: ['REP-06'] });
  });

  it('each user session outcome is one passed check of the rule that decided it', () => {
    const checks = (d: { checks: readonly { rule: string; passed: boolean }[] }) => d.checks.map((c) => [c.rule, c.passed]);
    expect(checks(userSessionOutcome({ tenant: tenant(), session: { user: 'a', origin: 'queue', response: 'declined' } }))).toEqual([['REP-06', true]]);
    expect(checks(openUserSessionOutcome({ user: 'a', stillRinging: false }))).toEqual([['REP-04', true]]);
    expect(checks(openUserSessionOutcome({ user: 'a', stillRinging: true }))).toEqual([['REP-06', true]]);
    expect(checks(blindTransferUserOutcome({ user: 'a', to: 'b' }))).toEqual([['XFER-06', true]]);
  });

  it('OUT-07, OUT-09: without an outbound summary, an accepted invitation among missed ones is reported, as Outbound Not Accepted', () => {
    const session = inbound({
      direction: 'callOnBehalf',
      userSessions: [
        { user: 'a', origin: 'invitation', response: 'declined' },
        { user: 'b', origin: 'invitation', response: 'accepted' },
      ],
    });
    const reported = serviceSessionOutcome({ tenant: tenant({ behavior: { unreachedOutboundIsTerminated: false } }), session });
    expect(reported).toMatchObject({ verdict: 'Outbound Not Accepted', because: ['OUT-09', 'OUT-07'] });
    const none = serviceSessionOutcome({ tenant: tenant({ behavior: { unreachedOutboundIsTerminated: false } }), session: { ...session, userSessions: [session.userSessions[0]!] } });
    expect(none).toMatchObject({ verdict: null, because: ['OUT-07'] });
  });

  it('XFER-03 reads the last transfer of an outbound session, not a later session without one, and never a transfer to a service', () => {
    const refused = { kind: 'blind', to: 'pstn', succeeded: false, firstServiceUnlicensed: true } as const;
    const cob = (userSessions: UserSessionSummary[]) =>
      serviceSessionOutcome({ tenant: tenant(), session: inbound({ direction: 'callOnBehalf', outbound: { userAccepted: true, reachedTarget: true }, userSessions }) });
    expect(
      cob([
        { user: 'a', origin: 'invitation', response: 'accepted', transfer: refused },
        { user: 'b', origin: 'invitation', response: 'declined' },
      ]),
    ).toMatchObject({ verdict: 'Transfer Failed', because: ['REP-05', 'XFER-03'] });
    expect(cob([{ user: 'a', origin: 'invitation', response: 'accepted', transfer: { ...refused, to: 'service' } }])).toMatchObject({ verdict: 'Outbound Accepted' });
  });

  it('REP-05: a later acceptance from the queue replaces an earlier failed transfer as the last outcome', () => {
    const d = serviceSessionOutcome({
      tenant: tenant(),
      session: inbound({
        userSessions: [
          { user: 'a', origin: 'queue', response: 'accepted', transfer: { kind: 'blind', to: 'user', succeeded: false } },
          { user: 'b', origin: 'queue', response: 'accepted' },
        ],
      }),
    });
    expect(d).toMatchObject({ verdict: 'User Accepted', because: ['REP-05', 'REP-04'] });
  });

  it('XFER-04: a failed workflow transfer to a service is Transfer Failed because of XFER-04', () => {
    const d = serviceSessionOutcome({ tenant: tenant(), session: inbound({ end: { by: 'workflowTransfer', to: 'service', succeeded: false } }) });
    expect(d).toMatchObject({ verdict: 'Transfer Failed', because: ['XFER-04'] });
  });
});
