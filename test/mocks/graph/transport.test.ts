/**
 * The mock's two in-process transports. `mock.fetch` (and msw's own dispatch of `mock.handlers`) checks every
 * request body as Graph would; `mock.fetchTrusted` carries the modelled Nimbus's own requests, whose bodies
 * the simulator built, without checking them again, and is otherwise the same Graph: stamps, faults, log.
 */
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { harness, standardSeed, type Harness } from '../../helpers/graph/tenant.js';

/** A setPresence body Graph refuses: `clientContext` is no parameter of the action. */
const withUnknownParameter = { sessionId: 'nimbus', availability: 'Busy', activity: 'InACall', clientContext: 'nimbus' };

const setPresenceUrl = (h: Harness) => `${h.mock.baseUrl}/users/${h.mock.graphIdOf('alice')}/presence/setPresence`;
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function errorOf(response: Response): Promise<{ status: number; code?: string; message?: string }> {
  const text = await response.text();
  const error = text ? (JSON.parse(text) as { error?: { code: string; message: string } }).error : undefined;
  return { status: response.status, code: error?.code, message: error?.message };
}

describe('request bodies are checked at the boundary', () => {
  it('mock.fetch refuses a body Graph refuses, with Graph 400, and changes nothing', async () => {
    const h = await harness();
    const response = await h.mock.fetch(setPresenceUrl(h), post(withUnknownParameter));
    expect(await errorOf(response)).toEqual({ status: 400, code: 'BadRequest', message: expect.stringContaining("setPresence has no parameter 'clientContext'") });
    expect(h.mock.presenceOf('alice')).toEqual({ availability: 'Available', activity: 'Available' });
  });

  it("msw's own dispatch of the handlers (what setupServer runs) refuses it too", async () => {
    const h = await harness();
    const response = await getResponse([...h.mock.handlers], new Request(setPresenceUrl(h), post(withUnknownParameter)));
    if (!response) throw new Error('a handler answers setPresence');
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'BadRequest' });
  });

  it('mock.fetchTrusted does not check the body again: the simulator built it', async () => {
    const h = await harness();
    const response = await h.mock.fetchTrusted(setPresenceUrl(h), post(withUnknownParameter));
    expect(response.status).toBe(200);
    expect(h.mock.presenceOf('alice')).toEqual({ availability: 'Busy', activity: 'InACall' });
  });

  it('a trusted body still has to be JSON: a malformed one is Graph 400', async () => {
    const h = await harness();
    const response = await h.mock.fetchTrusted(setPresenceUrl(h), { method: 'POST', body: '{"sessionId":' });
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'BadRequest', message: expect.stringContaining('Unable to read JSON') });
  });
});

describe('the trusted transport is the same Graph otherwise', () => {
  it('stamps, logs and answers as mock.fetch does', async () => {
    const h = await harness();
    const url = `${h.mock.baseUrl}/users/${h.mock.graphIdOf('bea')}/presence`;
    const trusted = await h.mock.fetchTrusted(url, { headers: { 'client-request-id': 'c-1' } });
    const checked = await h.mock.fetch(url, { headers: { 'client-request-id': 'c-2' } });
    expect(await trusted.json()).toEqual(await checked.json());
    expect([trusted.status, trusted.headers.get('content-type')]).toEqual([checked.status, checked.headers.get('content-type')]);
    expect(trusted.headers.get('client-request-id')).toBe('c-1');
    expect(h.mock.log.map((e) => [e.method, e.endpoint, e.status, e.requestId])).toEqual([
      ['GET', 'presence', 200, trusted.headers.get('request-id')],
      ['GET', 'presence', 200, checked.headers.get('request-id')],
    ]);
  });

  it('injected faults apply to trusted requests', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'presence', status: 503, count: 1 });
    expect((await h.mock.fetchTrusted(setPresenceUrl(h), post({ sessionId: 'nimbus', availability: 'Busy', activity: 'InACall' }))).status).toBe(503);
    expect(h.mock.log.map((e) => [e.status, e.faulted])).toEqual([[503, true]]);
    expect(h.mock.presenceOf('alice')).toEqual({ availability: 'Available', activity: 'Available' });
  });
});

describe('request headers in process', () => {
  const search = (h: Harness) => `${h.mock.baseUrl}/users?$search=${encodeURIComponent('"displayName:bea"')}`;

  it.each(['fetch', 'fetchTrusted'] as const)('%s reads header names case-insensitively and values trimmed, as Headers does', async (transport) => {
    const h = await harness(standardSeed(['User.Read.All']));
    // Graph serves $search only with ConsistencyLevel: eventual; without it this is a 400.
    const response = await h.mock[transport](search(h), { headers: { consistencylevel: ' eventual\t', 'Client-Request-Id': 'c-7' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { value: { displayName: string }[] }).value.map((u) => u.displayName)).toEqual(['Bea Berger']);
    expect(response.headers.get('client-request-id')).toBe('c-7');
  });

  it('refuses a header value fetch would refuse, as fetch does', async () => {
    const h = await harness();
    await expect(h.mock.fetch(search(h), { headers: { ConsistencyLevel: 'eventual\r\nX-Injected: 1' } })).rejects.toThrow(TypeError);
  });
});
