// The Graph mock as the harness, `serve`, the benchmark and the tests use it: create a mock, seed it, read its
// error format. Everything else in mocks/graph is internal to the mock.
export { SIM_LATENCY_HEADER } from '../../src/domain/graphApi.js';
export { createGraphMock, type GraphExchange, type GraphMock, type GraphMockOptions, type GraphResponseObserver } from './mock.js';
export type { GraphSeed } from './seed.js';
export type { PstnPolicy, PstnPurpose } from './pstnPolicy.js';
export { graphErrorBody, type GraphErrorBody } from './errors.js';
