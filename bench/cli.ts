/** The CLI as a user starts it: the built-in suite through `nimbus-sim run`, and `--help`'s cold start. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './environment.js';
import { median } from './inProcess.js';

/** The built-in suite through the CLI (a child process, as CI runs it), `runs` times: the median wall time. */
export function suiteThroughCli(runs: number, log: (text: string) => void): { ms: number; scenarios: number; passed: number } {
  const dir = mkdtempSync(join(os.tmpdir(), 'nimbus-bench-suite-'));
  try {
    const times: number[] = [];
    let scenarios = 0;
    let passed = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['bin/nimbus-sim.js', 'run', 'scenarios', '--reporter', 'plain,json', '--out', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 64 * 1024 ** 2,
      });
      times.push(performance.now() - t0);
      if (r.status === 2) log(`suite: exit 2\n${r.stderr.slice(0, 2000)}`);
      try {
        const report = JSON.parse(readFileSync(join(dir, 'nimbus-sim.json'), 'utf8')) as { totals: { scenarios: number; passed: number } };
        scenarios = report.totals.scenarios;
        passed = report.totals.passed;
      } catch {
        // no report: counted as 0 scenarios
      }
    }
    return { ms: median(times), scenarios, passed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median wall time of `node args` over `runs` starts. */
export function coldStart(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}
