/**
 * Builds the world of a scenario: the mock Graph is seeded with the tenant, the modelled Nimbus reads every
 * license and presence back through Graph (as the real one does, PERM-03), and one agent actor per user is
 * started and wired to the engine's reactions.
 */
import { createActor } from 'xstate';
import { agentMachine } from '../../src/machines/agentMachine.js';
import { takesOffers } from '../../src/machines/agentStatus.js';
import { describeFaults, graphFaultSpecs } from '../scenario/faults.js';
import type { Scenario } from '../scenario/schema.js';
import * as policy from './policy.js';
import { onOfferMissed } from './verbs/calls.js';
import { defaultActivity } from './verbs/people.js';
import { World, type WorldOptions } from './world.js';

export async function createWorld(scenario: Scenario, options: WorldOptions = {}): Promise<World> {
  const world = new World(scenario, options);
  await world.graph.seed();
  // Scenario-level `faults:` are armed before Nimbus's first Graph read.
  const faults = scenario.faults ?? [];
  for (const fault of graphFaultSpecs(faults, scenario.seed, (id) => world.graph.mock.graphIdOf(id, 'user'))) world.graph.mock.faults.add(fault);
  if (faults.length > 0) world.note('graph', 'graph', () => `Graph faults armed for the run: ${describeFaults(faults)}`);
  world.track(world.graph.readDirectory());
  await world.settle();
  for (const user of scenario.users) startAgent(world, user.id);
  await world.settle();
  return world;
}

function startAgent(world: World, userId: string): void {
  const spec = world.user(userId);
  const seen = world.presenceSeen.get(userId) ?? { availability: spec.presence, activity: spec.activity ?? defaultActivity(spec.presence) };
  const agent = createActor(agentMachine, {
    ...world.actorOptions(),
    input: {
      userId,
      availability: seen.availability,
      activity: seen.activity,
      duty: spec.duty,
      taskParallelization: {
        enabled: spec.taskParallelization.enabled,
        max: spec.taskParallelization.max ?? world.tenant.behavior.taskParallelizationMax,
      },
      notAvailableReason: spec.notAvailableReason,
    },
  });
  agent.on('offerMissed', (e) => onOfferMissed(world, userId, e.call, e.service, e.reason));
  agent.on('acwEnded', (e) => {
    world.note(`user:${userId}`, 'status', () => `ACW ended (${e.reason === 'timer' ? 'counter reached zero' : 'ended early'})`, e.reason === 'timer' ? ['ACW-07'] : ['ACW-05']);
    if (world.calls.has(e.call)) world.sendCall(e.call, { type: 'ACW_ENDED', at: world.clock.now() });
  });
  agent.on('ronaCleared', (e) => {
    world.note(`user:${userId}`, 'status', () => `RONA cleared (${e.reason})`, e.reason === 'nextAttempt' ? ['RONA-14'] : ['RONA-08']);
  });
  let wasBusy = false;
  let last = agent.getSnapshot();
  const mirrorTakesOffers = (snapshot: typeof last): void => {
    if (takesOffers(snapshot)) world.takingOffers.add(userId);
    else world.takingOffers.delete(userId);
  };
  agent.subscribe((snapshot) => {
    if (snapshot !== last) world.changes.userChanged(userId);
    last = snapshot;
    mirrorTakesOffers(snapshot);
    const busy = snapshot.value.work !== 'Idle';
    // DIST-03: longest idle counts from when the user last finished Nimbus work.
    if (wasBusy && !busy) world.idleSince.set(userId, world.clock.now());
    wasBusy = busy;
  });
  agent.start();
  mirrorTakesOffers(agent.getSnapshot());
  world.agents.set(userId, agent);
  // The machine starts Online and On Duty; bring it to the tenant's starting state.
  agent.send({ type: 'PRESENCE_CHANGED', availability: seen.availability, activity: seen.activity, online: policy.rules.isOnline(seen) });
  if (spec.duty === 'Off Duty') agent.send({ type: 'DUTY_CHANGED', duty: 'Off Duty' });
}
