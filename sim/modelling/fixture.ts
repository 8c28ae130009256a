/**
 * The small tenant the machine models run in: one Contact Center service with outbound on and a PSTN
 * number, one member user. Built from scenario YAML through the real loader, so the defaults of
 * `tenant.behavior` are the ones scenarios get.
 */
import { parseScenarioText } from '../scenario/load.js';
import type { Membership, ServiceFacts, TenantFacts } from '../../src/rules/facts.js';
import type { UserSpec } from '../../src/domain/model.js';

export interface ModelTenant {
  tenant: TenantFacts;
  service: ServiceFacts;
  user: UserSpec;
  membership: Membership;
}

export const MODEL_SERVICE = 'Support';
export const MODEL_USER = 'ana';

export function modelTenant(opts: { taskParallelization: { enabled: boolean; max: number }; contactCenter: boolean }): ModelTenant {
  const yaml = `
name: model tenant
tenant: { name: Contoso }
services:
  - id: ${MODEL_SERVICE}
    license: Contact Center
    assignment: Skill-based
    modalities: { outbound: true }
    pstn: { number: "+41445550200", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account, Microsoft Teams Domestic Calling Plan] }
    members: [${MODEL_USER}]
users:
  - id: ${MODEL_USER}
    upn: ${MODEL_USER}@contoso.com
    licenses: [Teams Phone Standard]
    ${opts.contactCenter ? 'nimbusLicense: Contact Center' : ''}
    taskParallelization: { enabled: ${String(opts.taskParallelization.enabled)}, max: ${opts.taskParallelization.max} }
steps:
  - wait: 1s
`;
  const scenario = parseScenarioText(yaml, 'model-tenant.yaml');
  const { domains, ...rest } = scenario.tenant;
  const tenant: TenantFacts = { ...rest, domains: domains && domains.length > 0 ? domains : ['contoso.com'] };
  const service = scenario.services[0];
  const user = scenario.users[0];
  if (!service || !user) throw new Error('model tenant: the fixture has no service or user');
  const m = service.members.find((x) => x.user === MODEL_USER);
  return { tenant, service, user, membership: { service: service.id, user: MODEL_USER, active: m?.active ?? true, role: m?.role ?? 'Agent' } };
}
