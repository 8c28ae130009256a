/**
 * Shared moves of a task's life that several verbs make: a user leaves a task (with the ACW the rules
 * grant), a service session gets its outcome, a call ends, an outbound call reaches its far end.
 */
import type { RuleId } from '../../src/rules/decision.js';
import * as policy from './policy.js';
import { dequeue, withdrawOffers } from './distribution.js';
import type { World } from './world.js';

/** The user's part in `call` ends. Returns whether After-Call Work started (ACW-02, ACW-13). */
export function releaseUser(world: World, user: string, call: string, opts: { parkedHangup?: boolean } = {}): boolean {
  const agent = world.agent(user);
  const ctx = agent.getSnapshot().context;
  const service = ctx.active?.call === call ? ctx.active.service : (ctx.parked.find((p) => p.call === call)?.service ?? world.call(call).getSnapshot().context.currentService);
  const isActive = ctx.active?.call === call && !ctx.parked.some((p) => p.call === call);
  let acwMs: number | null = null;
  if (!opts.parkedHangup) {
    const acw = world.record(policy.acwAfterSession(world, user, service, isActive), call);
    if (acw.verdict && acw.durationMs > 0) acwMs = acw.durationMs;
    world.note(`user:${user}`, 'decision', () => acw.summary, acw.because);
  } else {
    world.note(`user:${user}`, 'decision', () => `parked task ${call} hung up: user freed at once, no ACW`, ['PAR-10']);
  }
  agent.send({ type: 'TASK_ENDED', call, acwMs });
  endSupervisionFor(world, call, 'userLeft');
  return acwMs !== null && acwMs > 0;
}

/**
 * Record the outcome the reporting rules give the current service session; a session they leave
 * unreported (a terminated outbound call, OUT-07) marks the call as not reported.
 */
export function settleSession(world: World, call: string, end: policy.SessionEnd, transfer?: policy.TransferSummary): void {
  const service = world.call(call).getSnapshot().context.currentService;
  const decision = world.record(policy.sessionOutcome(world, call, end, transfer), call);
  if (decision.verdict === null) {
    world.sendCall(call, { type: 'NOT_REPORTED', at: world.clock.now() });
    world.note(`call:${call}`, 'session', () => `service session in ${service} is not reported: ${decision.summary}`, decision.because);
    return;
  }
  world.sendCall(call, { type: 'SESSION_OUTCOME', service, outcome: decision.verdict, because: decision.because, at: world.clock.now() });
  world.note(`call:${call}`, 'session', () => `service session in ${service}: ${decision.verdict}`, decision.because);
}

/** End the call for everyone: ringing users are released, queued copies removed, Graph call deleted. */
export function endCall(world: World, call: string, because: RuleId[] = [], endedBy: 'nimbus' | 'remote' = 'nimbus'): void {
  withdrawOffers(world, call);
  dequeue(world, call);
  const extras = world.extras(call);
  if (extras.farEndTimer !== undefined) world.clock.clearTimeout(extras.farEndTimer);
  endSupervisionFor(world, call, 'customerLeft');
  // A user who leaves without ACW already ended the task (USER_LEFT): the Ended machine would take ENDED and change nothing.
  if (world.taskState(call) !== 'Ended') world.sendCall(call, { type: 'ENDED', at: world.clock.now() });
  world.note(`call:${call}`, 'task', 'call ended', because);
  // The Graph leg ends too, whoever ended the call (the session may already have recorded its end).
  if (extras.graphCallId) world.track(world.graph.hangUp(call, endedBy));
}

/** End every running supervision of a call whose end condition `event` meets (SUP-08, SUP-09, SUP-11, PAR-08). */
export function endSupervisionFor(world: World, call: string, event: 'transferred' | 'userLeft' | 'customerLeft' | 'parked'): void {
  const running = world.call(call).getSnapshot().context.supervision.filter((s) => s.endedAt === null);
  for (const s of running) {
    const ends = world.record(policy.supervisionEnds(world, s.mode, event), call);
    if (ends.verdict) {
      world.sendCall(call, { type: 'SUPERVISION_ENDED', supervisor: s.supervisor, because: ends.because, at: world.clock.now() });
      world.note(`call:${call}`, 'supervision', () => `${s.supervisor}'s ${s.mode} ended: ${ends.summary}`, ends.because);
    }
  }
}

/**
 * The far end of an outbound call (COB target, scheduled outbound target, PSTN transfer target) answers at
 * once, after `answerAfter`, or never (`targetAnswers: false`). It rings at most the PSTN ring limit
 * (behavior.pstnRingLimit, XFER-07): a far end that would answer at or after the limit is never reached. The
 * mock's PSTN side learns the same moment, so the Graph call settles exactly when the modelled one does.
 */
export function whenFarEndAnswers(
  world: World,
  call: string,
  opts: { targetAnswers?: boolean | undefined; answerAfter?: number | undefined },
  onAnswer: () => void,
  onNoAnswer: () => void,
): void {
  const extras = world.extras(call);
  const answered = (): void => {
    world.track(world.graph.farEndAnswers(call));
    onAnswer();
  };
  const ringLimit = world.tenant.behavior.pstnRingLimit;
  const answerAfter = opts.answerAfter ?? 0;
  if (opts.targetAnswers === false || answerAfter >= ringLimit) {
    extras.farEndTimer = world.clock.setTimeout(
      () => {
        delete extras.farEndTimer;
        world.track(world.graph.farEndRingsOut(call));
        onNoAnswer();
      },
      ringLimit,
      `${call} far end rings out`,
    );
    return;
  }
  if (answerAfter > 0) {
    extras.farEndTimer = world.clock.setTimeout(
      () => {
        delete extras.farEndTimer;
        answered();
      },
      answerAfter,
      `${call} far end answers`,
    );
    return;
  }
  answered();
}
