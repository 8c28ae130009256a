export { GRAPH_V1, SIM_LATENCY_HEADER, GRAPH_ENDPOINTS, type GraphEndpoint } from '../../src/domain/graphApi.js';
export { createGraphMock, type GraphMock, type GraphMockOptions, type GraphCallInspection, type GraphFaults, type ScenarioObjectKind } from './mock.js';
export { GraphSeedSchema, type GraphSeed, type GraphSeedService, type GraphSeedUser, type GraphPresenceState } from './seed.js';
export type { PstnPolicy, PstnPurpose, PstnVerdict } from './pstnPolicy.js';
export type { ActiveFault, GraphFaultSpec, FaultStatus, RetryAfterViolation } from './faults.js';
export type { GraphRequestLogEntry, UnhandledRequest, HandlerCrash, FarEndAnswerMode } from './context.js';
export { graphErrorBody, type GraphErrorBody } from './errors.js';
export type { CallRecord, UserRecord, PresenceRecord, TransferRecord } from './db.js';
export type { PstnNetwork, IncomingPstnCall } from '../pstn/network.js';
