/**
 * Transfers between services and to users (XFER-01, XFER-04, MOD-01, LIC-05), and the shape of the workflow
 * a call runs through before it is queued or transferred (WF-01..03, OUT-05, WF-07). PSTN transfers live in
 * pstn.ts.
 */
import { activityOf } from '../domain/model.js';
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { refusal, svc, usr } from './common.js';
import { checkTeamsPhone, teamsPhoneInputs } from './selectability.js';

export const transferRules: readonly RuleId[] = ['XFER-01', 'XFER-04', 'MOD-01', 'WF-01', 'WF-02', 'WF-03', 'OUT-05', 'WF-07'];

export interface ServiceTransferArgs {
  tenant: TenantFacts;
  source: ServiceFacts;
  /** The target service, or undefined when no service with that id exists. */
  target: ServiceFacts | undefined;
  /** The id the transfer named, for the explanation when the target does not exist. */
  targetId?: string | undefined;
}

/**
 * XFER-01, XFER-04, MOD-01: may a call be transferred from `source` to the service `target`? Only the target's
 * existence is verified (no availability or opening-hours check), and no extra license is needed. The target
 * must still have a workflow for inbound Audio / Video (Inbound Conversations on), or nothing can accept it.
 */
export function serviceTransfer({ tenant, source, target, targetId }: ServiceTransferArgs): Decision<boolean> {
  const name = target?.id ?? targetId ?? '(unnamed)';
  const b = new DecisionBuilder('serviceTransfer', {
    source: source.id,
    target: target ? { id: target.id, license: target.license, inbound: target.modalities.inbound } : { id: name, exists: false },
    tenant: tenant.name,
  });
  b.note('XFER-01', `a transfer between Nimbus services needs no additional license (${svc(source)} is ${source.license}${target ? `, service ${target.id} is ${target.license}` : ''})`);
  const exists = b.check(
    'XFER-04',
    target !== undefined,
    target
      ? `service ${name} exists (availability and opening hours are not checked)`
      : `service ${name} does not exist; a transfer to a service only verifies that the target exists`,
  );
  if (exists && target) {
    b.check(
      'MOD-01',
      target.modalities.inbound,
      target.modalities.inbound
        ? `service ${name} has Inbound Conversations enabled, so its A/V workflow can accept the call`
        : `service ${name} has Inbound Conversations disabled: no A/V workflow can accept the call`,
    );
  }
  return b.done(
    `transfer from ${svc(source)} to service ${name} allowed; it counts as handled for ${svc(source)} once the target's workflow accepts`,
    refusal(`transfer from ${svc(source)} to service ${name} fails`, b),
  );
}

export interface UserTransferTargetArgs {
  tenant: TenantFacts;
  targetUser: UserFacts;
}

/** LIC-05: may this user be the target of a transfer or consultation? */
export function userTransferTarget({ targetUser }: UserTransferTargetArgs): Decision<boolean> {
  const b = new DecisionBuilder('userTransferTarget', { targetUser: { id: targetUser.id, ...teamsPhoneInputs(targetUser) } });
  checkTeamsPhone(b, targetUser, 'by transfer and consultation targets');
  return b.done(`${usr(targetUser)} can be a transfer or consultation target`, refusal(`${usr(targetUser)} cannot be a transfer or consultation target`, b));
}

/** LIC-05: may this user handle calls (be an agent)? */
export function agentCanHandleCalls({ user }: { user: UserFacts }): Decision<boolean> {
  const b = new DecisionBuilder('agentCanHandleCalls', { user: { id: user.id, ...teamsPhoneInputs(user) } });
  checkTeamsPhone(b, user, 'by users who handle calls');
  return b.done(`${usr(user)} can handle calls`, refusal(`${usr(user)} cannot handle calls`, b));
}

export interface WorkflowStructureArgs {
  service: ServiceFacts;
  /** How the call enters the workflow: an inbound (or transferred) call, or an Outbound Call with Workflow. */
  direction: 'inbound' | 'outboundWithWorkflow';
}

/**
 * WF-01..03, OUT-05, WF-07: can the service's workflow run this call? `Accept` is mandatory and comes first
 * (only `Availability Based Routing`, which needs no predecessor, may run before it); every `Announcement` needs a preceding
 * `Accept`; an Outbound Call with Workflow cannot use `Voice Message`.
 */
export function workflowStructure({ service, direction }: WorkflowStructureArgs): Decision<boolean> {
  const activities = service.workflow.map(activityOf);
  const where = svc(service);
  const b = new DecisionBuilder('workflowStructure', { service: service.id, direction, activities: [...activities] });
  const accept = activities.indexOf('Accept');
  const before = accept < 0 ? activities : activities.slice(0, accept);
  const early = before.filter((a) => a !== 'Availability Based Routing');
  b.check(
    'WF-01',
    accept >= 0 && early.length === 0,
    accept < 0
      ? `the workflow of ${where} has no Accept activity, which is mandatory`
      : early.length > 0
        ? `the workflow of ${where} runs ${early.join(', ')} before Accept, which must connect directly to the Start node`
        : `the workflow of ${where} starts with Accept, which marks the task Accepted by System`,
  );
  activities.forEach((a, i) => {
    if (a !== 'Announcement') return;
    const preceded = accept >= 0 && accept < i;
    b.check('WF-03', preceded, preceded ? `Announcement (activity ${i + 1}) follows Accept` : `Announcement (activity ${i + 1}) in ${where} has no preceding Accept`);
  });
  if (activities.includes('Disconnect')) b.note('WF-02', `Accept and Disconnect bracket the workflow of ${where}`);
  if (direction === 'outboundWithWorkflow') {
    const voice = activities.includes('Voice Message');
    b.check('OUT-05', !voice, voice ? `Outbound Call with Workflow does not support the Voice Message activity of ${where}` : `the workflow of ${where} has no Voice Message activity`);
    if (voice) b.check('WF-07', false, 'Voice Message is recorded by the Nimbus Media Bot and is not available in Outbound with Workflow');
  }
  return b.done(`the workflow of ${where} (${activities.join(' → ')}) can run the call`, refusal(`the workflow of ${where} cannot run the call`, b));
}
