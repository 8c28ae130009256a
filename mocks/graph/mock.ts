/**
 * `createGraphMock`: an in-process Microsoft Graph for one scenario run. Requests go through msw handlers
 * (`getResponse`, no global patching), the directory comes from a plain seed, time is the injected virtual
 * clock, and every id is deterministic.
 */
import { getResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import { GRAPH_V1 } from '../../src/domain/graphApi.js';
import type { FetchLike } from '../../src/domain/graphApi.js';
import { createPstnNetwork, type PstnNetwork } from '../pstn/network.js';
import { findCall } from './callStore.js';
import type { FarEndAnswerMode, GraphMockContext, GraphRequest, GraphRequestLogEntry, HandlerCrash, TenantDirectory, UnhandledRequest } from './context.js';
import { clearGraphDb, createGraphDb, snapshot, type CallRecord, type GraphDb } from './db.js';
import type { RequestStamp } from './errors.js';
import { FaultInjector, type ActiveFault, type GraphFaultSpec, type RetryAfterViolation } from './faults.js';
import { createGraphHandlers } from './handlers/index.js';
import { recordUnhandled } from './handlers/fallback.js';
import { createRouter } from './router.js';
import { presenceOf } from './handlers/presence.js';
import { SequentialIds, stableGuid } from './ids.js';
import { effectivePresence } from './presenceModel.js';
import type { PstnPolicy } from './pstnPolicy.js';
import { GraphSeedSchema, seededPresence, type GraphPresenceState, type GraphSeed } from './seed.js';

export interface GraphMockOptions {
  /** Virtual clock in ms since scenario start. The mock never reads the wall clock. */
  now: () => number;
  /** Default: a fixed GUID, so every run of a scenario sees the same tenant. */
  tenantId?: string;
  /** The PSTN license decision (required: the mock holds no licensing rules); a run passes the project's rules. */
  pstnPolicy: PstnPolicy;
  /** Epoch ms that virtual time 0 stands for in Graph dates (default 2025-01-06T08:00:00Z). */
  clockOrigin?: number;
  /** Callback URI recorded on incoming calls (the Nimbus calling bot endpoint). */
  callbackUri?: string;
}

export type ScenarioObjectKind = 'user' | 'service';

/** A call as the mock holds it, with the first responder also given by scenario service id. */
export interface GraphCallInspection extends CallRecord {
  /** Scenario id of the service whose PSTN license the call is bound to (XFER-02), if any. */
  answeredByService: string | null;
  heldByService: string | null;
}

export interface GraphFaults {
  add(spec: GraphFaultSpec): void;
  clear(): void;
  /** Faults with requests left to affect. */
  readonly pending: readonly Readonly<ActiveFault>[];
}

export interface GraphMock {
  readonly baseUrl: string;
  readonly tenantId: string;
  /** In-process transport: runs the handlers via msw `getResponse`; a `network` fault throws a TypeError. */
  readonly fetch: FetchLike;
  /** The same handlers, for msw's `setupServer` (real global-fetch interception). */
  readonly handlers: readonly HttpHandler[];
  readonly faults: GraphFaults;
  /** Every request, in order, for reports. */
  readonly log: readonly GraphRequestLogEntry[];
  /** Requests no handler serves (answered with a Graph-format 501); tests should assert this stays empty. */
  readonly unhandled: readonly UnhandledRequest[];
  /** Handlers (or the injected PSTN policy) that threw; the request's fetch rejected with the error. */
  readonly crashes: readonly HandlerCrash[];
  /** Requests that came before the Retry-After of a throttled response had passed. */
  readonly violations: readonly RetryAfterViolation[];
  /** The mock-only far end: PSTN callers and dialled parties. */
  readonly pstn: PstnNetwork;
  /** The data layer, for inspection in tests and reports. Change state through Graph requests instead. */
  readonly db: GraphDb;
  /** Replace the directory (users, resource accounts, presence) and drop all calls. */
  seed(model: GraphSeed): Promise<void>;
  /** Graph object id of a scenario user or service (its resource account). Throws for unknown ids. */
  graphIdOf(scenarioId: string, kind?: ScenarioObjectKind): string;
  scenarioIdOf(graphId: string): { kind: ScenarioObjectKind; id: string } | undefined;
  /** A detached snapshot of a call, including deleted ones. */
  call(callId: string): GraphCallInspection | undefined;
  /** A call's state without copying it (what Graph's call notifications tell the bot). */
  callState(callId: string): CallRecord['state'] | undefined;
  /** The presence Graph would report now, by scenario user id or object id. */
  presenceOf(userId: string): GraphPresenceState | undefined;
}

const DEFAULT_CLOCK_ORIGIN = Date.UTC(2025, 0, 6, 8, 0, 0);
const NEVER = Number.MAX_SAFE_INTEGER;

/**
 * The request as handlers read it, without a WHATWG Request (its body stream, abort signal and header
 * guards cost more than the handler itself in a long run). Only for the plain calls a Graph client makes:
 * a URL string, a string body or none; anything else (a Request, a stream body) goes the standard way.
 */
const NORMALISED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

function lightRequest(input: RequestInfo | URL, init: RequestInit | undefined): GraphRequest | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  const parsedUrl = new URL(input);
  // Request refuses URLs with credentials; let it.
  if (parsedUrl.username !== '' || parsedUrl.password !== '') return undefined;
  const headers = new Headers(init?.headers);
  // Request upper-cases these methods only, and refuses a body on GET and HEAD: leave the rest to it.
  const method = (init?.method ?? 'GET').toUpperCase();
  if (!NORMALISED_METHODS.has(method)) return undefined;
  if ((method === 'GET' || method === 'HEAD') && typeof body === 'string') return undefined;
  return { method, url: parsedUrl.href, parsedUrl, headers, text: async () => body ?? '' };
}

export function createGraphMock(options: GraphMockOptions): GraphMock {
  const tenantId = options.tenantId ?? stableGuid('tenant', 'nimbus-sim');
  const clockOrigin = options.clockOrigin ?? DEFAULT_CLOCK_ORIGIN;
  const ids = new SequentialIds(tenantId);
  const db = createGraphDb();
  const faults = new FaultInjector();
  const byScenario = new Map<string, string>();
  const byGraph = new Map<string, { kind: ScenarioObjectKind; id: string }>();

  const ctx: GraphMockContext = {
    db,
    now: options.now,
    tenantId,
    tenant: { name: 'Contoso', domains: [], consents: [] } satisfies TenantDirectory,
    pstnPolicy: options.pstnPolicy,
    ids,
    faults,
    log: [],
    unhandled: [],
    crashes: [],
    callbackUri: options.callbackUri ?? 'https://nimbus.sim.invalid/api/calls',
    botApplication: { id: stableGuid('application', 'nimbus-calling-bot'), displayName: 'Nimbus Calling Bot' },
    farEndModes: new Map<string, FarEndAnswerMode>(),
    endedCalls: new Map<string, CallRecord>(),
    stamp(request: GraphRequest): RequestStamp {
      const requestId = ids.next('request');
      const at = options.now();
      return {
        requestId,
        clientRequestId: request.headers.get('client-request-id') ?? requestId,
        at,
        date: new Date(clockOrigin + at).toISOString().slice(0, 19),
      };
    },
  };

  const handlers = createGraphHandlers(ctx);

  const lookup = (scenarioId: string, kind?: ScenarioObjectKind): string | undefined => {
    if (kind) return byScenario.get(`${kind}:${scenarioId}`);
    const user = byScenario.get(`user:${scenarioId}`);
    const service = byScenario.get(`service:${scenarioId}`);
    if (user && service) throw new Error(`"${scenarioId}" names both a user and a service; pass the kind`);
    return user ?? service;
  };

  const graphIdOf = (scenarioId: string, kind?: ScenarioObjectKind): string => {
    const id = lookup(scenarioId, kind);
    if (!id) throw new Error(`no ${kind ?? 'user or service'} "${scenarioId}" in the mock Graph directory`);
    return id;
  };

  // Dispatch without msw's per-request overhead when every handler came from route() (always, unless a
  // caller swaps handlers in); msw's getResponse otherwise. Both pick the same handler (router.ts).
  const router = createRouter(handlers);
  const dispatch = async (request: GraphRequest): Promise<Response | undefined> => {
    if (!router) return request instanceof Request ? getResponse(handlers, request) : undefined;
    const found = router.match(request.method, request.parsedUrl ?? new URL(request.url));
    return found ? found.route.handle(request, found.params) : undefined;
  };

  const fetch: FetchLike = async (input, init) => {
    // The light request only where the router dispatches: msw's getResponse needs a real Request.
    const request = (router ? lightRequest(input, init) : undefined) ?? new Request(input, init);
    const response = await dispatch(request);
    if (!response) return recordUnhandled(ctx, request);
    // A network fault: behave like fetch does when the connection fails.
    if (response.type === 'error') throw new TypeError('fetch failed');
    return response;
  };

  async function seed(model: GraphSeed): Promise<void> {
    const parsed = GraphSeedSchema.safeParse(model);
    if (!parsed.success) throw new Error(`invalid mock Graph seed:\n${z.prettifyError(parsed.error)}`);
    const { tenant, services, users } = parsed.data;
    clearGraphDb(db);
    byScenario.clear();
    byGraph.clear();
    ctx.farEndModes.clear();
    ctx.endedCalls.clear();
    ctx.tenant = { name: tenant.name, domains: [...tenant.domains], consents: [...tenant.consents] };

    const skus = (names: readonly string[]) =>
      names.map((n) => ({ skuId: (findMicrosoftLicense(n) as { skuId: string }).skuId, disabledPlans: [] }));
    const remember = (kind: ScenarioObjectKind, scenarioId: string, graphId: string) => {
      byScenario.set(`${kind}:${scenarioId}`, graphId);
      byGraph.set(graphId, { kind, id: scenarioId });
    };

    for (const s of services) {
      const id = stableGuid(`${tenantId}:service`, s.id);
      remember('service', s.id, id);
      await db.users.create({
        id,
        scenarioId: s.id,
        kind: 'applicationInstance',
        userPrincipalName: s.upn,
        displayName: s.displayName,
        givenName: null,
        surname: null,
        mail: null,
        // Resource accounts are sign-in blocked directory objects.
        accountEnabled: false,
        userType: 'Member',
        businessPhones: s.pstnNumber ? [s.pstnNumber] : [],
        assignedLicenses: skus(s.licenses),
        pstnConnectivity: s.pstnNumber ? (s.connectivity ?? 'Direct Routing') : null,
      });
      await db.presences.create({ id, availability: 'Offline', activity: 'Offline' });
    }

    for (const u of users) {
      const id = stableGuid(`${tenantId}:user`, u.id);
      remember('user', u.id, id);
      const [given, ...rest] = u.displayName.trim().split(/\s+/);
      await db.users.create({
        id,
        scenarioId: u.id,
        kind: 'person',
        userPrincipalName: u.upn,
        displayName: u.displayName,
        givenName: given ?? null,
        surname: rest.length > 0 ? rest.join(' ') : null,
        mail: u.upn,
        accountEnabled: true,
        userType: 'Member',
        assignedLicenses: skus(u.licenses),
      });
      const presence = seededPresence(u.availability, u.activity);
      await db.presences.create({
        id,
        ...presence.client,
        preferred: presence.preferred ? { ...presence.preferred, expiresAt: NEVER } : null,
      });
    }
  }

  return {
    baseUrl: GRAPH_V1,
    tenantId,
    fetch,
    handlers,
    faults: {
      add: (spec) => faults.add(spec),
      clear: () => faults.clear(),
      get pending() {
        return [...faults.pending];
      },
    },
    log: ctx.log,
    unhandled: ctx.unhandled,
    crashes: ctx.crashes,
    violations: faults.violations,
    pstn: createPstnNetwork(ctx, (id) => lookup(id)),
    db,
    seed,
    graphIdOf,
    scenarioIdOf: (graphId) => byGraph.get(graphId),
    callState: (callId) => findCall(ctx, callId)?.state,
    call(callId) {
      const record = findCall(ctx, callId);
      if (!record) return undefined;
      const copy = snapshot(record);
      return {
        ...copy,
        answeredByService: copy.answeredBy ? (byGraph.get(copy.answeredBy)?.id ?? null) : null,
        heldByService: copy.heldBy ? (byGraph.get(copy.heldBy)?.id ?? null) : null,
      };
    },
    presenceOf(userId) {
      const graphId = byGraph.has(userId) ? userId : lookup(userId, 'user');
      const record = graphId ? presenceOf(ctx, graphId) : undefined;
      return record ? effectivePresence(record, options.now()) : undefined;
    },
  };
}
