/**
 * Graph's error envelope. Every refusal the mock produces goes through here so the client and the tests see
 * exactly one shape: `{ error: { code, message, details?, innerError: { date, request-id, client-request-id } } }`.
 *
 * Rule-backed refusals (PSTN licensing, directory consent) speak Graph's own format for the deciding rules:
 * `error.details` (ODataError ErrorDetails) holds one entry per rule id, `{ code: 'XFER-03', message: <the
 * refusal sentence>, target: 'nimbus.rule' }` (RULE_DETAIL_TARGET), in the order the rules decided. The
 * message keeps its readable `[XFER-02, XFER-03]` suffix for people reading logs; programs read the details.
 */
import { RULE_DETAIL_TARGET } from '../../src/domain/graphApi.js';
import { jsonResponse, type GraphResponse } from './response.js';

/** Per-request facts the envelope and the standard headers need; ids and date are deterministic. */
export interface RequestStamp {
  requestId: string;
  clientRequestId: string;
  /** Virtual ms when the request arrived. */
  at: number;
  /** `at` as Graph prints dates in `innerError.date` (UTC, second precision, no zone suffix). */
  date: string;
}

/** Graph's ErrorDetails entry. */
export interface GraphErrorDetail {
  code: string;
  message: string;
  target: string;
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    /** Only present when there are details, so plain errors keep Graph's minimal envelope. */
    details?: GraphErrorDetail[];
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function graphErrorBody(stamp: RequestStamp, code: string, message: string, details: readonly GraphErrorDetail[] = []): GraphErrorBody {
  return {
    error: {
      code,
      message,
      ...(details.length > 0 ? { details: [...details] } : {}),
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
  details: readonly GraphErrorDetail[] = [],
): GraphResponse {
  return jsonResponse(graphErrorBody(stamp, code, message, details), { status, headers });
}

/** A rule-backed refusal message: the readable reason followed by the deciding rule ids in brackets. */
const withRules = (message: string, rules: readonly string[]): string =>
  rules.length > 0 ? `${message} [${rules.join(', ')}]` : message;

/** A refusal decided by rules: the sentence with the rule ids appended, and one detail per rule id. */
function ruleRefusal(stamp: RequestStamp, status: number, code: string, message: string, rules: readonly string[]): GraphResponse {
  const details = rules.map((rule) => ({ code: rule, message, target: RULE_DETAIL_TARGET }));
  return graphError(stamp, status, code, withRules(message, rules), {}, details);
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
  /** 403 Forbidden for a refusal the given rules decided (the PSTN license checks). */
  forbiddenByRules: (s: RequestStamp, message: string, rules: readonly string[]) => ruleRefusal(s, 403, 'Forbidden', message, rules),
  /** 403 Authorization_RequestDenied for a missing tenant consent the given rules require. */
  authorizationDeniedByRules: (s: RequestStamp, detail: string, rules: readonly string[]) =>
    ruleRefusal(s, 403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. ${detail}`, rules),
  internal: (s: RequestStamp, message: string) => graphError(s, 500, 'InternalServerError', message),
  notImplemented: (s: RequestStamp, message: string) => graphError(s, 501, 'NotImplemented', message),
};
