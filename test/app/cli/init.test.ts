/** `nimbus-sim init` in an empty project: the starting files, a suite that passes, and no overwriting. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const base = mkdtempSync(join(tmpdir(), 'nimbus-sim-init-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let projects = 0;

function fresh(): string {
  const dir = join(base, `p${++projects}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{ "name": "qa" }\n');
  return dir;
}

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nimbus-sim.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STARTER = ['nimbus-sim.config.yaml', 'scenarios/scenario-a.yaml', 'scenarios/scenario-b.yaml', 'test/nimbus.test.ts', '.github/workflows/nimbus-sim.yml'];

describe('nimbus-sim init', () => {
  it('writes the config, Scenario A and B, the vitest test and the CI workflow; run then passes', () => {
    const dir = fresh();
    const r = cli(dir, 'init');
    expect(r.code, r.stderr).toBe(0);
    for (const f of STARTER) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, 'test/nimbus.test.ts'), 'utf8')).toContain("from 'nimbus-sim/vitest'");
    expect(readFileSync(join(dir, 'scenarios/scenario-b.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/nimbus-sim\/schema\/scenario\.schema\.json\n/);
    const run = cli(dir, 'run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 scenarios: 2 passed');
    expect(existsSync(join(dir, 'reports', 'junit.xml'))).toBe(true);
  });

  it('writes a workflow with a shard matrix, JUnit, the job summary and the vitest job', () => {
    const dir = fresh();
    cli(dir, 'init');
    const workflow = parse(readFileSync(join(dir, '.github/workflows/nimbus-sim.yml'), 'utf8')) as { jobs: Record<string, { strategy?: { matrix: { shard: number[] } }; steps: { run?: string; uses?: string }[] }> };
    const scenarios = workflow.jobs['scenarios']!;
    const shards = scenarios.strategy!.matrix.shard;
    const runs = scenarios.steps.map((s) => s.run ?? s.uses ?? '').join('\n');
    expect(runs).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(runs).toMatch(/--reporter [a-z,]*junit/);
    expect(runs).toContain('$GITHUB_STEP_SUMMARY');
    expect(runs).toContain('action-junit-report');
    expect(workflow.jobs['vitest']!.steps.map((s) => s.run).join('\n')).toContain('npx vitest run');
  });

  it('refuses to replace an existing file, names it, writes nothing, exit 2; --force replaces', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'scenarios/scenario-a.yaml'), 'mine\n');
    const r = cli(dir, 'init');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scenarios/scenario-a.yaml');
    expect(r.stderr).toContain('--force');
    expect(existsSync(join(dir, 'nimbus-sim.config.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'scenarios/scenario-a.yaml'), 'utf8')).toBe('mine\n');
    expect(cli(dir, 'init', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'scenarios/scenario-a.yaml'), 'utf8')).toContain('Scenario A');
  });
});
