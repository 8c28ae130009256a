/** What users and their Teams clients do: presence, duty, Active toggle, Not Available Reason, ACW, RONA reset. */
import type { StepOf } from '../../scenario/schema.js';
import * as policy from '../policy.js';
import type { AgentContext } from '../../../src/machines/agentMachine.js';
import type { World } from '../world.js';
import type { VerbOutcome } from './types.js';

export async function presence(world: World, args: StepOf<'presence'>['args']): Promise<VerbOutcome> {
  world.user(args.user);
  const activity = args.activity ?? defaultActivity(args.availability);
  // The user's Teams client sets presence; Nimbus reads it back through Graph (PRES-06, PRES-09).
  const seen = await world.graph.changePresence(args.user, args.availability, activity, args.activity !== undefined);
  if ('error' in seen) {
    const kept = world.presenceSeen.get(args.user)?.availability ?? 'unknown';
    world.note(`user:${args.user}`, 'graph', () => `Nimbus could not read the new presence: ${seen.error}; it keeps ${kept}`);
    world.result(true, `${args.user} is ${args.availability} in Teams, but Nimbus still sees ${kept} (Graph failed)`);
    return { ok: true, text: `${args.user} sets Teams presence to ${args.availability}; Nimbus could not read it (${seen.error})` };
  }
  world.presenceSeen.set(args.user, seen);
  const online = policy.rules.isOnline(seen);
  world.agent(args.user).send({ type: 'PRESENCE_CHANGED', availability: seen.availability, activity: seen.activity, online });
  world.note(`user:${args.user}`, 'presence', () => `${args.availability}${args.activity ? ` / ${args.activity}` : ''}${seen.availability !== args.availability ? ` (Nimbus sees ${seen.availability})` : ''}`);
  world.result(true, `${args.user} is ${args.availability} in Teams`);
  return { ok: true, text: `${args.user} sets Teams presence to ${args.availability}${args.activity ? ` / ${args.activity}` : ''}` };
}

export const defaultActivity = (availability: string) =>
  availability === 'Appear Away' ? ('Away' as const) : availability === 'Appear Offline' ? ('Off work' as const) : (availability as 'Available');

export async function duty(world: World, args: StepOf<'duty'>['args']): Promise<VerbOutcome> {
  world.user(args.user);
  world.agent(args.user).send({ type: 'DUTY_CHANGED', duty: args.state });
  world.note(`user:${args.user}`, 'status', () => args.state, ['US-07']);
  world.result(true, `${args.user} is ${args.state}`);
  return { ok: true, text: `${args.user} switches to ${args.state}` };
}

export async function notAvailableReason(world: World, args: StepOf<'notAvailableReason'>['args']): Promise<VerbOutcome> {
  world.agent(args.user).send({ type: 'NOT_AVAILABLE_REASON', pending: args.pending });
  world.note(`user:${args.user}`, 'status', () => args.pending ? 'Not Available Reason requested' : 'Not Available Reason answered', ['PRES-11']);
  world.result(true, `${args.user} ${args.pending ? 'has a pending' : 'answered the'} Not Available Reason`);
  return { ok: true, text: `${args.user}: Not Available Reason ${args.pending ? 'pending' : 'answered'}` };
}

export async function setActive(world: World, args: StepOf<'setActive'>['args']): Promise<VerbOutcome> {
  world.user(args.user);
  world.setActive(args.user, args.service, args.active);
  world.note(`user:${args.user}`, 'status', () => `${args.active ? 'Active' : 'inactive'} in ${args.service}`, ['SVC-08']);
  world.result(true, `${args.user} ${args.active ? 'active' : 'inactive'} in ${args.service}`);
  return { ok: true, text: `${args.user} turns ${args.active ? 'on' : 'off'} Active in ${args.service}` };
}

/** The user's running ACW, or the refusal to record when there is none to act on. */
type RunningAcw = { agent: ReturnType<World['agent']>; acw: NonNullable<AgentContext['acw']> } | { refused: VerbOutcome };

function runningAcw(world: World, user: string, rule: 'ACW-05' | 'ACW-06', action: string): RunningAcw {
  const agent = world.agent(user);
  const acw = agent.getSnapshot().context.acw;
  if (acw && agent.getSnapshot().matches({ work: 'AfterCallWork' })) return { agent, acw };
  world.result(false, `${user} is not in After-Call Work`, undefined, [rule]);
  return { refused: { ok: false, text: `${user} ${action}: refused, not in ACW` } };
}

export async function endAcw(world: World, args: StepOf<'endAcw'>['args']): Promise<VerbOutcome> {
  const running = runningAcw(world, args.user, 'ACW-05', 'ends ACW');
  if ('refused' in running) return running.refused;
  const decision = world.record(policy.acwEarlyEnd(world, running.acw.service), running.acw.call);
  if (!decision.verdict) {
    world.result(false, decision.summary, decision);
    return { ok: false, text: `${args.user} ends ACW early: refused — ${decision.summary}`, decision };
  }
  running.agent.send({ type: 'END_ACW' });
  world.result(true, `${args.user} ended ACW early`, decision);
  return { ok: true, text: `${args.user} ends ACW early`, decision };
}

export async function extendAcw(world: World, args: StepOf<'extendAcw'>['args']): Promise<VerbOutcome> {
  const running = runningAcw(world, args.user, 'ACW-06', 'extends ACW');
  if ('refused' in running) return running.refused;
  const decision = world.record(policy.acwExtension(world, running.acw.service, running.acw.extensionsUsed), running.acw.call);
  if (!decision.verdict) {
    world.result(false, decision.summary, decision);
    return { ok: false, text: `${args.user} extends ACW: refused — ${decision.summary}`, decision };
  }
  // ACW-06: the rule decides the fresh counter's length.
  running.agent.send({ type: 'EXTEND_ACW', extensionMs: decision.durationMs });
  world.note(`user:${args.user}`, 'status', () => `ACW extended: a fresh ${decision.durationMs / 1000}s counter`, decision.because);
  world.result(true, `${args.user} extended ACW`, decision);
  return { ok: true, text: `${args.user} extends ACW (fresh counter)`, decision };
}

export async function resetRona(world: World, args: StepOf<'resetRona'>['args']): Promise<VerbOutcome> {
  const agent = world.agent(args.user);
  if (!agent.getSnapshot().context.rona) {
    world.result(false, `${args.user} has no RONA to reset`, undefined, ['RONA-08']);
    return { ok: false, text: `${args.user} resets RONA: nothing to reset` };
  }
  agent.send({ type: 'RESET_RONA' });
  world.note(`user:${args.user}`, 'status', 'RONA reset manually', ['RONA-08']);
  world.result(true, `${args.user} reset RONA`, undefined, ['RONA-08']);
  return { ok: true, text: `${args.user} resets RONA in Assistant` };
}
