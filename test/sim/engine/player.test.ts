/**
 * The one step player: step timing (`at`, `after`), `expect`, `wait`, action verbs run to quiet, what each
 * step records on its run, and where playing halts. Also the world's call-start listeners the explorer and
 * the load day follow calls with.
 */
import { describe, expect, it } from 'vitest';
import { StepError } from '../../../sim/engine/errors.js';
import { playStep, playSteps } from '../../../sim/engine/player.js';
import { openRun, type ScenarioRun } from '../../../sim/engine/run.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';

const TENANT = `
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann], distribution: { ringTimeout: 30s } }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
`;

async function runOf(steps: string): Promise<ScenarioRun> {
  const run = await openRun(parseScenarioText(`name: player\n${TENANT}steps:\n${steps}`, 'player.yaml'));
  await run.world.settle();
  return run;
}

describe('playStep', () => {
  it('plays actions, waits and expectations at their time and records each on the run', async () => {
    const run = await runOf(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
    after: 2s
  - wait: 5s
  - expect: { task: { call: c1, state: Ringing } }
  - answer: { user: ann, call: c1 }
    at: 10s
`);
    try {
      const call = await playStep(run, 0);
      expect(call).toMatchObject({ index: 0, line: 8, verb: 'inboundCall', at: 2_000, ok: true });
      const wait = await playStep(run, 1);
      expect(wait).toMatchObject({ verb: 'wait', at: 2_000, text: 'wait 5s', ok: null });
      expect(run.world.clock.now()).toBe(7_000);
      const check = await playStep(run, 2);
      expect(check).toMatchObject({ verb: 'expect', at: 7_000, ok: null });
      expect(check.assertions?.map((a) => a.passed)).toEqual([true]);
      const answer = await playStep(run, 3);
      expect(answer).toMatchObject({ verb: 'answer', at: 10_000, ok: true });
      expect(run.steps).toEqual([call, wait, check, answer]);
      expect(run.world.timeline.filter((t) => t.kind === 'step').map((t) => t.text)).toEqual(['inboundCall', 'answer']);
    } finally {
      run.world.stop();
    }
  });

  it('refuses a step whose time has passed, and records nothing for it', async () => {
    const run = await runOf(`  - wait: 30s
  - presence: { user: ann, availability: Away }
    at: 10s
`);
    try {
      await playStep(run, 0);
      await expect(playStep(run, 1)).rejects.toThrow(StepError);
      await expect(playStep(run, 1)).rejects.toThrow(/at: 10s is earlier than the current virtual time 30s/);
      expect(run.steps).toHaveLength(1);
      await expect(playStep(run, 7)).rejects.toThrow('no step 8');
    } finally {
      run.world.stop();
    }
  });
});

describe('playSteps', () => {
  it('plays in order and halts at the first step the scenario cannot run, with its line', async () => {
    const run = await runOf(`  - wait: 30s
  - presence: { user: ann, availability: Away }
    at: 10s
  - wait: 1s
`);
    try {
      const halt = await playSteps(run);
      expect(halt?.line).toBe(9);
      expect(halt?.error).toBeInstanceOf(StepError);
      expect(run.steps.map((s) => s.verb)).toEqual(['wait']);
    } finally {
      run.world.stop();
    }
  });

  it('plays every step when nothing stops it', async () => {
    const run = await runOf(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - hangup: { call: c1, by: customer }
`);
    try {
      expect(await playSteps(run)).toBeNull();
      expect(run.steps.map((s) => s.ok)).toEqual([true, true, true]);
    } finally {
      run.world.stop();
    }
  });
});

describe('world.onCallStarted', () => {
  it('tells each listener of every call the world starts, with its running actor, until it stops listening', async () => {
    const run = await runOf(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - inboundCall: { call: c2, from: "+41791110001", to: A }
`);
    try {
      const heard: string[] = [];
      const stop = run.world.onCallStarted((call, actor) => heard.push(`${call} ${actor.getSnapshot().status}`));
      await playStep(run, 0);
      stop();
      await playStep(run, 1);
      expect(heard).toEqual(['c1 active']);
      expect([...run.world.calls.keys()]).toEqual(['c1', 'c2']);
    } finally {
      run.world.stop();
    }
  });
});
