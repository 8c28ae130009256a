/**
 * Fault injection (the scenario verb `graphFault`) and Retry-After bookkeeping. A fault affects the next
 * `count` requests that match its endpoint; faults are consumed in the order they were added.
 */
import { HttpResponse } from 'msw';
import type { GraphEndpoint } from '../../src/graph/constants.js';
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
}

export interface ActiveFault {
  readonly seq: number;
  readonly endpoint: GraphEndpoint | '*';
  readonly status: FaultStatus | undefined;
  readonly retryAfterMs: number | undefined;
  readonly latencyMs: number;
  remaining: number;
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
  private seq = 0;
  private readonly windows = new Map<GraphEndpoint, { throttledAt: number; notBefore: number }>();
  readonly violations: RetryAfterViolation[] = [];

  add(spec: GraphFaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`graphFault count must be a positive integer, got ${count}`);
    if (spec.status === undefined && spec.latencyMs === undefined) throw new RangeError('graphFault needs a status, a latency, or both');
    for (const [name, value] of [['retryAfterMs', spec.retryAfterMs], ['latencyMs', spec.latencyMs]] as const) {
      if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new RangeError(`graphFault ${name} must be >= 0, got ${value}`);
    }
    this.faults.push({
      seq: ++this.seq,
      endpoint: spec.endpoint,
      status: spec.status,
      retryAfterMs: spec.retryAfterMs ?? (spec.status === 429 ? DEFAULT_429_RETRY_AFTER_MS : undefined),
      latencyMs: spec.latencyMs ?? 0,
      remaining: count,
    });
  }

  clear(): void {
    this.faults = [];
  }

  /** Faults that still have requests left to affect. */
  get pending(): readonly Readonly<ActiveFault>[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consume one use of the first fault that matches this endpoint. */
  take(endpoint: GraphEndpoint): Readonly<ActiveFault> | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.endpoint === '*' || f.endpoint === endpoint));
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
