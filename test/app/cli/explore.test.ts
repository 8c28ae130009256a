/**
 * `nimbus-sim explore` without a terminal (the plain transcript) exits with the CLI's codes
 * (docs/reference/cli.md): 0 every step ran and held, 1 a step met a harness error or an expectation failed,
 * 2 invalid input or usage. The interactive explorer's code after q is tested in a real terminal
 * (test/e2e/tui.tmux.test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function explore(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', 'explore', ...args], { input: null });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent('explore exit codes', () => {
  it('0: every step ran and every expectation held (a refusal the scenario expects is not a failure)', async ({ expect }) => {
    const r = await explore('scenarios/scenario-b.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/L30 transfer ✗ carl transfers c1/);
  }, 60_000);

  it('1: an expectation failed', async ({ expect }) => {
    const r = await explore('test/fixtures/cli/failing.yaml');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/expect ✗/);
  }, 60_000);

  it('1: a harness error (the scenario asks for something impossible) stops the steps', async ({ expect }) => {
    const file = join(dir, 'impossible.yaml');
    writeFileSync(
      file,
      `name: a step at a time already past
services: [{ id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }]
users: [{ id: ann, upn: ann@contoso.com }, { id: bob, upn: bob@contoso.com }]
steps:
  - wait: 1m
  - duty: { user: ann, state: On Duty }
    at: 10s
`,
    );
    const r = await explore(file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/L6 duty ✗/);
    expect(r.stdout).toMatch(/error: .*at: 10s is earlier than the current virtual time 1m/);
  }, 60_000);

  it('2: an invalid scenario or a usage error, nothing explored, no stack trace', async ({ expect }) => {
    const [broken, two] = await Promise.all([explore('test/fixtures/cli/broken.yaml'), explore('scenarios/scenario-a.yaml', 'scenarios/scenario-b.yaml')]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('explore takes one scenario file');
    for (const r of [broken, two]) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
