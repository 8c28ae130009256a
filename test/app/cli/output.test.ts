/** What `run` prints for people: a failed expectation on one screen, more only when asked for. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe.concurrent('a failed expectation', () => {
  it('takes at most 20 lines by default: file:line, expected and actual, each deciding rule once with inputs, the commands for more', async ({ expect }) => {
    const r = await cli('run', 'test/fixtures/cli/failing.yaml', '--out', join(dir, 'reports'));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length, r.stdout).toBeLessThanOrEqual(20);
    expect(r.stdout).toContain('test/fixtures/cli/failing.yaml:8  expect task: c1');
    expect(r.stdout).toContain('expected: {"state":"Connected"}');
    expect(r.stdout).toContain('actual:   {"state":"Ringing"}');
    expect(r.stdout).toMatch(/servicePstnLicense → no \[LIC-01\] {2}service=.*purpose=transfer/);
    // The explanation once, not in the steps, the calls and the failures again.
    expect(count(r.stdout, 'servicePstnLicense')).toBe(1);
    expect(count(r.stdout, 'expected: {"state":"Connected"}')).toBe(1);
    expect(r.stdout).toContain('npx nimbus-sim run test/fixtures/cli/failing.yaml --verbose');
    expect(r.stdout).toContain('npx nimbus-sim why test/fixtures/cli/failing.yaml --call c1');
  });

  it('--verbose prints every step and every rule check, as the reports keep them', async ({ expect }) => {
    const r = await cli('run', 'test/fixtures/cli/failing.yaml', '--reporter', 'plain', '--verbose');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').length).toBeGreaterThan(40);
    expect(r.stdout).toMatch(/✗ LIC-01 PSTN number needs the provisioning script/);
    expect(r.stdout).toMatch(/L7 +inboundCall/);
  });

  it('a passing single scenario still shows its steps and decisions (how Scenario B is read)', async ({ expect }) => {
    const r = await cli('run', 'scenarios/scenario-b.yaml', '--reporter', 'plain');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/refused: .*\[.*XFER-03/);
  });
});

describe.concurrent('report files', () => {
  it('JUnit times are wall-clock seconds per scenario (virtual time a property); the JSON report is the same run after run', async ({ expect }) => {
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    const runs = await Promise.all([first, second].map((out) => cli('run', 'scenarios/scenario-a.yaml', 'scenarios/scenario-b.yaml', '--out', out)));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const junit = readFileSync(join(first, 'junit.xml'), 'utf8');
    const times = [...junit.matchAll(/<testcase [^>]*time="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(times).toHaveLength(2);
    for (const t of times) expect(t).toBeGreaterThan(0);
    expect(junit).toMatch(/<property name="nimbus-sim.virtualSeconds" value="\d+\.\d{3}"/);
    expect(readFileSync(join(second, 'nimbus-sim.json'), 'utf8')).toBe(readFileSync(join(first, 'nimbus-sim.json'), 'utf8'));
  });
});

describe.concurrent('--allow-outside-root', () => {
  it('is what the hint says: without it an extends outside the suite is an error, with it the file loads', async ({ expect }) => {
    mkdirSync(join(dir, 'suite'));
    mkdirSync(join(dir, 'common'));
    writeFileSync(join(dir, 'common', '_tenant.yaml'), 'users:\n  - { id: ann, upn: ann@contoso.com }\n');
    writeFileSync(join(dir, 'suite', 'a.yaml'), 'name: outside\nextends: ../common/_tenant.yaml\nsteps: [{ wait: 1s }]\n');
    const [refused, checked, ran] = await Promise.all([
      cli('check', join(dir, 'suite')),
      cli('check', join(dir, 'suite'), '--allow-outside-root'),
      cli('run', join(dir, 'suite'), '--allow-outside-root', '--reporter', 'plain'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/a\.yaml:2:10: extends "\.\.\/common\/_tenant\.yaml" leaves the suite root/);
    expect(refused.stderr).toContain('pass --allow-outside-root');
    expect(checked.code).toBe(0);
    expect(ran.code).toBe(0);
  });
});
