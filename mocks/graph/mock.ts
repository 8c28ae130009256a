/**
 * `createGraphMock`: an in-process Microsoft Graph for one scenario run. Requests go through msw handlers
 * (`getResponse`, no global patching), the directory comes from a plain seed, time is the injected virtual
 * clock, and every id is deterministic. Everything a run changes lives in this one mock instance.
 */
import type { HttpHandler } from 'msw';
import { GRAPH_V1 } from '../../src/domain/graphApi.js';
import type { FetchLike } from '../../src/domain/graphApi.js';
import { findCall } from './callStore.js';
import type { FarEndAnswerMode, GraphMockContext, GraphRequest, GraphRequestLogEntry, GraphResponseObserver, HandlerCrash, TenantDirectory, UnhandledRequest } from './context.js';
import { createGraphMockControl, type GraphMockControl } from './control.js';
import { createGraphDb, snapshot, type CallRecord, type GraphDb } from './db.js';
import { ScenarioDirectory, seedDirectory, type ScenarioObjectKind } from './directory.js';
import type { RequestStamp } from './errors.js';
import { FaultInjector, type ActiveFault, type GraphFaultSpec, type RetryAfterViolation } from './faults.js';
import { createGraphHandlers } from './handlers/index.js';
import { presenceOf } from './handlers/presence.js';
import { SequentialIds, stableGuid } from './ids.js';
import { effectivePresence } from './presenceModel.js';
import type { PstnPolicy } from './pstnPolicy.js';
import type { GraphPresenceState, GraphSeed } from './seed.js';
import { createTransport } from './transport.js';

export type { ScenarioObjectKind } from './directory.js';
export type { GraphExchange, GraphResponseObserver } from './context.js';

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
  /**
   * How long a terminated call stays readable by id, in ms of `now`. Default: for ever, as a run's report
   * reads every call at its end; a long-lived server (`nimbus-sim serve`) sets it so memory stays flat.
   */
  endedCallRetentionMs?: number;
  /** Newest entries `log` and `unhandled` keep. Default: every one (a run reports them all). */
  requestLogLimit?: number;
  /**
   * Sees every response a handler writes, its body parsed (the metadata contract test checks them all).
   * Costs a copy of each body, so leave it unset outside tests.
   */
  onResponse?: GraphResponseObserver;
}

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
  /**
   * In-process transport: runs the handlers via msw `getResponse`; a `network` fault throws a TypeError.
   * Request bodies are checked against Graph's metadata, as Graph would (a wrong body is Graph's 400).
   */
  readonly fetch: FetchLike;
  /**
   * The same transport for the modelled Nimbus's own requests, whose bodies the simulator built from typed
   * code: the same handlers, stamps, faults, latency and log, without checking those bodies again. Only for
   * requests the simulator builds; anything from outside goes through `fetch`.
   */
  readonly fetchTrusted: FetchLike;
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
  /**
   * What happens outside Graph (a Teams client's presence, the PSTN far end), as typed operations: the only
   * way besides Graph requests to change the mock's state.
   */
  readonly control: GraphMockControl;
  /** The data layer, for inspection in tests and reports. Change state through Graph requests or `control`. */
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

/** Everything the handlers share, for one mock. */
function createContext(options: GraphMockOptions): GraphMockContext {
  const tenantId = options.tenantId ?? stableGuid('tenant', 'nimbus-sim');
  const clockOrigin = options.clockOrigin ?? DEFAULT_CLOCK_ORIGIN;
  const ids = new SequentialIds(tenantId);
  const requestLogLimit = options.requestLogLimit ?? Number.POSITIVE_INFINITY;
  const graphDate = graphDates(clockOrigin);
  const log: GraphRequestLogEntry[] = [];
  const unhandled: UnhandledRequest[] = [];
  return {
    db: createGraphDb(),
    now: options.now,
    tenantId,
    tenant: { name: 'Contoso', domains: [], consents: [] } satisfies TenantDirectory,
    pstnPolicy: options.pstnPolicy,
    ids,
    faults: new FaultInjector(),
    log,
    unhandled,
    crashes: [],
    callbackUri: options.callbackUri ?? 'https://nimbus.sim.invalid/api/calls',
    botApplication: { id: stableGuid('application', 'nimbus-calling-bot'), displayName: 'Nimbus Calling Bot' },
    farEndModes: new Map<string, FarEndAnswerMode>(),
    endedCalls: new Map<string, CallRecord>(),
    endedAt: new Map<string, number>(),
    endedCallRetentionMs: options.endedCallRetentionMs ?? Number.POSITIVE_INFINITY,
    requestLogLimit,
    onResponse: options.onResponse,
    stamp(request: GraphRequest): RequestStamp {
      keepNewest(log, requestLogLimit);
      keepNewest(unhandled, requestLogLimit);
      const requestId = ids.next('request');
      const at = options.now();
      return { requestId, clientRequestId: request.headers.get('client-request-id') ?? requestId, at, date: graphDate(at) };
    },
  };
}

/** Virtual ms as Graph prints dates in errors (UTC, to the second); requests of one instant share the text. */
function graphDates(clockOrigin: number): (at: number) => string {
  let second = Number.NaN;
  let text = '';
  return (at) => {
    const next = Math.floor((clockOrigin + at) / 1000);
    if (next !== second) {
      second = next;
      text = new Date(next * 1000).toISOString().slice(0, 19);
    }
    return text;
  };
}

/** Drops the oldest entries once `list` holds twice `limit`: amortised, so each request costs O(1). */
function keepNewest(list: unknown[], limit: number): void {
  if (list.length > 2 * limit) list.splice(0, list.length - limit);
}

export function createGraphMock(options: GraphMockOptions): GraphMock {
  const ctx = createContext(options);
  const directory = new ScenarioDirectory();
  const handlers = createGraphHandlers(ctx);
  return {
    baseUrl: GRAPH_V1,
    tenantId: ctx.tenantId,
    fetch: createTransport(ctx, handlers, 'external'),
    fetchTrusted: createTransport(ctx, handlers, 'simulator'),
    handlers,
    faults: {
      add: (spec) => ctx.faults.add(spec),
      clear: () => ctx.faults.clear(),
      get pending() {
        return [...ctx.faults.pending];
      },
    },
    log: ctx.log,
    unhandled: ctx.unhandled,
    crashes: ctx.crashes,
    violations: ctx.faults.violations,
    control: createGraphMockControl(ctx, (id) => directory.userObjectId(id), (id) => directory.lookup(id)),
    db: ctx.db,
    seed: (model) => seedDirectory(ctx, directory, model),
    graphIdOf: (scenarioId, kind) => directory.graphIdOf(scenarioId, kind),
    scenarioIdOf: (graphId) => directory.scenarioIdOf(graphId),
    callState: (callId) => findCall(ctx, callId)?.state,
    call: (callId) => inspectCall(ctx, directory, callId),
    presenceOf(userId) {
      const graphId = directory.userObjectId(userId);
      const record = graphId ? presenceOf(ctx, graphId) : undefined;
      return record ? effectivePresence(record, ctx.now()) : undefined;
    },
  };
}

/** A detached snapshot of a call, with its first and current services named by scenario id. */
function inspectCall(ctx: GraphMockContext, directory: ScenarioDirectory, callId: string): GraphCallInspection | undefined {
  const record = findCall(ctx, callId);
  if (!record) return undefined;
  const copy = snapshot(record);
  return {
    ...copy,
    answeredByService: copy.answeredBy ? (directory.scenarioIdOf(copy.answeredBy)?.id ?? null) : null,
    heldByService: copy.heldBy ? (directory.scenarioIdOf(copy.heldBy)?.id ?? null) : null,
  };
}
