import { describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/graph/client.js';
import { GraphError } from '../../../src/graph/errors.js';
import { fakeClock } from '../../helpers/graph/clock.js';

type Reply = Response | (() => Response) | Error;

/** The rejection of a call that must fail. */
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );

/** A scripted fetch: replies in order and records every request. */
function scripted(...replies: Reply[]) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push(new Request(input, init));
    const next = replies.length > 1 ? replies.shift() : replies[0];
    if (next === undefined) throw new Error('script exhausted');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next.clone();
  };
  return { fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const graphFailure = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: `${code} happened`, innerError: {} } }, { 'request-id': 'req-1', ...headers });

const setup = (...replies: Reply[]) => {
  const clock = fakeClock();
  const transport = scripted(...replies);
  const client = new GraphClient({ fetch: transport.fetch, sleep: clock.sleep, token: 'tok' });
  return { clock, client, ...transport };
};

describe('retries', () => {
  it('honours Retry-After (seconds) on 429 and marks the retry, keeping the client-request-id', async () => {
    const t = setup(graphFailure(429, 'TooManyRequests', { 'Retry-After': '7' }), json(200, { id: 'u1' }));
    expect(await t.client.getUser('u1')).toEqual({ id: 'u1' });
    expect(t.clock.waits).toEqual([7000]);
    expect(t.requests.map((r) => r.headers.get('Retry-Attempt'))).toEqual([null, '1']);
    expect(new Set(t.requests.map((r) => r.headers.get('client-request-id'))).size).toBe(1);
    expect(t.requests[0]?.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('backs off exponentially when there is no Retry-After (or only an HTTP-date)', async () => {
    const t = setup(graphFailure(500, 'InternalServerError'), graphFailure(503, 'ServiceUnavailable', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }), json(200, { value: [] }));
    await t.client.listLicenseDetails('u1');
    expect(t.clock.waits).toEqual([1000, 2000]);
  });

  it('throws GraphError after maxRetries with status, code, endpoint and attempts', async () => {
    const t = setup(graphFailure(503, 'ServiceUnavailable'));
    const error = await failure(t.client.getPresence('u1'));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 503, code: 'ServiceUnavailable', message: 'ServiceUnavailable happened', endpoint: 'presence', attempts: 4, retryable: true, requestId: 'req-1', method: 'GET', path: '/users/u1/presence' });
    expect((error as GraphError).describe()).toBe('GET /users/u1/presence: HTTP 503 ServiceUnavailable: ServiceUnavailable happened (4 attempts)');
    expect(t.clock.waits).toEqual([1000, 2000, 4000]);
  });

  it('respects custom maxRetries and retryBaseMs', async () => {
    const clock = fakeClock();
    const t = scripted(graphFailure(500, 'InternalServerError'));
    const client = new GraphClient({ fetch: t.fetch, sleep: clock.sleep, maxRetries: 1, retryBaseMs: 250 });
    await expect(client.deleteCall('c1')).rejects.toMatchObject({ attempts: 2, endpoint: 'calls' });
    expect(clock.waits).toEqual([250]);
    expect(() => new GraphClient({ fetch: t.fetch, sleep: clock.sleep, maxRetries: -1 })).toThrow(RangeError);
  });

  it('does not retry other 4xx: throws at once', async () => {
    for (const [status, code] of [[400, 'BadRequest'], [403, 'Forbidden'], [404, 'Request_ResourceNotFound']] as const) {
      const t = setup(graphFailure(status, code));
      await expect(t.client.transferCall('c1', { transferTarget: { identity: { phone: { id: '+41795550199' } } } })).rejects.toMatchObject({ status, code, attempts: 1, retryable: false });
      expect(t.clock.waits).toEqual([]);
    }
  });

  it('retries network failures (TypeError) and reports exhaustion as NetworkError with the cause', async () => {
    const ok = setup(new TypeError('fetch failed'), json(200, { id: 'c1', state: 'established' }));
    expect(await ok.client.getCall('c1')).toMatchObject({ state: 'established' });
    expect(ok.clock.waits).toEqual([1000]);

    const down = setup(new TypeError('fetch failed'));
    const error = await failure(down.client.getCall('c1'));
    expect(error).toMatchObject({ status: 0, code: 'NetworkError', message: 'fetch failed', attempts: 4 });
    expect((error as GraphError).cause).toBeInstanceOf(TypeError);
  });

  it('never swallows other transport errors: they propagate unchanged and are not retried', async () => {
    const boom = new Error('[MSW] Cannot bypass a request when using the "error" strategy');
    const t = setup(boom);
    await expect(t.client.getUser('u1')).rejects.toBe(boom);
    expect(t.requests).toHaveLength(1);
  });

  it('reads non-Graph error bodies and non-JSON success bodies as GraphError', async () => {
    const t = setup(() => new Response('gateway said no', { status: 502 }));
    await expect(new GraphClient({ fetch: t.fetch, sleep: fakeClock().sleep, maxRetries: 0 }).getUser('u1')).rejects.toMatchObject({ status: 502, code: 'HTTP502', message: 'gateway said no' });
    const bad = setup(() => new Response('<html>', { status: 200 }));
    await expect(bad.client.getUser('u1')).rejects.toMatchObject({ code: 'InvalidResponse' });
  });

  it('sleeps the simulated latency the mock reports', async () => {
    const t = setup(json(200, { id: 'u1' }, { 'x-nimbus-sim-latency-ms': '321' }));
    await t.client.getUser('u1');
    expect(t.clock.waits).toEqual([321]);
  });
});

describe('requests', () => {
  it('searchUsers sends the displayName/UPN $search with ConsistencyLevel: eventual', async () => {
    const t = setup(json(200, { value: [{ id: 'u1' }] }));
    expect(await t.client.searchUsers('Al "x" ice', { select: ['id', 'displayName'], top: 5 })).toEqual([{ id: 'u1' }]);
    const url = new URL(t.requests[0]?.url as string);
    expect(url.searchParams.get('$search')).toBe('"displayName:Al x ice" OR "userPrincipalName:Al x ice"');
    expect(url.searchParams.get('$select')).toBe('id,displayName');
    expect(url.searchParams.get('$top')).toBe('5');
    expect(t.requests[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
    await expect(t.client.searchUsers(' "" ')).rejects.toThrow(RangeError);
  });

  it('encodes UPNs in paths and posts JSON bodies', async () => {
    const t = setup(json(200, { value: [] }), () => new Response(null, { status: 200 }));
    await t.client.listLicenseDetails('a b@contoso.com');
    expect(t.requests[0]?.url).toBe('https://graph.microsoft.com/v1.0/users/a%20b%40contoso.com/licenseDetails');
    await t.client.setPresence('u1', { sessionId: 's', availability: 'Available', activity: 'Available' });
    expect(t.requests[1]?.headers.get('Content-Type')).toBe('application/json');
    expect(await t.requests[1]?.json()).toEqual({ sessionId: 's', availability: 'Available', activity: 'Available' });
  });

  it('splits getPresencesByUserId into batches of 650 and keeps the order', async () => {
    let n = 0;
    const t = setup(() => json(200, { value: [{ id: `batch${++n}` }] })());
    const ids = Array.from({ length: 1300 }, (_, i) => `u${i}`);
    expect((await t.client.getPresencesByUserId(ids)).map((p) => p.id)).toEqual(['batch1', 'batch2']);
    const bodies = (await Promise.all(t.requests.map((r) => r.json()))) as { ids: string[] }[];
    expect(bodies.map((b) => [b.ids.length, b.ids[0]])).toEqual([[650, 'u0'], [650, 'u650']]);
  });
});
