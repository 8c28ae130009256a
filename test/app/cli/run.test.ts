/**
 * `run` with the config file and with `--out -`, as a user runs it: a real process in a temporary project.
 * Each case has a project of its own, so the cases run concurrently.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const base = mkdtempSync(join(tmpdir(), 'nimbus-sim-run-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let projects = 0;

/** A project with Scenario A and B under suite/ and the given files. */
function project(files: Record<string, string> = {}): string {
  const dir = join(base, `p${++projects}`);
  mkdirSync(join(dir, 'suite'), { recursive: true });
  for (const s of ['scenario-a.yaml', 'scenario-b.yaml']) cpSync(join(ROOT, 'scenarios', s), join(dir, 'suite', s));
  for (const [name, text] of Object.entries({ 'package.json': '{ "name": "qa" }\n', ...files })) writeFileSync(join(dir, name), text);
  return dir;
}

async function cli(cwd: string, ...args: string[]) {
  const r = await runNode([join(ROOT, 'bin', 'nimbus-sim.js'), 'run', ...args], { cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent('run with a config file', () => {
  it('takes suites, reporters and out from nimbus-sim.config.yaml', async ({ expect }) => {
    const dir = project({ 'nimbus-sim.config.yaml': 'suites: [suite]\nreporters: [plain, md]\nout: out/reports\nfilter: scenario b\n' });
    const r = await cli(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 scenario: 1 passed');
    expect(r.stdout).toContain(join('out', 'reports', 'summary.md'));
    expect(existsSync(join(dir, 'out', 'reports', 'nimbus-sim.json'))).toBe(false);
  });

  it('lets flags override the config, and --no-config ignore it', async ({ expect }) => {
    const dir = project({ 'nimbus-sim.config.yaml': 'suites: [suite]\nreporters: [plain, md]\nfilter: scenario b\n' });
    const r = await cli(dir, '--filter', 'scenario a', '--reporter', 'plain,json', '--out', 'mine');
    expect(r.stdout).toMatch(/Scenario A/);
    expect(r.stdout).not.toMatch(/Scenario B/);
    expect(existsSync(join(dir, 'mine', 'nimbus-sim.json'))).toBe(true);
    const ignored = await cli(dir, '--no-config', 'suite', '--out', 'all');
    expect(ignored.stdout).toContain('2 scenarios: 2 passed');
  });

  it('reads the nimbus-sim key of package.json', async ({ expect }) => {
    const dir = project({ 'package.json': '{ "name": "qa", "nimbus-sim": { "suites": ["suite/scenario-a.yaml"], "out": "r" } }\n' });
    const r = await cli(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'r', 'junit.xml'))).toBe(true);
  });

  it('refuses a bad config with file:line:column, expected and a hint, exit 2, nothing run', async ({ expect }) => {
    const dir = project({ 'nimbus-sim.config.yaml': 'suites: [suite]\nreporters: [plain, xml]\n' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nimbus-sim.config.yaml:2:20: reporters[1]: "xml" is not allowed here');
    expect(r.stderr).toContain('expected: one of: pretty, plain, json, junit, md, html');
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reads the file --config names', async ({ expect }) => {
    const dir = project({ 'ci.yaml': 'suites: [suite/scenario-b.yaml]\nout: ci-reports\n' });
    expect((await cli(dir, '--config', 'ci.yaml')).code).toBe(0);
    expect(existsSync(join(dir, 'ci-reports', 'nimbus-sim.json'))).toBe(true);
  });
});

describe.concurrent('run --out -', () => {
  it('writes only the JSON report to stdout and the human output to stderr, no files', async ({ expect }) => {
    const dir = project();
    const r = await cli(dir, 'suite', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { totals: { passed: number } };
    expect(report.totals.passed).toBe(2);
    expect(r.stderr).toContain('2 scenarios: 2 passed');
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('gives the same JSON as the report file of the same run', async ({ expect }) => {
    const dir = project();
    const [r] = await Promise.all([cli(dir, 'suite', '--out', '-', '--seed', '3'), cli(dir, 'suite', '--out', 'files', '--seed', '3')]);
    expect(r.stdout).toBe(readFileSync(join(dir, 'files', 'nimbus-sim.json'), 'utf8'));
  });

  it('refuses file reporters it cannot write, exit 2', async ({ expect }) => {
    const r = await cli(project(), 'suite', '--out', '-', '--reporter', 'plain,junit');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out - writes only the json report');
  });
});
