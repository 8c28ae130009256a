/**
 * Microsoft's own Graph JavaScript client (`@microsoft/microsoft-graph-client`) against `serve --tls`: users,
 * $search, presence, licenseDetails, creating a PSTN call as a service's resource account and transferring
 * it. The client sends its token only over HTTPS to hosts it is told about (`customHosts`), and trusts the
 * generated certificate through NODE_EXTRA_CA_CERTS, exactly as the README tells a user to do. It runs in a
 * child process because Node reads NODE_EXTRA_CA_CERTS only at start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../../app/serve/server.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { runClientScript } from '../../helpers/graph/clientScript.js';

const TENANT = `name: graph client test
tenant: { consents: [User.Read.All] }
services:
  - id: C
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550300", connectivity: Direct Routing }
    resourceAccount: { upn: ra-c@contoso.com, licenses: [Microsoft Teams Phone Resource Account] }
    members: [carl]
users:
  - { id: carl, upn: carl@contoso.com, displayName: Carl Conti, licenses: [MCOEV], presence: Busy, activity: InACall }
steps: [{ wait: 1ms }]
`;

// The child: plain ESM using the client as any team would.
const CHILD = `
import { Client } from '@microsoft/microsoft-graph-client';
const [origin] = process.argv.slice(2);
const client = Client.init({
  authProvider: (done) => done(null, 'any-token'),
  baseUrl: origin,
  defaultVersion: 'v1.0',
  customHosts: new Set([new URL(origin).hostname]),
});
const out = {};
const users = await client.api('/users').select('displayName,userPrincipalName').get();
out.users = users.value.map((u) => u.userPrincipalName).sort();
const found = await client.api('/users').header('ConsistencyLevel', 'eventual').search('"displayName:carl"').get();
out.search = found.value.map((u) => u.displayName);
const carl = found.value[0].id;
out.presence = await client.api('/users/' + carl + '/presence').get();
out.licenses = (await client.api('/users/' + carl + '/licenseDetails').get()).value.map((l) => l.skuPartNumber);
const ra = (await client.api('/users').filter("userPrincipalName eq 'ra-c@contoso.com'").get()).value[0].id;
const call = await client.api('/communications/calls').post({
  '@odata.type': '#microsoft.graph.call',
  callbackUri: 'https://bot.example/api/calls',
  source: { identity: { applicationInstance: { id: ra, displayName: 'C' } } },
  targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { phone: { id: '+41795550111' } } }],
  requestedModalities: ['audio'],
  mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
});
out.callState = call.state;
await client.api('/communications/calls/' + call.id + '/transfer').post({
  transferTarget: { endpointType: 'default', identity: { phone: { id: '+41795550199' } } },
});
out.transferred = true;
// Without customHosts the client keeps its token to itself for a non-Microsoft host: serve answers 401.
try {
  await Client.init({ authProvider: (done) => done(null, 'any-token'), baseUrl: origin }).api('/users').get();
  out.withoutCustomHosts = 'answered';
} catch (e) {
  out.withoutCustomHosts = e.statusCode;
}
console.log(JSON.stringify(out));
`;

const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.nimbus-sim-graph-client-'));
let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ scenario: parseScenarioText(TENANT, 'graph-client.yaml'), port: 0, tls: true, certFile: join(tmpdir(), `nimbus-sim-ca-${process.pid}.pem`) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Microsoft's Graph JavaScript client against nimbus-sim serve --tls", () => {
  it('reads users, $search, presence and licenseDetails, creates a PSTN call and transfers it', async () => {
    const r = await runClientScript(dir, 'client.mjs', CHILD, server);
    expect(r.status, r.stderr).toBe(0);
    const out = r.last() as Record<string, unknown>;
    expect(out['users']).toEqual(['carl@contoso.com', 'ra-c@contoso.com']);
    expect(out['search']).toEqual(['Carl Conti']);
    expect(out['presence']).toMatchObject({ availability: 'Busy', activity: 'InACall' });
    expect(out['licenses']).toEqual(['MCOEV']);
    expect(out['callState']).toBeTruthy();
    expect(out['transferred']).toBe(true);
    expect(out['withoutCustomHosts']).toBe(401);
  }, 60_000);
});
