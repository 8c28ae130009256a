import { describe, expect, it } from 'vitest';
import { canConsult, canHold, canPark, canUnpark, parkingBlocks, type TaskHandlingState } from '../../../src/rules/parking.js';
import type { Modality } from '../../../src/domain/enums.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { assertWellFormed, tenant, user } from './fixtures.js';

describe('canPark (PAR-01)', () => {
  it.each([
    ['Audio / Video', true],
    ['External Task', true],
    ['Instant Messaging', false],
    ['Email', false],
  ] as [Modality, boolean][])('PAR-01: %s → %s', (modality, ok) => {
    const d = canPark({ user: user('alice', { activeTask: true }), modality });
    assertWellFormed(d);
    expect(d.verdict).toBe(ok);
    expect(d.because).toEqual(['PAR-01']);
  });
});

describe('canUnpark', () => {
  it('PAR-11: the user who parked the task resumes it', () => {
    const d = canUnpark({ user: user('alice', { parkedTasks: 1 }), parkedBy: 'alice' });
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['PAR-11', 'PAR-14']);
  });
  it('PAR-11: another user cannot resume it', () => {
    const d = canUnpark({ user: user('bob'), parkedBy: 'alice' });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['PAR-11']);
    expect(d.summary).toContain('parked by user alice');
  });
  it('PAR-11: an unknown parker is nobody', () => {
    expect(canUnpark({ user: user('bob'), parkedBy: null }).because).toEqual(['PAR-11']);
  });
  it('PAR-14: with TP the active task must be parked before another is resumed', () => {
    const d = canUnpark({ user: user('alice', { tp: 2, parkedTasks: 1, activeTask: true }), parkedBy: 'alice' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['PAR-14']);
  });
});

describe('parkingBlocks (verdict true = blocks)', () => {
  const rows = [
    { rule: 'PAR-03: no parked task, nothing blocks', parked: 0, tp: false as boolean | number, blocks: false, because: ['PAR-03'] },
    { rule: 'PAR-03: without TP one parked task blocks (Connected)', parked: 1, tp: false as boolean | number, blocks: true, because: ['PAR-03'] },
    { rule: 'PAR-14: with TP one parked task below the limit 2 does not block', parked: 1, tp: 2 as boolean | number, blocks: false, because: ['PAR-14', 'PAR-15'] },
    { rule: 'PAR-14 + PAR-15: with TP two parked tasks reach the limit 2', parked: 2, tp: 2 as boolean | number, blocks: true, because: ['PAR-14', 'PAR-15'] },
    { rule: 'PAR-15: a user limit of 4 (newer docs) lets three parked tasks through', parked: 3, tp: 4 as boolean | number, blocks: false, because: ['PAR-14', 'PAR-15'] },
  ];
  it.each(rows)('$rule', ({ parked, tp, blocks, because }) => {
    const d = parkingBlocks({ tenant: tenant(), user: user('alice', { parkedTasks: parked, tp }) });
    assertWellFormed(d);
    expect(d.verdict).toBe(blocks);
    expect(d.because).toEqual(because);
  });
  it('PAR-15: behavior.taskParallelizationMax applies when the user has no limit of their own', () => {
    const u = user('alice', { parkedTasks: 2, tp: true });
    u.taskParallelization.max = 0;
    const d = parkingBlocks({ tenant: tenant({ behavior: { taskParallelizationMax: 3 } }), user: u });
    expect(d.verdict).toBe(false);
    expect(d.checks[0]?.detail).toBe("user alice's Task Parallelization limit is 3 (behavior.taskParallelizationMax)");
  });
});

describe('canHold (open question 9, behavior.holdDuringSupervision)', () => {
  const rows: { rule: string; supervised: boolean; setting: BehaviorSettings['holdDuringSupervision']; ok: boolean; because: string[] }[] = [
    { rule: 'PAR-04: an unsupervised session may be held', supervised: false, setting: 'refused', ok: true, because: ['PAR-04', 'PAR-13'] },
    { rule: 'PAR-04: a supervised session may be held with holdDuringSupervision = allowed', supervised: true, setting: 'allowed', ok: true, because: ['PAR-04', 'PAR-13'] },
    { rule: 'PAR-04: a supervised session cannot be held with holdDuringSupervision = refused', supervised: true, setting: 'refused', ok: false, because: ['PAR-04'] },
  ];
  it.each(rows)('$rule', ({ supervised, setting, ok, because }) => {
    const d = canHold({ tenant: tenant({ behavior: { holdDuringSupervision: setting } }), supervised });
    assertWellFormed(d);
    expect(d.verdict).toBe(ok);
    expect(d.because).toEqual(because);
    if (supervised) expect(d.checks.at(-1)?.detail).toContain(`behavior.holdDuringSupervision is ${setting}`);
  });
});

describe('canConsult (PAR-17, behavior.consultationBlockedBy)', () => {
  const rows: [TaskHandlingState, BehaviorSettings['consultationBlockedBy'], boolean][] = [
    ['active', 'parkOrHold', true],
    ['parked', 'park', false],
    ['held', 'park', true],
    ['parked', 'hold', true],
    ['held', 'hold', false],
    ['parked', 'parkOrHold', false],
    ['held', 'parkOrHold', false],
  ];
  it.each(rows)('PAR-17: a %s call with consultationBlockedBy = %s → %s', (task, setting, ok) => {
    const d = canConsult({ tenant: tenant({ behavior: { consultationBlockedBy: setting } }), task });
    assertWellFormed(d);
    expect(d.verdict).toBe(ok);
    expect(d.because).toEqual(['PAR-17']);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind a parking decision.
describe('parking decisions record the facts they read', () => {
  it('canPark and canUnpark read the user, the modality, who parked and the active task', () => {
    expect(canPark({ user: user('ann'), modality: 'Email' }).inputs).toEqual({ user: 'ann', modality: 'Email' });
    expect(canUnpark({ user: user('ann', { tp: 2, activeTask: true }), parkedBy: 'bob' }).inputs).toEqual({ user: 'ann', parkedBy: 'bob', activeTask: true, taskParallelization: true });
  });
  it('parkingBlocks reads the parked tasks against the limit, with and without Task Parallelization', () => {
    expect(parkingBlocks({ tenant: tenant(), user: user('ann', { parkedTasks: 1 }) }).inputs).toEqual({ user: 'ann', parkedTasks: 1, taskParallelization: false, max: 2 });
    expect(parkingBlocks({ tenant: tenant(), user: user('ann', { tp: 3, parkedTasks: 2 }) }).inputs).toEqual({ user: 'ann', parkedTasks: 2, taskParallelization: true, max: 3 });
  });
  it('canHold and canConsult read the task and the setting that decides', () => {
    expect(canHold({ tenant: tenant({ behavior: { holdDuringSupervision: 'refused' } }), supervised: true }).inputs).toEqual({ supervised: true, holdDuringSupervision: 'refused' });
    expect(canConsult({ tenant: tenant({ behavior: { consultationBlockedBy: 'hold' } }), task: 'parked' }).inputs).toEqual({ task: 'parked', consultationBlockedBy: 'hold' });
  });
});

describe('parkingBlocks records its checks as passed where parking does not block (rule ids and pass/fail)', () => {
  const checksOf = (over: Parameters<typeof user>[1]) => parkingBlocks({ tenant: tenant(), user: user('ann', over) }).checks.map((c) => [c.rule, c.passed]);
  it('PAR-03: without Task Parallelization, failed only with a parked task', () => {
    expect(checksOf({ parkedTasks: 1 })).toEqual([['PAR-03', false]]);
    expect(checksOf({})).toEqual([['PAR-03', true]]);
  });
  it('PAR-14, PAR-15: with Task Parallelization the limit is read (passed) and PAR-14 fails only at the limit', () => {
    expect(checksOf({ tp: 2, parkedTasks: 1 })).toEqual([
      ['PAR-15', true],
      ['PAR-14', true],
    ]);
    expect(checksOf({ tp: 2, parkedTasks: 2 })).toEqual([
      ['PAR-15', true],
      ['PAR-14', false],
    ]);
  });
});
