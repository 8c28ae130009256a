/**
 * A PSTN far end in virtual time (sim/engine/lifecycle.ts, whenFarEndAnswers): it answers at once, after
 * `answerAfter`, or not within the ring limit (XFER-07), and the mock's Graph call settles at exactly that
 * moment, so a safe transfer that comes back (XFER-05) leaves a live, established Graph call.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { createWorld } from '../../../sim/engine/setup.js';
import { distributeAll } from '../../../sim/engine/distribution.js';
import { runVerb } from '../../../sim/engine/verbs/index.js';
import type { Step } from '../../../sim/scenario/schema.js';
import type { World } from '../../../sim/engine/world.js';

const FAR = '+41795550199';
const scenario = parseScenarioText(
  `name: far end
tenant: { name: Contoso, behavior: { pstnRingLimit: 1m } }
services:
  - id: A
    license: Enterprise Routing
    assignment: MS Teams-based
    members: [ann]
    pstn: { number: "+41445550100", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - wait: 1s
`,
  'far-end.yaml',
);

async function connected(): Promise<{ world: World; act: (step: Step) => Promise<void>; graph: () => string | undefined }> {
  const world = await createWorld(scenario);
  world.onQuiet = () => distributeAll(world);
  const act = async (step: Step) => {
    world.track(runVerb(world, step as Exclude<Step, { verb: 'expect' | 'wait' }>));
    await world.settle();
  };
  await act({ verb: 'inboundCall', args: { call: 'c1', from: '+41791110000', to: 'A' } } as Step);
  await act({ verb: 'answer', args: { user: 'ann', call: 'c1' } } as Step);
  const graph = () => world.graph.mock.callState(world.extras('c1').graphCallId ?? '');
  return { world, act, graph };
}

const transfer = (args: Record<string, unknown>): Step => ({ verb: 'transfer', args: { call: 'c1', by: 'ann', to: { pstn: FAR }, mode: 'blind', ...args } }) as Step;

describe('a PSTN transfer target in virtual time', () => {
  it('answers after answerAfter: the Graph call is transferring until then, and completes at that moment', async () => {
    const { world, act, graph } = await connected();
    await act(transfer({ answerAfter: 30_000 }));
    expect([world.taskState('c1'), graph()]).toEqual(['Transferring', 'transferring']);
    await world.advanceTo(29_999);
    expect(graph()).toBe('transferring');
    await world.advanceTo(30_000);
    expect([world.taskState('c1'), graph()]).toEqual(['Ended', 'terminated']);
    world.stop();
  });

  it('that would answer at or after the ring limit is never reached (XFER-07)', async () => {
    for (const answerAfter of [60_000, 180_000]) {
      const { world, act, graph } = await connected();
      await act(transfer({ answerAfter }));
      await world.advanceTo(60_000);
      expect([world.taskState('c1'), graph()], `answerAfter ${answerAfter}`).toEqual(['Ended', 'terminated']);
      expect(world.call('c1').getSnapshot().context.transfers.at(-1)).toMatchObject({ ok: false, because: ['XFER-07'] });
      world.stop();
    }
  });

  it('a safe transfer that rings out comes back with a live Graph call, so the next transfer goes through (XFER-05)', async () => {
    const { world, act, graph } = await connected();
    await act(transfer({ mode: 'safe', targetAnswers: false }));
    await world.advanceTo(60_000);
    expect([world.taskState('c1'), graph()]).toEqual(['Connected', 'established']);
    await act(transfer({ mode: 'safe', to: { pstn: '+41795550188' } }));
    expect([world.taskState('c1'), graph()]).toEqual(['Ended', 'terminated']);
    expect(world.call('c1').getSnapshot().context.transfers.map((t) => t.ok)).toEqual([false, true]);
    world.stop();
  });

  it('a blind transfer frees the user at the transfer step, before the number answers (XFER-06)', async () => {
    const { world, act } = await connected();
    await act(transfer({ answerAfter: 30_000 }));
    expect(world.agent('ann').getSnapshot().context.active).toBeNull();
    expect(world.call('c1').getSnapshot().context).toMatchObject({ user: null, handedOffBy: 'ann' });
    world.stop();
  });
});
