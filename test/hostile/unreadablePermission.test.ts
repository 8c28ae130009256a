/**
 * Issue 15: a folder without read permission inside a suite stops the command with its path instead of being
 * skipped. Tests run as root, which reads every folder, so the refusal is injected: `readdirSync` of the
 * folder named `locked` fails with EACCES as it does for an ordinary user.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { ScenarioUsageError } from '../../sim/scenario/errors.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (fs.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

const suite = mkdtempSync(join(tmpdir(), 'nimbus-sim-locked-'));
afterAll(() => rmSync(suite, { recursive: true, force: true }));

describe('a folder that cannot be read for lack of permission', () => {
  it('is a usage error naming the folder, not a skipped folder', () => {
    mkdirSync(join(suite, 'locked'));
    writeFileSync(join(suite, 'locked', 'hidden.yaml'), 'name: hidden\nsteps:\n  - wait: 1s\n');
    writeFileSync(join(suite, 'open.yaml'), 'name: open\nsteps:\n  - wait: 1s\n');
    let error: unknown;
    try {
      discoverScenarioFiles([suite]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioUsageError);
    const problems = (error as ScenarioUsageError).problems;
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([`${join(suite, 'locked')}: cannot be read: permission denied`]);
    expect(problems[0]?.hint).toMatch(/read access/);
  });
});
