/**
 * One run of a scenario: its world and what its steps did so far. Everything a run owns is made here, per
 * run, so runs side by side in one process (a concurrent suite, coverage while a suite runs) share nothing.
 */
import type { StepResult } from '../result.js';
import type { Scenario } from '../scenario/schema.js';
import { distributeAll } from './distribution.js';
import { createWorld } from './setup.js';
import type { World, WorldOptions } from './world.js';

export interface ScenarioRun {
  /** The scenario as written. */
  readonly scenario: Scenario;
  readonly world: World;
  /** What every step played so far did, in order. */
  readonly steps: StepResult[];
}

/**
 * A run on a new world whose queues are distributed whenever it is quiet. Not settled yet: whoever follows
 * the run (the explorer's trace) attaches first, then settles.
 */
export async function openRun(scenario: Scenario, options: WorldOptions = {}): Promise<ScenarioRun> {
  const world = await createWorld(scenario, options);
  world.onQuiet = () => distributeAll(world);
  return { scenario, world, steps: [] };
}
