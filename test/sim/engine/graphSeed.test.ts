/**
 * `rulesPstnPolicy` is the only PSTN decision the mock Graph gets (it holds no copy of the rules): it must
 * give the project's own verdict for what Graph knows of an application instance.
 */
import { describe, expect, it } from 'vitest';
import { ServiceSpec, TenantSpec } from '../../../src/domain/model.js';
import type { PstnConnectivity } from '../../../src/domain/enums.js';
import type { TenantFacts } from '../../../src/rules/facts.js';
import { evaluatePstnLicense } from '../../../src/rules/pstn.js';
import type { PstnPurpose } from '../../../mocks/graph/index.js';
import { rulesPstnPolicy } from '../../../sim/engine/graphSeed.js';

const RESOURCE_ACCOUNT = 'Microsoft Teams Phone Resource Account';
const licenseSets: string[][] = [
  [],
  [RESOURCE_ACCOUNT],
  [RESOURCE_ACCOUNT, 'Microsoft Teams Domestic Calling Plan'],
  [RESOURCE_ACCOUNT, 'Microsoft Teams Domestic and International Calling Plan'],
  [RESOURCE_ACCOUNT, 'Microsoft Teams Calling Plan pay-as-you-go'],
  ['Microsoft Teams Domestic Calling Plan'],
  ['Teams Phone Standard'],
  ['Microsoft 365 E5'],
  ['Office 365 E1', 'Teams Phone Standard'],
];
const connectivities: (PstnConnectivity | undefined)[] = [undefined, 'Direct Routing', 'Operator Connect', 'Calling Plan'];
const purposes: PstnPurpose[] = ['outbound', 'transfer'];

const tenantWith = (directRoutingLicensing: 'resourceAccount' | 'legacyPhoneSystem'): TenantFacts => {
  const base = TenantSpec.parse({});
  return { ...base, domains: ['contoso.com'], behavior: { ...base.behavior, directRoutingLicensing } };
};
const service = (licenses: string[], connectivity: PstnConnectivity | undefined) =>
  ServiceSpec.parse({
    id: 'S',
    license: 'Enterprise Routing',
    assignment: 'None',
    resourceAccount: { licenses },
    ...(connectivity ? { pstn: { number: '+41445550100', connectivity } } : {}),
  });

describe('rulesPstnPolicy', () => {
  it.each(['resourceAccount', 'legacyPhoneSystem'] as const)('gives the rules verdict and failed rules for every license set, connectivity and purpose (%s)', (mode) => {
    const tenant = tenantWith(mode);
    const policy = rulesPstnPolicy(tenant);
    const disagreements: string[] = [];
    for (const licenses of licenseSets) {
      for (const connectivity of connectivities) {
        for (const purpose of purposes) {
          const verdict = policy(licenses, connectivity, purpose);
          const rules = evaluatePstnLicense(tenant, service(licenses, connectivity), purpose);
          const failed = [...new Set(rules.checks.filter((c) => !c.passed).map((c) => c.rule))];
          const label = `${purpose} ${connectivity ?? 'no number'} [${licenses.join(', ')}]`;
          if (verdict.allowed !== rules.licensed) disagreements.push(`${label}: policy ${verdict.allowed}, rules ${rules.licensed}`);
          if (!verdict.allowed && verdict.because.join() !== failed.join()) disagreements.push(`${label}: rules failed ${failed.join()}, policy cites ${verdict.because.join()}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('answers the same question the same way each time, and each policy keeps its own resource-account cache', () => {
    const first = rulesPstnPolicy(tenantWith('resourceAccount'));
    const again = first([RESOURCE_ACCOUNT], 'Direct Routing', 'outbound');
    expect(first([RESOURCE_ACCOUNT], 'Direct Routing', 'outbound')).toEqual(again);
    // A second tenant with the other licensing wording must not see the first policy's parsed accounts.
    const legacy = rulesPstnPolicy(tenantWith('legacyPhoneSystem'));
    expect(legacy([RESOURCE_ACCOUNT], 'Direct Routing', 'outbound')).toMatchObject({ allowed: false, because: ['LIC-06'] });
    expect(again).toMatchObject({ allowed: true });
  });
});
