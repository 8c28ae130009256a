export { createPstnNetwork, type IncomingPstnCall, type PstnNetwork } from './network.js';
