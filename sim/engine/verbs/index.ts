/** Verb name → handler. One module per area of the product; this table is the whole step vocabulary. */
import type { Step, StepOf, StepVerb } from '../../scenario/schema.js';
import type { World } from '../world.js';
import { answer, decline, hangup, ignore, inboundCall } from './calls.js';
import { consult, hold, park, resume, ronaSettings, supervise, unpark } from './handling.js';
import { callOnBehalf, scheduleOutbound } from './outbound.js';
import { duty, endAcw, extendAcw, notAvailableReason, presence, resetRona, setActive } from './people.js';
import { transfer } from './transfer.js';
import type { VerbOutcome } from './types.js';

type Handler<V extends StepVerb> = (world: World, args: StepOf<V>['args']) => Promise<VerbOutcome>;
/** `wait` and `expect` are run by the runner itself: they move or read the clock rather than act. */
type Handlers = { [V in Exclude<StepVerb, 'expect' | 'wait'>]: Handler<V> };

async function graphFault(world: World, args: StepOf<'graphFault'>['args']): Promise<VerbOutcome> {
  world.graph.addFault(args);
  world.note('graph', 'graph', () => `fault armed: ${args.status} on ${args.endpoint} for ${args.count} request(s)`);
  return { ok: null, text: `Graph ${args.endpoint} will answer ${args.status} to the next ${args.count} request(s)` };
}

const handlers: Handlers = {
  presence,
  duty,
  inboundCall,
  answer,
  decline,
  ignore,
  transfer,
  callOnBehalf,
  scheduleOutbound,
  park,
  unpark,
  hold,
  resume,
  consult,
  ronaSettings,
  hangup,
  endAcw,
  extendAcw,
  resetRona,
  supervise,
  graphFault,
  notAvailableReason,
  setActive,
};

export function runVerb(world: World, step: Exclude<Step, { verb: 'expect' | 'wait' }>): Promise<VerbOutcome> {
  const handler = handlers[step.verb] as Handler<typeof step.verb>;
  return handler(world, step.args as never);
}
