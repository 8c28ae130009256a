/**
 * The in-process transport dispatches without msw (mocks/graph/router.ts). It must pick the handler msw
 * would pick, with the same parameters, for every request, or `mock.fetch` and `setupServer` would disagree.
 * Checked here against msw's own `matchRequestUrl` over the mock's real handler list, and end to end
 * against msw's `getResponse`.
 */
import { getResponse, matchRequestUrl, type HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createGraphMock } from '../../../mocks/graph/index.js';
import { compilePattern, createRouter } from '../../../mocks/graph/router.js';
import { fakeClock } from '../../helpers/graph/clock.js';
import { standardSeed, rulesPolicy } from '../../helpers/graph/tenant.js';

const G = 'https://graph.microsoft.com/v1.0';
const URLS = [
  `${G}/users`,
  `${G}/users/`,
  `${G}/USERS/abc`,
  `${G}/users/alice%40contoso.com`,
  `${G}/users/a%2Fb/licenseDetails`,
  `${G}/users/abc/licenseDetails?$select=skuId`,
  `${G}/users/abc/licensedetails/`,
  `${G}/users/abc/presence`,
  `${G}/users/abc/presence/setPresence`,
  `${G}/users/abc/presence/clearPresence/`,
  `${G}/users/abc/presence/setUserPreferredPresence#x`,
  `${G}/users/abc/presence/clearUserPreferredPresence`,
  `${G}/users/abc/manager`,
  `${G}/communications/presences/abc`,
  `${G}/communications/getPresencesByUserId`,
  `${G}/communications/calls`,
  `${G}/communications/calls/c-1`,
  `${G}/communications/calls/c-1/answer`,
  `${G}/communications/calls/c-1/reject`,
  `${G}/communications/calls/c-1/transfer`,
  `${G}/communications/calls/c-1/participants`,
  `${G}/communications/calls/c%20x`,
  `${G}/subscribedSkus`,
  `${G}/subscribedSkus/sku-1`,
  'https://graph.microsoft.com/beta/users/abc',
  'https://GRAPH.microsoft.com/v1.0/users/abc',
  'https://graph.microsoft.com/',
  'https://example.com/v1.0/users/abc',
];
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'get'];

/** The first handler msw matches, as msw decides it (method, then path), with its parameters. */
function mswMatch(handlers: readonly HttpHandler[], method: string, url: string): { index: number; params: Record<string, unknown> } | undefined {
  for (const [index, handler] of handlers.entries()) {
    const info = handler.info as { method: string | RegExp; path: string };
    const methodMatches = info.method instanceof RegExp ? info.method.test(method) : info.method.toUpperCase() === method.toUpperCase();
    const m = matchRequestUrl(new URL(url), info.path);
    if (methodMatches && m.matches) return { index, params: { ...m.params } };
  }
  return undefined;
}

describe('direct router', () => {
  const mock = createGraphMock({ now: () => 0, pstnPolicy: rulesPolicy });
  const router = createRouter(mock.handlers);

  it('is used for the mock own handlers', () => {
    expect(router).not.toBeNull();
  });

  it.each(METHODS)('picks the handler msw picks, with the same parameters (%s)', (method) => {
    for (const url of URLS) {
      const expected = mswMatch(mock.handlers, method, url);
      const found = router?.match(method, new URL(url));
      const index = found ? mock.handlers.findIndex((h) => (h.info as { path: string }).path === found.route.pattern && (found.route.method === null || (h.info as { method: string }).method === found.route.method)) : -1;
      expect({ url, index, params: found?.params }).toEqual({ url, index: expected?.index ?? -1, params: expected ? Object.fromEntries(Object.entries(expected.params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v])) : undefined });
    }
  });

  it('compiles parameters and wildcards as path-to-regexp 6 does', () => {
    expect(compilePattern('https://h/a/:id/b').regexp.exec('https://h/A/x%20y/b/')?.[1]).toBe('x%20y');
    expect(compilePattern('https://h/a/:id').regexp.test('https://h/a/x/y')).toBe(false);
    expect(compilePattern('https://h/*').names).toEqual(['0']);
  });

  it('rejects what a Request would refuse, the same way', async () => {
    const mock = createGraphMock({ now: () => 0, pstnPolicy: rulesPolicy });
    await expect(mock.fetch('https://user:secret@graph.microsoft.com/v1.0/users')).rejects.toThrow(TypeError);
    await expect(mock.fetch(`${G}/users`, { method: 'GET', body: '{}' })).rejects.toThrow(TypeError);
    await expect(mock.fetch('not a url')).rejects.toThrow(TypeError);
    await expect(mock.fetch(`${G}/users`, { headers: { 'bad header': 'x' } })).rejects.toThrow(TypeError);
  });

  it('falls back to msw when a handler did not come from route()', async () => {
    const { http, HttpResponse } = await import('msw');
    expect(createRouter([http.get(`${G}/me`, () => HttpResponse.json({}))])).toBeNull();
  });

  it('answers exactly as msw getResponse does', async () => {
    const clock = fakeClock();
    const direct = createGraphMock({ now: clock.now, pstnPolicy: rulesPolicy });
    const viaMsw = createGraphMock({ now: clock.now, pstnPolicy: rulesPolicy });
    await direct.seed(standardSeed(['User.Read.All']));
    await viaMsw.seed(standardSeed(['User.Read.All']));
    const alice = direct.graphIdOf('alice');
    const requests: [string, RequestInit?][] = [
      [`${G}/users/${alice}`],
      [`${G}/users/alice@contoso.com/licenseDetails`],
      [`${G}/users/${alice}/presence`],
      [`${G}/users/${alice}/presence/setPresence`, { method: 'POST', body: JSON.stringify({ sessionId: 's', availability: 'Busy', activity: 'InACall' }) }],
      [`${G}/communications/presences/${alice}`],
      [`${G}/users/nobody`],
      [`${G}/users/${alice}/manager`],
      [`${G}/communications/calls/unknown`, { method: 'DELETE' }],
      [`${G}/users/${alice}/presence/setPresence`, { method: 'POST', body: '{not json' }],
      [`${G}/users/${alice}/presence/clearPresence`, { method: 'post', headers: { 'Client-Request-Id': 'abc', 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: 's' }) }],
      [`${G}/users?$search="displayName:Bea"`, { headers: [['ConsistencyLevel', 'eventual']] }],
      [`${G}/users/${alice}/presence`, { method: 'PATCH', body: '{}' }],
      [`${G}/communications/calls/x/../calls/unknown`],
    ];
    for (const [url, init] of requests) {
      const a = await direct.fetch(url, init);
      const b = await getResponse([...viaMsw.handlers], new Request(url, init));
      expect(b).toBeDefined();
      expect({ url, status: a.status, headers: [...a.headers], body: await a.text() }).toEqual({ url, status: b?.status, headers: [...(b?.headers ?? [])], body: await b?.text() });
    }
  });
});
