/**
 * Problems of the input are listed apart from what passed: `check` and `lint` on a folder or files that mix
 * valid scenarios with a schema error, an unknown rule id and malformed YAML; `run` on a suite where one
 * scenario stops with a harness error, in the console and in every report.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scenarioA = readFileSync('scenarios/scenario-a.yaml', 'utf8');
const scenarioB = readFileSync('scenarios/scenario-b.yaml', 'utf8');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nimbus-problems-'));
  writeFileSync(join(dir, 'ok-a.yaml'), scenarioA);
  writeFileSync(join(dir, 'ok-b.yaml'), scenarioB);
  writeFileSync(join(dir, 'bad-schema.yaml'), scenarioA.replace(/^tags:.*$/m, 'tags: 5'));
  writeFileSync(join(dir, 'bad-id.yaml'), scenarioA.replace(/^because:.*$/m, 'because: [XFER-99]'));
  writeFileSync(join(dir, 'bad-yaml.yaml'), 'name: broken\nsteps: [\n  - foo: {\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('nimbus-sim check on valid and invalid files together', () => {
  it('lists every problem, then counts problems and valid files apart, and exits 2', async ({ expect }) => {
    const r = await cli('check', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'bad-schema.yaml')}:`);
    expect(r.stderr).toContain(`${join(dir, 'bad-id.yaml')}:`);
    expect(r.stderr).toContain(`${join(dir, 'bad-yaml.yaml')}:`);
    expect(r.stderr).not.toContain('ok-a.yaml');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^\d+ problems in 3 scenario files; 2 scenario files valid; nothing was run\.$/);
  });

  it('says "valid" only when every file is', async ({ expect }) => {
    const r = await cli('check', join(dir, 'ok-a.yaml'), join(dir, 'ok-b.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2 scenario files valid\n');
  });
});

describe.concurrent('nimbus-sim lint on valid and invalid files together', () => {
  it('loads every file first: the problems are listed on their own, no finding is printed, exit 2', async ({ expect }) => {
    const r = await cli('lint', join(dir, 'ok-a.yaml'), join(dir, 'bad-id.yaml'), join(dir, 'ok-b.yaml'), join(dir, 'bad-yaml.yaml'), join(dir, 'missing.yaml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'bad-id.yaml')}:`);
    expect(r.stderr).toContain(`${join(dir, 'bad-yaml.yaml')}:`);
    expect(r.stderr).toContain('missing.yaml: no such file');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^\d+ problems in 3 files; 2 loaded; nothing was linted\.$/);
  });

  it('lints valid files as before', async ({ expect }) => {
    const r = await cli('lint', join(dir, 'ok-a.yaml'), join(dir, 'ok-b.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'ok-a.yaml')}\n`);
    expect(r.stdout).toMatch(/\d+ errors?, \d+ warnings?, \d+ notes?/);
  });
});

describe.concurrent('nimbus-sim run with a scenario that stops on a harness error', () => {
  it('lists it under Errors in the console, Markdown, HTML and JUnit, never as a pass, and counts it', async ({ expect }) => {
    const suite = mkdtempSync(join(tmpdir(), 'nimbus-stop-'));
    const out = join(suite, 'reports');
    try {
      writeFileSync(join(suite, 'ok-a.yaml'), scenarioA);
      const stopped = scenarioA
        .replace(/^name: .*$/m, 'name: stops early')
        .replace('  - answer: { user: anna, call: c1 }\n', '  - answer: { user: anna, call: c1 }\n  - wait: 1m\n  - duty: { user: ben, state: On Duty }\n    at: 10s\n');
      writeFileSync(join(suite, 'stopped.yaml'), stopped);
      const r = await cli('run', suite, '--reporter', 'plain,md,html,junit', '--out', out);
      expect(r.code).toBe(1);
      const errors = r.stdout.indexOf('Errors (1): stopped before the end');
      expect(errors).toBeGreaterThan(0);
      expect(r.stdout.slice(errors)).toMatch(/^! stops early {2}\S*stopped\.yaml:\d+$/m);
      expect(r.stdout).not.toMatch(/^✓ stops early/m);
      expect(r.stdout).toContain('2 scenarios: 1 passed, 0 failed, 1 error');
      const md = readFileSync(join(out, 'summary.md'), 'utf8');
      expect(md.indexOf('### Errors')).toBeGreaterThan(0);
      expect(md.slice(md.indexOf('### Errors'), md.indexOf('### Scenarios'))).toContain('#### ⚠️ stops early');
      expect(md).not.toContain('### Failures');
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      expect(html).toContain('<h2 class="error">Errors (1)</h2>');
      const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
      expect(junit).toMatch(/errors="1"/);
      const testcase = junit.slice(junit.indexOf('name="stops early"'));
      const own = testcase.slice(0, testcase.indexOf('</testcase>'));
      expect(own).toContain('<error ');
      expect(own).not.toContain('<failure');
    } finally {
      rmSync(suite, { recursive: true, force: true });
    }
  });
});
