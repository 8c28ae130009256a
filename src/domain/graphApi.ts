/** Microsoft Graph v1.0 root. The modelled Nimbus and the mock Graph share this one constant. */
export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

/**
 * Simulator-only response header: virtual latency (ms) the mock Graph assigned to a response. Real Graph has
 * no such header; the client turns it into virtual waiting through its injected `sleep`, so latency shows up
 * on the scenario clock without any wall-clock delay.
 */
export const SIM_LATENCY_HEADER = 'x-nimbus-sim-latency-ms';

/** The Graph resources nimbus-sim distinguishes for fault injection, logs and client errors. */
export const GRAPH_ENDPOINTS = ['users', 'licenseDetails', 'presence', 'calls', 'subscribedSkus'] as const;
export type GraphEndpoint = (typeof GRAPH_ENDPOINTS)[number];

/** The `fetch` signature the Nimbus Graph client and the mock Graph share (global fetch fits it). */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * `target` of a Graph error detail that names a Nimbus rule. A refusal the mock Graph bases on a licensing or
 * consent rule carries one `error.details` entry per deciding rule: `{ code: <rule id>, message, target }`.
 */
export const RULE_DETAIL_TARGET = 'nimbus.rule';
