/**
 * The exit codes a CI script branches on, one test per code, through the real command (docs/reference/cli.md):
 * 0 all passed, 1 a scenario failed or errored, 2 invalid input or usage (nothing run), 3 internal error.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runNode } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A step at a time already past: the scenario asks for something impossible, a harness error. */
const harnessError = `name: a step in the past
services: [{ id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }]
users: [{ id: ann, upn: ann@contoso.com }, { id: bob, upn: bob@contoso.com }]
steps:
  - wait: 1m
  - duty: { user: ann, state: On Duty }
    at: 10s
`;

vi.mock('../../../sim/runner.js', async (original) => ({
  ...(await original<typeof import('../../../sim/runner.js')>()),
  runScenario: () => Promise.reject(new TypeError('a defect inside the engine')),
}));

describe.concurrent('exit codes', () => {
  it('0: every scenario passed', async ({ expect }) => {
    expect((await cli('run', 'scenarios/scenario-b.yaml', '--reporter', 'plain')).code).toBe(0);
  });

  it('1: an expectation failed', async ({ expect }) => {
    expect((await cli('run', 'test/fixtures/cli/failing.yaml', '--reporter', 'plain')).code).toBe(1);
  });

  it('1: a scenario errored (a harness error is a failed run, not invalid input), with reports written', async ({ expect }) => {
    const file = join(dir, 'impossible.yaml');
    writeFileSync(file, harnessError);
    const out = join(dir, 'reports');
    const r = await cli('run', file, '--out', out);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/impossible\.yaml:6/);
    expect(r.stdout).toMatch(/earlier than the current virtual time/);
    expect(existsSync(join(out, 'nimbus-sim.json'))).toBe(true);
  });

  it('2: invalid input or usage, nothing run', async ({ expect }) => {
    expect((await cli('run', 'test/fixtures/cli/broken.yaml', '--reporter', 'plain')).code).toBe(2);
    expect((await cli('run', '--no-such-option')).code).toBe(2);
    expect((await cli('no-such-command')).code).toBe(2);
    expect((await cli()).code).toBe(2);
  });

  it('3: an internal error, with the stack for the maintainers and a request to report it', async ({ expect }) => {
    const { main } = await import('../../../app/cli/main.js');
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['run', 'scenarios/scenario-b.yaml', '--reporter', 'plain'])).toBe(3);
    } finally {
      spy.mockRestore();
      stdout.mockRestore();
    }
    expect(stderr.join('')).toMatch(/internal error: TypeError: a defect inside the engine/);
    expect(stderr.join('')).toMatch(/Please report this/);
  });

  it('the help text states the same four codes', async ({ expect }) => {
    const text = (await cli('--help')).stdout;
    expect(text).toMatch(/0 all passed, 1 a scenario failed or errored/);
    expect(text).toMatch(/2 invalid input or usage \(nothing run\), 3 internal error/);
  });
});
