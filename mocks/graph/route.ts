/**
 * The one wrapper every Graph handler goes through. It stamps the request (deterministic request id, virtual
 * date), applies injected faults and latency, flags retries that ignore Retry-After, records handler
 * crashes and writes the request log. Because this lives in the handlers themselves, the behaviour is
 * identical under `mock.fetch` and under msw's `setupServer`.
 */
import { http, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { GRAPH_V1, SIM_LATENCY_HEADER, type GraphEndpoint } from '../../src/domain/graphApi.js';
import type { GraphMockContext, GraphRequest, GraphResponseObserver, RequestTrust } from './context.js';
import { GraphErrors, type RequestStamp } from './errors.js';
import { faultResponse, retryAfterSeconds } from './faults.js';
import { toStandardResponse } from './response.js';
import { withDirectRoute } from './router.js';
import { checkActionParameters, checkStructured, type MetadataViolation } from './metadata/validate.js';
import { GRAPH_V1_METADATA } from './metadata/v1.js';

export interface RouteArgs {
  request: GraphRequest;
  params: Record<string, string>;
  url: URL;
  stamp: RequestStamp;
  ctx: GraphMockContext;
  trust: RequestTrust;
}

export type RouteResolver = (args: RouteArgs) => Response | Promise<Response>;

type Method = 'get' | 'post' | 'patch' | 'delete';

const GRAPH_ROOT_PATH = new URL(GRAPH_V1).pathname;

/** Path below the Graph root plus query, as logs and reports print it. */
export const relativePath = (url: URL): string => {
  const path = url.pathname.startsWith(GRAPH_ROOT_PATH) ? url.pathname.slice(GRAPH_ROOT_PATH.length) : url.pathname;
  return `${path}${url.search}`;
};

export function route(ctx: GraphMockContext, method: Method, path: string, endpoint: GraphEndpoint, resolve: RouteResolver): HttpHandler {
  const pattern = `${GRAPH_V1}${path}`;
  const handle = async (request: GraphRequest, params: Record<string, string>, trust: RequestTrust): Promise<Response> => {
    const stamp = ctx.stamp(request);
    const url = request.parsedUrl ?? new URL(request.url);
    const logPath = relativePath(url);
    ctx.faults.checkRetry(endpoint, stamp.at, request.method, logPath, stamp.requestId);

    const fault = ctx.faults.take(endpoint, logPath);
    let response = fault ? faultResponse(stamp, fault) : undefined;
    const faulted = response !== undefined;
    if (!response) {
      try {
        response = await resolve({ request, params, url, stamp, ctx, trust });
      } catch (error) {
        // A crash (in a handler or the injected rules) is a harness bug. Turning it into a Graph 500 would let
        // the client retry it and the engine report it as a modelled failure, so record it and rethrow:
        // mock.fetch rejects with the original error (msw's setupServer answers 500 itself).
        ctx.crashes.push({ at: stamp.at, method: request.method, path: logPath, error: String(error) });
        ctx.log.push({ at: stamp.at, method: request.method, path: logPath, endpoint, status: 500, faulted: false, requestId: stamp.requestId, latencyMs: 0 });
        throw error;
      }
    }

    const latencyMs = fault?.latencyMs ?? 0;
    if (response.type !== 'error') {
      response.headers.set('request-id', stamp.requestId);
      response.headers.set('client-request-id', stamp.clientRequestId);
      if (latencyMs > 0) response.headers.set(SIM_LATENCY_HEADER, String(latencyMs));
      const seconds = fault ? retryAfterSeconds(fault) : undefined;
      if (faulted && seconds !== undefined) ctx.faults.noteRetryAfter(endpoint, stamp.at, seconds);
    }
    ctx.log.push({
      at: stamp.at,
      method: request.method,
      path: logPath,
      endpoint,
      status: response.type === 'error' ? 'network' : response.status,
      faulted,
      requestId: stamp.requestId,
      latencyMs,
    });
    if (ctx.onResponse && response.type !== 'error') await observe(ctx.onResponse, request.method, logPath, response, faulted);
    return response;
  };
  // Whatever reaches msw's own dispatch (setupServer, getResponse) came from outside the simulator, and gets
  // msw's own response type.
  const handler = http[method](pattern, async ({ request, params }) => toStandardResponse(await handle(request, stringParams(params), 'external')));
  return withDirectRoute(handler, { method: method.toUpperCase(), pattern, handle });
}

/** The observer gets a copy: the response itself still goes to the client unread. */
async function observe(onResponse: GraphResponseObserver, method: string, path: string, response: Response, faulted: boolean): Promise<void> {
  const text = await response.clone().text();
  onResponse({ method, path, status: response.status, headers: new Headers(response.headers), body: text === '' ? undefined : (JSON.parse(text) as unknown), faulted });
}

function stringParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.join('/');
  }
  return out;
}

/** Parse a JSON request body; a malformed body is Graph's 400, not an exception. */
async function readJson(request: GraphRequest, stamp: RequestStamp): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: GraphErrors.badRequest(stamp, 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.') };
  }
}

type Parsed<T extends z.ZodType> = { ok: true; value: z.output<T> } | { ok: false; response: Response };

/** What a body reader needs of the route's arguments. */
type BodySource = Pick<RouteArgs, 'request' | 'stamp' | 'trust'>;

/** The metadata check's findings as Graph's 400, or the body through the handler's own schema. */
function parseChecked<T extends z.ZodType>(stamp: RequestStamp, violations: readonly MetadataViolation[], value: unknown, schema: T): Parsed<T> {
  if (violations.length > 0) {
    return { ok: false, response: GraphErrors.badRequest(stamp, `Invalid request body: ${violations.slice(0, 3).map((v) => `${v.path}: ${v.problem}`).join('; ')}`) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, response: GraphErrors.badRequest(stamp, `Invalid request body: ${describeIssues(parsed.error.issues)}`) };
  return { ok: true, value: parsed.data };
}

/**
 * The simulator's own body, as the handler's schema types it. The handlers' request schemas only check (no
 * defaults, no transforms), so a body the simulator's typed client built is already what they would return.
 */
const simulatorBuilt = <T extends z.ZodType>(value: unknown): Parsed<T> => ({ ok: true, value: value as z.output<T> });

/**
 * A bound action's parameters: first against its signature in Graph v1.0's metadata (unknown, missing or
 * ill-typed parameters are Graph's 400), then against what the handler itself needs. Only external bodies.
 */
export async function readActionBody<T extends z.ZodType>({ request, stamp, trust }: BodySource, action: string, schema: T): Promise<Parsed<T>> {
  const json = await readJson(request, stamp);
  if (!json.ok) return json;
  if (trust === 'simulator') return simulatorBuilt<T>(json.value);
  return parseChecked(stamp, checkActionParameters(GRAPH_V1_METADATA, action, json.value), json.value, schema);
}

/** A new entity (`POST` to a collection): its properties as the metadata declares them, then the handler's schema. */
export async function readEntityBody<T extends z.ZodType>({ request, stamp, trust }: BodySource, type: string, schema: T): Promise<Parsed<T>> {
  const json = await readJson(request, stamp);
  if (!json.ok) return json;
  if (trust === 'simulator') return simulatorBuilt<T>(json.value);
  const violations: MetadataViolation[] = [];
  checkStructured(GRAPH_V1_METADATA, type, json.value, 'body', violations, { dynamic: 'open' });
  return parseChecked(stamp, violations.map((v) => ({ ...v, path: v.path.replace(/^body\.?/, '') || 'body' })), json.value, schema);
}

/** Graph-style summary of zod issues for a 400 message. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : 'body'}: ${i.message}`)
    .join('; ');
}
