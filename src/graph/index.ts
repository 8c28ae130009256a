export { GraphClient, type GraphClientOptions } from './client.js';
export { GraphError, isGraphError, type GraphErrorDetail, type GraphErrorInit } from './errors.js';
export { GRAPH_V1, SIM_LATENCY_HEADER, GRAPH_ENDPOINTS, type GraphEndpoint } from '../domain/graphApi.js';
export type * from './types.js';
