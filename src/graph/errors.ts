/**
 * How the modelled Nimbus sees a failed Graph request: GraphError, with Graph's own code and message, and the
 * rule ids of a refusal read from the structured `error.details` (never parsed out of the message text).
 */
import { RULE_DETAIL_TARGET, type GraphEndpoint } from '../domain/graphApi.js';

/** One entry of Graph's `error.details` (ODataError ErrorDetails). */
export interface GraphErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export interface GraphErrorInit {
  /** HTTP status; 0 when the request never got a response (network failure). */
  status: number;
  /** Graph's `error.code`, or `NetworkError` / `HTTP<status>` when the response had no Graph envelope. */
  code: string;
  message: string;
  endpoint: GraphEndpoint;
  method: string;
  path: string;
  /** Requests sent, including the first one. */
  attempts: number;
  requestId?: string;
  /** Whether the failure was of a retryable kind (the client gave up after `maxRetries`). */
  retryable: boolean;
  /** Graph's `error.details`, when the response carried any. */
  details?: readonly GraphErrorDetail[];
}

/**
 * A Graph request that failed for good: a non-retryable status at once, or a retryable one after the retry
 * budget ran out. `message` is Graph's own message; the rules a refusal names are in `details` and `ruleIds`.
 */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  readonly status: number;
  readonly code: string;
  readonly endpoint: GraphEndpoint;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly details: readonly GraphErrorDetail[];

  constructor(init: GraphErrorInit, options?: { cause?: unknown }) {
    super(init.message, options);
    this.status = init.status;
    this.code = init.code;
    this.endpoint = init.endpoint;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.details = init.details ?? [];
  }

  /** The rule ids the refusal names: the codes of details targeting RULE_DETAIL_TARGET, in order, once each. */
  get ruleIds(): string[] {
    return [...new Set(this.details.filter((d) => d.target === RULE_DETAIL_TARGET).map((d) => d.code))];
  }

  /** One line for logs and reports. */
  describe(): string {
    const status = this.status === 0 ? 'network failure' : `HTTP ${this.status}`;
    return `${this.method} ${this.path}: ${status} ${this.code}: ${this.message} (${this.attempts} attempt${this.attempts === 1 ? '' : 's'})`;
  }
}
