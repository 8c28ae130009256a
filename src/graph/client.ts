/**
 * The Microsoft Graph client of the modelled Nimbus: typed, small, and explicit about failure. Throttling
 * and transient errors (429, 5xx, network) are retried; Retry-After is honoured and every wait goes through
 * the injected `sleep`, so in the simulator retries cost virtual time, never wall-clock time. Anything that
 * still fails is thrown as a `GraphError`; nothing is swallowed.
 */
import type { LicenseDetails, Presence, SubscribedSku, User } from '@microsoft/microsoft-graph-types';
import { GRAPH_V1, SIM_LATENCY_HEADER, type GraphEndpoint } from '../domain/graphApi.js';
import { GraphError, type GraphErrorDetail } from './errors.js';
import type {
  AnswerCallRequest,
  CreateCallRequest,
  FetchLike,
  GraphCall,
  SetPreferredPresenceRequest,
  SetPresenceRequest,
  TransferCallRequest,
} from './types.js';

export interface GraphClientOptions {
  fetch: FetchLike;
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Waits for retries and simulated latency; in the simulator this advances the virtual clock. */
  sleep: (ms: number) => Promise<void>;
  /** Retries after the first attempt (default 3, so at most 4 requests). */
  maxRetries?: number;
  /** Exponential backoff base when a response carries no Retry-After: base, 2*base, 4*base... (default 1000). */
  retryBaseMs?: number;
  /** Source of `client-request-id` values (default: a deterministic counter). */
  nextClientRequestId?: () => string;
}

/** Statuses worth retrying: throttling and transient server-side failures. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
/** Graph's documented per-request limit for `getPresencesByUserId`. */
const PRESENCE_BATCH_LIMIT = 650;

interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  endpoint: GraphEndpoint;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Collection<T> {
  value: T[];
}

export class GraphClient {
  private readonly fetchImpl: FetchLike;
  private readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly nextClientRequestId: () => string;

  constructor(options: GraphClientOptions) {
    this.fetchImpl = options.fetch;
    this.baseUrl = (options.baseUrl ?? GRAPH_V1).replace(/\/+$/, '');
    this.token = options.token;
    this.sleep = options.sleep;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) throw new RangeError(`maxRetries must be a non-negative integer, got ${this.maxRetries}`);
    let n = 0;
    this.nextClientRequestId = options.nextClientRequestId ?? (() => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`);
  }

  // --- users -----------------------------------------------------------------------------------------------

  getUser(idOrUpn: string, select?: readonly string[]): Promise<User> {
    return this.json<User>({ method: 'GET', path: `/users/${encodeURIComponent(idOrUpn)}`, endpoint: 'users', query: select ? { $select: select.join(',') } : undefined });
  }

  /** Directory search by display name or UPN (the Call on Behalf contact search, COB-14). */
  async searchUsers(text: string, options: { select?: readonly string[]; top?: number } = {}): Promise<User[]> {
    // Graph's $search grammar has no escape for a double quote inside a clause.
    const term = text.replace(/"/g, '').trim();
    if (term === '') throw new RangeError('searchUsers needs a non-empty search text');
    const query: Record<string, string> = { $search: `"displayName:${term}" OR "userPrincipalName:${term}"` };
    if (options.select) query['$select'] = options.select.join(',');
    if (options.top !== undefined) query['$top'] = String(options.top);
    const page = await this.json<Collection<User>>({ method: 'GET', path: '/users', endpoint: 'users', query, headers: { ConsistencyLevel: 'eventual' } });
    return page.value;
  }

  // --- licenses --------------------------------------------------------------------------------------------

  async listLicenseDetails(userId: string): Promise<LicenseDetails[]> {
    const page = await this.json<Collection<LicenseDetails>>({ method: 'GET', path: `/users/${encodeURIComponent(userId)}/licenseDetails`, endpoint: 'licenseDetails' });
    return page.value;
  }

  async listSubscribedSkus(): Promise<SubscribedSku[]> {
    const page = await this.json<Collection<SubscribedSku>>({ method: 'GET', path: '/subscribedSkus', endpoint: 'subscribedSkus' });
    return page.value;
  }

  // --- presence --------------------------------------------------------------------------------------------

  getPresence(userId: string): Promise<Presence> {
    return this.json<Presence>({ method: 'GET', path: `/users/${encodeURIComponent(userId)}/presence`, endpoint: 'presence' });
  }

  /** Presence of many users; split into Graph-sized batches, results in the order of `ids`. */
  async getPresencesByUserId(ids: readonly string[]): Promise<Presence[]> {
    const out: Presence[] = [];
    for (let i = 0; i < ids.length; i += PRESENCE_BATCH_LIMIT) {
      const batch = ids.slice(i, i + PRESENCE_BATCH_LIMIT);
      const page = await this.json<Collection<Presence>>({ method: 'POST', path: '/communications/getPresencesByUserId', endpoint: 'presence', body: { ids: batch } });
      for (const item of page.value) out.push(item); // a spread of a large page would overflow the stack
    }
    return out;
  }

  setPresence(userId: string, body: SetPresenceRequest): Promise<void> {
    return this.noContent({ method: 'POST', path: `/users/${encodeURIComponent(userId)}/presence/setPresence`, endpoint: 'presence', body });
  }

  clearPresence(userId: string, sessionId: string): Promise<void> {
    return this.noContent({ method: 'POST', path: `/users/${encodeURIComponent(userId)}/presence/clearPresence`, endpoint: 'presence', body: { sessionId } });
  }

  setUserPreferredPresence(userId: string, body: SetPreferredPresenceRequest): Promise<void> {
    return this.noContent({ method: 'POST', path: `/users/${encodeURIComponent(userId)}/presence/setUserPreferredPresence`, endpoint: 'presence', body });
  }

  clearUserPreferredPresence(userId: string): Promise<void> {
    return this.noContent({ method: 'POST', path: `/users/${encodeURIComponent(userId)}/presence/clearUserPreferredPresence`, endpoint: 'presence', body: {} });
  }

  // --- calls -----------------------------------------------------------------------------------------------

  createCall(body: CreateCallRequest): Promise<GraphCall> {
    return this.json<GraphCall>({ method: 'POST', path: '/communications/calls', endpoint: 'calls', body });
  }

  getCall(callId: string): Promise<GraphCall> {
    return this.json<GraphCall>({ method: 'GET', path: `/communications/calls/${encodeURIComponent(callId)}`, endpoint: 'calls' });
  }

  answerCall(callId: string, body: AnswerCallRequest): Promise<void> {
    return this.noContent({ method: 'POST', path: `/communications/calls/${encodeURIComponent(callId)}/answer`, endpoint: 'calls', body });
  }

  rejectCall(callId: string, reason: 'none' | 'busy' | 'forbidden' = 'none'): Promise<void> {
    return this.noContent({ method: 'POST', path: `/communications/calls/${encodeURIComponent(callId)}/reject`, endpoint: 'calls', body: { reason } });
  }

  transferCall(callId: string, body: TransferCallRequest): Promise<void> {
    return this.noContent({ method: 'POST', path: `/communications/calls/${encodeURIComponent(callId)}/transfer`, endpoint: 'calls', body });
  }

  deleteCall(callId: string): Promise<void> {
    return this.noContent({ method: 'DELETE', path: `/communications/calls/${encodeURIComponent(callId)}`, endpoint: 'calls' });
  }

  // --- transport -------------------------------------------------------------------------------------------

  private async json<T>(spec: RequestSpec): Promise<T> {
    const response = await this.send(spec);
    const text = await response.text();
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new GraphError(
        { status: response.status, code: 'InvalidResponse', message: `expected a JSON body, got ${JSON.stringify(text.slice(0, 80))}`, endpoint: spec.endpoint, method: spec.method, path: spec.path, attempts: 1, requestId: response.headers.get('request-id') ?? undefined, retryable: false },
        { cause },
      );
    }
  }

  private async noContent(spec: RequestSpec): Promise<void> {
    const response = await this.send(spec);
    // Drain the body so the connection (or the mock's stream) is released.
    await response.arrayBuffer();
  }

  private url(spec: RequestSpec): string {
    const query = Object.entries(spec.query ?? {})
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    return `${this.baseUrl}${spec.path}${query ? `?${query}` : ''}`;
  }

  /** Send with retries; resolves only with a 2xx response. */
  private async send(spec: RequestSpec): Promise<Response> {
    const url = this.url(spec);
    const clientRequestId = this.nextClientRequestId();
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { Accept: 'application/json', 'client-request-id': clientRequestId, ...spec.headers };
      if (this.token) headers['Authorization'] = `Bearer ${this.token}`;
      if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
      if (attempt > 1) headers['Retry-Attempt'] = String(attempt - 1);
      const canRetry = attempt <= this.maxRetries;

      let response: Response;
      try {
        response = await this.fetchImpl(url, { method: spec.method, headers, body: spec.body === undefined ? undefined : JSON.stringify(spec.body) });
      } catch (cause) {
        // fetch signals a failed connection with a TypeError; anything else is not a network failure.
        if (!(cause instanceof TypeError)) throw cause;
        if (canRetry) {
          await this.sleep(this.backoff(attempt));
          continue;
        }
        throw new GraphError(
          { status: 0, code: 'NetworkError', message: cause.message, endpoint: spec.endpoint, method: spec.method, path: spec.path, attempts: attempt, retryable: true },
          { cause },
        );
      }

      const latency = Number(response.headers.get(SIM_LATENCY_HEADER) ?? 0);
      if (Number.isFinite(latency) && latency > 0) await this.sleep(latency);
      if (response.ok) return response;

      const retryable = RETRYABLE.has(response.status);
      const failure = await this.readError(response);
      if (retryable && canRetry) {
        await this.sleep(this.retryAfterMs(response) ?? this.backoff(attempt));
        continue;
      }
      throw new GraphError({
        status: response.status,
        code: failure.code,
        message: failure.message,
        endpoint: spec.endpoint,
        method: spec.method,
        path: spec.path,
        attempts: attempt,
        requestId: response.headers.get('request-id') ?? undefined,
        retryable,
        ...(failure.details.length > 0 ? { details: failure.details } : {}),
      });
    }
  }

  private backoff(attempt: number): number {
    return this.retryBaseMs * 2 ** (attempt - 1);
  }

  /** Retry-After in ms when given as delta-seconds; an HTTP-date cannot be read against virtual time. */
  private retryAfterMs(response: Response): number | undefined {
    const raw = response.headers.get('Retry-After');
    if (raw === null || !/^\s*\d+\s*$/.test(raw)) return undefined;
    return Number(raw) * 1000;
  }

  private async readError(response: Response): Promise<{ code: string; message: string; details: GraphErrorDetail[] }> {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
      if (typeof body.error?.code === 'string') {
        return { code: body.error.code, message: typeof body.error.message === 'string' ? body.error.message : '', details: errorDetails(body.error.details) };
      }
    } catch {
      // Not a Graph envelope; fall through to the raw text.
    }
    return { code: `HTTP${response.status}`, message: text.trim() || response.statusText || `HTTP ${response.status}`, details: [] };
  }
}

/** The well-formed entries of Graph's `error.details`; anything else in it is ignored. */
function errorDetails(raw: unknown): GraphErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  const details: GraphErrorDetail[] = [];
  for (const entry of raw as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { code, message, target } = entry as Record<string, unknown>;
    if (typeof code !== 'string' || typeof message !== 'string') continue;
    details.push(typeof target === 'string' ? { code, message, target } : { code, message });
  }
  return details;
}
