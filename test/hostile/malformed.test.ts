/**
 * Hostile input (issue 7): every malformed file is rejected with file:line:col, a message and a hint or an
 * expectation, in bounded time and memory, never with a crash; the CLI answers exit 2 and writes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { loadScenarioFile, parseScenarioText } from '../../sim/scenario/load.js';
import { runScenario } from '../../sim/runner.js';
import { cli } from '../helpers/cli.js';
import { MALFORMED } from './corpus.js';

const dir = 'test/fixtures/malformed';
const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function problemsOf(file: string) {
  try {
    loadScenarioFile(file);
  } catch (err) {
    if (err instanceof ScenarioLoadError) return err.problems;
    throw err;
  }
  throw new Error(`${file} loaded, but it is malformed on purpose`);
}

describe('the malformed corpus', () => {
  it('has at least 400 files and every one of them is pinned below', () => {
    const files = readdirSync(dir).filter((f) => !f.startsWith('_'));
    expect(files.length).toBeGreaterThanOrEqual(400);
    expect(MALFORMED.map((m) => m.file).sort()).toEqual(files.sort());
  });

  for (const m of MALFORMED) {
    it(`${m.file} → ${m.line}:${m.column} ${m.says}`, () => {
      const problems = problemsOf(join(dir, m.file));
      const first = problems[0]!;
      expect(first.file).toContain('fixtures/malformed/');
      expect([first.line, first.column]).toEqual([m.line, m.column]);
      expect(first.message).toContain(m.says);
      // A user can act on every problem: it names what was expected or how to fix it, or is self-explanatory.
      for (const p of problems) expect(`${p.message} ${p.expected ?? ''} ${p.hint ?? ''}`.length).toBeGreaterThan(15);
    });
  }
});

describe('oversized input', () => {
  it('a 50 MB file is refused up front, quickly and without reading it into the parser', () => {
    const file = join(scratch, 'huge.yaml');
    writeFileSync(file, `name: huge\nsteps:\n${'  - wait: 1s\n'.repeat(4_200_000)}`);
    const started = process.memoryUsage().rss;
    const problems = problemsOf(file);
    expect(problems[0]?.message).toMatch(/larger than|too large|MB/i);
    expect(process.memoryUsage().rss - started).toBeLessThan(400 * 1024 * 1024);
  });
});

describe('impossible steps are harness errors at the step, not crashes', () => {
  const base = `services: [{ id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }]
users: [{ id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }, { id: bob, upn: bob@contoso.com }]
`;
  const cases: [string, string, RegExp][] = [
    ['a step at a time already past', `  - wait: 1m\n  - duty: { user: ann, state: On Duty }\n    at: 10s\n`, /earlier than the current virtual time/],
  ];
  for (const [what, steps, says] of cases) {
    it(what, async () => {
      const scenario = parseScenarioText(`name: ${what}\n${base}steps:\n${steps}`, `${what}.yaml`);
      const result = await runScenario(scenario);
      expect(result.status).toBe('error');
      expect(result.error?.message).toMatch(says);
      expect(result.error?.line).toBeGreaterThan(3);
      expect(result.error?.hint).toBeTruthy();
    });
  }
});

// Two independent runs into their own folders: side by side.
describe.concurrent('through the CLI', () => {
  it('a folder of malformed files: exit 2, every file:line:col listed, no stack trace, no report written', async ({ expect }) => {
    const out = join(scratch, 'reports');
    const r = await cli('run', dir, '--out', out, '--reporter', 'plain');
    expect(r.status).toBe(2);
    for (const m of MALFORMED.filter((x) => x.line > 0).slice(0, 20)) expect(r.stderr).toContain(`${m.file}:${m.line}:${m.column}`);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('an impossible step: a scenario error, exit 1 (the file was valid and the run happened), with the step line', async ({ expect }) => {
    const file = join(scratch, 'impossible.yaml');
    writeFileSync(file, `name: impossible\nusers: [{ id: bob, upn: bob@contoso.com }]\nservices: [{ id: A, license: Enterprise Routing, assignment: MS Teams-based }]\nsteps:\n  - wait: 1m\n  - duty: { user: bob, state: On Duty }\n    at: 10s\n`);
    const r = await cli('run', file, '--reporter', 'plain', '--out', join(scratch, 'r2'));
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/impossible\.yaml:6/);
  });
});
