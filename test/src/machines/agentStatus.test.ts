/** The projections of an agent snapshot that scenarios assert and the rule functions read (US-08). */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { agentMachine } from '../../../src/machines/agentMachine.js';
import { hasActiveTask, headlineStatus, takesOffers, userFlags, userStatuses } from '../../../src/machines/agentStatus.js';
import { VirtualClock } from '../../../sim/clock.js';

/** A user of service A, on duty and Available, with call c1 offered and answered when `connected`. */
function agent({ connected = false, tp = { enabled: false, max: 2 } } = {}) {
  const actor = createActor(agentMachine, {
    clock: new VirtualClock(),
    input: { userId: 'ann', availability: 'Available', activity: 'Available', duty: 'On Duty', taskParallelization: tp },
  });
  actor.start();
  if (connected) {
    actor.send({ type: 'OFFER', call: 'c1', service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
    actor.send({ type: 'ACCEPT', call: 'c1' });
  }
  return { actor, snapshot: () => actor.getSnapshot() };
}

describe('userStatuses and headlineStatus', () => {
  it('a held call shows Connected and On Hold, Connected first', () => {
    const { actor, snapshot } = agent({ connected: true });
    actor.send({ type: 'HOLD', call: 'c1' });
    expect(userStatuses(snapshot())).toEqual(['Connected', 'On Hold']);
    expect(headlineStatus(snapshot())).toBe('Connected');
    actor.send({ type: 'RESUME', call: 'c1' });
    expect(userStatuses(snapshot())).toEqual(['Connected']);
  });

  it('a pending not-available reason shows Not Available instead of Available', () => {
    const { actor, snapshot } = agent();
    expect(userStatuses(snapshot())).toEqual(['Available']);
    actor.send({ type: 'NOT_AVAILABLE_REASON', pending: true });
    expect(userStatuses(snapshot())).toEqual(['Not Available']);
    expect(headlineStatus(snapshot())).toBe('Not Available');
  });
});

describe('userFlags', () => {
  it('an idle user raises no flag', () => {
    expect(userFlags(agent().snapshot())).toEqual({});
  });

  it('a ringing offer flags ringing with its service and call', () => {
    const { actor, snapshot } = agent();
    actor.send({ type: 'OFFER', call: 'c1', service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
    expect(userFlags(snapshot())).toEqual({ ringing: { service: 'A', call: 'c1' } });
  });

  it('a held call flags connected and onHold; talking flags connected only', () => {
    const { actor, snapshot } = agent({ connected: true });
    expect(userFlags(snapshot())).toEqual({ connected: { service: 'A', call: 'c1' } });
    actor.send({ type: 'HOLD', call: 'c1' });
    expect(userFlags(snapshot())).toEqual({ connected: { service: 'A', call: 'c1' }, onHold: { service: 'A', call: 'c1' } });
  });

  it('ACW is flagged with its service and call, extended only after an extension', () => {
    const { actor, snapshot } = agent({ connected: true });
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: 20_000 });
    expect(userFlags(snapshot())).toEqual({ acw: { service: 'A', call: 'c1', extended: false } });
    actor.send({ type: 'EXTEND_ACW', extensionMs: 60_000 });
    expect(userFlags(snapshot()).acw).toEqual({ service: 'A', call: 'c1', extended: true });
  });

  it('a RONA is flagged with its service and persistence, a not-available reason as such', () => {
    const { actor, snapshot } = agent();
    actor.send({ type: 'FLAG_RONA', service: 'B', persistent: true, resetMs: 600_000 });
    actor.send({ type: 'NOT_AVAILABLE_REASON', pending: true });
    expect(userFlags(snapshot())).toEqual({ rona: { service: 'B', persistent: true }, notAvailableReason: true });
    actor.send({ type: 'NOT_AVAILABLE_REASON', pending: false });
    expect(userFlags(snapshot())).toEqual({ rona: { service: 'B', persistent: true } });
  });
});

describe('takesOffers and hasActiveTask', () => {
  it('only an idle user takes offers', () => {
    const { actor, snapshot } = agent();
    expect(takesOffers(snapshot())).toBe(true);
    actor.send({ type: 'OFFER', call: 'c1', service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
    expect(takesOffers(snapshot())).toBe(false);
    actor.send({ type: 'ACCEPT', call: 'c1' });
    expect(takesOffers(snapshot())).toBe(false);
  });

  it('a call talked on or held is an active task; none, or one parked, is not', () => {
    const { actor, snapshot } = agent();
    expect(hasActiveTask(snapshot())).toBe(false);
    actor.send({ type: 'OFFER', call: 'c1', service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
    actor.send({ type: 'ACCEPT', call: 'c1' });
    expect(hasActiveTask(snapshot())).toBe(true);
    actor.send({ type: 'HOLD', call: 'c1' });
    expect(hasActiveTask(snapshot())).toBe(true);
    actor.send({ type: 'RESUME', call: 'c1' });
    // Parked without Task Parallelization: still Connected, but the parked call is not live.
    actor.send({ type: 'PARK', call: 'c1', blocking: true });
    expect(userStatuses(snapshot())).toEqual(['Connected', 'Parked']);
    expect(hasActiveTask(snapshot())).toBe(false);
  });
});
