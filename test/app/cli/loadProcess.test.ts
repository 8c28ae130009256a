/**
 * `nimbus-sim load` runs the day in a child Node with a larger young generation (bin/nimbus-sim.js): the
 * extra process must be invisible to a user or a CI script. Output, exit codes and signals pass through, and
 * stopping the command leaves no simulation running behind it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SMALL_DAY = ['load', '--agents', '2', '--services', '1', '--calls', '5', '--cob', '0', '--hours', '0.05', '--quiet'];

/** Node processes whose command line runs a day of this test (the marker seed is unusual on purpose). */
function daysRunning(seed: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes('nimbus-sim.js load') && line.includes(`--seed ${seed}`));
}

describe('load runs in a child process that a user never notices', () => {
  it('prints the day and exits 0; a usage error still exits 2 with its hint', () => {
    const ok = spawnSync(process.execPath, ['bin/nimbus-sim.js', ...SMALL_DAY], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^contact-center day: 2 agents/);
    const bad = spawnSync(process.execPath, ['bin/nimbus-sim.js', 'load', '--calls', 'many'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--calls takes a whole number/);
    expect(bad.stdout).toBe('');
  });

  it('SIGTERM sent to the command alone ends the day too, with the signal, and leaves no process behind', async () => {
    const seed = '424242';
    const day = spawn(process.execPath, ['bin/nimbus-sim.js', 'load', '--calls', '30000', '--hours', '8', '--quiet', '--seed', seed], { stdio: 'ignore' });
    // Wait until the child Node that runs the day exists (two processes carry the marker seed).
    for (let i = 0; i < 200 && daysRunning(seed).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(daysRunning(seed)).toHaveLength(2);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => day.on('exit', (_code, signal) => resolve(signal)));
    day.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    for (let i = 0; i < 100 && daysRunning(seed).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(daysRunning(seed)).toEqual([]);
  }, 30_000);
});
