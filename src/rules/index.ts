/** The rule module: pure decision functions that explain themselves. */
export * from './decision.js';
export type * from './facts.js';
export * from './catalogue.js';
export * from './presence.js';
export * from './selectability.js';
export * from './callOnBehalf.js';
export * from './pstn.js';
export * from './transfer.js';
export * from './inbound.js';
export * from './outbound.js';
export * from './rona.js';
export * from './acw.js';
export * from './parking.js';
export * from './supervision.js';
export * from './distribution.js';
export * from './reporting.js';
export * from './serviceLevel.js';
