/**
 * Issue 15, silent wrong results: a folder that could not be read (a symbolic link loop, a dangling link, no
 * permission) was skipped and the run said everything passed, exit 0. Now the command names the path, exits
 * 2, runs nothing and writes no report. (Permission is tested in unreadablePermission.test.ts: tests run as
 * root here, and root reads every folder.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';

const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-unreadable-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const suite = join(scratch, 'suite');
const out = join(scratch, 'reports');
const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/nimbus-sim.js', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

beforeEach(() => {
  rmSync(suite, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(suite, 'transfers'), { recursive: true });
  copyFileSync('scenarios/scenario-a.yaml', join(suite, 'transfers', 'a.yaml'));
});

function expectRefused(path: string, says: string): void {
  for (const command of [['run', suite, '--reporter', 'plain', '--out', out], ['check', suite]]) {
    const r = cli(...command);
    expect(r.status, `${command[0]}: ${r.stdout}${r.stderr}`).toBe(2);
    expect(r.stderr).toContain(`${path}: ${says}`);
    expect(r.stderr).toContain('nothing was run');
    expect(r.stdout).not.toContain('passed');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+:\d+/);
  }
  expect(existsSync(out)).toBe(false);
}

describe('a suite with something that cannot be read', () => {
  it('a symbolic link loop inside the suite: exit 2, the link named, nothing run', () => {
    symlinkSync('loop-b', join(suite, 'loop-a'));
    symlinkSync('loop-a', join(suite, 'loop-b'));
    expectRefused(join(suite, 'loop-a'), 'is a symbolic link loop');
  });

  it('a dangling link inside the suite, whatever its name: exit 2, the link and its target named', () => {
    symlinkSync('../moved-away', join(suite, 'regression'));
    expectRefused(join(suite, 'regression'), 'is a dangling symbolic link (to "../moved-away", which does not exist)');
  });

  it('a dangling link named on the command line: exit 2, not "no such file"', () => {
    symlinkSync('gone.yaml', join(scratch, 'given.yaml'));
    const r = cli('run', join(scratch, 'given.yaml'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(scratch, 'given.yaml')}: is a dangling symbolic link`);
    rmSync(join(scratch, 'given.yaml'));
  });

  it('a link back to a folder of the suite is no problem: every scenario is found once', () => {
    symlinkSync('..', join(suite, 'transfers', 'up'));
    expect(discoverScenarioFiles([suite]).map((f) => relative(suite, f))).toEqual(['transfers/a.yaml']);
    expect(cli('check', suite).status).toBe(0);
  });

  it('links starting with _ or . are skipped as documented, dangling or not', () => {
    symlinkSync('nowhere', join(suite, '_old'));
    symlinkSync('nowhere', join(suite, '.cache'));
    expect(cli('check', suite).status).toBe(0);
  });
});
