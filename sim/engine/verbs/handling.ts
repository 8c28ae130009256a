/** Task handling during a call: park, unpark, hold, resume, consult (PAR-*) and supervision (SUP-*). */
import type { StepOf } from '../../scenario/schema.js';
import * as policy from '../policy.js';
import { endSupervisionFor } from '../lifecycle.js';
import type { World } from '../world.js';
import type { VerbOutcome } from './types.js';

/**
 * US-10: only the user connected to a call can act on it; otherwise the refusal is the step's result. With
 * `whileConnected`, the task must also be in state Connected (TASK-01), not on hold or transferring.
 */
export function notConnected(world: World, user: string, call: string, verb: string, whileConnected = false): VerbOutcome | null {
  world.user(user);
  const onCall = policy.onTheCall(world, user, call, verb, false);
  if (!onCall.verdict) {
    world.record(onCall, call);
    world.result(false, onCall.summary, onCall);
    return { ok: false, text: `${user} ${verb}s ${call}: refused — ${onCall.summary}`, decision: onCall };
  }
  const state = world.taskState(call);
  if (!whileConnected || state === 'Connected') return null;
  const why = `${call} is ${state}, not Connected: only a connected task can be handed on`;
  world.result(false, why, undefined, ['TASK-01']);
  return { ok: false, text: `${user} ${verb}s ${call}: refused — ${why}` };
}

export async function park(world: World, args: StepOf<'park'>['args']): Promise<VerbOutcome> {
  const refused = notConnected(world, args.user, args.call, 'park');
  if (refused) return refused;
  if (world.taskState(args.call) !== 'Connected') {
    world.result(false, `${args.call} is ${world.taskState(args.call)}, only a connected call can be parked`, undefined, ['PAR-01']);
    return { ok: false, text: `${args.user} parks ${args.call}: refused, the call is ${world.taskState(args.call)}` };
  }
  const allowed = world.record(policy.canPark(world, args.user), args.call);
  if (!allowed.verdict) {
    world.result(false, allowed.summary, allowed);
    return { ok: false, text: `${args.user} parks ${args.call}: refused — ${allowed.summary}`, decision: allowed };
  }
  // PAR-08: parking ends a running supervision; it is not restored on unpark.
  endSupervisionFor(world, args.call, 'parked');
  const blocking = world.record(policy.parkingBlocksAfterPark(world, args.user), args.call);
  world.agent(args.user).send({ type: 'PARK', call: args.call, blocking: blocking.verdict });
  world.sendCall(args.call, { type: 'PARK', user: args.user, at: world.clock.now() });
  world.note(`user:${args.user}`, 'status', () => `parked ${args.call}: ${blocking.summary}`, blocking.because);
  world.result(true, `${args.user} parked ${args.call}`, blocking, [...allowed.because, ...blocking.because]);
  return { ok: true, text: `${args.user} parks ${args.call} (${blocking.verdict ? 'still blocked' : 'free for another task'})`, decision: blocking };
}

export async function unpark(world: World, args: StepOf<'unpark'>['args']): Promise<VerbOutcome> {
  world.user(args.user);
  const ctx = world.call(args.call).getSnapshot().context;
  if (world.taskState(args.call) !== 'Parked') {
    world.result(false, `${args.call} is not parked`, undefined, ['PAR-11']);
    return { ok: false, text: `${args.user} unparks ${args.call}: refused, it is ${world.taskState(args.call)}` };
  }
  const allowed = world.record(policy.canUnpark(world, args.user, ctx.parkedBy), args.call);
  if (!allowed.verdict) {
    world.result(false, allowed.summary, allowed);
    return { ok: false, text: `${args.user} unparks ${args.call}: refused — ${allowed.summary}`, decision: allowed };
  }
  // PAR-09: the user accepts the unpark invitation; then the conversation resumes.
  world.agent(args.user).send({ type: 'UNPARK', call: args.call });
  world.sendCall(args.call, { type: 'UNPARK', at: world.clock.now() });
  world.result(true, `${args.user} resumed ${args.call}`, allowed);
  return { ok: true, text: `${args.user} unparks ${args.call}`, decision: allowed };
}

export async function hold(world: World, args: StepOf<'hold'>['args']): Promise<VerbOutcome> {
  const refused = notConnected(world, args.user, args.call, 'hold');
  if (refused) return refused;
  const supervised = world.call(args.call).getSnapshot().context.supervision.some((s) => s.endedAt === null);
  const allowed = world.record(policy.canHold(world, supervised), args.call);
  if (!allowed.verdict) {
    world.result(false, allowed.summary, allowed);
    return { ok: false, text: `${args.user} holds ${args.call}: refused — ${allowed.summary}`, decision: allowed };
  }
  world.agent(args.user).send({ type: 'HOLD', call: args.call });
  world.sendCall(args.call, { type: 'HOLD', at: world.clock.now() });
  world.note(`user:${args.user}`, 'status', () => `holds ${args.call}: stays in the conference, Busy in a call`, ['PAR-04', 'PRES-12']);
  world.result(true, `${args.user} put ${args.call} on hold`, allowed);
  return { ok: true, text: `${args.user} puts ${args.call} on hold`, decision: allowed };
}

export async function resume(world: World, args: StepOf<'resume'>['args']): Promise<VerbOutcome> {
  const refused = notConnected(world, args.user, args.call, 'resume');
  if (refused) return refused;
  world.agent(args.user).send({ type: 'RESUME', call: args.call });
  world.sendCall(args.call, { type: 'RESUME', at: world.clock.now() });
  world.result(true, `${args.user} resumed ${args.call}`);
  return { ok: true, text: `${args.user} resumes ${args.call}` };
}

/**
 * Extension verb: may the user start a consultation call from this task now (PAR-17, open question 11 via
 * behavior.consultationBlockedBy), with `to` if given (LIC-05)? Only the decision is modelled; the
 * consultation call itself (XFER-09) is not simulated, so an allowed request changes nothing else.
 */
export async function consult(world: World, args: StepOf<'consult'>['args']): Promise<VerbOutcome> {
  const ctx = world.call(args.call).getSnapshot().context;
  world.user(args.user);
  const state = world.taskState(args.call);
  if (ctx.user !== args.user && ctx.parkedBy !== args.user) {
    const onCall = world.record(policy.onTheCall(world, args.user, args.call, 'consult from', true), args.call);
    world.result(false, onCall.summary, onCall);
    return { ok: false, text: `${args.user} starts a consultation from ${args.call}: refused — ${onCall.summary}`, decision: onCall };
  }
  const held = world.agent(args.user).getSnapshot().matches({ work: { Connected: 'OnHold' } }) && world.agent(args.user).getSnapshot().context.active?.call === args.call;
  const task = state === 'Parked' ? 'parked' : held ? 'held' : 'active';
  const consultation = world.record(policy.canConsult(world, task), args.call);
  // LIC-05: the consulted user must be able to take the consultation call; the refusal cites whichever failed.
  const target = args.to ? world.record(policy.userTransferTarget(world, args.to.user), args.call) : undefined;
  const allowed = target && consultation.verdict && !target.verdict ? target : consultation;
  const because = target && allowed.verdict ? [...new Set([...consultation.because, ...target.because])] : undefined;
  const whom = args.to ? ` with ${args.to.user}` : '';
  world.result(allowed.verdict, allowed.summary, allowed, because);
  return { ok: allowed.verdict, text: `${args.user} starts a consultation${whom} from ${args.call}: ${allowed.verdict ? 'allowed' : `refused — ${allowed.summary}`}`, decision: allowed };
}

/**
 * Extension verb: an administrator changes a service's Persistent RONA toggle or RONA Reset Time. New RONA
 * flags use the new values; flags already set keep the reset time they were set with (RONA-10).
 */
export async function ronaSettings(world: World, args: StepOf<'ronaSettings'>['args']): Promise<VerbOutcome> {
  const service = world.service(args.service);
  const distribution = {
    ...service.distribution,
    ...(args.persistentRona !== undefined ? { persistentRona: args.persistentRona } : {}),
    ...(args.ronaResetTime !== undefined ? { ronaResetTime: args.ronaResetTime } : {}),
  };
  const bounds = world.record(policy.ronaResetTimeAllowed(world, distribution.ronaResetTime));
  if (!bounds.verdict) {
    world.result(false, bounds.summary, bounds);
    return { ok: false, text: `RONA settings of ${args.service}: refused — ${bounds.summary}`, decision: bounds };
  }
  world.services.set(args.service, { ...service, distribution });
  const kept = world.record(policy.persistentRonaEndsOn('settingsChanged'));
  world.note(`service:${args.service}`, 'decision', () => `RONA settings changed (Persistent RONA ${distribution.persistentRona ? 'on' : 'off'}, reset ${distribution.ronaResetTime / 1000}s): ${kept.summary}`, kept.because);
  world.result(true, `RONA settings of ${args.service} changed; RONA flags already set are unchanged`, kept, [...bounds.because, ...kept.because]);
  return { ok: true, text: `RONA settings of ${args.service} changed`, decision: kept };
}

export async function supervise(world: World, args: StepOf<'supervise'>['args']): Promise<VerbOutcome> {
  world.user(args.supervisor);
  const ctx = world.call(args.call).getSnapshot().context;
  const distributed = ctx.user !== null && (world.taskState(args.call) === 'Connected' || world.taskState(args.call) === 'Dialing Out');
  const decision = world.record(policy.canSupervise(world, args.supervisor, ctx.currentService, distributed, ctx.type), args.call);
  if (!decision.verdict) {
    world.result(false, decision.summary, decision);
    return { ok: false, text: `${args.supervisor} supervises ${args.call} (${args.mode}): refused — ${decision.summary}`, decision };
  }
  world.sendCall(args.call, { type: 'SUPERVISION_STARTED', supervisor: args.supervisor, mode: args.mode, at: world.clock.now() });
  world.note(`call:${args.call}`, 'supervision', () => `${args.supervisor} joins in ${args.mode}`, decision.because);
  world.result(true, `${args.supervisor} supervises ${args.call} in ${args.mode}`, decision);
  return { ok: true, text: `${args.supervisor} supervises ${args.call} in ${args.mode}`, decision };
}
