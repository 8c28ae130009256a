/**
 * Graph's error envelope. Every refusal the mock produces goes through here so the client and the tests see
 * exactly one shape: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */
import { jsonResponse } from './response.js';

/** Per-request facts the envelope and the standard headers need; ids and date are deterministic. */
export interface RequestStamp {
  requestId: string;
  clientRequestId: string;
  /** Virtual ms when the request arrived. */
  at: number;
  /** `at` as Graph prints dates in `innerError.date` (UTC, second precision, no zone suffix). */
  date: string;
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function graphErrorBody(stamp: RequestStamp, code: string, message: string): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: { date: stamp.date, 'request-id': stamp.requestId, 'client-request-id': stamp.clientRequestId },
    },
  };
}

export function graphError(
  stamp: RequestStamp,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(graphErrorBody(stamp, code, message), { status, headers });
}

/** The refusals the mock uses more than once, with Graph's own codes and wording where Graph has them. */
export const GraphErrors = {
  badRequest: (s: RequestStamp, message: string) => graphError(s, 400, 'BadRequest', message),
  unsupportedQuery: (s: RequestStamp, message: string) => graphError(s, 400, 'Request_UnsupportedQuery', message),
  notFound: (s: RequestStamp, id: string) =>
    graphError(
      s,
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  itemNotFound: (s: RequestStamp, message: string) => graphError(s, 404, 'itemNotFound', message),
  authorizationDenied: (s: RequestStamp, detail: string) =>
    graphError(s, 403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. ${detail}`),
  forbidden: (s: RequestStamp, message: string) => graphError(s, 403, 'Forbidden', message),
  internal: (s: RequestStamp, message: string) => graphError(s, 500, 'InternalServerError', message),
  notImplemented: (s: RequestStamp, message: string) => graphError(s, 501, 'NotImplemented', message),
};

/** A rule-backed refusal message: the readable reason followed by the deciding rule ids in brackets. */
export const withRules = (message: string, rules: readonly string[]): string =>
  rules.length > 0 ? `${message} [${rules.join(', ')}]` : message;
