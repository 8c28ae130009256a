/**
 * How a scenario becomes the mock Graph's world, shared by a run (graphBridge.ts) and `nimbus-sim serve`: the
 * tenant's facts, the directory seed (resource accounts, users, presence), and the PSTN license policy the
 * mock applies, which is the project's own rule function so the mock and the model cannot drift apart.
 */
import { ServiceSpec } from '../../src/domain/model.js';
import type { PstnConnectivity } from '../../src/domain/enums.js';
import * as rules from '../../src/rules/index.js';
import type { TenantFacts } from '../../src/rules/facts.js';
import type { GraphSeed, PstnPolicy } from '../../mocks/graph/index.js';
import type { Scenario } from '../scenario/schema.js';

/** The tenant's facts: its declared domains, or the domains of its users' UPNs (OUT-04). */
export function resolveTenant(scenario: Pick<Scenario, 'tenant' | 'users'>): TenantFacts {
  const { domains, ...rest } = scenario.tenant;
  const derived = [...new Set(scenario.users.map((u) => u.upn.split('@')[1] ?? '').filter(Boolean))].sort();
  return { ...rest, domains: domains && domains.length > 0 ? domains : derived.length > 0 ? derived : ['contoso.com'] };
}

/** The directory the mock Graph holds for a scenario; `colleagues` are unmodelled in-tenant UPNs it calls. */
export function seedFromScenario(scenario: Pick<Scenario, 'services' | 'users'>, tenant: TenantFacts, colleagues: readonly string[] = []): GraphSeed {
  const domain = tenant.domains[0] ?? 'contoso.com';
  return {
    tenant: { name: tenant.name, domains: tenant.domains, consents: tenant.consents },
    services: scenario.services.map((s) => ({
      id: s.id,
      upn: s.resourceAccount.upn ?? `ra-${s.id.toLowerCase()}@${domain}`,
      displayName: s.name ?? s.id,
      licenses: s.resourceAccount.licenses,
      ...(s.pstn ? { pstnNumber: s.pstn.number, connectivity: s.pstn.connectivity } : {}),
    })),
    users: [
      ...scenario.users.map((u) => ({
        id: u.id,
        upn: u.upn,
        displayName: u.displayName ?? u.id,
        licenses: u.licenses,
        availability: u.presence,
        ...(u.activity ? { activity: u.activity } : {}),
      })),
      ...colleagues.map((upn) => ({ id: upn, upn, displayName: upn, licenses: [], availability: 'Available' })),
    ],
  };
}

/** A resource account as the PSTN rule sees it, built from what Graph knows about an application instance. */
function parseResourceAccount(licenses: readonly string[], connectivity: PstnConnectivity | undefined, name: string) {
  // The decision's text names the service by its id: a 403 must name the service the client dialled from,
  // whose display name need not be a valid scenario id, so it is set after parsing.
  const spec = ServiceSpec.parse({
    id: 'resource-account',
    license: 'Enterprise Routing',
    assignment: 'None',
    ...(connectivity ? { pstn: { number: '+10000000000', connectivity } } : {}),
    resourceAccount: { licenses: [...licenses] },
  });
  return { ...spec, id: name };
}

/**
 * The mock's PSTN check (LIC-01..04, LIC-06) decided by src/rules for this tenant. Each policy parses a
 * resource account once per license set and connectivity (a day asks on every transfer and Call on Behalf);
 * the cache belongs to the policy, so every run (each builds its own) starts empty.
 */
export function rulesPstnPolicy(tenant: TenantFacts): PstnPolicy {
  const resourceAccounts = new Map<string, ReturnType<typeof parseResourceAccount>>();
  const resourceAccountAsService = (licenses: readonly string[], connectivity: PstnConnectivity | undefined, name: string) => {
    const key = `${name}\u0000${connectivity ?? ''}\u0000${licenses.join('\u0000')}`;
    let spec = resourceAccounts.get(key);
    if (!spec) {
      spec = parseResourceAccount(licenses, connectivity, name);
      resourceAccounts.set(key, spec);
    }
    return spec;
  };
  return (licenses, connectivity, purpose, name = 'resource-account') => {
    const d = rules.servicePstnLicense({ tenant, service: resourceAccountAsService(licenses, connectivity, name), purpose });
    // The mock quotes the message only in a refusal: render the decision's sentence only when read.
    return {
      allowed: d.verdict,
      because: d.because,
      get message() {
        return d.summary;
      },
    };
  };
}
