/** Inbound calls and what users do with an offered task: inboundCall, answer, decline, ignore, hangup. */
import type { StepOf } from '../../scenario/schema.js';
import * as policy from '../policy.js';
import { dequeue, enqueue, withdrawOffers } from '../distribution.js';
import { endCall, releaseUser, settleSession, whenFarEndAnswers } from '../lifecycle.js';
import { describeWorkflow, runWorkflowToQueue, startInboundWorkflow } from '../workflow.js';
import type { World } from '../world.js';
import type { VerbOutcome } from './types.js';

export async function inboundCall(world: World, args: StepOf<'inboundCall'>['args']): Promise<VerbOutcome> {
  const service = world.service(args.to);
  world.startCall({ callId: args.call, type: 'Inbound Service', from: args.from, to: service.pstn?.number ?? service.id, service: service.id });
  const admission = world.record(policy.inboundAdmission(world, service.id), args.call);
  if (!admission.verdict) {
    settleSession(world, args.call, { by: 'system' });
    endCall(world, args.call, admission.because);
    world.result(false, admission.summary, admission);
    return { ok: false, text: `${args.call} to ${service.id} rejected: ${admission.summary}`, decision: admission };
  }
  // Extension acceptAfter: the workflow reaches its Accept activity later; until then the task is Establishing (REP-02).
  if (args.acceptAfter && args.acceptAfter > 0) {
    world.clock.setTimeout(
      () => {
        if (world.call(args.call).getSnapshot().context.endedAt === null) world.track(acceptByWorkflow(world, args));
      },
      args.acceptAfter,
      `${args.call} reaches Accept`,
    );
    world.result(true, `${args.call} reaches the workflow of ${service.id}; Accept follows after ${args.acceptAfter} ms`, admission);
    return { ok: true, text: `${args.from} calls ${service.id} (${args.call}); workflow ${describeWorkflow(world, service.id)} (Accept after ${args.acceptAfter} ms)`, decision: admission };
  }
  const accepted = await acceptByWorkflow(world, args);
  if (!accepted.ok) return { ok: false, text: `${args.from} calls ${service.id} (${args.call}): ${accepted.message}` };
  world.result(true, `${args.call} accepted by the workflow of ${service.id}`, admission);
  return { ok: true, text: `${args.from} calls ${service.id} (${args.call}); workflow ${describeWorkflow(world, service.id)}`, decision: admission };
}

/** WF-01: the workflow's Accept activity answers the call, then its activities run (sim/engine/workflow.ts). */
async function acceptByWorkflow(world: World, args: StepOf<'inboundCall'>['args']): Promise<{ ok: boolean; message: string }> {
  const started = await startInboundWorkflow(world, args.call, world.service(args.to).id, args.from, { ivrTime: args.ivrTime, queueTimeout: args.queueTimeout });
  if (!started.ok && started.decision) world.result(false, started.message, started.decision);
  return { ok: started.ok, message: started.message };
}

export async function answer(world: World, args: StepOf<'answer'>['args']): Promise<VerbOutcome> {
  const agent = world.agent(args.user);
  const refused = offerRefusal(world, args.user, args.call, 'answer');
  if (refused) return refused;
  const call = world.call(args.call);
  const extras = world.extras(args.call);
  agent.send({ type: 'ACCEPT', call: args.call });
  world.note(`user:${args.user}`, 'status', () => `Connected to ${args.call}`);
  // A modelled user who is the target of an outbound call answers it like any task.
  if (extras.target?.user === args.user) {
    world.sendCall(args.call, { type: 'TARGET_ANSWERED', at: world.clock.now() });
    world.result(true, `${args.user} answered ${args.call}`);
    return { ok: true, text: `${args.user} answers ${args.call} (the call's target)` };
  }
  withdrawOffers(world, args.call, args.user);
  world.sendCall(args.call, { type: 'USER_ACCEPTED', user: args.user, at: world.clock.now() });
  if (extras.blindTransfer?.toUser === args.user) delete extras.blindTransfer;
  if (extras.safeTransfer?.toUser === args.user) {
    const by = extras.safeTransfer.by;
    delete extras.safeTransfer;
    releaseUser(world, by, args.call);
    // XFER-05: the target took the call over; the transferring user's session outcome is the reporting rules' (REP-06).
    const handedOver = world.record(policy.transferringUserOutcome(world, args.call, by, { kind: 'safe', to: 'user', succeeded: true }));
    world.sendCall(args.call, { type: 'USER_SESSION_OUTCOME', user: by, service: call.getSnapshot().context.currentService, ...policy.decided(handedOver), at: world.clock.now() });
  }
  // A scheduled outbound call dials its target once a user has accepted it (OUT-01).
  if (extras.outbound && !extras.outbound.dialed) {
    extras.outbound.dialed = true;
    world.sendCall(args.call, { type: 'DIALING_OUT', at: world.clock.now() });
    await dialFarEnd(world, args.call, { targetAnswers: extras.outbound.targetAnswers, answerAfter: extras.outbound.answerAfter });
  }
  world.result(true, `${args.user} answered ${args.call}`);
  return { ok: true, text: `${args.user} answers ${args.call} (service ${call.getSnapshot().context.currentService})` };
}

export async function decline(world: World, args: StepOf<'decline'>['args']): Promise<VerbOutcome> {
  return missOffer(world, args.user, args.call, 'DECLINE');
}

export async function ignore(world: World, args: StepOf<'ignore'>['args']): Promise<VerbOutcome> {
  return missOffer(world, args.user, args.call, 'IGNORE');
}

/**
 * US-09: a call that does not ring the user cannot be answered, declined or ignored. The refusal is the
 * step's result (not a harness error), citing what kept the user out (US-01 and its failed checks).
 */
function offerRefusal(world: World, user: string, call: string, action: 'answer' | 'decline' | 'ignore'): VerbOutcome | null {
  // Only a refusal is recorded: an allowed answer is the call's ordinary course, explained by its distribution.
  const decision = policy.offerResponse(world, user, call, action);
  if (decision.verdict) return null;
  world.record(decision, call);
  world.note(`user:${user}`, 'decision', () => decision.summary, decision.because);
  world.result(false, decision.summary, decision);
  return { ok: false, text: `${user} ${action}s ${call}: refused — ${decision.summary}`, decision };
}

function missOffer(world: World, user: string, call: string, type: 'DECLINE' | 'IGNORE'): VerbOutcome {
  const refused = offerRefusal(world, user, call, type === 'DECLINE' ? 'decline' : 'ignore');
  if (refused) return refused;
  world.agent(user).send({ type, call });
  const verb = type === 'DECLINE' ? 'declines' : 'ignores';
  const rona = world.agent(user).getSnapshot().context.rona;
  world.result(true, `${user} ${verb} ${call}`);
  return { ok: true, text: `${user} ${verb} ${call}${rona ? ` → ${rona.persistent ? 'persistent ' : ''}RONA` : ''}` };
}

/** Reaction to the agent machine's `offerMissed`: RONA decision (RONA-01..06), requeue (RONA-02). */
export function onOfferMissed(world: World, user: string, call: string, service: string, reason: 'declined' | 'ignored' | 'timeout'): void {
  const decision = world.record(policy.ronaOnMissedOffer(world, user, service, reason), call);
  const extras = world.extras(call);
  if (decision.verdict !== 'none') {
    const persistent = decision.verdict === 'persistent';
    const resetMs = persistent
      ? world.service(service).distribution.ronaResetTime
      : world.tenant.behavior.nonPersistentRona === 'fixedTime'
        ? world.tenant.behavior.nonPersistentRonaTime
        : Number.POSITIVE_INFINITY;
    world.agent(user).send({ type: 'FLAG_RONA', service, persistent, resetMs });
    world.note(`user:${user}`, 'status', () => `${persistent ? 'persistent ' : ''}RONA after ${reason} offer of ${call}`, decision.because);
  } else {
    world.note(`user:${user}`, 'decision', () => `${reason} ${call}: ${decision.summary}`, decision.because);
  }
  const userOutcome = world.record(policy.missedOfferOutcome(world, user, call, reason, decision.verdict !== 'none'), call);
  const outcome = userOutcome.verdict;
  const because = [...new Set([...decision.because, ...userOutcome.because])];
  const callActor = world.call(call);
  const ctx = callActor.getSnapshot().context;
  // A blind transfer to a user that the target misses fails (REP-06).
  if (extras.blindTransfer?.toUser === user) {
    const by = extras.blindTransfer.by;
    delete extras.blindTransfer;
    world.sendCall(call, { type: 'OFFER_MISSED', user, outcome, because: userOutcome.because, at: world.clock.now() });
    const failed = world.record(policy.transferringUserOutcome(world, call, by, { kind: 'blind', to: 'user', succeeded: false }));
    world.sendCall(call, { type: 'USER_SESSION_OUTCOME', user: by, service: ctx.currentService, ...policy.decided(failed), at: world.clock.now() });
    settleSession(world, call, { by: 'user' });
    endCall(world, call, ['XFER-06', 'REP-06']);
    return;
  }
  // A safe transfer the target misses comes back to the transferring user (XFER-05).
  if (extras.safeTransfer?.toUser === user) {
    const by = extras.safeTransfer.by;
    delete extras.safeTransfer;
    world.sendCall(call, { type: 'OFFER_MISSED', user, outcome, because, at: world.clock.now() });
    world.sendCall(call, { type: 'TRANSFER_FAILED', returnTo: 'user', message: `${user} did not take the transfer; the call is back with ${by}`, because: ['XFER-05'], at: world.clock.now() });
    world.note(`call:${call}`, 'task', () => `safe transfer to ${user} failed (${reason}); back with ${by}`, ['XFER-05']);
    return;
  }
  // A modelled user who misses an outbound call to them: the far end did not answer.
  if (extras.target?.user === user) {
    world.sendCall(call, { type: 'OFFER_MISSED', user, outcome, because, at: world.clock.now() });
    farEndNotReached(world, call);
    return;
  }
  world.sendCall(call, { type: 'OFFER_MISSED', user, outcome, because, at: world.clock.now() });
  extras.skipNextAttempt.add(user);
  if (callActor.getSnapshot().context.ringing.length === 0 && callActor.getSnapshot().matches('Ringing')) {
    world.sendCall(call, { type: 'REQUEUED', at: world.clock.now() });
    enqueue(world, call, ctx.currentService);
    world.note(`call:${call}`, 'task', () => `back in the queue of ${ctx.currentService}`, ['RONA-02']);
  }
}

export async function hangup(world: World, args: StepOf<'hangup'>['args']): Promise<VerbOutcome> {
  const call = world.call(args.call);
  const ctx = call.getSnapshot().context;
  if (ctx.endedAt !== null) {
    world.result(false, `${args.call} has already ended`);
    return { ok: false, text: `${args.call} has already ended` };
  }
  const state = world.taskState(args.call);
  const by = args.by;
  if (by !== 'customer' && by !== 'target') world.user(by);
  if (by !== 'customer' && by !== 'target' && ctx.user !== by && ctx.parkedBy !== by && !callsOfUserInclude(world, by, args.call)) {
    const onCall = world.record(policy.onTheCall(world, by, args.call, 'hang up', true), args.call);
    world.result(false, onCall.summary, onCall);
    return { ok: false, text: `${by} hangs up ${args.call}: refused — ${onCall.summary}`, decision: onCall };
  }
  const where = state === 'In Queue' ? 'queue' : state === 'In IVR' || state === 'Establishing' ? 'ivr' : state === 'In IVR After Queue' ? 'ivrAfterQueue' : state === 'Ringing' ? 'ringing' : 'connected';
  const connectedUser = ctx.user;
  if (connectedUser && (state === 'Connected' || state === 'Parked' || state === 'Transferring' || state === 'Dialing Out')) {
    const parkedHangup = state === 'Parked';
    const acw = releaseUser(world, connectedUser, args.call, { parkedHangup });
    settleSession(world, args.call, by === 'customer' || by === 'target' ? { by: 'customer', where: 'connected' } : { by: 'user' });
    const stillTransferring = world.extras(args.call).safeTransfer;
    if (stillTransferring?.toUser) world.agent(stillTransferring.toUser).send({ type: 'OFFER_WITHDRAWN', call: args.call });
    world.sendCall(args.call, { type: 'USER_LEFT', acw, at: world.clock.now() });
    const endedBy = by === 'customer' || by === 'target' ? 'remote' : 'nimbus';
    // With ACW the task stays In ACW (ACW-11) while the caller is already gone.
    if (!acw) endCall(world, args.call, [], endedBy);
    else world.track(world.graph.hangUp(args.call, endedBy));
  } else {
    settleSession(world, args.call, { by: 'customer', where });
    endCall(world, args.call, [], 'remote');
  }
  world.result(true, `${args.call} hung up by ${by}`);
  return { ok: true, text: `${by} hangs up ${args.call} (${state})` };
}

function callsOfUserInclude(world: World, user: string, call: string): boolean {
  return world.callsOf(user).includes(call);
}

/** Dial the far end of an outbound call through Graph and wait for it (spec: targets answer at once by default). */
export async function dialFarEnd(world: World, call: string, opts: { targetAnswers?: boolean | undefined; answerAfter?: number | undefined } = {}): Promise<void> {
  const extras = world.extras(call);
  const target = extras.target;
  if (!target) return;
  const ctx = world.call(call).getSnapshot().context;
  const created = await world.graph.createOutboundCall(call, ctx.currentService, target);
  if (!created.ok) {
    world.note(`call:${call}`, 'graph', () => `Graph refused the outbound call: ${created.message}`, created.because);
    settleSession(world, call, { by: 'error' });
    const user = ctx.user;
    if (user) releaseUser(world, user, call);
    endCall(world, call, created.because);
    return;
  }
  if (target.user) {
    const ringTimeoutMs = world.service(ctx.currentService).distribution.ringTimeout;
    world.agent(target.user).send({ type: 'OFFER', call, service: ctx.currentService, ringTimeoutMs, kind: 'distribution' });
    world.note(`user:${target.user}`, 'status', () => `Ringing for ${call} (outbound from ${ctx.currentService})`);
    return;
  }
  whenFarEndAnswers(
    world,
    call,
    opts,
    () => {
      world.note(`call:${call}`, 'task', () => `${target.value} answered`);
      if (extras.outbound?.withWorkflow) runWorkflowToQueue(world, call, ctx.currentService);
      else world.sendCall(call, { type: 'TARGET_ANSWERED', at: world.clock.now() });
    },
    () => farEndNotReached(world, call),
  );
}

/** The far end never answered: the outbound call ends not accepted, and may not be reported (OUT-07). */
function farEndNotReached(world: World, call: string): void {
  const ctx = world.call(call).getSnapshot().context;
  settleSession(world, call, { by: 'customer', where: 'connected' });
  if (ctx.user) releaseUser(world, ctx.user, call);
  endCall(world, call, ['OUT-07']);
}
