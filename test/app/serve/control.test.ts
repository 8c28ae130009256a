/**
 * `nimbus-sim serve` over real HTTP with the mock's control API: what Graph has no API for (a customer
 * calling in, a Teams client changing presence) is driven through `server.mock.control`, and an HTTP client
 * sees the result through Graph. Refusals carry their rules in Graph's `error.details`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_DETAIL_TARGET } from '../../../src/domain/graphApi.js';
import { startMockServer, type RunningMockServer } from '../../../app/serve/server.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';

const TENANT = `name: serve control test
services:
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [bea] }
  - id: C
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550300", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }
    members: [bea]
users:
  - { id: bea, upn: bea@contoso.com, displayName: Bea Berger, licenses: [Teams Phone Standard] }
steps: [{ wait: 1ms }]
`;

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ scenario: parseScenarioText(TENANT, 'serve-control.yaml'), port: 0 });
});
afterAll(() => server.close());

const graph = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.baseUrl}/${path}`, {
    method,
    headers: { authorization: 'Bearer t', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};

describe('serve with mock.control', () => {
  it('a Teams presence change shows through Graph over HTTP', async () => {
    server.mock.control.setClientPresence('bea', 'Busy', 'InACall');
    const bea = server.mock.graphIdOf('bea', 'user');
    expect((await graph('GET', `users/${bea}/presence`)).json).toMatchObject({ availability: 'Busy', activity: 'InACall' });
  });

  it('a customer calls in through control; a PSTN transfer from a service without a number is refused with rule details', async () => {
    const { callId } = await server.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'B' });
    const media = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };
    expect((await graph('POST', `communications/calls/${callId}/answer`, { callbackUri: 'https://bot.invalid/cb', acceptedModalities: ['audio'], mediaConfig: media })).status).toBe(202);
    const refused = await graph('POST', `communications/calls/${callId}/transfer`, { transferTarget: { identity: { phone: { id: '+41795550199' } } } });
    expect(refused.status).toBe(403);
    const error = refused.json['error'] as { message: string; details: { code: string; target: string }[] };
    expect(error.message).toMatch(/\[LIC-01\]$/);
    // The refusal names the service the call was answered by, not a placeholder.
    expect(error.message).toMatch(/refused: service B is not licensed to transfer calls to PSTN numbers: service B has no PSTN number/);
    expect(error.message).not.toMatch(/resource-account/);
    expect(error.details).toEqual([{ code: 'LIC-01', message: error.message.slice(0, error.message.lastIndexOf(' [')), target: RULE_DETAIL_TARGET }]);
    await server.mock.control.farEndHangsUp(callId);
    expect((await graph('GET', `communications/calls/${callId}`)).json).toMatchObject({ state: 'terminated' });
  });
});
