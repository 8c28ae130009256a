/**
 * Where a day's time goes, by layer: the day once more in a child process under V8's sampling profiler
 * (`node --cpu-prof`), each sample given to the layer of the function it was taken in (its own code, not its
 * callees). XState's share is the part of the day no engine, mock or rule change can remove while the
 * machines and the events a call needs stay as they are; it is measured inside the day, not priced from a
 * bare actor as the XState floor is.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, sep } from 'node:path';
import { type DayOptions, runDayChild } from './day.js';
import { ROOT } from './environment.js';

/** The parts of a V8 `.cpuprofile` the attribution reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const LAYERS = [
  'XState',
  'agent and call session machines (src/machines)',
  'rules (src/rules, src/domain)',
  'engine (sim/)',
  'mock Graph and PSTN (mocks/)',
  'msw, @msw/data, zod',
  'other packages',
  'Node.js and V8 built-ins',
  'garbage collection',
  'the CLI (app/)',
] as const;
export type Layer = (typeof LAYERS)[number];

export interface LayerShare {
  layer: Layer;
  /** Time sampled in the layer's own code. */
  ms: number;
  /** Of all the samples, idle ones left out. */
  share: number;
}

const PROJECT_LAYERS: [RegExp, Layer][] = [
  [/^src\/machines\//, 'agent and call session machines (src/machines)'],
  [/^src\//, 'rules (src/rules, src/domain)'],
  [/^sim\//, 'engine (sim/)'],
  [/^mocks\//, 'mock Graph and PSTN (mocks/)'],
  [/^(app|bin)\//, 'the CLI (app/)'],
];

/** The layer of a sampled function, from its script's URL (`root`: the repository, whose dist/ mirrors it). */
export function layerOf(url: string, functionName: string, root: string): Layer | 'idle' {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  const path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const packageAt = path.lastIndexOf('/node_modules/');
  if (packageAt >= 0) {
    const pkg = path.slice(packageAt + '/node_modules/'.length);
    if (pkg.startsWith('xstate/')) return 'XState';
    if (/^(msw|@msw|@mswjs|zod)\//.test(pkg)) return 'msw, @msw/data, zod';
    return 'other packages';
  }
  const rootPrefix = root.endsWith(sep) ? root : `${root}${sep}`;
  if (path.startsWith(rootPrefix)) {
    const inRepo = path.slice(rootPrefix.length).replace(/^dist\//, '');
    for (const [pattern, layer] of PROJECT_LAYERS) if (pattern.test(inRepo)) return layer;
    return 'the CLI (app/)';
  }
  return 'Node.js and V8 built-ins';
}

/** The day's own module (sim/load/day, compiled or not); `runDay` starts a day with `openDay`. */
const DAY_FILE = /\/sim\/load\/day\.[jt]s$/;
const DAY_OPENS = 'openDay';

/**
 * The samples of the day itself: from the first one taken in `openDay` to the last one with any of the day
 * module's functions on its stack, so the process's start (module loading), argument parsing and the report
 * written after the day stay out, as they stay out of the day's own wall time. The whole profile when no
 * sample is in `openDay`.
 */
function dayWindow(profile: CpuProfile): { from: number; to: number } {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const within = (id: number, name?: string): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = frame.get(at);
      if (f !== undefined && DAY_FILE.test(f.url) && (name === undefined || f.functionName === name)) return true;
    }
    return false;
  };
  const from = profile.samples.findIndex((id) => within(id, DAY_OPENS));
  const to = profile.samples.findLastIndex((id) => within(id));
  return from >= 0 && to >= from ? { from, to } : { from: 0, to: profile.samples.length - 1 };
}

/** Each layer's sampled time in the day and its share, in the order of LAYERS. */
export function layerShares(profile: CpuProfile, root: string): LayerShare[] {
  const layerOfNode = new Map(profile.nodes.map((n) => [n.id, layerOf(n.callFrame.url, n.callFrame.functionName, root)]));
  const ms = new Map<Layer, number>(LAYERS.map((l) => [l, 0]));
  const { from, to } = dayWindow(profile);
  for (let i = from; i <= to; i++) {
    const layer = layerOfNode.get(profile.samples[i] ?? -1);
    if (layer === undefined || layer === 'idle') continue;
    ms.set(layer, (ms.get(layer) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  return LAYERS.map((layer) => ({ layer, ms: ms.get(layer) ?? 0, share: total === 0 ? 0 : (ms.get(layer) ?? 0) / total }));
}

export interface ProfiledDay {
  /** The profiled day's own wall time (slower than an unprofiled one: sampling costs a little). */
  wallMs: number;
  layers: LayerShare[];
}

/**
 * The day in a child process under the sampling profiler; the profile of the process that ran the day is
 * the largest one written (the launcher, which starts it, writes a small one of its own). Null when the
 * child failed.
 */
export function profiledDay(options: DayOptions, log: (text: string) => void): ProfiledDay | null {
  const dir = mkdtempSync(join(os.tmpdir(), 'nimbus-bench-profile-'));
  try {
    const run = runDayChild(options, log, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    if (run === null) return null;
    const largest = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => ({ path: join(dir, f), size: statSync(join(dir, f)).size }))
      .reduce<{ path: string; size: number } | null>((a, b) => (a === null || b.size > a.size ? b : a), null);
    if (largest === null) {
      log('profiled day wrote no profile');
      return null;
    }
    return { wallMs: run.result.run.wallMs, layers: layerShares(JSON.parse(readFileSync(largest.path, 'utf8')) as CpuProfile, ROOT) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
