/**
 * Admission of an inbound call to a service: a Suspended tenant diverts it (SVC-11), the service needs an
 * inbound A/V workflow (MOD-01) that it is licensed for (MOD-06, SVC-13: ER-only activities, Pickup in the
 * Queue activity, DIST-05).
 */
import type { WorkflowActivity } from '../domain/enums.js';
import { activityOf } from '../domain/model.js';
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts } from './facts.js';
import { refusal, replay, svc, tierAtLeast } from './common.js';

export const inboundRules: readonly RuleId[] = ['SVC-11', 'MOD-01', 'MOD-06', 'SVC-13', 'DIST-05'];

/** Workflow activities that need at least Enterprise Routing (SVC-13). */
export const ER_ONLY_ACTIVITIES: readonly WorkflowActivity[] = ['Check Parameter', 'Check Task'];

/** MOD-06, SVC-13: may the service's workflow be assigned, given the activities its license allows? */
export function workflowAssignable({ service, activities }: { service: ServiceFacts; activities?: readonly WorkflowActivity[] | undefined }): Decision<boolean> {
  const used = activities ?? service.workflow.map(activityOf);
  const where = svc(service);
  const b = new DecisionBuilder('workflowAssignable', { service: service.id, license: service.license, activities: [...used] });
  const er = tierAtLeast(service.license, 'Enterprise Routing');
  const unlicensed = er ? [] : used.filter((a) => ER_ONLY_ACTIVITIES.includes(a));
  if (unlicensed.length > 0) b.check('SVC-13', false, `${unlicensed.join(', ')} ${unlicensed.length === 1 ? 'is an' : 'are'} Enterprise Routing activit${unlicensed.length === 1 ? 'y' : 'ies'} and ${where} is ${service.license}`);
  // SVC-13 names Pickup distribution in a Queue activity as a higher-tier feature too (DIST-05).
  const pickupUnlicensed = !er && used.includes('Queue') && service.distribution.type === 'Pickup';
  if (pickupUnlicensed) {
    b.check('SVC-13', false, `the Queue activity of ${where} uses Pickup distribution, an Enterprise Routing feature, and ${where} is ${service.license}`);
    b.check('DIST-05', false, `Pickup is not allowed below Enterprise Routing; ${where} is ${service.license}`);
  }
  const licensed = unlicensed.length === 0 && !pickupUnlicensed;
  b.check(
    'MOD-06',
    licensed,
    licensed
      ? `every activity of the workflow of ${where} is licensed for ${service.license}`
      : `a workflow with activities ${where} is not licensed for cannot be assigned in Modalities Service Settings`,
  );
  return b.done(`the workflow of ${where} can be assigned`, refusal(`the workflow of ${where} cannot be assigned`, b));
}

/** SVC-11, MOD-01, MOD-06: does the service's workflow take an incoming call? */
export function inboundAdmission({ tenant, service }: { tenant: TenantFacts; service: ServiceFacts }): Decision<boolean> {
  const where = svc(service);
  const b = new DecisionBuilder('inboundAdmission', {
    tenant: { state: tenant.state },
    service: { id: service.id, license: service.license, inbound: service.modalities.inbound, workflow: service.workflow.map(activityOf) },
  });
  const suspended = tenant.state === 'Suspended';
  b.check(
    'SVC-11',
    !suspended,
    suspended
      ? `tenant ${tenant.name} is Suspended: the inbound call is rejected and diverted to the default announcement workflow`
      : `tenant ${tenant.name} is ${tenant.state} (not Suspended)`,
  );
  b.check(
    'MOD-01',
    service.modalities.inbound,
    service.modalities.inbound ? `${where} has Inbound Conversations enabled with an A/V workflow` : `${where} has Inbound Conversations disabled: no A/V workflow takes the call`,
  );
  const assignable = workflowAssignable({ service });
  replay(b, assignable.checks);
  return b.done(`the workflow of ${where} takes the call`, refusal(`${where} does not take the call`, b));
}
