/**
 * `transfer`: blind or safe, to a service, a user, a PSTN number or a UPN (XFER-01..07, LIC-05, REP-06).
 * A PSTN transfer takes its license from the call's first responding service (XFER-02); when that service
 * is not licensed the transfer fails and the workflow leaves through the Exit route (XFER-03, WF-06).
 */
import type { StepOf, TargetSpec } from '../../scenario/schema.js';
import type { RuleId } from '../../../src/rules/decision.js';
import * as policy from '../policy.js';
import { notConnected } from './handling.js';
import { endCall, endSupervisionFor, releaseUser, settleSession, whenFarEndAnswers } from '../lifecycle.js';
import { runWorkflow } from '../workflow.js';
import type { World } from '../world.js';
import type { VerbOutcome } from './types.js';

const describeTarget = (to: TargetSpec): string =>
  'service' in to ? `service ${to.service}` : 'user' in to ? `user ${to.user}` : 'pstn' in to ? to.pstn : to.upn;

export async function transfer(world: World, args: StepOf<'transfer'>['args']): Promise<VerbOutcome> {
  world.call(args.call);
  world.user(args.by);
  const refused = notConnected(world, args.by, args.call, 'transfer', true);
  if (refused) return refused;
  const target = resolveTarget(world, args.to);
  const mode = args.mode;
  world.sendCall(args.call, { type: 'TRANSFER_STARTED', by: args.by, to: describeTarget(args.to), mode, at: world.clock.now() });
  world.note(`call:${args.call}`, 'task', () => `${args.by} starts a ${mode} transfer to ${describeTarget(args.to)}`);
  switch (target.kind) {
    case 'service':
      return toService(world, args.call, args.by, target.service, mode);
    case 'user':
      return toUser(world, args.call, args.by, target.user, mode);
    case 'pstn':
    case 'external':
      return toExternal(world, args, target);
  }
}

type ResolvedTarget =
  | { kind: 'service'; service: string }
  | { kind: 'user'; user: string }
  | { kind: 'pstn'; number: string }
  | { kind: 'external'; upn: string };

function resolveTarget(world: World, to: TargetSpec): ResolvedTarget {
  if ('service' in to) return { kind: 'service', service: world.service(to.service).id };
  if ('user' in to) return { kind: 'user', user: world.user(to.user).id };
  if ('pstn' in to) return { kind: 'pstn', number: to.pstn };
  const modelled = [...world.users.values()].find((u) => u.upn === to.upn);
  if (modelled) return { kind: 'user', user: modelled.id };
  const service = [...world.services.values()].find((s) => s.resourceAccount.upn === to.upn);
  if (service) return { kind: 'service', service: service.id };
  return { kind: 'external', upn: to.upn };
}

function toService(world: World, call: string, by: string, target: string, mode: 'blind' | 'safe'): VerbOutcome {
  const ctx = world.call(call).getSnapshot().context;
  const decision = world.record(policy.serviceTransfer(world, ctx.currentService, target), call);
  if (!decision.verdict) return failAndReturn(world, call, by, mode, decision.summary, decision);
  endSupervisionFor(world, call, 'transferred');
  // XFER-04: once the target's workflow accepts, the task counts as handled for the source service.
  const source = ctx.currentService;
  releaseUser(world, by, call);
  const handedOn = { kind: mode, to: 'service', succeeded: true } as const;
  const outcome = world.record(policy.sessionOutcome(world, call, { by: 'user' }, handedOn), call);
  const userOutcome = world.record(policy.transferringUserOutcome(world, call, by, handedOn));
  world.sendCall(call, { type: 'TRANSFERRED_TO_SERVICE', service: target, session: policy.decided(outcome), user: policy.decided(userOutcome), at: world.clock.now() });
  // The target's workflow runs: its Accept accepts the call (the PSTN binding stays with the first service).
  runWorkflow(world, call, target);
  world.result(true, `${call} transferred from ${source} to ${target}`, decision);
  return { ok: true, text: `${by} transfers ${call} to service ${target} (${mode}); PSTN license stays with ${ctx.firstRespondingService ?? source}`, decision };
}

function toUser(world: World, call: string, by: string, target: string, mode: 'blind' | 'safe'): VerbOutcome {
  const ctx = world.call(call).getSnapshot().context;
  const decision = world.record(policy.userTransferTarget(world, target), call);
  if (!decision.verdict) return failAndReturn(world, call, by, mode, decision.summary, decision);
  const extras = world.extras(call);
  const ringTimeoutMs = world.service(ctx.currentService).distribution.ringTimeout;
  world.agent(target).send({ type: 'OFFER', call, service: ctx.currentService, ringTimeoutMs, kind: 'distribution' });
  world.note(`user:${target}`, 'status', () => `Ringing for ${call} (transfer from ${by})`);
  if (mode === 'blind') {
    // XFER-06: the transferring user leaves at once.
    endSupervisionFor(world, call, 'transferred');
    extras.blindTransfer = { by, toUser: target };
    releaseUser(world, by, call);
    world.sendCall(call, { type: 'TRANSFERRED_TO_USER', user: target, at: world.clock.now() });
  } else {
    // XFER-05: the transferring user stays on the call until the target takes it.
    extras.safeTransfer = { by, toUser: target };
    world.sendCall(call, { type: 'OFFERED', users: [target], origin: 'safeTransfer', at: world.clock.now() });
  }
  world.result(true, `${call} offered to ${target} (${mode} transfer)`, decision);
  return { ok: true, text: `${by} transfers ${call} to ${target} (${mode})`, decision };
}

type ExternalTarget = { kind: 'pstn'; number: string } | { kind: 'external'; upn: string };
type TransferArgs = StepOf<'transfer'>['args'];

async function toExternal(world: World, args: TransferArgs, target: ExternalTarget): Promise<VerbOutcome> {
  const call = args.call;
  const ctx = world.call(call).getSnapshot().context;
  const first = ctx.firstRespondingService ?? ctx.currentService;
  const label = target.kind === 'pstn' ? target.number : target.upn;
  let decision = null as ReturnType<typeof policy.pstnTransfer> | null;
  if (target.kind === 'pstn') {
    decision = world.record(policy.pstnTransfer(world, first, ctx.currentService, args.via ?? 'workflow', { user: args.by }), call);
  }
  // Open question 14 = false: an Attendant Console transfer places the PSTN leg from the current service's own
  // resource account, so the Graph call (bound to the first responding service) is not transferred itself.
  const ownLeg = target.kind === 'pstn' && args.via === 'manual' && !world.tenant.behavior.firstServiceRuleForManualTransfers;
  const graph = ownLeg
    ? { ok: true, message: `PSTN leg placed from ${ctx.currentService}'s resource account`, because: ['LIC-02' as const] }
    : await world.graph.transferCall(call, target.kind === 'pstn' ? { pstn: target.number } : { upn: target.upn });
  if (decision && decision.verdict !== graph.ok) {
    world.note('graph', 'graph', () => `model and mock disagree about ${call}: rules say ${decision.verdict}, Graph said ${graph.ok ? 'ok' : graph.message}`);
  }
  if (!graph.ok || (decision && !decision.verdict)) {
    const message = decision && !decision.verdict ? `Transfer failed: ${decision.summary}` : `Transfer failed: ${graph.message}`;
    if (args.mode === 'safe') return failAndReturn(world, call, args.by, 'safe', message, decision ?? undefined);
    return refusedBlind(world, args, label, message, decision, graph.because);
  }
  // XFER-06: a blind transfer removes the transferring user at once, whatever the target does later.
  if (args.mode === 'blind') {
    releaseUser(world, args.by, call);
    world.sendCall(call, { type: 'TRANSFERRING_USER_LEFT', user: args.by, at: world.clock.now() });
    world.note(`user:${args.by}`, 'status', () => `left ${call} with the blind transfer to ${label}`, ['XFER-06']);
  }
  whenFarEndAnswers(
    world,
    call,
    { targetAnswers: args.targetAnswers, answerAfter: args.answerAfter },
    () => externalAnswered(world, args, label, ownLeg),
    () => externalRangOut(world, args, label),
  );
  const because = decision?.because ?? ['XFER-01'];
  world.result(true, `${call} transferred by ${args.by} to ${label}`, decision ?? undefined, because);
  return {
    ok: true,
    text: `${args.by} transfers ${call} to ${label} (${args.mode}); PSTN license of ${first}`,
    ...(decision ? { decision } : {}),
  };
}

/** XFER-03 / WF-06: a refused blind transfer: the workflow leaves through the Exit announcement route; the session is "Transfer failed". */
function refusedBlind(world: World, args: TransferArgs, label: string, message: string, decision: ReturnType<typeof policy.pstnTransfer> | null, graphBecause: RuleId[]): VerbOutcome {
  const call = args.call;
  const service = world.call(call).getSnapshot().context.currentService;
  const because = decision?.because ?? graphBecause;
  const firstServiceUnlicensed = decision !== null && !decision.verdict;
  if ((args.via ?? 'workflow') === 'workflow') settleSession(world, call, { by: 'workflowTransfer', to: 'pstn', succeeded: false, firstServiceUnlicensed, transferredBy: { user: args.by } });
  else settleSession(world, call, { by: 'user' }, { kind: 'blind', to: 'pstn', succeeded: false, firstServiceUnlicensed });
  world.sendCall(call, { type: 'TRANSFER_FAILED', returnTo: 'exitRoute', message, because, at: world.clock.now() });
  releaseUser(world, args.by, call);
  world.note(`call:${call}`, 'task', () => `Exit announcement route of ${service} after ${args.by}'s transfer failed`, ['WF-06']);
  endCall(world, call, because);
  world.result(false, message, decision ?? undefined, because);
  return { ok: false, text: `${args.by} transfers ${call} to ${label}: ${message}`, ...(decision ? { decision } : {}) };
}

/** The PSTN or external target picked up: the call leaves Nimbus (REP-06 "Transferred Externally"). */
function externalAnswered(world: World, args: TransferArgs, label: string, ownLeg: boolean): void {
  const call = args.call;
  endSupervisionFor(world, call, 'transferred');
  const handedOn = { kind: args.mode, to: 'pstn', succeeded: true } as const;
  const outcome = world.record(policy.sessionOutcome(world, call, { by: 'user' }, handedOn), call);
  const userOutcome = world.record(policy.transferringUserOutcome(world, call, args.by, handedOn));
  // XFER-05: a safe transfer kept its user on the call until now.
  if (args.mode === 'safe') releaseUser(world, args.by, call);
  world.sendCall(call, { type: 'TRANSFERRED_EXTERNALLY', session: policy.decided(outcome), user: policy.decided(userOutcome), at: world.clock.now() });
  world.note(`call:${call}`, 'task', () => `${args.by}'s transfer to ${label} answered`, outcome.because);
  if (ownLeg) world.track(world.graph.hangUp(call));
}

/** XFER-07: the target rang the whole PSTN ring limit; a safe transfer comes back to its user (XFER-05), a blind one fails. */
function externalRangOut(world: World, args: TransferArgs, label: string): void {
  const call = args.call;
  const limit = `within the PSTN ring limit of ${world.tenant.behavior.pstnRingLimit / 1000}s`;
  if (args.mode === 'safe') {
    failAndReturn(world, call, args.by, 'safe', `${label} did not answer ${limit}`, undefined, ['XFER-07', 'XFER-05']);
    return;
  }
  const failed = { kind: 'blind', to: 'pstn', succeeded: false } as const;
  settleSession(world, call, { by: 'user' }, failed);
  const userOutcome = world.record(policy.transferringUserOutcome(world, call, args.by, failed));
  world.sendCall(call, { type: 'USER_SESSION_OUTCOME', user: args.by, service: world.call(call).getSnapshot().context.currentService, ...policy.decided(userOutcome), at: world.clock.now() });
  world.sendCall(call, { type: 'TRANSFER_FAILED', returnTo: 'exitRoute', message: `${label} did not answer ${limit}`, because: ['XFER-07'], at: world.clock.now() });
  endCall(world, call, ['XFER-07']);
}

/** A refused or failed transfer: a safe transfer returns to the user (XFER-05); a blind one is refused before it starts. */
function failAndReturn(
  world: World,
  call: string,
  by: string,
  mode: 'blind' | 'safe',
  message: string,
  decision: ReturnType<typeof policy.pstnTransfer> | undefined,
  fallback: RuleId[] = ['XFER-05'],
): VerbOutcome {
  const because = decision?.because ?? fallback;
  world.sendCall(call, { type: 'TRANSFER_FAILED', returnTo: 'user', message, because, at: world.clock.now() });
  world.note(`call:${call}`, 'task', () => `${mode} transfer failed, the call stays with ${by}: ${message}`, because);
  world.result(false, message, decision, because);
  return { ok: false, text: `${by}'s transfer of ${call} failed: ${message}`, ...(decision ? { decision } : {}) };
}
