/**
 * Fault injection (the scenario verb `graphFault`) and Retry-After bookkeeping. A fault affects the next
 * `count` requests that match its endpoint; faults are consumed in the order they were added.
 */
import { HttpResponse } from 'msw';
import type { GraphEndpoint } from '../../src/domain/graphApi.js';
import { graphError, type RequestStamp } from './errors.js';

export type FaultStatus = 429 | 500 | 503 | 'network';

export interface GraphFaultSpec {
  endpoint: GraphEndpoint | '*';
  /** Omit to only add latency to otherwise normal responses. */
  status?: FaultStatus;
  /** How many matching requests the fault affects (default 1). */
  count?: number;
  /** Sent as `Retry-After` (whole seconds, rounded up). 429 defaults to 1 s, as Graph always sends one. */
  retryAfterMs?: number;
  /** Virtual latency reported in `x-nimbus-sim-latency-ms`. */
  latencyMs?: number;
  /**
   * Seeded rate instead of a count: each matching request is affected with this probability (0..1), for as
   * long as the mock lives. The draw comes from a PRNG seeded with `seed`, so a run is reproducible.
   */
  rate?: number;
  seed?: number;
  /** Only requests whose path (below /v1.0, with query) contains this text, e.g. one user's object id. */
  pathIncludes?: string;
}

export interface ActiveFault {
  readonly seq: number;
  readonly endpoint: GraphEndpoint | '*';
  readonly status: FaultStatus | undefined;
  readonly retryAfterMs: number | undefined;
  readonly latencyMs: number;
  /** Seeded-rate faults never run out (remaining is Infinity); undefined for count faults. */
  readonly rate?: number;
  readonly pathIncludes?: string;
  remaining: number;
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RetryAfterViolation {
  /** Virtual ms of the early request. */
  at: number;
  method: string;
  path: string;
  endpoint: GraphEndpoint;
  requestId: string;
  /** Virtual ms of the throttled response that set the window. */
  throttledAt: number;
  retryAfterMs: number;
  earlyByMs: number;
}

const DEFAULT_429_RETRY_AFTER_MS = 1000;

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private readonly draws = new Map<number, () => number>();
  private seq = 0;
  private readonly windows = new Map<GraphEndpoint, { throttledAt: number; notBefore: number }>();
  readonly violations: RetryAfterViolation[] = [];

  add(spec: GraphFaultSpec): void {
    if (spec.rate !== undefined) {
      if (!Number.isFinite(spec.rate) || spec.rate < 0 || spec.rate > 1) throw new RangeError(`graph fault rate must be between 0 and 1, got ${spec.rate}`);
      if (spec.count !== undefined) throw new RangeError('a graph fault takes a count or a rate, not both');
    }
    const count = spec.rate !== undefined ? Number.POSITIVE_INFINITY : (spec.count ?? 1);
    if (spec.rate === undefined && (!Number.isInteger(count) || count < 1)) throw new RangeError(`graphFault count must be a positive integer, got ${count}`);
    if (spec.status === undefined && spec.latencyMs === undefined) throw new RangeError('graphFault needs a status, a latency, or both');
    for (const [name, value] of [['retryAfterMs', spec.retryAfterMs], ['latencyMs', spec.latencyMs]] as const) {
      if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new RangeError(`graphFault ${name} must be >= 0, got ${value}`);
    }
    const seq = ++this.seq;
    if (spec.rate !== undefined) this.draws.set(seq, seededRandom((spec.seed ?? 1) * 0x9e3779b1 + seq));
    this.faults.push({
      seq,
      ...(spec.rate !== undefined ? { rate: spec.rate } : {}),
      ...(spec.pathIncludes !== undefined ? { pathIncludes: spec.pathIncludes } : {}),
      endpoint: spec.endpoint,
      status: spec.status,
      retryAfterMs: spec.retryAfterMs ?? (spec.status === 429 ? DEFAULT_429_RETRY_AFTER_MS : undefined),
      latencyMs: spec.latencyMs ?? 0,
      remaining: count,
    });
  }

  clear(): void {
    this.faults = [];
    this.draws.clear();
  }

  /** Faults that still have requests left to affect. */
  get pending(): readonly Readonly<ActiveFault>[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consume one use of the first fault that matches this endpoint. */
  take(endpoint: GraphEndpoint, path = ''): Readonly<ActiveFault> | undefined {
    // Count faults are consumed in order; a seeded-rate fault draws once per matching request and, when the
    // draw misses, lets the next matching fault have its turn.
    const fault = this.faults.find((f) => f.remaining > 0 && (f.endpoint === '*' || f.endpoint === endpoint) && (f.pathIncludes === undefined || path.includes(f.pathIncludes)) && (f.rate === undefined || (this.draws.get(f.seq)?.() ?? 1) < f.rate));
    if (!fault) return undefined;
    fault.remaining -= 1;
    const used = { ...fault };
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return used;
  }

  /**
   * Graph throttling is per application and resource: after a Retry-After, any request to the same resource
   * before the window ends is an early retry, which real Graph answers by extending the throttle.
   */
  checkRetry(endpoint: GraphEndpoint, at: number, method: string, path: string, requestId: string): void {
    const window = this.windows.get(endpoint);
    if (!window) return;
    if (at >= window.notBefore) {
      this.windows.delete(endpoint);
      return;
    }
    this.violations.push({
      at,
      method,
      path,
      endpoint,
      requestId,
      throttledAt: window.throttledAt,
      retryAfterMs: window.notBefore - window.throttledAt,
      earlyByMs: window.notBefore - at,
    });
  }

  noteRetryAfter(endpoint: GraphEndpoint, at: number, retryAfterSeconds: number): void {
    this.windows.set(endpoint, { throttledAt: at, notBefore: at + retryAfterSeconds * 1000 });
  }
}

const faultCodes: Record<Exclude<FaultStatus, 'network'>, { code: string; message: string }> = {
  429: { code: 'TooManyRequests', message: 'Too many requests. Please retry after the time given in Retry-After.' },
  500: { code: 'InternalServerError', message: 'An internal server error occurred (injected fault).' },
  503: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable (injected fault).' },
};

export const retryAfterSeconds = (fault: Readonly<ActiveFault>): number | undefined =>
  fault.retryAfterMs === undefined ? undefined : Math.ceil(fault.retryAfterMs / 1000);

/** The response an injected fault produces; `network` becomes a transport failure, not an HTTP response. */
export function faultResponse(stamp: RequestStamp, fault: Readonly<ActiveFault>): Response | undefined {
  if (fault.status === undefined) return undefined;
  if (fault.status === 'network') return HttpResponse.error();
  const { code, message } = faultCodes[fault.status];
  const seconds = retryAfterSeconds(fault);
  return graphError(stamp, fault.status, code, message, seconds === undefined ? {} : { 'Retry-After': String(seconds) });
}
