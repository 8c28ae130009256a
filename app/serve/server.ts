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
import { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { GRAPH_V1, SIM_LATENCY_HEADER } from '../../src/domain/graphApi.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { createGraphMock, graphErrorBody, type GraphMock, type GraphResponseObserver, type GraphSeed } from '../../mocks/graph/index.js';
import { graphFaultSpecs } from '../../sim/scenario/faults.js';
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
  /** Sees every response the mock writes, body parsed (the metadata contract test); unset in the CLI. */
  onGraphResponse?: GraphResponseObserver;
  /**
   * How long a terminated call stays readable (`GET /communications/calls/{id}`), in wall-clock ms; then it
   * is forgotten, so a long session keeps flat memory and throughput. Default DEFAULT_CALL_RETENTION_MS.
   */
  callRetentionMs?: number;
}

/** Ten minutes: long enough for a client to read a call's end result, short enough that a day of calls is not kept. */
export const DEFAULT_CALL_RETENTION_MS = 10 * 60_000;
/** Request log entries the served mock keeps (the newest); the console log prints each request anyway. */
const SERVED_REQUEST_LOG = 1_000;

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
function seedOf(scenario: Scenario): GraphSeed {
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
  const mock = await servedMock(opts.scenario, opts.callRetentionMs ?? DEFAULT_CALL_RETENTION_MS, opts.onGraphResponse);
  const handle = graphRequestHandler(mock, opts.onRequest);
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) graphErrorJson(res, req, 500, 'InternalServerError', `nimbus-sim mock crashed: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
      opts.onRequest?.({ method: req.method ?? 'GET', path: req.url ?? '/', status: 500 });
    });
  };
  const { server, ca, certFile } = createServer(opts, listener);
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

/**
 * The scenario's mock Graph on wall-clock time, with the scenario's `faults:`, as a run has
 * them; unlike a run's, it forgets ended calls and old log entries, as it may serve for days.
 */
async function servedMock(scenario: Scenario, callRetentionMs: number, onResponse: GraphResponseObserver | undefined): Promise<GraphMock> {
  const startedAt = Date.now();
  const mock = createGraphMock({
    now: () => Date.now() - startedAt,
    clockOrigin: startedAt,
    endedCallRetentionMs: callRetentionMs,
    requestLogLimit: SERVED_REQUEST_LOG,
    pstnPolicy: rulesPstnPolicy(resolveTenant(scenario)),
    ...(onResponse ? { onResponse } : {}),
  });
  await mock.seed(seedOf(scenario));
  for (const fault of graphFaultSpecs(scenario.faults ?? [], scenario.seed, (id) => mock.graphIdOf(id, 'user'))) mock.faults.add(fault);
  return mock;
}

/** One HTTP request to the mock: refused at the door as Graph would, or forwarded to the mock's handlers. */
function graphRequestHandler(mock: GraphMock, onRequest: MockServerOptions['onRequest']) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const violationsBefore = mock.violations.length;
    const log = (status: number | 'network error') => {
      const early = mock.violations.length > violationsBefore ? mock.violations[mock.violations.length - 1] : undefined;
      onRequest?.({ method, path, status, ...(early ? { earlyRetryByMs: early.earlyByMs } : {}) });
    };
    const refused = refuseAtTheDoor(req, res, method, path);
    if (refused !== undefined) return log(refused);
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    if (body === null) {
      graphErrorJson(res, req, 413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`, { connection: 'close' });
      req.socket.once('finish', () => req.socket.destroy());
      return log(413);
    }
    log(await forward(mock, req, res, body));
  };
}

/** What Graph refuses before reading the body: another version, no bearer token, a CORS preflight. */
function refuseAtTheDoor(req: IncomingMessage, res: ServerResponse, method: string, path: string): number | undefined {
  if (!path.startsWith(`${GRAPH_VERSION_PATH}/`) && path !== GRAPH_VERSION_PATH) {
    const version = path.split('/')[1] ?? '';
    graphErrorJson(res, req, 400, 'BadRequest', `Invalid version: ${version}. This server serves Microsoft Graph ${GRAPH_VERSION_PATH.slice(1)} only.`);
    return 400;
  }
  const auth = req.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  if (!token) {
    graphErrorJson(res, req, 401, 'InvalidAuthenticationToken', auth ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.', {
      'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    });
    return 401;
  }
  // No CORS: a browser page on another origin gets no preflight approval and no Access-Control headers.
  if (method === 'OPTIONS') {
    graphErrorJson(res, req, 405, 'MethodNotAllowed', 'CORS preflight requests are not served: nimbus-sim serve is for local clients, not browser pages.');
    return 405;
  }
  return undefined;
}

/** The request through the mock's fetch, its answer written back (injected latency really waited). */
async function forward(mock: GraphMock, req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): Promise<number | 'network error'> {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'host' || k === 'connection' || k === 'content-length' || k === 'transfer-encoding') continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  let response: Response;
  try {
    // HEAD is GET without a body (RFC 9110): the mock's handlers answer GET, and the body is dropped below.
    response = await mock.fetch(`${GRAPH_ORIGIN}${req.url ?? '/'}`, { method: method === 'HEAD' ? 'GET' : method, headers, ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}) });
  } catch (err) {
    if (err instanceof TypeError) {
      // An injected network fault: drop the connection, as a failing network does.
      req.socket.destroy();
      return 'network error';
    }
    throw err;
  }
  const latency = Number(response.headers.get(SIM_LATENCY_HEADER) ?? 0);
  if (latency > 0) await new Promise((r) => setTimeout(r, Math.min(latency, MAX_LATENCY_MS)));
  const out: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    if (k !== 'content-length' && k !== 'content-encoding') out[k] = v;
  });
  const payload = servedLinks(Buffer.from(await response.arrayBuffer()), req);
  res.writeHead(response.status, { ...out, 'content-length': String(payload.length) });
  res.end(method === 'HEAD' ? undefined : payload);
  return response.status;
}

/**
 * The mock writes next-page links on Graph's host; a client of the served mock must follow them here, so
 * `@odata.nextLink` points at the origin the request came to (other URLs, like `@odata.context`, stay Graph's).
 */
function servedLinks(payload: Buffer, req: IncomingMessage): Buffer {
  const marker = `"@odata.nextLink":"${GRAPH_ORIGIN}`;
  const text = payload.toString('utf8');
  if (!text.includes(marker)) return payload;
  const origin = `${req.socket instanceof TLSSocket ? 'https' : 'http'}://${req.headers.host ?? ''}`;
  return Buffer.from(text.split(marker).join(`"@odata.nextLink":"${origin}`), 'utf8');
}

/** HTTP, or HTTPS with a certificate generated now and written where the caller can trust it. */
function createServer(opts: MockServerOptions, listener: (req: IncomingMessage, res: ServerResponse) => void): { server: Server; ca?: string; certFile?: string } {
  if (!opts.tls) return { server: createHttpServer(listener) };
  const generated = selfSignedCertificate();
  const certFile = opts.certFile ?? join(tmpdir(), `nimbus-sim-serve-${process.pid}.pem`);
  mkdirSync(join(certFile, '..'), { recursive: true });
  writeFileSync(certFile, generated.cert);
  return { server: createHttpsServer({ cert: generated.cert, key: generated.key }, listener), ca: generated.cert, certFile };
}
