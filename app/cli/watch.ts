/**
 * `run --watch`: after the first run, waits for files to change and runs again the scenarios the change
 * touches (sim/watch.ts plans which), until Ctrl-C. The suite's folders are watched recursively (a new
 * scenario is found), and the folder of every file a scenario extends outside them. Saves arrive as bursts
 * of events (an editor writes, renames, touches), so a re-run starts once the files have been quiet for a
 * moment.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { planRerun, scenarioReads, type ScenarioReads } from '../../sim/watch.js';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';

/** How long the files must be quiet before a re-run: one editor save is several events within a few ms. */
const SETTLE_MS = 150;

/** Runs the scenarios (absolute paths) given, or every scenario for `undefined`; its exit code is shown, not returned. */
export type RunCycle = (only: ReadonlySet<string> | undefined) => Promise<number>;

interface WatchOptions {
  /** Where the "watching" and "re-running" lines go (stderr when stdout carries the JSON report). */
  humanOut: NodeJS.WritableStream;
}

/** Runs `cycle` for everything, then again for what each change touches, until SIGINT; returns 0 then. */
export async function watchRuns(paths: readonly string[], cycle: RunCycle, { humanOut }: WatchOptions): Promise<number> {
  let stop: () => void = () => undefined;
  const stopped = new Promise<'stop'>((done) => (stop = () => done('stop')));
  process.on('SIGINT', stop);
  try {
    const first = await cycle(undefined);
    let reads = currentReads(paths);
    // Nothing to watch (a path that does not exist, a folder without scenarios): the first run said why.
    if (reads.size === 0) return first;
    for (;;) {
      const watchers = watchFolders(paths, reads);
      humanOut.write(`watching ${reads.size} scenario${reads.size === 1 ? '' : 's'} for changes; Ctrl-C to stop\n`);
      const changed = await Promise.race([watchers.changes, stopped]);
      watchers.close();
      if (changed === 'stop') return 0;
      // Read again: the change may add a scenario, remove one, or point an `extends` elsewhere.
      const fresh = currentReads(paths);
      const only = new Set(planRerun(reads, fresh, changed));
      reads = fresh;
      if (only.size === 0) continue;
      humanOut.write(`\n${[...changed].map((f) => relative(process.cwd(), f)).join(', ')} changed: running ${only.size} scenario${only.size === 1 ? '' : 's'} again\n`);
      await cycle(only);
      reads = currentReads(paths);
    }
  } finally {
    process.off('SIGINT', stop);
  }
}

/** What every scenario under `paths` reads; none while the suite itself cannot be listed (a run says why). */
function currentReads(paths: readonly string[]): ScenarioReads {
  try {
    return scenarioReads(discoverScenarioFiles([...paths]));
  } catch (err) {
    if (err instanceof ScenarioLoadError) return new Map();
    throw err;
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

interface Watchers {
  /** The changed files (absolute) of the first burst of changes. */
  changes: Promise<Set<string>>;
  close(): void;
}

function watchFolders(paths: readonly string[], reads: ScenarioReads): Watchers {
  // A file named on the command line is watched through its folder: an editor that saves by renaming a new
  // file over the old one would leave a watcher on the file itself looking at the old, deleted one.
  const roots = paths.map((p) => resolve(p)).filter(isFolder);
  const inside = (file: string): boolean => roots.some((root) => file.startsWith(`${root}${sep}`));
  const folders = new Set<string>(paths.map((p) => resolve(p)).filter((p) => !isFolder(p)).map((p) => dirname(p)));
  for (const files of reads.values()) for (const f of files) if (!inside(f)) folders.add(dirname(f));
  const watchers: FSWatcher[] = [];
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let settled: (files: Set<string>) => void = () => undefined;
  const changes = new Promise<Set<string>>((done) => (settled = done));
  const seen = (folder: string) => (_event: string, name: string | Buffer | null) => {
    changed.add(name === null ? folder : join(folder, name.toString()));
    clearTimeout(timer);
    timer = setTimeout(() => settled(changed), SETTLE_MS);
  };
  for (const root of roots) watchers.push(watch(root, { recursive: true }, seen(root)));
  for (const folder of folders) {
    try {
      watchers.push(watch(folder, seen(folder)));
    } catch {
      // A folder that is gone holds nothing to run; the run names the missing fragment.
    }
  }
  return {
    changes,
    close: () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
