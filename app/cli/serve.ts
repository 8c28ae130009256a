/**
 * `nimbus-sim serve [--port 4010] [--scenario FILE] [--tls] [--cert FILE] [--call-retention 10m]`: the mock
 * Graph as an HTTP(S) server on 127.0.0.1 until Ctrl-C. Without --scenario it serves Scenario B's tenant.
 * Terminated calls are forgotten after --call-retention (default 10m), so a long session keeps flat memory.
 */
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import { parseScenarioText } from '../../sim/scenario/load.js';
import { startMockServer } from '../serve/server.js';
import { loadOneForCommand } from './load.js';
import type { ParsedArgs } from './args.js';
import { durationOption, wholeNumberOption } from './numbers.js';

/** Scenario B's tenant (the README's example), served when no --scenario is given. */
const DEFAULT_TENANT = `name: nimbus-sim serve default tenant (Scenario B)
tenant: { consents: [User.Read.All] }
services:
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [bea] }
  - id: C
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550300", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }
    members: [carl]
users:
  - { id: bea, upn: bea@contoso.com, displayName: Bea Berger, licenses: [Teams Phone Standard] }
  - { id: carl, upn: carl@contoso.com, displayName: Carl Conti, licenses: [Teams Phone Standard], presence: Busy, activity: InACall }
steps: [{ wait: 1ms }]
`;

export async function serveCommand(args: ParsedArgs): Promise<number> {
  const port = typeof args.values.port === 'string' ? wholeNumberOption('port', args.values.port, { min: 0, max: 65_535 }, '4010') : 4010;
  const callRetentionMs = typeof args.values['call-retention'] === 'string' ? durationOption('call-retention', args.values['call-retention'], { min: 0, max: 7 * 24 * 3_600_000 }, '10m') : undefined;
  const scenario = typeof args.values.scenario === 'string' ? loadOneForCommand(args.values.scenario, loadTenantOrScenario) : parseScenarioText(DEFAULT_TENANT, 'default-tenant.yaml');
  if (scenario === 2) return 2;
  const tls = args.values.tls === true;
  // Loopback unless the user names another address; then say what that exposes.
  const host = typeof args.values.host === 'string' ? args.values.host : '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    process.stderr.write(`warning: serving on ${host} instead of 127.0.0.1: anyone who can reach this address can read the scenario's tenant with any bearer token\n`);
  }
  let server;
  try {
    server = await startMockServer({
      scenario,
      port,
      host,
      tls,
      ...(callRetentionMs !== undefined ? { callRetentionMs } : {}),
      ...(typeof args.values.cert === 'string' ? { certFile: args.values.cert } : {}),
      onRequest: (e) =>
        process.stdout.write(
          `${new Date().toISOString().slice(11, 23)}  ${e.method.padEnd(6)} ${String(e.status).padEnd(3)} ${e.path}${e.earlyRetryByMs !== undefined ? `  ⚠ retried ${e.earlyRetryByMs} ms before Retry-After had passed` : ''}\n`,
        ),
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(`cannot listen on ${host}:${port} (${code}); try --port 0 for a free port\n`);
      return 2;
    }
    throw err;
  }
  const users = scenario.users.map((u) => u.upn);
  process.stdout.write(`mock Graph for "${scenario.name}" on ${server.baseUrl}  (${scenario.services.length} services, ${users.length} users)\n`);
  if (server.certFile) {
    process.stdout.write(`self-signed certificate for 127.0.0.1 and localhost: ${server.certFile}\n`);
    process.stdout.write(`  trust it with: export NODE_EXTRA_CA_CERTS=${server.certFile}   (curl: --cacert ${server.certFile})\n`);
  }
  process.stdout.write(`try: curl${server.certFile ? ` --cacert ${server.certFile}` : ''} -H "Authorization: Bearer any-token" ${server.baseUrl}/users\n`);
  process.stdout.write('any bearer token is accepted; requests without one get 401. Ctrl-C stops.\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
