/**
 * The one step player: how a scenario step plays against a run (its `at`/`after` time, `expect`, `wait`,
 * an action verb run to quiet) and what it did. The runner, the explorer and its time travel, property runs
 * and `why` play steps only through here; a load day starts its verbs through `act`, as a step does.
 */
import { formatDuration } from '../../src/domain/duration.js';
import { evaluateExpect } from '../assertions.js';
import type { StepResult } from '../result.js';
import type { Step } from '../scenario/schema.js';
import { StepError } from './errors.js';
import type { ScenarioRun } from './run.js';
import { runVerb } from './verbs/index.js';
import type { VerbOutcome } from './verbs/types.js';
import type { World } from './world.js';

/** A step that acts on the world through a verb (not one that reads or moves the clock). */
export type ActionStep = Exclude<Step, { verb: 'expect' | 'wait' }>;

/** Where playing stopped early: a step the scenario cannot run (its author's mistake, exit 2). */
export interface Halt {
  line: number;
  error: StepError;
}

/**
 * Play step `index` of the run's scenario: wait for its time, then check, wait or act. The result is
 * recorded on the run and returned. A step the scenario cannot run throws StepError; anything else thrown
 * is a defect of the simulator.
 */
export async function playStep(run: ScenarioRun, index: number): Promise<StepResult> {
  const step = run.scenario.steps[index];
  if (step === undefined) throw new StepError(`no step ${index + 1}`);
  const line = run.scenario.stepLines[index] ?? 0;
  await run.world.advanceTo(timeOf(run.world, step));
  const result = await perform(run.world, step, index, line);
  run.steps.push(result);
  return result;
}

/** Play every step in order, stopping at the first one the scenario cannot run. */
export async function playSteps(run: ScenarioRun): Promise<Halt | null> {
  for (const index of run.scenario.steps.keys()) {
    try {
      await playStep(run, index);
    } catch (err) {
      if (err instanceof StepError) return { line: run.scenario.stepLines[index] ?? 0, error: err };
      throw err;
    }
  }
  return null;
}

/**
 * Start a verb as background work of the world (`settle()` waits for it); `then` hears what it did. With
 * `stale`, a verb the moment no longer allows (StepError: the call was taken, hung up, ...) goes there;
 * without it, that error fails the settle like any other.
 */
export function act(world: World, step: ActionStep, then: (outcome: VerbOutcome) => void, stale?: (err: StepError) => void): void {
  const run = runVerb(world, step);
  world.track(
    stale
      ? run.then(then, (err: unknown) => {
          if (err instanceof StepError) stale(err);
          else throw err;
        })
      : run.then(then),
  );
}

/** The virtual time a step runs at: its `at`, `after` the previous step, or now. Never in the past. */
function timeOf(world: World, step: Step): number {
  const now = world.clock.now();
  const target = step.at !== undefined ? step.at : step.after !== undefined ? now + step.after : now;
  if (target < now) {
    throw new StepError(`at: ${formatDuration(target)} is earlier than the current virtual time ${formatDuration(now)}`, 'steps run in order; use after: for a delay from the previous step');
  }
  return target;
}

async function perform(world: World, step: Step, index: number, line: number): Promise<StepResult> {
  const at = world.clock.now();
  if (step.verb === 'expect') {
    const assertions = evaluateExpect(world, step.args).map((c) => ({ ...c, line }));
    return { index, line, verb: 'expect', at, text: `expect ${assertions.map((c) => `${c.key} ${c.subject}`).join(', ')}`, ok: null, assertions };
  }
  if (step.verb === 'wait') {
    // Waiting moves the clock itself, so it runs outside the tracked work it waits for.
    await world.advanceTo(at + step.args);
    return { index, line, verb: 'wait', at, text: `wait ${formatDuration(step.args)}`, ok: null };
  }
  world.note('step', 'step', () => `${step.verb}${step.note ? ` — ${step.note}` : ''}`);
  let outcome: VerbOutcome | undefined;
  act(world, step, (o) => {
    outcome = o;
  });
  await world.settle();
  if (!outcome) throw new Error(`step ${step.verb} did not finish`);
  const result: StepResult = { index, line, verb: step.verb, at, text: outcome.text, ok: outcome.ok };
  if (outcome.decision) result.decision = outcome.decision;
  return result;
}
