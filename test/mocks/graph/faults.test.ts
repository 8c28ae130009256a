import { describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/graph/client.js';
import { GraphError } from '../../../src/graph/errors.js';
import { SIM_LATENCY_HEADER } from '../../../mocks/graph/index.js';
import { answerBody, harness } from '../../helpers/graph/tenant.js';

describe('fault injection (graphFault)', () => {
  it('429 carries Retry-After in seconds; the client waits exactly that long on the virtual clock', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'presence', status: 429, count: 1, retryAfterMs: 2500 });
    const presence = await h.client.getPresence(h.mock.graphIdOf('alice'));
    expect(presence.availability).toBe('Available');
    expect(h.clock.waits).toEqual([3000]);
    expect(h.mock.log.map((e) => [e.at, e.status, e.faulted])).toEqual([
      [0, 429, true],
      [3000, 200, false],
    ]);
    expect(h.mock.violations).toEqual([]);
    expect(h.mock.faults.pending).toEqual([]);
  });

  it('flags a retry that comes before Retry-After has passed', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'users', status: 429, retryAfterMs: 5000 });
    const url = `${h.mock.baseUrl}/users/alice@contoso.com`;
    const first = await h.mock.fetch(url);
    expect(first.status).toBe(429);
    expect(first.headers.get('Retry-After')).toBe('5');
    h.clock.advance(1200);
    expect((await h.mock.fetch(url)).status).toBe(200);
    expect(h.mock.violations).toEqual([
      { at: 1200, method: 'GET', path: '/users/alice@contoso.com', endpoint: 'users', requestId: expect.any(String), throttledAt: 0, retryAfterMs: 5000, earlyByMs: 3800 },
    ]);
  });

  it('a client that gives up after maxRetries throws GraphError with the attempts made', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'licenseDetails', status: 503, count: 10 });
    const error = await h.client.listLicenseDetails(h.mock.graphIdOf('alice')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 503, code: 'ServiceUnavailable', endpoint: 'licenseDetails', attempts: 4, retryable: true });
    expect(h.clock.waits).toEqual([1000, 2000, 4000]);
    expect(h.mock.faults.pending[0]?.remaining).toBe(6);
  });

  it('a network fault makes mock.fetch throw a TypeError, like fetch; the client retries it', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: '*', status: 'network', count: 1 });
    await expect(h.mock.fetch(`${h.mock.baseUrl}/users/alice@contoso.com`)).rejects.toThrow(TypeError);
    h.mock.faults.add({ endpoint: 'calls', status: 'network', count: 2 });
    const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' });
    expect((await h.client.getCall(callId)).state).toBe('incoming');
    expect(h.mock.log.map((e) => e.status)).toEqual(['network', 'network', 'network', 200]);
  });

  it('network faults beyond the retry budget become GraphError NetworkError (status 0)', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'users', status: 'network', count: 4 });
    const error = await h.client.getUser('alice@contoso.com').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GraphError', status: 0, code: 'NetworkError', attempts: 4 });
    expect((error as GraphError).cause).toBeInstanceOf(TypeError);
  });

  it('latency is virtual: reported in a header, logged, and slept by the client', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'presence', latencyMs: 750, count: 2 });
    const res = await h.mock.fetch(`${h.mock.baseUrl}/users/${h.mock.graphIdOf('alice')}/presence`);
    expect(res.status).toBe(200);
    expect(res.headers.get(SIM_LATENCY_HEADER)).toBe('750');
    await h.client.getPresence(h.mock.graphIdOf('alice'));
    expect(h.clock.waits).toEqual([750]);
    expect(h.mock.log.map((e) => [e.latencyMs, e.faulted])).toEqual([
      [750, false],
      [750, false],
    ]);
  });

  it('matches faults by endpoint, in the order they were added', async () => {
    const h = await harness();
    h.mock.faults.add({ endpoint: 'calls', status: 500 });
    h.mock.faults.add({ endpoint: '*', status: 503 });
    expect((await h.mock.fetch(`${h.mock.baseUrl}/users/alice@contoso.com`)).status).toBe(503);
    expect((await h.mock.fetch(`${h.mock.baseUrl}/communications/calls/x`)).status).toBe(500);
    expect((await h.mock.fetch(`${h.mock.baseUrl}/communications/calls/x`)).status).toBe(404);
  });

  it('rejects malformed fault specs', async () => {
    const h = await harness();
    expect(() => h.mock.faults.add({ endpoint: 'users', status: 500, count: 0 })).toThrow(RangeError);
    expect(() => h.mock.faults.add({ endpoint: 'users' })).toThrow(/status, a latency/);
    expect(() => h.mock.faults.add({ endpoint: 'users', status: 429, retryAfterMs: -1 })).toThrow(RangeError);
  });
});

describe('requests the mock does not serve', () => {
  it('answers with a Graph-format 501 and records them in unhandled', async () => {
    const h = await harness();
    const res = await h.mock.fetch(`${h.mock.baseUrl}/me/drive`);
    expect(res.status).toBe(501);
    expect(await res.json()).toMatchObject({ error: { code: 'NotImplemented', innerError: { 'request-id': expect.any(String) } } });
    await h.mock.fetch('https://example.com/elsewhere', { method: 'POST' });
    expect(h.mock.unhandled).toEqual([
      { at: 0, method: 'GET', url: 'https://graph.microsoft.com/v1.0/me/drive' },
      { at: 0, method: 'POST', url: 'https://example.com/elsewhere' },
    ]);
  });

  it('the client surfaces them as a non-retried GraphError', async () => {
    const h = await harness();
    const client = new GraphClient({ fetch: h.mock.fetch, sleep: h.clock.sleep, baseUrl: 'https://graph.microsoft.com/beta' });
    await expect(client.getUser('alice@contoso.com')).rejects.toMatchObject({ status: 501, code: 'NotImplemented', attempts: 1 });
    expect(h.mock.unhandled).toHaveLength(1);
  });
});

describe('crashes', () => {
  it('a crash in the injected rules rejects the fetch with the original error, unretried, and is recorded', async () => {
    const bug = new Error('rules exploded');
    const h = await harness(undefined, {
      pstnPolicy: () => {
        throw bug;
      },
    });
    const create = h.client.createCall({
      callbackUri: 'https://nimbus.sim.invalid/api/calls',
      source: { identity: { applicationInstance: { id: h.mock.graphIdOf('licensed', 'service') } } },
      targets: [{ identity: { phone: { id: '+41795550111' } } }],
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    });
    await expect(create).rejects.toBe(bug);
    expect(h.mock.crashes).toEqual([{ at: 0, method: 'POST', path: '/communications/calls', error: 'Error: rules exploded' }]);
    expect(h.mock.log).toHaveLength(1);
  });
});

describe('determinism', () => {
  it('two runs of the same steps produce identical ids, logs and error bodies', async () => {
    const run = async () => {
      const h = await harness();
      h.mock.faults.add({ endpoint: 'calls', status: 429, retryAfterMs: 1000 });
      const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'unlicensed' });
      await h.client.answerCall(callId, answerBody);
      const error = await h.client.transferCall(callId, { transferTarget: { identity: { phone: { id: '+41795550199' } } } }).catch((e: unknown) => e as GraphError);
      return { ids: [h.mock.graphIdOf('alice'), callId], log: h.mock.log, error: error && { message: error.message, requestId: error.requestId } };
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(a.ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
