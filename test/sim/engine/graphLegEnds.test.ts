/**
 * When a modelled call ends, its Graph call ends too: the mock must not keep an `established` call for a
 * conversation that is over (a reader of GET /communications/calls/{id} would see a live call, and a long
 * run would pile them up). Who ended it decides how: the bot hangs up (DELETE) when a user or Nimbus ends
 * the call, the far end when the customer does.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { createWorld } from '../../../sim/engine/setup.js';
import { distributeAll } from '../../../sim/engine/distribution.js';
import { runVerb } from '../../../sim/engine/verbs/index.js';
import type { Step } from '../../../sim/scenario/schema.js';

const scenario = (acw: boolean) =>
  parseScenarioText(
    `name: legs
services:
  - id: A
    license: Enterprise Routing
    assignment: MS Teams-based
    members: [ann]
    pstn: { number: "+41445550100", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }
    distribution: { acw: { enabled: ${String(acw)}, duration: 20s } }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - wait: 1s
`,
    'legs.yaml',
  );

async function endCall(by: string, acw = false) {
  const world = await createWorld(scenario(acw));
  world.onQuiet = () => distributeAll(world);
  const act = async (step: Step) => {
    world.track(runVerb(world, step as Exclude<Step, { verb: 'expect' | 'wait' }>));
    await world.settle();
  };
  await act({ verb: 'inboundCall', args: { call: 'c1', from: '+41791110000', to: 'A' } } as Step);
  await world.advanceTo(3_000);
  await act({ verb: 'answer', args: { user: 'ann', call: 'c1' } } as Step);
  await world.advanceTo(60_000);
  await act({ verb: 'hangup', args: { call: 'c1', by } } as Step);
  await world.advanceTo(120_000);
  const graphId = world.extras('c1').graphCallId ?? '';
  const mock = world.graph.mock;
  const result = { state: mock.call(graphId)?.state, resultInfo: mock.call(graphId)?.resultInfo?.message ?? null, deleted: mock.call(graphId)?.deleted, live: mock.db.calls.count() };
  world.stop();
  return result;
}

describe('the Graph leg ends with the modelled call', () => {
  it('the customer hangs up: the far end ends the Graph call', async () => {
    expect(await endCall('customer')).toEqual({ state: 'terminated', resultInfo: 'RemoteHangup', deleted: false, live: 0 });
  });

  it('the user hangs up: the bot deletes the Graph call', async () => {
    expect(await endCall('ann')).toEqual({ state: 'terminated', resultInfo: null, deleted: true, live: 0 });
  });

  it('with ACW the Graph call ends at the hang-up, not when ACW does', async () => {
    expect(await endCall('customer', true)).toEqual({ state: 'terminated', resultInfo: 'RemoteHangup', deleted: false, live: 0 });
  });
});
