/**
 * Refusals are step results, not harness errors: a step by a user the call does not ring, or who is not on
 * it, is recorded with its rule ids and the run goes on (spec: harness errors are malformed files and unknown ids).
 */
import { describe, expect, it } from 'vitest';
import { playSteps } from '../../../sim/engine/player.js';
import { openRun } from '../../../sim/engine/run.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';

const runOf = async (steps: string) => {
  const run = await openRun(
    parseScenarioText(
      `name: refusals
services: [{ id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann, bob], distribution: { type: Direct } }]
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
  - { id: bob, upn: bob@contoso.com }
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: A }
${steps}`,
      'refusals.yaml',
    ),
  );
  await run.world.settle();
  return run;
};

describe('refused steps', () => {
  it('answer, decline, ignore by a user the call never rang: refused with US-09 and the selectability that kept them out', async () => {
    const run = await runOf(`  - answer: { user: bob, call: c1 }
  - decline: { user: bob, call: c1 }
  - ignore: { user: bob, call: c1 }
  - answer: { user: ann, call: c1 }
`);
    try {
      expect(await playSteps(run)).toBeNull();
      const [, answer, decline, ignore, annAnswers] = run.steps;
      for (const step of [answer, decline, ignore]) {
        expect(step?.ok).toBe(false);
        expect(step?.decision?.because).toEqual(['US-09', 'US-01', 'LIC-05']);
        expect(step?.decision?.inputs['selectability']).toMatchObject({ verdict: false, because: ['LIC-05'] });
      }
      expect(answer?.text).toBe(
        'bob answers c1: refused — user bob cannot answer c1: c1 is not ringing user bob (it rings ann): only an offered task can be answered, declined or ignored; user bob is Not Selectable for service A, so the distribution of c1 never offers it to them; user bob lacks Teams Phone Standard (licenses: none; plans: none), needed by users who handle calls: without it Nimbus offers them no task',
      );
      expect(annAnswers).toMatchObject({ verb: 'answer', ok: true });
      expect(run.world.lastResult).toMatchObject({ ok: true });
    } finally {
      run.world.stop();
    }
  });

  it('park, hold, resume, hang up, consult, transfer by a user not on the call: refused with US-10, the call untouched', async () => {
    const run = await runOf(`  - answer: { user: ann, call: c1 }
  - park: { user: bob, call: c1 }
  - hold: { user: bob, call: c1 }
  - resume: { user: bob, call: c1 }
  - hangup: { call: c1, by: bob }
  - consult: { user: bob, call: c1 }
  - transfer: { call: c1, by: bob, to: { pstn: "+41795550199" } }
  - park: { user: ann, call: c1 }
  - transfer: { call: c1, by: ann, to: { pstn: "+41795550199" } }
`);
    try {
      expect(await playSteps(run)).toBeNull();
      const refused = run.steps.slice(2);
      expect(refused.map((s) => [s.verb, s.ok, s.decision?.because])).toEqual([
        ['park', false, ['US-10']],
        ['hold', false, ['US-10']],
        ['resume', false, ['US-10']],
        ['hangup', false, ['US-10']],
        ['consult', false, ['US-10']],
        ['transfer', false, ['US-10']],
        ['park', true, ['PAR-03']],
        ['transfer', false, undefined],
      ]);
      expect(run.steps.at(-1)?.text).toBe('ann transfers c1: refused — c1 is Parked, not Connected: only a connected task can be handed on');
      expect(refused[0]?.text).toBe('bob parks c1: refused — user bob cannot park c1: user bob is not Connected to c1 (its user is ann)');
      expect(run.world.lastResult).toMatchObject({ ok: false, because: ['TASK-01'] });
    } finally {
      run.world.stop();
    }
  });

  it('a consultation with a user without Teams Phone is refused with LIC-05; consulting nobody in particular is not', async () => {
    const run = await runOf(`  - answer: { user: ann, call: c1 }
  - consult: { user: ann, call: c1, to: { user: bob } }
  - consult: { user: ann, call: c1 }
`);
    try {
      expect(await playSteps(run)).toBeNull();
      const [, , withBob, alone] = run.steps;
      expect(withBob).toMatchObject({ verb: 'consult', ok: false, text: expect.stringContaining('ann starts a consultation with bob from c1: refused — user bob cannot be a transfer or consultation target') });
      expect(withBob?.decision?.because).toEqual(['LIC-05']);
      expect(alone).toMatchObject({ verb: 'consult', ok: true });
    } finally {
      run.world.stop();
    }
  });
});
