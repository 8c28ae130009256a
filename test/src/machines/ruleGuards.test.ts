/**
 * The machines' named guards and actions follow the rule functions they ask (PAR-11, PAR-14, RONA-08,
 * XFER-02, XFER-05, XFER-06): the transitions and records each rule's verdict leads to.
 */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { agentMachine, type AgentEmitted } from '../../../src/machines/agentMachine.js';
import { userStatuses } from '../../../src/machines/agentStatus.js';
import { callSessionMachine, type CallEvent } from '../../../src/machines/callSessionMachine.js';
import { VirtualClock } from '../../../sim/clock.js';

function agent(tp = { enabled: false, max: 2 }) {
  const actor = createActor(agentMachine, {
    clock: new VirtualClock(),
    input: { userId: 'ann', availability: 'Available', activity: 'Available', duty: 'On Duty', taskParallelization: tp },
  });
  actor.start();
  const connect = (call: string) => {
    actor.send({ type: 'OFFER', call, service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
    actor.send({ type: 'ACCEPT', call });
  };
  return { actor, connect, statuses: () => userStatuses(actor.getSnapshot()) };
}

function call() {
  const actor = createActor(callSessionMachine, { input: { callId: 'c1', type: 'Inbound Service', from: '+41791110000', to: 'A', service: 'A', at: 0 } });
  actor.start();
  const send = (e: CallEvent) => actor.send(e);
  const ctx = () => actor.getSnapshot().context;
  const connectAnna = () => {
    send({ type: 'WORKFLOW_ACCEPTED', service: 'A', pstnLicensed: true, pstnBecause: ['XFER-02'], at: 0 });
    send({ type: 'QUEUED', algorithm: 'Direct', at: 0 });
    send({ type: 'OFFERED', users: ['anna'], at: 0 });
    send({ type: 'USER_ACCEPTED', user: 'anna', at: 1_000 });
  };
  return { send, ctx, connectAnna };
}

describe('agent machine guards ask the parking and RONA rules', () => {
  it('PAR-11: UNPARK of a task this user did not park changes nothing', () => {
    const { actor, connect } = agent({ enabled: true, max: 2 });
    connect('c1');
    actor.send({ type: 'PARK', call: 'c1', blocking: false });
    actor.send({ type: 'UNPARK', call: 'c9' });
    expect(actor.getSnapshot().context.parked.map((t) => t.call)).toEqual(['c1']);
    actor.send({ type: 'UNPARK', call: 'c1' });
    expect(actor.getSnapshot().context.active?.call).toBe('c1');
  });

  it('PAR-14: a TP user held at the limit is freed when a parked task ends below the limit', () => {
    const { actor, connect, statuses } = agent({ enabled: true, max: 2 });
    connect('c1');
    actor.send({ type: 'PARK', call: 'c1', blocking: false });
    connect('c2');
    actor.send({ type: 'PARK', call: 'c2', blocking: true });
    expect(statuses()).toContain('Connected');
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: null });
    expect(statuses()).not.toContain('Connected');
  });

  it('PAR-03: without TP the end of another parked task leaves the user Connected', () => {
    const { actor, connect, statuses } = agent();
    connect('c1');
    actor.send({ type: 'PARK', call: 'c1', blocking: true });
    actor.send({ type: 'TASK_ENDED', call: 'c0', acwMs: null });
    expect(statuses()).toContain('Connected');
  });

  it('RONA-08: going Offline, Off Duty or a manual reset ends a persistent RONA', () => {
    for (const end of [
      { type: 'PRESENCE_CHANGED', availability: 'Offline', activity: 'Offline', online: false },
      { type: 'DUTY_CHANGED', duty: 'Off Duty' },
      { type: 'RESET_RONA' },
    ] as const) {
      const { actor } = agent();
      actor.send({ type: 'FLAG_RONA', service: 'A', persistent: true, resetMs: 600_000 });
      expect(actor.getSnapshot().context.rona).not.toBeNull();
      actor.send(end);
      expect(actor.getSnapshot().context.rona).toBeNull();
    }
  });
});

// The guards that match an event to this user's own call, duty, presence and RONA: an event about another call,
// or one that changes nothing, must leave the user as they are (US-05, US-09, PAR-02, PAR-11, ACW-01, RONA-06, RONA-08, PRES-01).
describe('agent machine guards: an event acts only on what it names', () => {
  function watched(tp = { enabled: false, max: 2 }) {
    const a = agent(tp);
    const emitted: AgentEmitted[] = [];
    a.actor.on('*', (e) => emitted.push(e));
    const value = () => a.actor.getSnapshot().value;
    const context = () => a.actor.getSnapshot().context;
    return { ...a, emitted, value, context };
  }
  const offline = { type: 'PRESENCE_CHANGED', availability: 'Offline', activity: 'Offline', online: false } as const;

  it('US-05: duty follows the duty named, in both directions', () => {
    const { actor, value } = watched();
    actor.send({ type: 'DUTY_CHANGED', duty: 'On Duty' });
    expect(value().duty).toBe('OnDuty');
    actor.send({ type: 'DUTY_CHANGED', duty: 'Off Duty' });
    actor.send({ type: 'DUTY_CHANGED', duty: 'Off Duty' });
    expect(value().duty).toBe('OffDuty');
    actor.send({ type: 'DUTY_CHANGED', duty: 'On Duty' });
    expect(value().duty).toBe('OnDuty');
  });

  it('PRES-01: a presence change while Offline that is still offline keeps the user Offline, and the presence is recorded', () => {
    const { actor, statuses, context } = watched();
    actor.send(offline);
    actor.send({ type: 'PRESENCE_CHANGED', availability: 'Offline', activity: 'Off work', online: false });
    expect(statuses()).toContain('Offline');
    actor.send({ type: 'PRESENCE_CHANGED', availability: 'Busy', activity: 'In a call', online: true });
    expect(statuses()).not.toContain('Offline');
    expect(context()).toMatchObject({ availability: 'Busy', activity: 'In a call' });
  });

  it('RONA-08: going On Duty, or a reset without a RONA, clears nothing and reports no RONA cleared', () => {
    const { actor, emitted, context } = watched();
    actor.send({ type: 'RESET_RONA' });
    actor.send(offline);
    expect(emitted.filter((e) => e.type === 'ronaCleared')).toEqual([]);
    const flagged = watched();
    flagged.actor.send({ type: 'FLAG_RONA', service: 'A', persistent: true, resetMs: 600_000 });
    flagged.actor.send({ type: 'DUTY_CHANGED', duty: 'On Duty' });
    expect(flagged.context().rona).toEqual({ service: 'A', persistent: true, resetMs: 600_000 });
    expect(context().rona).toBeNull();
  });

  it('RONA-06: a persistent RONA outlasts the next distribution attempt, which clears only a non-persistent one', () => {
    const { actor, context } = watched();
    actor.send({ type: 'FLAG_RONA', service: 'A', persistent: true, resetMs: 600_000 });
    actor.send({ type: 'CLEAR_TRANSIENT_RONA' });
    expect(context().rona?.persistent).toBe(true);
    const transient = watched();
    transient.actor.send({ type: 'FLAG_RONA', service: 'A', persistent: false, resetMs: Infinity });
    transient.actor.send({ type: 'CLEAR_TRANSIENT_RONA' });
    expect(transient.context().rona).toBeNull();
  });

  it('US-09: answering or declining another call leaves the offer ringing', () => {
    const { actor, statuses, emitted } = watched();
    actor.send({ type: 'OFFER', call: 'c1', service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
    actor.send({ type: 'ACCEPT', call: 'c2' });
    actor.send({ type: 'DECLINE', call: 'c2' });
    expect(statuses()).toEqual(['Ringing']);
    expect(emitted).toEqual([]);
  });

  it('ACW-01: a task that ends with no ACW time granted (0 ms) frees the user at once', () => {
    const { actor, connect, statuses } = watched();
    connect('c1');
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: 0 });
    expect(statuses()).toEqual(['Available']);
  });

  it('PAR-02, PAR-11: resuming one of several parked calls resumes that call; a parked call that ends leaves the list', () => {
    const { actor, connect, context, statuses } = watched({ enabled: true, max: 3 });
    connect('c1');
    actor.send({ type: 'PARK', call: 'c1', blocking: false });
    connect('c2');
    actor.send({ type: 'PARK', call: 'c2', blocking: false });
    actor.send({ type: 'UNPARK', call: 'c2' });
    expect(context().active?.call).toBe('c2');
    expect(context().parked.map((t) => t.call)).toEqual(['c1']);
    // c1's customer hangs up while the user talks on c2, then c2 ends too.
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: null });
    expect(context().parked).toEqual([]);
    actor.send({ type: 'TASK_ENDED', call: 'c2', acwMs: null });
    expect(statuses()).toEqual(['Available']);
  });

  it('PAR-02: a parked call that ends while the user is idle leaves the list, the other stays parked', () => {
    const { actor, connect, statuses, context } = watched({ enabled: true, max: 3 });
    for (const c of ['c1', 'c2']) {
      connect(c);
      actor.send({ type: 'PARK', call: c, blocking: false });
    }
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: null });
    expect(context().parked.map((t) => t.call)).toEqual(['c2']);
    expect(statuses()).toEqual(['Parked', 'Available']);
    actor.send({ type: 'TASK_ENDED', call: 'c2', acwMs: null });
    expect(statuses()).toEqual(['Available']);
  });
});

describe('call session machine guards and actions ask the PSTN and reporting rules', () => {
  it('XFER-02: only the first service that answers binds the PSTN license', () => {
    const { send, ctx } = call();
    send({ type: 'WORKFLOW_ACCEPTED', service: 'A', pstnLicensed: true, pstnBecause: ['XFER-02'], at: 0 });
    send({ type: 'OWNED_BY_SERVICE', service: 'B', pstnLicensed: false, pstnBecause: ['LIC-01'], at: 1 });
    expect(ctx()).toMatchObject({ firstRespondingService: 'A', pstnLicensed: true, pstnBecause: ['XFER-02'] });
  });

  it('XFER-06: a blind transfer to a user ends the transferring user session as Transferred Internally', () => {
    const { send, ctx, connectAnna } = call();
    connectAnna();
    send({ type: 'TRANSFER_STARTED', by: 'anna', to: 'bea', mode: 'blind', at: 2_000 });
    send({ type: 'TRANSFERRED_TO_USER', user: 'bea', at: 2_000 });
    expect(ctx().userSessions).toMatchObject([{ user: 'anna', outcome: 'Transferred Internally', because: ['XFER-06'], endedAt: 2_000 }]);
  });

  it('REP-05: a decided service outcome goes to the current session of its service, and a later decision replaces it', () => {
    // MOD-03: an Outbound Call with Workflow moved on twice by Transfer activities; the first session is not reported (OUT-07).
    const actor = createActor(callSessionMachine, { input: { callId: 'c1', type: 'Outbound Call (With Workflow)', from: 'A', to: '+41791110000', service: 'A', at: 0 } });
    actor.start();
    const send = (e: CallEvent) => actor.send(e);
    send({ type: 'DIALING_OUT', at: 0 });
    send({ type: 'TRANSFER_STARTED', by: 'workflow of A', to: 'service B', mode: 'blind', at: 1_000 });
    send({ type: 'TRANSFERRED_TO_SERVICE', service: 'B', session: { outcome: null, because: ['OUT-07'] }, at: 1_000 });
    send({ type: 'TRANSFER_STARTED', by: 'workflow of B', to: 'service C', mode: 'blind', at: 2_000 });
    send({ type: 'TRANSFERRED_TO_SERVICE', service: 'C', session: { outcome: 'System Transfer Success', because: ['XFER-04'] }, at: 2_000 });
    send({ type: 'SESSION_OUTCOME', service: 'C', outcome: 'Customer Hangup In Queue', because: ['REP-03'], at: 3_000 });
    send({ type: 'SESSION_OUTCOME', service: 'C', outcome: 'Voice Message', because: ['REP-01'], at: 4_000 });
    expect(actor.getSnapshot().context.serviceSessions.map((x) => [x.service, x.outcome])).toEqual([
      ['A', null],
      ['B', 'System Transfer Success'],
      ['C', 'Voice Message'],
    ]);
  });

  it("XFER-06: the transferring user leaving ends their open session only, not an earlier one of theirs", () => {
    const { send, ctx } = call();
    send({ type: 'WORKFLOW_ACCEPTED', service: 'A', pstnLicensed: true, pstnBecause: ['XFER-02'], at: 0 });
    send({ type: 'QUEUED', algorithm: 'Direct', at: 0 });
    send({ type: 'OFFERED', users: ['anna'], at: 0 });
    send({ type: 'OFFER_MISSED', user: 'anna', outcome: 'RONA', because: ['RONA-13'], at: 1_000 });
    send({ type: 'REQUEUED', at: 1_000 });
    send({ type: 'OFFERED', users: ['anna'], at: 2_000 });
    send({ type: 'USER_ACCEPTED', user: 'anna', at: 3_000 });
    send({ type: 'TRANSFER_STARTED', by: 'anna', to: '+41791112222', mode: 'blind', at: 4_000 });
    send({ type: 'TRANSFERRING_USER_LEFT', user: 'anna', at: 4_000 });
    expect(ctx().userSessions.map((u) => [u.user, u.endedAt, u.outcome])).toEqual([
      ['anna', 1_000, 'RONA'],
      ['anna', 4_000, null],
    ]);
  });

  it('REP-04, REP-06: the end of the call closes the open session as Accepted and leaves a session closed earlier as it was', () => {
    const { send, ctx } = call();
    send({ type: 'WORKFLOW_ACCEPTED', service: 'A', pstnLicensed: true, pstnBecause: ['XFER-02'], at: 0 });
    send({ type: 'QUEUED', algorithm: 'Direct', at: 0 });
    send({ type: 'OFFERED', users: ['bea', 'anna'], at: 0 });
    send({ type: 'OFFER_MISSED', user: 'bea', outcome: 'Declined', because: ['REP-06'], at: 1_000 });
    send({ type: 'USER_ACCEPTED', user: 'anna', at: 2_000 });
    send({ type: 'ENDED', at: 9_000 });
    expect(ctx().userSessions.map((u) => [u.user, u.endedAt, u.outcome])).toEqual([
      ['bea', 1_000, 'Declined'],
      ['anna', 9_000, 'Accepted'],
    ]);
  });

  it('TASK-03: a task that leaves the queue, or a call that dials out, rings nobody any more', () => {
    const left = call();
    left.send({ type: 'WORKFLOW_ACCEPTED', service: 'A', pstnLicensed: true, pstnBecause: ['XFER-02'], at: 0 });
    left.send({ type: 'QUEUED', algorithm: 'Direct', at: 0 });
    left.send({ type: 'OFFERED', users: ['anna'], at: 0 });
    left.send({ type: 'LEFT_QUEUE', at: 5_000 });
    expect(left.ctx().ringing).toEqual([]);
    const invited = createActor(callSessionMachine, { input: { callId: 'c2', type: 'Call On Behalf', from: 'A', to: '+41791110000', service: 'A', at: 0 } });
    invited.start();
    invited.send({ type: 'INVITED', user: 'anna', at: 0 });
    expect(invited.getSnapshot().context.ringing).toEqual(['anna']);
    invited.send({ type: 'DIALING_OUT', at: 1_000 });
    expect(invited.getSnapshot().context.ringing).toEqual([]);
  });

  it('XFER-05: a safe transfer is settled when its target takes the call', () => {
    const { send, ctx, connectAnna } = call();
    connectAnna();
    send({ type: 'TRANSFER_STARTED', by: 'anna', to: 'bea', mode: 'safe', at: 2_000 });
    send({ type: 'OFFERED', users: ['bea'], origin: 'safeTransfer', at: 2_000 });
    send({ type: 'USER_ACCEPTED', user: 'bea', at: 3_000 });
    expect(ctx().transfers).toMatchObject([{ by: 'anna', to: 'bea', ok: true, because: ['XFER-05'] }]);
  });
});
