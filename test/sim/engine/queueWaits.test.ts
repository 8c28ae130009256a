/**
 * A queued task that found nobody is not re-examined while nothing its service's rules read has changed
 * (World.changes). These runs make sure every kind of change still reaches it: each blocks the only
 * user while the call waits, lifts the block, and expects the call to ring that user.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { runScenario } from '../../../sim/runner.js';
import { createWorld } from '../../../sim/engine/setup.js';
import * as policy from '../../../sim/engine/policy.js';

const TENANT = `
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann], distribution: { ringTimeout: 30s } }
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [ann, bob], distribution: { ringTimeout: 30s } }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
  - { id: bob, upn: bob@contoso.com, licenses: [Teams Phone Standard] }
`;

async function run(steps: string): Promise<void> {
  const result = await runScenario(parseScenarioText(`name: queue waits\n${TENANT}steps:\n${steps}`, 'queue-waits.yaml'));
  expect(result.status, `${result.error?.message ?? ''}\n${result.failures.map((f) => f.message).join('\n')}`).toBe('passed');
}

const waitsThenRings = (block: string, lift: string) => `${block}
  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - wait: 5s
  - expect: { task: { call: c1, state: In Queue }, user: { id: ann, state: ${'${state}'} } }
${lift}
  - expect: { task: { call: c1, state: Ringing }, user: { id: ann, state: Ringing } }
`;

describe('a waiting task is offered as soon as its service facts change', () => {
  it.each([
    ['presence', '  - presence: { user: ann, availability: Do Not Disturb }', '  - presence: { user: ann, availability: Available }', 'Available'],
    ['the Active toggle', '  - setActive: { user: ann, service: A, active: false }', '  - setActive: { user: ann, service: A, active: true }', 'Available'],
    ['a Not Available Reason', '  - notAvailableReason: { user: ann, pending: true }', '  - notAvailableReason: { user: ann, pending: false }', 'Not Available'],
  ])('%s', async (_what, block, lift, state) => {
    await run(waitsThenRings(block, lift).replace('${state}', state));
  });

  it('a member freed by a call of another service', async () => {
    await run(`  - presence: { user: bob, availability: Offline }
  - inboundCall: { call: b1, from: "+41791110001", to: B }
  - answer: { user: ann, call: b1 }
  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - wait: 5s
  - expect: { task: { call: c1, state: In Queue }, user: { id: ann, state: Connected } }
  - hangup: { call: b1, by: customer }
  - expect: { task: { call: c1, state: Ringing }, user: { id: ann, state: Ringing } }
`);
  });

  it('a queue where every task found nobody is looked at again when a fact changes, oldest task first', async () => {
    await run(`  - presence: { user: ann, availability: Do Not Disturb }
  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - inboundCall: { call: c2, from: "+41791110001", to: A }
  - wait: 30s
  - inboundCall: { call: c3, from: "+41791110002", to: A }
  - wait: 30s
  - expect: { task: { call: c1, state: In Queue } }
  - expect: { task: { call: c3, state: In Queue } }
  - presence: { user: ann, availability: Available }
  - expect: { task: { call: c1, state: Ringing }, user: { id: ann, state: Ringing } }
  - expect: { task: { call: c2, state: In Queue } }
  - answer: { user: ann, call: c1 }
  - hangup: { call: c1, by: customer }
  - wait: 1s
  - expect: { task: { call: c2, state: Ringing }, user: { id: ann, state: Ringing } }
  - expect: { task: { call: c3, state: In Queue } }
`);
  });

  it('a user change moves only the services that user is a member of', async () => {
    const world = await createWorld(parseScenarioText(`name: ticks\n${TENANT}steps:\n  - wait: 1s\n`, 'ticks.yaml'));
    const t = world.changes.now;
    world.changes.userChanged('bob');
    expect([world.changes.serviceChangedSince('A', t), world.changes.serviceChangedSince('B', t)]).toEqual([false, true]);
    const t2 = world.changes.now;
    world.presenceSeen.set('ann', { availability: 'Away', activity: 'Away' });
    expect([world.changes.serviceChangedSince('A', t2), world.changes.serviceChangedSince('B', t2)]).toEqual([true, true]);
    const t3 = world.changes.now;
    world.setActive('bob', 'B', false);
    expect([world.changes.serviceChangedSince('A', t3), world.changes.serviceChangedSince('B', t3)]).toEqual([false, true]);
    world.stop();
  });

  it('user facts and selectability are reused only while nothing they read has changed', async () => {
    const world = await createWorld(parseScenarioText(`name: cache\n${TENANT}steps:\n  - wait: 1s\n`, 'cache.yaml'));
    const facts = world.userFacts('ann');
    const selectable = policy.isSelectable(world, 'ann', 'A');
    expect(world.userFacts('ann')).toBe(facts);
    expect(policy.isSelectable(world, 'ann', 'A')).toBe(selectable);
    expect(selectable.verdict).toBe(true);
    // Another user's change leaves ann's facts alone.
    world.changes.userChanged('bob');
    expect(world.userFacts('ann')).toBe(facts);
    // Nimbus reads a new presence for ann: both are made again, and the verdict follows.
    world.presenceSeen.set('ann', { availability: 'Do Not Disturb', activity: 'Presenting' });
    expect(world.userFacts('ann')).not.toBe(facts);
    expect(policy.isSelectable(world, 'ann', 'A').verdict).toBe(false);
    // A change of the service itself: ann's Active toggle in A.
    world.presenceSeen.set('ann', { availability: 'Available', activity: 'Available' });
    expect(policy.isSelectable(world, 'ann', 'A').verdict).toBe(true);
    world.setActive('ann', 'A', false);
    expect(policy.isSelectable(world, 'ann', 'A').verdict).toBe(false);
    expect(policy.isSelectable(world, 'ann', 'B').verdict).toBe(true);
    // The agent machine moving (Not Available Reason pending) is a change too.
    world.agent('ann').send({ type: 'NOT_AVAILABLE_REASON', pending: true });
    expect(policy.isSelectable(world, 'ann', 'B').verdict).toBe(false);
    world.stop();
  });
});
