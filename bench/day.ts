/**
 * Contact-center days, each in a child process (`nimbus-sim load --json`) so one day's heap, JIT state and
 * peak RSS never colour another's: the day step, and the growth curve (the day at 1×, 2× and 4×).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DayResult } from '../sim/load/day.js';
import { ROOT } from './environment.js';
import type { CurvePoint } from './figures.js';

export type DayOptions = CurvePoint['options'];

/** `nimbus-sim load`'s defaults: the contact-center day of issue #19. */
export const DAY: DayOptions = { agents: 300, services: 12, calls: 30_000, cob: 3_000, hours: 8, seed: 1 };

/** A fraction of the day: calls, Call on Behalf and hours scaled; the tenant (agents, services) stays. */
export function scaledDay(base: DayOptions, scale: number): DayOptions {
  return { ...base, calls: Math.round(base.calls * scale), cob: Math.round(base.cob * scale), hours: base.hours * scale };
}

/** The day `factor` times bigger: agents, services, calls and Call on Behalf multiplied, the hours the same. */
export function biggerDay(base: DayOptions, factor: number): DayOptions {
  return { ...base, agents: base.agents * factor, services: base.services * factor, calls: base.calls * factor, cob: base.cob * factor };
}

export const sameDay = (a: DayOptions, b: DayOptions): boolean =>
  (Object.keys(a) as (keyof DayOptions)[]).every((k) => a[k] === b[k]);

export const describeDay = (o: DayOptions): string =>
  `${o.agents} agents, ${o.services} services, ${o.calls} calls, ${o.cob} COB, ${o.hours} h`;

export interface DayRun {
  result: DayResult;
  /** The child process from spawn to exit: start, tenant generation, the day, writing the JSON. */
  processWallMs: number;
}

/**
 * One day in a child process; null (and the child's output on stderr) when it failed. `nodeArgs` go to Node
 * before the CLI (the launcher passes them on to the process that runs the day).
 */
export function runDayChild(options: DayOptions, log: (text: string) => void, nodeArgs: string[] = []): DayRun | null {
  const dir = mkdtempSync(join(os.tmpdir(), 'nimbus-bench-'));
  const json = join(dir, 'day.json');
  const args = [...nodeArgs, 'bin/nimbus-sim.js', 'load', '--quiet', '--json', json, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, String(v)])];
  log(`day: ${nodeArgs.length > 0 ? `node ${nodeArgs.join(' ')} ` : ''}nimbus-sim ${args.slice(nodeArgs.length + 1).join(' ')}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 ** 2 });
  const processWallMs = performance.now() - t0;
  try {
    if (r.status !== 0) {
      log(`day failed (exit ${r.status})\n${r.stdout}`);
      return null;
    }
    return { result: JSON.parse(readFileSync(json, 'utf8')) as DayResult, processWallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function curvePoint(factor: number, options: DayOptions, run: DayRun, reusedDayStep: boolean): CurvePoint {
  const r = run.result.run;
  return {
    factor,
    options,
    wallMs: r.wallMs,
    processWallMs: run.processWallMs,
    events: r.events,
    eventsPerSecond: r.eventsPerSecond,
    graphRequests: r.graphRequests,
    peakRssBytes: r.peakRssBytes,
    reusedDayStep,
  };
}

/**
 * The day at 1×, 2× and 4× (shortened by `scale`: calls, Call on Behalf and hours), each in its own child.
 * The 1× point is the day step's run when that ran the same options: the same day twice would only add noise.
 * A point whose child failed is left out.
 */
export function growthCurve(scale: number, daySteps: { options: DayOptions; run: DayRun } | null, log: (text: string) => void): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (const factor of [1, 2, 4]) {
    const options = biggerDay(scaledDay(DAY, scale), factor);
    const reuse = factor === 1 && daySteps !== null && sameDay(daySteps.options, options);
    if (reuse) log(`curve 1×: the day step's run (same options)`);
    const run = reuse ? daySteps.run : runDayChild(options, log);
    if (run !== null) points.push(curvePoint(factor, options, run, reuse));
  }
  return points;
}
