/**
 * Everything a handler may touch, created once per mock. Handlers are small functions over this context;
 * they never reach for globals, the wall clock or randomness.
 */
import type { GraphEndpoint } from '../../src/domain/graphApi.js';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import type { CallRecord, GraphDb, UserRecord } from './db.js';
import type { RequestStamp } from './errors.js';
import type { FaultInjector } from './faults.js';
import type { SequentialIds } from './ids.js';
import type { PstnPolicy } from './pstnPolicy.js';

/**
 * What a handler reads of a request: a WHATWG `Request` (under msw's setupServer) or, for the in-process
 * transport, the light equivalent `mock.fetch` builds without streams and abort signals.
 */
export interface GraphRequest {
  readonly method: string;
  /** The absolute, normalised URL (as `Request.url` gives it). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** `url` already parsed, when the transport has it (the in-process light request). */
  readonly parsedUrl?: URL;
}

/**
 * Who built a request's body, which decides whether the mock checks it. `external`: anyone outside the
 * simulator (msw's setupServer, `nimbus-sim serve`, a test calling `mock.fetch`); its body is checked against
 * Graph's metadata and the handler's schema, and what is wrong is Graph's 400. `simulator`: the modelled
 * Nimbus through `mock.fetchTrusted`, whose bodies come from typed code; checking them again on each of
 * the tens of thousands of requests of a contact-center day would only re-prove what the compiler did.
 */
export type RequestTrust = 'external' | 'simulator';

export interface GraphRequestLogEntry {
  /** Virtual ms when the request arrived. */
  at: number;
  method: string;
  /** Path below the Graph root, with the query string. */
  path: string;
  /** Null for requests no handler serves (they are also in `unhandled`). */
  endpoint: GraphEndpoint | null;
  status: number | 'network';
  faulted: boolean;
  requestId: string;
  latencyMs: number;
}

export interface UnhandledRequest {
  at: number;
  method: string;
  url: string;
}

/** A handler (or the injected PSTN policy) threw: a harness bug, not Graph behaviour. */
export interface HandlerCrash {
  at: number;
  method: string;
  path: string;
  error: string;
}

export interface TenantDirectory {
  name: string;
  domains: string[];
  consents: string[];
}

export type FarEndAnswerMode = 'auto' | 'manual';

export interface GraphMockContext {
  readonly db: GraphDb;
  readonly now: () => number;
  readonly tenantId: string;
  tenant: TenantDirectory;
  readonly pstnPolicy: PstnPolicy;
  readonly ids: SequentialIds;
  readonly faults: FaultInjector;
  readonly log: GraphRequestLogEntry[];
  readonly unhandled: UnhandledRequest[];
  readonly crashes: HandlerCrash[];
  /** Callback URI recorded on calls the PSTN side creates (Nimbus's calling bot endpoint). */
  readonly callbackUri: string;
  /** The Nimbus calling bot application, the source of calls not placed as an application instance. */
  readonly botApplication: { id: string; displayName: string };
  /**
   * How far ends (E.164 numbers, user object ids) react to a new leg: `auto` answers at once (the scenario
   * default for outbound targets), `manual` waits for `control.farEndAnswers` / `control.farEndRejects`.
   */
  readonly farEndModes: Map<string, FarEndAnswerMode>;
  /**
   * Terminated calls, moved out of the live `calls` collection so that lookups stay cheap over a long run
   * (a contact-center day ends tens of thousands of calls); still readable by id for inspection.
   */
  readonly endedCalls: Map<string, CallRecord>;
  /** When each call in `endedCalls` ended (mock clock), in the order they ended, to forget them after the retention. */
  readonly endedAt: Map<string, number>;
  /** How long a terminated call stays readable by id, in ms of the mock's clock; Infinity keeps every one. */
  readonly endedCallRetentionMs: number;
  /** Entries `log` and `unhandled` keep (the newest); Infinity keeps every one. */
  readonly requestLogLimit: number;
  /** Sees every response a handler writes (GraphMockOptions.onResponse); undefined costs nothing. */
  readonly onResponse: GraphResponseObserver | undefined;
  stamp(request: GraphRequest): RequestStamp;
}

/** One answered Graph request as a client reads it: what the metadata contract test checks. */
export interface GraphExchange {
  method: string;
  /** Path below the Graph root, with the query (`/users?$select=id`). */
  path: string;
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the response has none. */
  body: unknown;
  /** Whether an injected fault wrote the response (its body is an error, not the handler's). */
  faulted: boolean;
}

export type GraphResponseObserver = (exchange: GraphExchange) => void;

/** A user or resource account by object id or UPN (Graph accepts either in `/users/{id}`). */
export function findUser(ctx: GraphMockContext, idOrUpn: string): UserRecord | undefined {
  const byId = ctx.db.byId.users(idOrUpn);
  if (byId) return byId;
  const key = idOrUpn.toLowerCase();
  for (const u of ctx.db.users.all()) if (u.userPrincipalName.toLowerCase() === key) return u;
  return undefined;
}

export function findAppInstance(ctx: GraphMockContext, id: string): UserRecord | undefined {
  const user = findUser(ctx, id);
  return user?.kind === 'applicationInstance' ? user : undefined;
}

/** Display names of a directory object's assigned licenses (what the PSTN policy reasons about). */
export const licenseNamesOf = (user: UserRecord): string[] =>
  user.assignedLicenses.map((l) => findMicrosoftLicense(l.skuId)?.displayName ?? l.skuId);

export function hasConsent(ctx: GraphMockContext, ...anyOf: string[]): boolean {
  const granted = new Set(ctx.tenant.consents.map((c) => c.toLowerCase()));
  return anyOf.some((c) => granted.has(c.toLowerCase()));
}
