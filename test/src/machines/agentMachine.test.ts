/** The agent machine on its own, under the virtual clock. */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { agentMachine, type AgentEmitted } from '../../../src/machines/agentMachine.js';
import { userFlags, userStatuses } from '../../../src/machines/agentStatus.js';
import { VirtualClock } from '../../../sim/clock.js';

function agent(tp = { enabled: false, max: 2 }) {
  const clock = new VirtualClock();
  const emitted: AgentEmitted[] = [];
  const actor = createActor(agentMachine, {
    clock,
    input: { userId: 'ann', availability: 'Available', activity: 'Available', duty: 'On Duty', taskParallelization: tp },
  });
  actor.on('*', (e) => emitted.push(e));
  actor.start();
  const statuses = () => userStatuses(actor.getSnapshot());
  const offer = (call: string) => actor.send({ type: 'OFFER', call, service: 'A', ringTimeoutMs: 30_000, kind: 'distribution' });
  return { clock, actor, emitted, statuses, offer };
}

describe('agent machine', () => {
  it('US-09 / RONA-01: an offer rings until the ring timeout, then reports a missed offer', () => {
    const { clock, emitted, statuses, offer } = agent();
    offer('c1');
    expect(statuses()).toEqual(['Ringing']);
    clock.fireNext(29_999);
    expect(statuses()).toEqual(['Ringing']);
    expect(clock.fireNext(30_000)).toBe(true);
    expect(statuses()).toEqual(['Available']);
    expect(emitted).toContainEqual({ type: 'offerMissed', call: 'c1', service: 'A', reason: 'timeout' });
  });

  it('answering cancels the ring timeout', () => {
    const { clock, actor, statuses, offer } = agent();
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    expect(statuses()).toEqual(['Connected']);
    expect(clock.pending).toBe(0);
  });

  it('ACW-06: an extension starts a fresh counter instead of adding to the rest', () => {
    const { clock, actor, statuses, offer } = agent();
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: 20_000 });
    expect(statuses()).toEqual(['ACW']);
    clock.advanceTo(15_000);
    actor.send({ type: 'EXTEND_ACW', extensionMs: 60_000 });
    expect(clock.peek()?.due).toBe(75_000);
    clock.fireNext();
    expect(statuses()).toEqual(['Available']);
  });

  it('PAR-03: without Task Parallelization a parked task keeps the user Connected', () => {
    const { actor, statuses, offer } = agent();
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    actor.send({ type: 'PARK', call: 'c1', blocking: true });
    expect(statuses()).toEqual(['Connected', 'Parked']);
    expect(userFlags(actor.getSnapshot()).connected?.call).toBe('c1');
  });

  it('PAR-14: with Task Parallelization parking frees the user for another task', () => {
    const { actor, statuses, offer } = agent({ enabled: true, max: 2 });
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    actor.send({ type: 'PARK', call: 'c1', blocking: false });
    expect(statuses()).toEqual(['Parked', 'Available']);
    offer('c2');
    actor.send({ type: 'ACCEPT', call: 'c2' });
    expect(statuses()).toEqual(['Connected', 'Parked']);
    // PAR-14: one active task at a time: park c2 at the limit, then resume c1.
    actor.send({ type: 'PARK', call: 'c2', blocking: true });
    actor.send({ type: 'UNPARK', call: 'c1' });
    expect(actor.getSnapshot().context.active?.call).toBe('c1');
    expect(actor.getSnapshot().context.parked.map((p) => p.call)).toEqual(['c2']);
  });

  it('PAR-14: a user held at the Task Parallelization limit is freed when another parked task ends', () => {
    const { actor, statuses, offer } = agent({ enabled: true, max: 2 });
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    actor.send({ type: 'PARK', call: 'c1', blocking: false });
    offer('c2');
    actor.send({ type: 'ACCEPT', call: 'c2' });
    actor.send({ type: 'PARK', call: 'c2', blocking: true });
    expect(statuses()).toEqual(['Connected', 'Parked']);
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: null });
    expect(statuses()).toEqual(['Parked', 'Available']);
    expect(actor.getSnapshot().context.active).toBeNull();
    expect(actor.getSnapshot().context.parked.map((p) => p.call)).toEqual(['c2']);
  });

  it("ACW-13: the active task ending into ACW starts that task's ACW and leaves another parked task parked", () => {
    const { actor, statuses, offer } = agent({ enabled: true, max: 2 });
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    actor.send({ type: 'PARK', call: 'c1', blocking: false });
    actor.send({ type: 'OFFER', call: 'c2', service: 'B', ringTimeoutMs: 30_000, kind: 'distribution' });
    actor.send({ type: 'ACCEPT', call: 'c2' });
    actor.send({ type: 'TASK_ENDED', call: 'c2', acwMs: 20_000 });
    expect(statuses()).toEqual(['ACW', 'Parked']);
    const ctx = actor.getSnapshot().context;
    expect(ctx.acw).toEqual({ service: 'B', call: 'c2', durationMs: 20_000, extensionsUsed: 0 });
    expect(ctx.active).toBeNull();
    expect(ctx.parked.map((p) => p.call)).toEqual(['c1']);
  });

  it('PAR-10: hanging up a parked call frees the user at once', () => {
    const { actor, statuses, offer } = agent();
    offer('c1');
    actor.send({ type: 'ACCEPT', call: 'c1' });
    actor.send({ type: 'PARK', call: 'c1', blocking: true });
    actor.send({ type: 'TASK_ENDED', call: 'c1', acwMs: null });
    expect(statuses()).toEqual(['Available']);
  });

  it('RONA-08: a persistent RONA ends on its reset time, a manual reset, going Offline or Off Duty', () => {
    const { clock, actor, statuses } = agent();
    const flag = () => actor.send({ type: 'FLAG_RONA', service: 'A', persistent: true, resetMs: 600_000 });
    flag();
    expect(statuses()).toEqual(['RONA']);
    clock.fireNext();
    expect(clock.now()).toBe(600_000);
    expect(statuses()).toEqual(['Available']);
    flag();
    actor.send({ type: 'RESET_RONA' });
    expect(statuses()).toEqual(['Available']);
    flag();
    actor.send({ type: 'PRESENCE_CHANGED', availability: 'Offline', activity: 'Offline', online: false });
    expect(statuses()).toEqual(['Offline']);
    actor.send({ type: 'PRESENCE_CHANGED', availability: 'Available', activity: 'Available', online: true });
    flag();
    actor.send({ type: 'DUTY_CHANGED', duty: 'Off Duty' });
    expect(statuses()).toEqual(['Available']);
  });

  it('RONA-14: a non-persistent RONA with an infinite reset waits for the engine to clear it', () => {
    const { clock, actor, statuses } = agent();
    actor.send({ type: 'FLAG_RONA', service: 'A', persistent: false, resetMs: Number.POSITIVE_INFINITY });
    expect(clock.pending).toBe(0);
    expect(statuses()).toEqual(['RONA']);
    actor.send({ type: 'CLEAR_TRANSIENT_RONA' });
    expect(statuses()).toEqual(['Available']);
  });
});
