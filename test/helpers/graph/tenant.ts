/**
 * The standard test tenant: services covering each PSTN licensing case and users covering each presence
 * case. Scenario A and B (XFER-02/03) use `licensed` / `unlicensed` as first and current services.
 */
import { GraphClient } from '../../../src/graph/client.js';
import { createGraphMock, type GraphMock, type GraphMockOptions, type GraphSeed, type PstnPolicy } from '../../../mocks/graph/index.js';
import { TenantSpec } from '../../../src/domain/model.js';
import { resolveTenant, rulesPstnPolicy } from '../../../sim/engine/graphSeed.js';
import { fakeClock, type FakeClock } from './clock.js';

export const RESOURCE_ACCOUNT = 'Microsoft Teams Phone Resource Account';

export const standardSeed = (consents: string[] = []): GraphSeed => ({
  tenant: { name: 'Contoso', domains: ['contoso.com'], consents },
  services: [
    { id: 'licensed', upn: 'frontdesk@contoso.com', displayName: 'Front Desk', licenses: [RESOURCE_ACCOUNT], pstnNumber: '+41445550100', connectivity: 'Direct Routing' },
    { id: 'unlicensed', upn: 'billing@contoso.com', displayName: 'Billing', licenses: [] },
    { id: 'numberNoLicense', upn: 'sales@contoso.com', displayName: 'Sales', licenses: [], pstnNumber: '+41445550300', connectivity: 'Operator Connect' },
    { id: 'planless', upn: 'hotline@contoso.com', displayName: 'Hotline', licenses: [RESOURCE_ACCOUNT], pstnNumber: '+41445550400', connectivity: 'Calling Plan' },
    { id: 'planned', upn: 'hotline-plus@contoso.com', displayName: 'Hotline Plus', licenses: [RESOURCE_ACCOUNT, 'MCOPSTN1'], pstnNumber: '+41445550500', connectivity: 'Calling Plan' },
  ],
  users: [
    { id: 'alice', upn: 'alice@contoso.com', displayName: 'Alice Wonder', licenses: ['Teams Phone Standard'], availability: 'Available' },
    { id: 'bea', upn: 'bea@contoso.com', displayName: 'Bea Berger', licenses: ['Teams Phone Standard', 'Microsoft 365 E5'], availability: 'Busy', activity: 'InACall' },
    { id: 'carl', upn: 'carl@contoso.com', displayName: 'Carl Meier', licenses: [], availability: 'Do Not Disturb' },
    { id: 'dora', upn: 'dora@contoso.com', displayName: 'Dora Appear', licenses: [], availability: 'Appear Offline' },
    { id: 'ed', upn: 'ed@contoso.com', displayName: 'Ed Offline', licenses: [], availability: 'Offline' },
  ],
});

/** The PSTN decision a run injects into the mock: the project's rules (src/rules) for a default tenant. */
export const rulesPolicy: PstnPolicy = rulesPstnPolicy(resolveTenant({ tenant: TenantSpec.parse({}), users: [] }));

export interface Harness {
  clock: FakeClock;
  mock: GraphMock;
  client: GraphClient;
}

export async function harness(seed: GraphSeed = standardSeed(), options: Partial<GraphMockOptions> = {}): Promise<Harness> {
  const clock = fakeClock();
  const mock = createGraphMock({ now: clock.now, pstnPolicy: rulesPolicy, ...options });
  await mock.seed(seed);
  const client = new GraphClient({ fetch: mock.fetch, sleep: clock.sleep });
  return { clock, mock, client };
}

/** Request bodies the modelled Nimbus sends, in the documented shapes. */
export const serviceHostedMedia = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } as const;

export const answerBody = { callbackUri: 'https://nimbus.sim.invalid/api/calls', acceptedModalities: ['audio' as const], mediaConfig: serviceHostedMedia };

export const phoneTarget = (number: string) => ({ endpointType: 'default', identity: { phone: { id: number } } });
