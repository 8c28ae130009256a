/**
 * `nimbus-sim serve`: the mock Graph over real HTTP and HTTPS on loopback, as curl or another team's client
 * sees it. (Microsoft's own @microsoft/microsoft-graph-client is not installed; these requests are the ones it
 * sends: bearer token, /v1.0 paths, ConsistencyLevel for $search, JSON bodies for calls.)
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES, startMockServer, type RunningMockServer } from '../../../app/serve/server.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';

const TENANT = `name: serve test
tenant: { consents: [User.Read.All] }
services:
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [bea] }
  - id: C
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550300", connectivity: Direct Routing }
    resourceAccount: { upn: ra-c@contoso.com, licenses: [Microsoft Teams Phone Resource Account] }
    members: [carl]
users:
  - { id: bea, upn: bea@contoso.com, displayName: Bea Berger, licenses: [Teams Phone Standard] }
  - { id: carl, upn: carl@contoso.com, displayName: Carl Conti, licenses: [MCOEV, SPE_E3], presence: Busy, activity: InACall }
steps: [{ wait: 1ms }]
`;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

function call(server: RunningMockServer, method: string, path: string, opts: { token?: string | null; headers?: Record<string, string>; body?: unknown; ca?: string | null } = {}): Promise<Reply> {
  const url = new URL(path.startsWith('/') ? `${server.origin}${path}` : `${server.baseUrl}/${path}`);
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token !== null) headers['authorization'] = `Bearer ${opts.token ?? 'test-token'}`;
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (body) headers['content-type'] = 'application/json';
  const tls = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const options = { method, headers, ...(tls && opts.ca !== null ? { ca: opts.ca ?? server.ca } : {}) };
    const req = (tls ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const scenario = parseScenarioText(TENANT, 'serve-test.yaml');
const certDir = mkdtempSync(join(tmpdir(), 'nimbus-sim-serve-'));
let http: RunningMockServer;
let https: RunningMockServer;
beforeAll(async () => {
  http = await startMockServer({ scenario, port: 0 });
  https = await startMockServer({ scenario, port: 0, tls: true, certFile: join(certDir, 'cert.pem') });
});
afterAll(async () => {
  await http?.close();
  await https?.close();
  rmSync(certDir, { recursive: true, force: true });
});

const value = (r: Reply) => r.json['value'] as Record<string, unknown>[];

describe.each([
  ['http', () => http],
  ['https', () => https],
])('serve over %s on 127.0.0.1', (_mode, server) => {
  it('listens on loopback under /v1.0', () => {
    expect(server().baseUrl).toMatch(/^https?:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
  });

  it('refuses a request without a bearer token with 401 in Graph error format', async () => {
    const r = await call(server(), 'GET', 'users', { token: null });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    expect(Object.keys((r.json['error'] as Record<string, unknown>)['innerError'] as object)).toEqual(['date', 'request-id', 'client-request-id']);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('refuses a request body over the limit with 413 in Graph error format, without reading it', async () => {
    const r = await call(server(), 'POST', 'communications/calls', { body: { padding: 'x'.repeat(MAX_REQUEST_BODY_BYTES + 10) } });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ error: { code: 'RequestEntityTooLarge' } });
  });

  it('sends no CORS headers and refuses preflight requests', async () => {
    const pre = await call(server(), 'OPTIONS', 'users', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(405);
    expect(Object.keys(pre.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const get = await call(server(), 'GET', 'users', { headers: { origin: 'https://evil.example' } });
    expect(get.status).toBe(200);
    expect(Object.keys(get.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('answers a path outside /v1.0 with a Graph-format 400', async () => {
    const r = await call(server(), 'GET', '/beta/users');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: 'BadRequest' } });
  });

  it('serves users, $select, $search, licenseDetails and presence from the scenario tenant', async () => {
    const users = await call(server(), 'GET', 'users?$select=displayName,userPrincipalName');
    expect(users.status).toBe(200);
    expect(value(users).map((u) => u['userPrincipalName'])).toEqual(expect.arrayContaining(['bea@contoso.com', 'carl@contoso.com', 'ra-c@contoso.com']));
    expect(Object.keys(value(users)[0] ?? {}).sort()).toEqual(['displayName', 'userPrincipalName']);

    const noConsistency = await call(server(), 'GET', `users?$search=${encodeURIComponent('"displayName:carl"')}`);
    expect(noConsistency.status).toBe(400);
    const search = await call(server(), 'GET', `users?$search=${encodeURIComponent('"displayName:carl"')}`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(search.status).toBe(200);
    expect(value(search).map((u) => u['displayName'])).toEqual(['Carl Conti']);
    const carlId = value(search)[0]?.['id'] as string;

    const lic = await call(server(), 'GET', `users/${carlId}/licenseDetails`);
    expect(lic.status).toBe(200);
    expect(value(lic).map((l) => l['skuPartNumber']).sort()).toEqual(['MCOEV', 'SPE_E3']);

    const presence = await call(server(), 'GET', `users/${carlId}/presence`);
    expect(presence.status).toBe(200);
    expect(presence.json).toMatchObject({ availability: 'Busy', activity: 'InACall' });
  });

  it('creates a PSTN call from a licensed resource account and transfers it; refuses an unlicensed one with the rule ids', async () => {
    const ra = await call(server(), 'GET', `users?$filter=${encodeURIComponent("userPrincipalName eq 'ra-c@contoso.com'")}`);
    const raId = value(ra)[0]?.['id'] as string;
    const body = (appId: string) => ({
      '@odata.type': '#microsoft.graph.call',
      callbackUri: 'https://bot.example/api/calls',
      source: { identity: { applicationInstance: { id: appId, displayName: 'C' } } },
      targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { phone: { id: '+41795550111' } } }],
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    });
    const created = await call(server(), 'POST', 'communications/calls', { body: body(raId) });
    expect(created.status).toBe(201);
    const callId = created.json['id'] as string;
    expect(typeof callId).toBe('string');
    const transfer = await call(server(), 'POST', `communications/calls/${callId}/transfer`, { body: { transferTarget: { endpointType: 'default', identity: { phone: { id: '+41795550199' } } } } });
    expect(transfer.status).toBe(202);

    const all = await call(server(), 'GET', 'users?$select=id,userPrincipalName');
    const raB = value(all).find((u) => u['userPrincipalName'] === 'ra-b@contoso.com')?.['id'] as string;
    const refused = await call(server(), 'POST', 'communications/calls', { body: body(raB) });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toMatch(/LIC-01/);
  });
});

describe('serve with scenario faults', () => {
  it('answers 429 with Retry-After from the scenario faults: section and flags a client that retries too early', async () => {
    const faulty = parseScenarioText(TENANT.replace('steps:', 'faults:\n  - { endpoint: users, status: 429, count: 1, retryAfter: 3s }\nsteps:'), 'serve-faults.yaml');
    const log: { status: number | string; earlyRetryByMs?: number }[] = [];
    const server = await startMockServer({ scenario: faulty, port: 0, onRequest: (e) => log.push(e) });
    try {
      const first = await call(server, 'GET', 'users');
      expect(first.status).toBe(429);
      expect(first.headers['retry-after']).toBe('3');
      expect(first.json).toMatchObject({ error: { code: 'TooManyRequests' } });
      const again = await call(server, 'GET', 'users');
      expect(again.status).toBe(200);
      expect(log[1]?.earlyRetryByMs).toBeGreaterThan(0);
      expect(log[0]?.earlyRetryByMs).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('serve --tls', () => {
  it('writes the self-signed certificate to the file it names, valid for 127.0.0.1 and localhost', async () => {
    expect(readFileSync(https.certFile ?? '', 'utf8')).toBe(https.ca);
    const viaLocalhost = await call({ ...https, origin: https.origin.replace('127.0.0.1', 'localhost'), baseUrl: https.baseUrl.replace('127.0.0.1', 'localhost') }, 'GET', 'users');
    expect(viaLocalhost.status).toBe(200);
  });

  it('NODE_EXTRA_CA_CERTS=<cert file> makes a plain Node fetch trust it', async () => {
    const script = `fetch(process.argv[1], { headers: { authorization: 'Bearer t' } }).then(async (r) => console.log(r.status, (await r.json()).value.length)).catch((e) => { console.log('failed', e.cause?.code ?? e.message); })`;
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['-e', script, `${https.baseUrl}/users`], { env, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', () => resolve(out.trim()));
      });
    const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
    expect(await run({ ...base, NODE_EXTRA_CA_CERTS: https.certFile ?? '' })).toBe('200 4');
    expect(await run(base)).toMatch(/^failed/);
  }, 60_000);

  it('is not trusted without its certificate', async () => {
    await expect(call(https, 'GET', 'users', { ca: null })).rejects.toThrow(/self.signed|certificate/i);
  });
});

describe('nimbus-sim serve binds loopback unless told otherwise', () => {
  it('--host with an address other than the usual loopback names starts with a warning about what it exposes', async () => {
    const { spawn } = await import('node:child_process');
    const p = spawn(process.execPath, ['bin/nimbus-sim.js', 'serve', '--port', '0', '--host', '127.0.0.2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    for (let waited = 0; !out.includes('mock Graph for') && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    p.kill('SIGTERM');
    expect(err).toMatch(/warning: serving on 127\.0\.0\.2 instead of 127\.0\.0\.1/);
    expect(out).toMatch(/on http:\/\/127\.0\.0\.2:\d+\/v1\.0/);
  }, 40_000);
});
