/** Where the benchmark runs: the machine, its load, the commit, and whether the CLI runs dist/ or the sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Machine } from './figures.js';

/** The repository root: the bench runs the CLI and writes reports from here, whatever the working directory. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const loadAverage = (): number[] => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: loadAverage(),
  };
}

/** The short commit, with `+changes` when the work tree differs from it: figures belong to the code that ran. */
export function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout.trim() === '' ? '' : '+changes'}`;
}

/** Mirrors bin/nimbus-sim.js: dist/ is used when its build stamp is newer than every source file. */
function distFresh(): boolean {
  const stamp = join(ROOT, 'dist/.build-stamp');
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
      const p = join(dir, e.name);
      return Math.max(n, e.isDirectory() ? newest(p) : /\.tsx?$/.test(e.name) ? statSync(p).mtimeMs : 0);
    }, 0);
  return ['src', 'sim', 'mocks', 'app'].map((d) => join(ROOT, d)).every((d) => !existsSync(d) || newest(d) <= built);
}

/** The CLI runs dist/ when it is built and current, the TypeScript sources through tsx otherwise; say which. */
export function cliFrom(): string {
  if (process.env.NIMBUS_SIM_FROM_SOURCE) return 'sources (NIMBUS_SIM_FROM_SOURCE)';
  return distFresh() ? 'dist' : 'sources (dist missing or stale: run npm run build first)';
}
