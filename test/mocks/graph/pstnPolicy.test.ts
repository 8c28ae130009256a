import { describe, expect, it } from 'vitest';
import { ServiceSpec, TenantSpec } from '../../../src/domain/model.js';
import type { PstnConnectivity } from '../../../src/domain/enums.js';
import type { TenantFacts } from '../../../src/rules/facts.js';
import { evaluatePstnLicense } from '../../../src/rules/pstn.js';
import { defaultPstnPolicy, type PstnPurpose } from '../../../mocks/graph/index.js';
import { RESOURCE_ACCOUNT } from '../../helpers/graph/tenant.js';

const licenseSets: string[][] = [
  [],
  [RESOURCE_ACCOUNT],
  [RESOURCE_ACCOUNT, 'Microsoft Teams Domestic Calling Plan'],
  [RESOURCE_ACCOUNT, 'Microsoft Teams Domestic and International Calling Plan'],
  [RESOURCE_ACCOUNT, 'Microsoft Teams Calling Plan pay-as-you-go'],
  ['Microsoft Teams Domestic Calling Plan'],
  ['Teams Phone Standard'],
  ['Microsoft 365 E5'],
];
const connectivities: (PstnConnectivity | undefined)[] = [undefined, 'Direct Routing', 'Operator Connect', 'Calling Plan'];
const purposes: PstnPurpose[] = ['outbound', 'transfer'];

const tenant: TenantFacts = { ...TenantSpec.parse({}), domains: ['contoso.com'] };
const service = (licenses: string[], connectivity: PstnConnectivity | undefined) =>
  ServiceSpec.parse({
    id: 'S',
    license: 'Enterprise Routing',
    assignment: 'None',
    resourceAccount: { licenses },
    ...(connectivity ? { pstn: { number: '+41445550100', connectivity } } : {}),
  });

describe('defaultPstnPolicy', () => {
  it('agrees with the project rules (src/rules/pstn.ts) on every license set, connectivity and purpose', () => {
    const disagreements: string[] = [];
    for (const licenses of licenseSets) {
      for (const connectivity of connectivities) {
        for (const purpose of purposes) {
          const mine = defaultPstnPolicy(licenses, connectivity, purpose);
          const rules = evaluatePstnLicense(tenant, service(licenses, connectivity), purpose);
          const failed = [...new Set(rules.checks.filter((c) => !c.passed).map((c) => c.rule))];
          const label = `${purpose} ${connectivity ?? 'no number'} [${licenses.join(', ')}]`;
          if (mine.allowed !== rules.licensed) disagreements.push(`${label}: mock ${mine.allowed}, rules ${rules.licensed}`);
          for (const rule of failed) if (!mine.because.includes(rule)) disagreements.push(`${label}: rules failed ${rule}, mock cites ${mine.because.join(', ')}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('cites XFER-02/03 for transfers and names the missing license', () => {
    expect(defaultPstnPolicy([], 'Direct Routing', 'transfer')).toEqual({
      allowed: false,
      because: ['LIC-02', 'LIC-03', 'XFER-02', 'XFER-03'],
      message: 'the resource account of the first service that answered the call lacks the license "Microsoft Teams Phone Resource Account" required for Direct Routing',
    });
    expect(defaultPstnPolicy([RESOURCE_ACCOUNT], 'Operator Connect', 'transfer')).toMatchObject({ allowed: true, because: ['XFER-02', 'LIC-02', 'LIC-03'] });
    expect(defaultPstnPolicy(['PHONESYSTEM_VIRTUALUSER', 'MCOPSTN_PAYG_1'], 'Calling Plan', 'outbound').allowed).toBe(true);
  });
});
