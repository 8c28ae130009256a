/**
 * The mock Graph as a real HTTP(S) server on loopback, for curl, Postman or another team's Graph client:
 * the same msw handlers as the simulator (through the mock's `fetch`, i.e. msw `getResponse`) behind
 * `node:http` / `node:https`, Graph paths under `/v1.0`, a bearer token required, tenant state seeded from a
 * scenario. Time is wall-clock milliseconds since start, so Retry-After windows and presence session expiry
 * are real; injected latency is really waited (capped at 30 s).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRAPH_V1, SIM_LATENCY_HEADER } from '../../src/domain/graphApi.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { createGraphMock, graphErrorBody, type GraphMock, type GraphSeed } from '../../mocks/graph/index.js';
import { graphFaultSpecs } from '../../sim/scenario/faults.js';
import { magicFaults, withMagicFixtures } from '../../sim/support/magic.js';
import { selfSignedCertificate } from './selfSigned.js';
import { resolveTenant, rulesPstnPolicy, seedFromScenario } from '../../sim/engine/graphSeed.js';

export interface MockServerOptions {
  /** Tenant, services and users to serve. */
  scenario: Scenario;
  /** 0 picks a free port (default 4010). */
  port?: number;
  /** Loopback only by default. */
  host?: string;
  /** Serve HTTPS with a certificate generated at start-up. */
  tls?: boolean;
  /** Where the generated certificate is written (default: a file in the OS temp folder). */
  certFile?: string;
  /** Called once per request, after the response is sent. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number | 'network error';
  /** Set when the client came back before the Retry-After of a throttled answer had passed. */
  earlyRetryByMs?: number;
}

export interface RunningMockServer {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  /** `<origin>/v1.0`: what a Graph client's base URL should be. */
  baseUrl: string;
  port: number;
  mock: GraphMock;
  /** PEM of the generated certificate (TLS only): pass as `ca`, or point NODE_EXTRA_CA_CERTS at certFile. */
  ca?: string;
  certFile?: string;
  close(): Promise<void>;
}

const GRAPH_ORIGIN = new URL(GRAPH_V1).origin;
const GRAPH_VERSION_PATH = new URL(GRAPH_V1).pathname; // "/v1.0"
const MAX_LATENCY_MS = 30_000;

/** The directory the simulator seeds for a scenario (resource accounts, users, presence). */
export function seedOf(scenario: Scenario): GraphSeed {
  return seedFromScenario(scenario, resolveTenant(scenario));
}

function graphErrorJson(res: ServerResponse, req: IncomingMessage, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const requestId = randomUUID();
  const clientRequestId = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : requestId;
  const body = graphErrorBody({ requestId, clientRequestId, at: 0, date: new Date().toISOString().slice(0, 19) }, code, message);
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, 'client-request-id': clientRequestId, ...headers });
  res.end(JSON.stringify(body));
}

/** Graph request bodies the mock serves are small JSON documents; anything larger is refused unread. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** The body, or null when it exceeds the limit (the rest is not buffered). */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startMockServer(opts: MockServerOptions): Promise<RunningMockServer> {
  const startedAt = Date.now();
  const tenant = resolveTenant(opts.scenario);
  const mock = createGraphMock({
    now: () => Date.now() - startedAt,
    clockOrigin: startedAt,
    pstnPolicy: rulesPstnPolicy(tenant),
  });
  await mock.seed(seedOf(withMagicFixtures(opts.scenario)));
  // The scenario's `faults:` and magic fixtures apply to the served Graph as they do to a run.
  for (const fault of graphFaultSpecs(opts.scenario.faults ?? [], opts.scenario.seed)) mock.faults.add(fault);
  for (const fault of magicFaults(opts.scenario, (id) => mock.graphIdOf(id, 'user'))) mock.faults.add(fault);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const violationsBefore = mock.violations.length;
    const log = (status: number | 'network error') => {
      const early = mock.violations.length > violationsBefore ? mock.violations[mock.violations.length - 1] : undefined;
      opts.onRequest?.({ method, path, status, ...(early ? { earlyRetryByMs: early.earlyByMs } : {}) });
    };
    if (!path.startsWith(`${GRAPH_VERSION_PATH}/`) && path !== GRAPH_VERSION_PATH) {
      const version = path.split('/')[1] ?? '';
      graphErrorJson(res, req, 400, 'BadRequest', `Invalid version: ${version}. This server serves Microsoft Graph ${GRAPH_VERSION_PATH.slice(1)} only.`);
      return log(400);
    }
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
    if (!token) {
      graphErrorJson(res, req, 401, 'InvalidAuthenticationToken', auth ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.', {
        'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
      });
      return log(401);
    }
    // No CORS: a browser page on another origin gets no preflight approval and no Access-Control headers.
    if (method === 'OPTIONS') {
      graphErrorJson(res, req, 405, 'MethodNotAllowed', 'CORS preflight requests are not served: nimbus-sim serve is for local clients, not browser pages.');
      return log(405);
    }
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    if (body === null) {
      graphErrorJson(res, req, 413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`, { connection: 'close' });
      req.socket.once('finish', () => req.socket.destroy());
      return log(413);
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || k === 'host' || k === 'connection' || k === 'content-length' || k === 'transfer-encoding') continue;
      headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    let response: Response;
    try {
      response = await mock.fetch(`${GRAPH_ORIGIN}${path}`, { method, headers, ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}) });
    } catch (err) {
      if (err instanceof TypeError) {
        // An injected network fault: drop the connection, as a failing network does.
        req.socket.destroy();
        return log('network error');
      }
      throw err;
    }
    const latency = Number(response.headers.get(SIM_LATENCY_HEADER) ?? 0);
    if (latency > 0) await new Promise((r) => setTimeout(r, Math.min(latency, MAX_LATENCY_MS)));
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'content-encoding') out[k] = v;
    });
    const payload = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...out, 'content-length': String(payload.length) });
    res.end(method === 'HEAD' ? undefined : payload);
    log(response.status);
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) graphErrorJson(res, req, 500, 'InternalServerError', `nimbus-sim mock crashed: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
      opts.onRequest?.({ method: req.method ?? 'GET', path: req.url ?? '/', status: 500 });
    });
  };

  let server: Server;
  let ca: string | undefined;
  let certFile: string | undefined;
  if (opts.tls) {
    const generated = selfSignedCertificate();
    ca = generated.cert;
    certFile = opts.certFile ?? join(tmpdir(), `nimbus-sim-serve-${process.pid}.pem`);
    mkdirSync(join(certFile, '..'), { recursive: true });
    writeFileSync(certFile, generated.cert);
    server = createHttpsServer({ cert: generated.cert, key: generated.key }, listener);
  } else {
    server = createHttpServer(listener);
  }
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4010, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 4010);
  const origin = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    baseUrl: `${origin}${GRAPH_VERSION_PATH}`,
    port,
    mock,
    ...(ca ? { ca } : {}),
    ...(certFile ? { certFile } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
