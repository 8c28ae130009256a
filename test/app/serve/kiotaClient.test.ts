/**
 * Microsoft's Kiota-based Graph SDK for TypeScript (`@microsoft/msgraph-sdk` with `@microsoft/msgraph-sdk-users`)
 * against `serve --tls`: list users, read one with its licenseDetails, read presence, and page through a tenant
 * larger than one page by `@odata.nextLink`. The SDK sends its token only to hosts its validator allows and
 * trusts the generated certificate through NODE_EXTRA_CA_CERTS, which Node reads at start-up: so a child process.
 * Every response the served mock writes is also checked against the v1.0 metadata.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../../app/serve/server.js';
import type { GraphExchange } from '../../../mocks/graph/index.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { runClientScript } from '../../helpers/graph/clientScript.js';
import { graphV1Metadata } from '../../helpers/graph/csdl.js';
import { checkGraphResponse } from '../../helpers/graph/responseContract.js';

const PEOPLE = 230;
const people = Array.from({ length: PEOPLE }, (_, i) => `  - { id: p${i}, upn: p${i}@contoso.com, displayName: Person ${i}, licenses: [MCOEV], presence: Available }`).join('\n');
const TENANT = `name: kiota client test
users:
  - { id: carl, upn: carl@contoso.com, displayName: Carl Conti, licenses: [MCOEV], presence: Busy, activity: InACall }
${people}
steps: [{ wait: 1ms }]
`;

const CHILD = `
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { GraphRequestAdapter, createGraphServiceClient } from '@microsoft/msgraph-sdk';
import '@microsoft/msgraph-sdk-users';
const [origin] = process.argv.slice(2);
const auth = new BaseBearerTokenAuthenticationProvider({
  getAuthorizationToken: async () => 'any-token',
  getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([new URL(origin).host])),
});
const adapter = new GraphRequestAdapter(auth);
adapter.baseUrl = origin + '/v1.0';
const client = createGraphServiceClient(adapter);
const out = { pages: 0, upns: [] };
let page = await client.users.get({ queryParameters: { select: ['id', 'displayName', 'userPrincipalName'], top: 100 } });
for (;;) {
  out.pages += 1;
  out.upns.push(...page.value.map((u) => u.userPrincipalName));
  if (!page.odataNextLink) break;
  page = await client.users.withUrl(page.odataNextLink).get();
}
const carl = await client.users.byUserId('carl@contoso.com').get();
out.carl = { id: carl.id, displayName: carl.displayName };
out.licenses = (await client.users.byUserId(carl.id).licenseDetails.get()).value.map((l) => l.skuPartNumber);
const presence = await client.users.byUserId(carl.id).presence.get();
out.presence = { availability: presence.availability, activity: presence.activity };
console.log(JSON.stringify(out));
`;

const model = graphV1Metadata();
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.nimbus-sim-kiota-client-'));
const violations: string[] = [];
const seen: string[] = [];
let server: RunningMockServer;
beforeAll(async () => {
  const onGraphResponse = (e: GraphExchange): void => {
    seen.push(`${e.method} ${e.path}`);
    for (const v of checkGraphResponse(model, e)) violations.push(`${e.method} ${e.path}: ${v.path}: ${v.problem}`);
  };
  server = await startMockServer({ scenario: parseScenarioText(TENANT, 'kiota-client.yaml'), port: 0, tls: true, certFile: join(tmpdir(), `nimbus-sim-kiota-ca-${process.pid}.pem`), onGraphResponse });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Microsoft's Kiota Graph SDK against nimbus-sim serve --tls", () => {
  it('lists users page by page, reads one with licenseDetails and presence', async () => {
    const r = await runClientScript(dir, 'kiota.mjs', CHILD, server);
    expect(r.status, r.stderr).toBe(0);
    const out = r.last() as { pages: number; upns: string[]; carl: unknown; licenses: string[]; presence: unknown };
    expect(out.pages).toBe(3);
    expect(out.upns).toHaveLength(PEOPLE + 1);
    expect(new Set(out.upns).size).toBe(PEOPLE + 1);
    expect(out.carl).toMatchObject({ displayName: 'Carl Conti' });
    expect(out.licenses).toEqual(['MCOEV']);
    expect(out.presence).toEqual({ availability: 'Busy', activity: 'InACall' });
    expect(seen.filter((s) => s.includes('$skiptoken'))).toHaveLength(2);
    expect(violations).toEqual([]);
  }, 60_000);
});
