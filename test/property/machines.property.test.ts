/**
 * Property-based random walks over both machines: random valid event sequences (each step picks one of the
 * events the current state accepts, with engine-realistic payloads) on a real actor, checking the same
 * invariants as the model-based paths after every event.
 */
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { agentMachine } from '../../src/machines/agentMachine.js';
import { callSessionMachine } from '../../src/machines/callSessionMachine.js';
import { AGENT_MODEL_CONFIGS, agentEventVariants, agentInput, agentInvariants } from '../../sim/modelling/agentModel.js';
import { modelTenant } from '../../sim/modelling/fixture.js';
import { PathClock } from '../../sim/modelling/pathClock.js';
import { propertyRuns } from '../../sim/modelling/property.js';
import { SESSION_MODEL_CONFIGS, sessionEventVariants, sessionInvariants } from '../../sim/modelling/sessionModel.js';

const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });
const RUNS = propertyRuns(1000);

describe('random walks on the agent machine', () => {
  it.each(AGENT_MODEL_CONFIGS.map((c, i) => [c.name, i] as const))('%s: invariants hold after every event', (_name, i) => {
    const config = AGENT_MODEL_CONFIGS[i];
    if (!config) throw new Error('no config');
    const fx = modelTenant({ taskParallelization: config.taskParallelization, contactCenter: config.contactCenter });
    fc.assert(
      fc.property(picks, (choices) => {
        const clock = new PathClock();
        const actor = createActor(agentMachine, { input: agentInput(config), clock }).start();
        const trail: string[] = [];
        for (const n of choices) {
          const options = agentEventVariants(fx, actor.getSnapshot(), undefined, 'all', config.calls);
          const event = options[n % options.length];
          if (!event) break;
          trail.push(event.type);
          if (event.type.startsWith('xstate.after.')) clock.fireDelayed(actor, event.type);
          else actor.send(event);
          const bad = agentInvariants(fx, actor.getSnapshot());
          if (bad.length > 0) throw new Error(`${trail.join(' → ')}: ${bad.join('; ')}`);
        }
        actor.stop();
      }),
      { numRuns: Math.ceil(RUNS / AGENT_MODEL_CONFIGS.length) },
    );
  });
});

describe('random walks on the call session machine', () => {
  it('invariants hold after every event', () => {
    const config = SESSION_MODEL_CONFIGS[0];
    if (!config) throw new Error('no config');
    fc.assert(
      fc.property(picks, (choices) => {
        const actor = createActor(callSessionMachine, { input: config.input }).start();
        let prev = actor.getSnapshot();
        const trail: string[] = [];
        for (const n of choices) {
          const options = sessionEventVariants(actor.getSnapshot());
          const event = options[n % options.length];
          if (!event) break;
          trail.push(event.type);
          actor.send(event);
          const snap = actor.getSnapshot();
          const bad = sessionInvariants(snap, prev);
          if (bad.length > 0) throw new Error(`${trail.join(' → ')}: ${bad.join('; ')}`);
          prev = snap;
        }
        actor.stop();
      }),
      { numRuns: RUNS },
    );
    expect(RUNS).toBeGreaterThanOrEqual(1);
  });
});
