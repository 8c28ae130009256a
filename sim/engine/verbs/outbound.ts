/**
 * Outbound calls as the service: Call on Behalf (COB-01..14) and scheduled outbound calls (OUT-01..07).
 */
import type { StepOf, TargetSpec } from '../../scenario/schema.js';
import { valueDecision, type Decision } from '../../../src/rules/decision.js';
import * as policy from '../policy.js';
import { enqueue } from '../distribution.js';
import { dialFarEnd } from './calls.js';
import type { CallExtras, World } from '../world.js';
import type { VerbOutcome } from './types.js';

function outboundTarget(world: World, to: TargetSpec): { target: NonNullable<CallExtras['target']>; ruleTarget: policy.OutboundTarget; label: string } {
  if ('pstn' in to) return { target: { kind: 'pstn', value: to.pstn }, ruleTarget: { pstn: to.pstn }, label: to.pstn };
  if ('user' in to) {
    const u = world.user(to.user);
    return { target: { kind: 'user', value: u.upn, user: u.id }, ruleTarget: { user: u.id, upn: u.upn }, label: `${u.id} (${u.upn})` };
  }
  if ('upn' in to) {
    const u = [...world.users.values()].find((x) => x.upn === to.upn);
    const target: NonNullable<CallExtras['target']> = u ? { kind: 'upn', value: to.upn, user: u.id } : { kind: 'upn', value: to.upn };
    return { target, ruleTarget: { upn: to.upn, isModelledUser: !!u }, label: to.upn };
  }
  const s = world.service(to.service);
  const upn = s.resourceAccount.upn ?? `${s.id.toLowerCase()}@${world.tenant.domains[0] ?? 'contoso.com'}`;
  return { target: { kind: 'upn', value: upn }, ruleTarget: { upn, isModelledUser: false }, label: `service ${s.id}` };
}

/** Both the button and the target must be allowed; the refusal cites whichever failed. */
function combine(button: Decision<boolean>, target: Decision<boolean>): Decision<boolean> {
  const verdict = button.verdict && target.verdict;
  const because = verdict ? [...button.because, ...target.because] : [...(button.verdict ? [] : button.because), ...(target.verdict ? [] : target.because)];
  // The joined sentence is rendered only when read, as the rules' own sentences are.
  const summary = (): string => (verdict ? `${button.summary}; ${target.summary}` : [button, target].filter((d) => !d.verdict).map((d) => d.summary).join('; '));
  return valueDecision('callOnBehalf', verdict, because, { button: button.inputs, target: target.inputs }, [...button.checks, ...target.checks], summary);
}

export async function callOnBehalf(world: World, args: StepOf<'callOnBehalf'>['args']): Promise<VerbOutcome> {
  const service = world.service(args.service);
  world.user(args.user);
  const { target, ruleTarget, label } = outboundTarget(world, args.to);
  const button = policy.callOnBehalfButton(world, args.user, service.id);
  const targetDecision = policy.callOnBehalfTarget(world, service.id, ruleTarget);
  const decision = combine(button, targetDecision);
  world.record(decision);
  if (!decision.verdict) {
    world.note(`user:${args.user}`, 'decision', () => `Call on Behalf of ${service.id} to ${label} refused: ${decision.summary}`, decision.because);
    world.result(false, decision.summary, decision);
    return { ok: false, text: `${args.user} calls ${label} as ${service.id}: refused — ${decision.summary}`, decision };
  }
  world.startCall({ callId: args.call, type: 'Call On Behalf', from: service.pstn?.number ?? service.id, to: target.value, service: service.id });
  world.extras(args.call).decisions.push(decision);
  world.extras(args.call).target = target;
  // The service owns the call, so its license is the one a later PSTN transfer uses (XFER-02).
  const license = world.record(policy.servicePstnLicense(world, service.id, 'transfer'), args.call);
  // COB-12: Nimbus first rings the user with an invitation, which the user accepts; only then it dials.
  world.sendCall(args.call, { type: 'OWNED_BY_SERVICE', service: service.id, pstnLicensed: license.verdict, pstnBecause: license.because, at: world.clock.now() });
  world.sendCall(args.call, { type: 'INVITED', user: args.user, at: world.clock.now() });
  const agent = world.agent(args.user);
  agent.send({ type: 'OFFER', call: args.call, service: service.id, ringTimeoutMs: service.distribution.ringTimeout, kind: 'invitation' });
  world.note(`call:${args.call}`, 'task', () => `invitation rings ${args.user} first (COB-12, COB-13)`, ['COB-12', 'COB-13']);
  agent.send({ type: 'ACCEPT', call: args.call });
  world.sendCall(args.call, { type: 'USER_ACCEPTED', user: args.user, at: world.clock.now() });
  world.sendCall(args.call, { type: 'DIALING_OUT', at: world.clock.now() });
  world.note(`user:${args.user}`, 'status', () => `Connected to ${args.call}, dialing ${label} as ${service.id}`);
  await dialFarEnd(world, args.call, { targetAnswers: args.targetAnswers, answerAfter: args.answerAfter });
  world.result(true, `${args.user} calls ${label} on behalf of ${service.id}`, decision);
  return { ok: true, text: `${args.user} calls ${label} on behalf of ${service.id} (${args.call})`, decision };
}

export async function scheduleOutbound(world: World, args: StepOf<'scheduleOutbound'>['args']): Promise<VerbOutcome> {
  const service = world.service(args.service);
  const inProgress = world
    .liveCalls()
    .filter((c) => {
      const ctx = world.call(c).getSnapshot().context;
      return ctx.currentService === service.id && (ctx.type === 'Outbound Call' || ctx.type === 'Outbound Call (With Workflow)');
    }).length;
  const { target, ruleTarget, label } = outboundTarget(world, args.to);
  const scheduling = policy.scheduleOutbound(world, service.id, inProgress, args.withWorkflow);
  const targetDecision = policy.callOnBehalfTarget(world, service.id, ruleTarget, 'scheduledOutbound');
  const decision = combine(scheduling, targetDecision);
  decision.question = 'scheduleOutbound';
  world.record(decision);
  if (!decision.verdict) {
    world.note(`service:${service.id}`, 'decision', () => `scheduled outbound call to ${label} refused: ${decision.summary}`, decision.because);
    world.result(false, decision.summary, decision);
    return { ok: false, text: `schedule outbound ${args.call} in ${service.id} to ${label}: refused — ${decision.summary}`, decision };
  }
  const type = args.withWorkflow ? 'Outbound Call (With Workflow)' : 'Outbound Call';
  world.startCall({ callId: args.call, type, from: service.pstn?.number ?? service.id, to: target.value, service: service.id });
  const extras = world.extras(args.call);
  extras.decisions.push(decision);
  extras.target = target;
  const license = world.record(policy.servicePstnLicense(world, service.id, 'transfer'), args.call);
  world.sendCall(args.call, { type: 'OWNED_BY_SERVICE', service: service.id, pstnLicensed: license.verdict, pstnBecause: license.because, at: world.clock.now() });
  if (args.withWorkflow) {
    // MOD-03: the external party is called first, then routed through the service workflow.
    extras.outbound = { withWorkflow: true, dialed: true };
    world.sendCall(args.call, { type: 'DIALING_OUT', at: world.clock.now() });
    await dialFarEnd(world, args.call, { targetAnswers: args.targetAnswers, answerAfter: args.answerAfter });
  } else {
    // OUT-01: queued in the service and distributed to its users like an inbound task; DIST-08: no preferred user.
    extras.outbound = { withWorkflow: false, dialed: false, targetAnswers: args.targetAnswers, answerAfter: args.answerAfter };
    world.sendCall(args.call, { type: 'QUEUED', algorithm: service.distribution.type, at: world.clock.now() });
    enqueue(world, args.call, service.id);
  }
  // OUT-06, DIST-08: a preferred user named by the flow is ignored; the task is distributed like any other.
  const preferred = args.preferredUser === undefined ? undefined : world.record(policy.preferredUserApplies(world, 'outbound', world.user(args.preferredUser).id), args.call);
  if (preferred) world.note(`call:${args.call}`, 'decision', () => preferred.summary, preferred.because);
  world.result(true, `${args.call} scheduled in ${service.id}`, decision, preferred ? [...new Set([...decision.because, ...preferred.because])] : undefined);
  return { ok: true, text: `outbound call ${args.call} scheduled in ${service.id} to ${label}${args.withWorkflow ? ' (with workflow)' : ''}`, decision };
}
