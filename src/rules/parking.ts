/**
 * Parking, Task Parallelization and Hold (rulebook 3.8): who may park and unpark, when parked tasks block
 * the user, whether a supervised session may be held (open question 9) and when consultation is possible
 * (open question 11).
 */
import type { Modality } from '../domain/enums.js';
import { DecisionBuilder, valueDecision, type Decision, type RuleCheck, type RuleId } from './decision.js';
import type { TenantFacts, UserFacts } from './facts.js';
import { plural, refusal, tpLimit, usr } from './common.js';

export const parkingRules: readonly RuleId[] = ['PAR-01', 'PAR-03', 'PAR-04', 'PAR-11', 'PAR-13', 'PAR-14', 'PAR-15', 'PAR-17'];

/** PAR-01: parking is available to every user for Audio / Video and External Task. */
export function canPark({ user, modality }: { user: UserFacts; modality: Modality }): Decision<boolean> {
  const ok = modality === 'Audio / Video' || modality === 'External Task';
  const b = new DecisionBuilder('canPark', { user: user.id, modality });
  b.check('PAR-01', ok, ok ? `${modality} tasks can be parked by every user, without extra configuration` : `${modality} tasks cannot be parked (only Audio / Video and External Task)`);
  return b.done(`${usr(user)} may park this ${modality} task`, refusal(`${usr(user)} cannot park this task`, b));
}

export interface UnparkArgs {
  user: UserFacts;
  /** The user who parked the task (null when unknown). */
  parkedBy: string | null;
}

/** PAR-11, PAR-14: may this user resume the parked task? Same user only, and no other task active. */
export function canUnpark({ user, parkedBy }: UnparkArgs): Decision<boolean> {
  const who = usr(user);
  const b = new DecisionBuilder('canUnpark', { user: user.id, parkedBy, activeTask: user.activeTask, taskParallelization: user.taskParallelization.enabled });
  const same = parkedBy === user.id;
  b.check('PAR-11', same, same ? `${who} parked the task and may resume it` : `the task was parked by ${parkedBy === null ? 'an unknown user' : `user ${parkedBy}`}; only that user may resume it`);
  b.check(
    'PAR-14',
    !user.activeTask,
    user.activeTask ? `${who} has an active task: only one task can be active, so park it before resuming another` : `${who} has no other active task`,
  );
  return b.done(`${who} may resume the parked task (Teams invitation first)`, refusal(`${who} cannot resume the parked task`, b));
}

/**
 * PAR-03, PAR-14, PAR-15: do the user's parked tasks block them for new Nimbus tasks? Verdict true = blocks.
 * Without TP any parked task keeps the user Connected; with TP parking blocks only at the limit (the user's
 * `taskParallelization.max`, else behavior.taskParallelizationMax).
 */
export function parkingBlocks({ tenant, user }: { tenant: TenantFacts; user: UserFacts }): Decision<boolean> {
  const who = usr(user);
  const tp = user.taskParallelization.enabled;
  const { max, source } = tpLimit(tenant, user);
  const parked = user.parkedTasks;
  const inputs = { user: user.id, parkedTasks: parked, taskParallelization: tp, max };
  const checks: RuleCheck[] = [];
  if (!tp) {
    const blocks = parked > 0;
    checks.push({
      rule: 'PAR-03',
      passed: !blocks,
      detail: blocks ? `${who} has ${plural(parked, 'parked task')} and no Task Parallelization: they stay Connected and get no other Nimbus task` : `${who} has no parked task`,
    });
    return valueDecision('parkingBlocks', blocks, ['PAR-03'], inputs, checks, blocks ? `parking blocks ${who}` : `parking does not block ${who}`);
  }
  checks.push({ rule: 'PAR-15', passed: true, detail: `${who}'s Task Parallelization limit is ${max} (${source})` });
  const blocks = parked >= max;
  checks.push({
    rule: 'PAR-14',
    passed: !blocks,
    detail: blocks
      ? `${who} has ${plural(parked, 'parked task')}, the Task Parallelization limit of ${max}: parking blocks`
      : `${who} has ${plural(parked, 'parked task')}, below the Task Parallelization limit of ${max}: parking does not block`,
  });
  return valueDecision('parkingBlocks', blocks, ['PAR-14', 'PAR-15'], inputs, checks, blocks ? `parking blocks ${who} (limit ${max} reached)` : `parking does not block ${who} (${parked} of ${max})`);
}

/**
 * Open question 9: may a supervised session be put on hold? behavior.holdDuringSupervision decides. The
 * rulebook has no rule id for this question; the decision cites PAR-04 (what Hold is) and PAR-13 (a held
 * task is never parallel) and names the setting.
 */
export function canHold({ tenant, supervised }: { tenant: TenantFacts; supervised: boolean }): Decision<boolean> {
  const setting = tenant.behavior.holdDuringSupervision;
  const b = new DecisionBuilder('canHold', { supervised, holdDuringSupervision: setting });
  b.note('PAR-04', 'Hold keeps the user in the conference and blocks them for other Nimbus tasks');
  b.note('PAR-13', 'a held task is never treated as parallel');
  if (supervised) {
    b.check(
      'PAR-04',
      setting === 'allowed',
      setting === 'allowed'
        ? 'the session is supervised and behavior.holdDuringSupervision is allowed: supervision persists through Hold'
        : 'the session is supervised and behavior.holdDuringSupervision is refused: a supervised session cannot be put on hold',
    );
  }
  return b.done('the session may be put on hold', refusal('the session cannot be put on hold', b));
}

export type TaskHandlingState = 'active' | 'parked' | 'held';

/** PAR-17 with behavior.consultationBlockedBy (open question 11): may a consultation start from this task? */
export function canConsult({ tenant, task }: { tenant: TenantFacts; task: TaskHandlingState }): Decision<boolean> {
  const setting = tenant.behavior.consultationBlockedBy;
  const b = new DecisionBuilder('canConsult', { task, consultationBlockedBy: setting });
  if (task === 'active') {
    b.check('PAR-17', true, 'a consultation starts from an active call');
  } else {
    const blocked = setting === 'parkOrHold' || (task === 'parked' ? setting === 'park' : setting === 'hold');
    b.check('PAR-17', !blocked, `the call is ${task}, which ${blocked ? 'disables' : 'does not disable'} consultation (behavior.consultationBlockedBy = ${setting})`);
  }
  return b.done(`a consultation may start from the ${task} call`, refusal(`no consultation from the ${task} call`, b));
}

export interface ParkedTasksArgs {
  /** The user's Task Parallelization setting as the agent machine holds it. */
  taskParallelization: { enabled: boolean; max: number };
  /** The calls the user holds parked. */
  parkedCalls: readonly string[];
}

/**
 * PAR-14, PAR-03: does the end of the parked task `endedCall` free a user held Connected by parked tasks?
 * With TP the user is free again once the tasks still parked are below the limit; without TP any parked task
 * keeps them Connected.
 */
export function parkedTaskEndFreesUser({ taskParallelization, parkedCalls, endedCall }: ParkedTasksArgs & { endedCall: string }): Decision<boolean> {
  const stillParked = parkedCalls.filter((c) => c !== endedCall).length;
  const { enabled, max } = taskParallelization;
  const b = new DecisionBuilder('parkedTaskEndFreesUser', { endedCall, stillParked, taskParallelization: enabled, max });
  if (!enabled) {
    b.check('PAR-03', false, `without Task Parallelization the parked task keeps the user Connected`);
  } else {
    const below = stillParked < max;
    b.check(
      'PAR-14',
      below,
      below
        ? `${plural(stillParked, 'parked task')} remain, below the Task Parallelization limit of ${max}`
        : `${plural(stillParked, 'parked task')} remain, the Task Parallelization limit of ${max}`,
    );
  }
  return b.done(`the end of ${endedCall} frees the user`, refusal(`the user stays Connected after ${endedCall} ends`, b));
}

/** PAR-11: a parked task is resumed by the user who parked it, so only a call this user holds parked resumes. */
export function resumesOwnParkedTask({ parkedCalls, call }: { parkedCalls: readonly string[]; call: string }): Decision<boolean> {
  const own = parkedCalls.includes(call);
  const b = new DecisionBuilder('resumesOwnParkedTask', { call, parkedCalls: [...parkedCalls] });
  b.check('PAR-11', own, own ? `the user parked ${call} and resumes it` : `the user holds no parked task ${call}: only the user who parked it resumes it`);
  return b.done(`the user resumes ${call}`, refusal(`the user cannot resume ${call}`, b));
}
