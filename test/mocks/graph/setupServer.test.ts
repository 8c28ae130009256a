/**
 * The same handlers under msw's `setupServer`, i.e. real global-fetch interception instead of the in-process
 * `mock.fetch`: proves the handlers (including faults, logging and the Graph fallback) do not depend on the
 * transport.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/graph/client.js';
import { createGraphMock } from '../../../mocks/graph/index.js';
import { fakeClock } from '../../helpers/graph/clock.js';
import { answerBody, phoneTarget, standardSeed, rulesPolicy } from '../../helpers/graph/tenant.js';

const clock = fakeClock();
const mock = createGraphMock({ now: clock.now, pstnPolicy: rulesPolicy });
const server = setupServer(...mock.handlers);
const mswUnhandled: string[] = [];
server.events.on('request:unhandled', ({ request }) => {
  mswUnhandled.push(`${request.method} ${request.url}`);
});
// Resolve the global fetch per call: msw replaces it in listen().
const client = new GraphClient({ fetch: (input, init) => fetch(input, init), sleep: clock.sleep });

beforeAll(async () => {
  await mock.seed(standardSeed(['User.Read.All']));
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  expect(mswUnhandled.splice(0), 'requests msw could not match').toEqual([]);
  mock.faults.clear();
});
afterAll(() => server.close());

describe('mock Graph handlers under setupServer with the real fetch', () => {
  it('serves users, search with headers, licenses and presence', async () => {
    expect(await client.getUser('alice@contoso.com')).toMatchObject({ id: mock.graphIdOf('alice') });
    expect((await client.searchUsers('berger')).map((u) => u.displayName)).toEqual(['Bea Berger']);
    expect((await client.listLicenseDetails('frontdesk@contoso.com')).map((l) => l.skuPartNumber)).toEqual(['PHONESYSTEM_VIRTUALUSER']);
    await client.setPresence(mock.graphIdOf('alice'), { sessionId: 's1', availability: 'Busy', activity: 'InACall' });
    expect(await client.getPresence(mock.graphIdOf('alice'))).toMatchObject({ availability: 'Busy', activity: 'InACall' });
  });

  it('enforces the first responding service rule (Scenario B) over real HTTP semantics', async () => {
    const { callId } = await mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'unlicensed' });
    await client.answerCall(callId, answerBody);
    await client.transferCall(callId, { transferTarget: { identity: { applicationInstance: { id: mock.graphIdOf('licensed', 'service') } } } });
    await client.answerCall(callId, answerBody);
    await expect(client.transferCall(callId, { transferTarget: phoneTarget('+41795550199') })).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Billing answered the call first'), ruleIds: ['LIC-01'] });
  });

  it('applies 429 faults with Retry-After, and network faults as fetch TypeErrors', async () => {
    const before = clock.now();
    mock.faults.add({ endpoint: 'presence', status: 429, retryAfterMs: 2000 });
    mock.faults.add({ endpoint: 'presence', status: 'network' });
    await client.getPresence(mock.graphIdOf('bea'));
    // Retry-After for the 429, then exponential backoff for the network failure on the second attempt.
    expect(clock.now() - before).toBe(2000 + 2 * 1000);
    expect(mock.log.slice(-3).map((e) => e.status)).toEqual([429, 'network', 200]);
    expect(mock.violations).toEqual([]);
  });

  it('answers unmodelled Graph paths with the Graph 501 and records them', async () => {
    await expect(client.getCall('x')).rejects.toMatchObject({ status: 404 });
    const res = await fetch('https://graph.microsoft.com/v1.0/me/drive');
    expect(res.status).toBe(501);
    expect(mock.unhandled.at(-1)).toMatchObject({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/me/drive' });
  });
});
