/**
 * Scheduled outbound calls through the Power Automate connector (OUT-01..03, OUT-05, MOD-02, MOD-03, SVC-12),
 * whether an outbound call is reported (OUT-07), and preferred-user routing for outbound (DIST-08, OUT-06).
 */
import type { ServiceLicenseTier, WorkflowActivity } from '../domain/enums.js';
import { activityOf } from '../domain/model.js';
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { checkTenantNotSuspended, hasCcLicense, refusal, svc, tierAtLeast, usr } from './common.js';

export const outboundRules: readonly RuleId[] = [
  'SVC-11',
  'SVC-12',
  'OUT-01',
  'OUT-02',
  'MOD-02',
  'MOD-03',
  'OUT-03',
  'OUT-05',
  'WF-07',
  'OUT-07',
  'OUT-09',
  'DIST-07',
  'DIST-08',
  'OUT-06',
];

export interface ScheduleOutboundArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  /** Outbound tasks of this service already scheduled or in progress. */
  inProgress: number;
  /** "Schedule an Outbound Call with Workflow" rather than "Schedule an Outbound Call". */
  withWorkflow: boolean;
  /** The activities of the workflow the call runs through (default: the service's workflow). */
  workflowActivities?: readonly WorkflowActivity[] | undefined;
  /** License tiers of every service in the tenant (SVC-12); default: only this service's tier. */
  tenantServiceTiers?: readonly ServiceLicenseTier[] | undefined;
}

/** SVC-11, SVC-12, OUT-01..03, OUT-05, MOD-02, MOD-03, WF-07: does the flow action schedule the call? */
export function scheduleOutbound({ tenant, service, inProgress, withWorkflow, workflowActivities, tenantServiceTiers }: ScheduleOutboundArgs): Decision<boolean> {
  const activities = workflowActivities ?? service.workflow.map(activityOf);
  const limit = tenant.maxScheduledOutboundPerService;
  const where = svc(service);
  const action = withWorkflow ? 'Schedule an Outbound Call with Workflow' : 'Schedule an Outbound Call';
  const b = new DecisionBuilder('scheduleOutbound', {
    tenant: { state: tenant.state, maxScheduledOutboundPerService: limit },
    service: {
      id: service.id,
      license: service.license,
      outbound: service.modalities.outbound,
      outboundWithWorkflow: service.modalities.outboundWithWorkflow,
    },
    inProgress,
    withWorkflow,
    workflowActivities: [...activities],
  });
  checkTenantNotSuspended(b, tenant, 'every outbound task');
  // SVC-12: the connector exists for the tenant only while some service is ER or CC licensed.
  const tiers = tenantServiceTiers ?? [service.license];
  const connector = tiers.some((t) => tierAtLeast(t, 'Enterprise Routing'));
  b.check(
    'SVC-12',
    connector,
    connector
      ? `the tenant has an Enterprise Routing or Contact Center service, so the Power Automate connector is usable`
      : `no service of the tenant is Enterprise Routing or Contact Center (${[...new Set(tiers)].join(', ') || 'no services'}), so the Power Automate connector cannot be used`,
  );
  const cc = service.license === 'Contact Center';
  b.check('OUT-01', cc, cc ? `scheduled Outbound Calls are a Contact Center feature and ${where} is Contact Center` : `scheduled Outbound Calls are a Contact Center feature; ${where} is ${service.license}`);
  b.check('OUT-02', cc, cc ? `${where} can be the target of outbound call creation` : `only Contact Center services can be the target of outbound call creation, ${where} is ${service.license}`);
  if (withWorkflow) {
    const on = service.modalities.outboundWithWorkflow;
    b.check('MOD-03', on, `${where} has Outbound with Workflow ${on ? 'enabled' : 'disabled'} (needed for "${action}")`);
  } else {
    const on = service.modalities.outbound;
    b.check('MOD-02', on, `${where} has Outbound Conversations ${on ? 'enabled' : 'disabled'} (needed for "${action}")`);
  }
  const room = inProgress < limit;
  b.check(
    'OUT-03',
    room,
    room
      ? `${where} has ${inProgress} outbound tasks scheduled or in progress, below the limit of ${limit} (tenant.maxScheduledOutboundPerService)`
      : `${where} already has ${inProgress} outbound tasks scheduled or in progress, the limit is ${limit} (tenant.maxScheduledOutboundPerService): flow error, the task is dropped`,
  );
  if (withWorkflow) {
    const voice = activities.includes('Voice Message');
    b.check(
      'OUT-05',
      !voice,
      voice ? `the workflow of ${where} contains Voice Message, which Outbound Call with Workflow does not support` : `the workflow of ${where} has no Voice Message activity`,
    );
    if (voice) b.check('WF-07', false, `Voice Message is recorded by the Nimbus Media Bot and is not available in Outbound with Workflow`);
  }
  return b.done(`"${action}" for ${where} is accepted`, refusal(`"${action}" for ${where} returns a flow error`, b));
}

export interface OutboundReportedArgs {
  tenant: TenantFacts;
  /** Did the call reach (connect to) the external target? */
  reachedTarget: boolean;
  /** Did a user accept the Nimbus invitation for the call (COB-12)? */
  userAccepted: boolean;
}

/**
 * OUT-07, OUT-09: is this outbound call written to reporting? Calls that end as terminated are not. An
 * abort before the user accepted the invitation is always terminated; a call whose target was never
 * reached is terminated while behavior.unreachedOutboundIsTerminated is true (open question 15), otherwise
 * it is reported in the group Outbound Not Accepted.
 */
export function outboundReported({ tenant, reachedTarget, userAccepted }: OutboundReportedArgs): Decision<boolean> {
  const setting = tenant.behavior.unreachedOutboundIsTerminated;
  const b = new DecisionBuilder('outboundReported', { reachedTarget, userAccepted, unreachedOutboundIsTerminated: setting });
  if (!userAccepted) {
    b.check('OUT-07', false, 'the call ended before a user accepted the Nimbus invitation: it ends as terminated and is not reported');
  } else if (!reachedTarget) {
    b.check(
      'OUT-07',
      !setting,
      setting
        ? 'the target was never reached and behavior.unreachedOutboundIsTerminated is true: terminated, not reported'
        : 'the target was never reached but behavior.unreachedOutboundIsTerminated is false: reported',
    );
    if (!setting) b.note('OUT-09', 'reported in the outcome group Outbound Not Accepted (7)');
  } else {
    b.check('OUT-07', true, 'a user accepted and the target was reached: not terminated, reported');
    b.note('OUT-09', 'reported in the outcome group Outbound Accepted (6)');
  }
  return b.done('the outbound call is written to reporting', refusal('the outbound call is not written to reporting', b));
}

export interface PreferredUserArgs {
  direction: 'inbound' | 'outbound';
  /** The preferred user, when one is named (DIST-07 needs a Contact Center license). */
  preferredUser?: UserFacts | undefined;
}

/** DIST-08, OUT-06, DIST-07: does preferred-user routing apply to this task? */
export function preferredUserApplies({ direction, preferredUser }: PreferredUserArgs): Decision<boolean> {
  const b = new DecisionBuilder('preferredUserApplies', { direction, preferredUser: preferredUser?.id ?? null });
  if (direction === 'outbound') {
    b.check('DIST-08', false, 'preferred user routing is ignored for outbound tasks; the distribution policy selects the user');
    b.check('OUT-06', false, 'preferred user routing is not applied to outbound tasks');
  } else {
    b.check('DIST-08', true, 'preferred user routing applies to inbound tasks (only outbound tasks ignore it)');
  }
  if (preferredUser) {
    const cc = hasCcLicense(preferredUser);
    b.check('DIST-07', cc, `${usr(preferredUser)} ${cc ? 'has' : 'has no'} Contact Center license${cc ? '' : ', so cannot be a preferred user'}`);
  }
  return b.done(`preferred user routing applies to this ${direction} task`, refusal(`preferred user routing does not apply to this ${direction} task`, b));
}
