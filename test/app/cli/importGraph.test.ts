/**
 * `nimbus-sim import --from-graph`: a scenario's tenant served by `serve --tls` and imported back through
 * Graph gives the same tenant (users with their licenses and presence, services from the sheet); bad base
 * URLs, a missing token and HTTP errors are a clear message and exit 2; throttling is waited out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../../app/serve/server.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { loadTenantOrScenario } from '../../../sim/support/loadTenant.js';

const TENANT = `name: graph import round trip
tenant: { name: Contoso, domains: [contoso.com] }
services:
  - id: front-desk
    name: Front Desk
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550100", connectivity: Direct Routing }
    resourceAccount: { upn: ra-frontdesk@contoso.com, licenses: [Microsoft Teams Phone Resource Account] }
    members: [anna, ben]
users:
  - { id: anna, upn: anna@contoso.com, displayName: Anna Alder, licenses: [Teams Phone Standard, Microsoft 365 E5], presence: Busy, activity: InACall }
  - { id: ben, upn: ben@contoso.com, displayName: Ben Brun, licenses: [Teams Phone Standard], presence: Available }
  - { id: cleo, upn: cleo@contoso.com, displayName: Cleo Cruz, licenses: [], presence: Away }
steps: [{ wait: 1ms }]
`;

const SHEET = `services:
  - { service: Front Desk, license: Enterprise Routing, assignment: MS Teams-based, members: "anna@contoso.com; ben@contoso.com", resourceAccount: ra-frontdesk@contoso.com }
`;

const work = mkdtempSync(join(tmpdir(), 'nimbus-sim-import-graph-'));
let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ scenario: parseScenarioText(TENANT, 'round-trip.yaml'), port: 0, tls: true, certFile: join(work, 'ca.pem') });
  writeFileSync(join(work, 'services.yaml'), SHEET);
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The CLI in a child: Node reads NODE_EXTRA_CA_CERTS (the served certificate) only at start-up. */
async function importCli(args: string[], token: string | null = 'a-secret-token'): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NODE_EXTRA_CA_CERTS: server.certFile ?? '' };
  delete env['NIMBUS_SIM_GRAPH_TOKEN'];
  if (token !== null) env['NIMBUS_SIM_GRAPH_TOKEN'] = token;
  const child = spawn(process.execPath, ['bin/nimbus-sim.js', 'import', ...args], { env });
  const r = { status: null as number | null, stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (r.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (r.stderr += d.toString()));
  r.status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return r;
}

// A scenario user without an activity has its availability's own (Available/Available), as Graph reports it.
const usersOf = (tenant: ReturnType<typeof loadTenantOrScenario>) =>
  tenant.users.map((u) => ({ upn: u.upn, displayName: u.displayName, licenses: [...u.licenses].sort(), presence: u.presence, activity: u.activity ?? u.presence })).sort((a, b) => a.upn.localeCompare(b.upn));
// A service's PSTN number and connectivity are Teams data (Get-CsPhoneNumberAssignment), not Graph's: the
// import names them as missing instead of guessing them.
const servicesOf = (tenant: ReturnType<typeof loadTenantOrScenario>) =>
  tenant.services.map((s) => ({ name: s.name, license: s.license, assignment: s.assignment, resourceAccount: s.resourceAccount.upn, raLicenses: s.resourceAccount.licenses, members: s.members.length }));

describe('nimbus-sim import --from-graph', () => {
  it('round trip: a served tenant imports back to the same tenant', async () => {
    const out = join(work, '_tenant.yaml');
    const r = await importCli(['--from-graph', server.baseUrl, work, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const original = parseScenarioText(TENANT, 'round-trip.yaml');
    const imported = loadTenantOrScenario(out);
    expect(usersOf(imported)).toEqual(usersOf(original));
    expect(servicesOf(imported)).toEqual(servicesOf(original));
    const written = readFileSync(out, 'utf8');
    expect(written).not.toContain('a-secret-token');
    expect(r.stderr).not.toContain('a-secret-token');
  }, 60_000);

  it('--redact works as for the file import', async () => {
    const r = await importCli(['--from-graph', server.baseUrl, work, '--redact']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/anna|Anna Alder|contoso/i);
  }, 60_000);

  it('waits out a throttled answer (Retry-After) and still imports every user', async () => {
    server.mock.faults.add({ endpoint: 'licenseDetails', status: 429, retryAfterMs: 1000 });
    const r = await importCli(['--from-graph', server.baseUrl, work]);
    expect(r.status, r.stderr).toBe(0);
    expect(server.mock.violations).toEqual([]);
    expect(server.mock.log.filter((e) => e.status === 429)).toHaveLength(1);
    expect(r.stdout).toContain('anna@contoso.com');
  }, 60_000);

  it.each([
    ['a base URL that is no URL', ['--from-graph', 'graph.microsoft.com'], 'a-secret-token', /is not a URL/],
    ['an http base URL', ['--from-graph', 'http://127.0.0.1:9/v1.0'], 'a-secret-token', /is not an https URL/],
    ['another Graph version', ['--from-graph', 'https://127.0.0.1:9/beta'], 'a-secret-token', /must end in \/v1\.0/],
    ['no token', ['--from-graph', 'https://127.0.0.1:9/v1.0'], null, /NIMBUS_SIM_GRAPH_TOKEN/],
    ['nothing listening', ['--from-graph', 'https://127.0.0.1:9/v1.0'], 'a-secret-token', /GET \/users: the request failed/],
  ])('%s: a clear message, exit 2, no stack trace', async (_name, args, token, message) => {
    const r = await importCli(args, token);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('a-secret-token');
  }, 60_000);

  it('an HTTP error from Graph: its status, code and message, exit 2', async () => {
    // 500 is not one the client retries (it retries 429, 503 and 504).
    server.mock.faults.add({ endpoint: 'users', status: 500 });
    const r = await importCli(['--from-graph', server.baseUrl]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^GET \/users: HTTP 500 InternalServerError: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
