/** `why` on a fragment names the file the user gave, never the wrapper it is loaded through. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent('nimbus-sim why on a fragment', () => {
  it('prints and writes the path as given, in text and JSON, and in a "no such call" message', async ({ expect }) => {
    const [text, json, missing] = await Promise.all([
      cli('why', 'scenarios/cob/_tenant.yaml', '--user', 'alice', '--service', 'Sales'),
      cli('why', 'scenarios/cob/_tenant.yaml', '--user', 'alice', '--service', 'Sales', '--json'),
      cli('why', 'scenarios/cob/_tenant.yaml', '--call', 'c9'),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Why: user alice and service Sales in scenarios/cob/_tenant.yaml (at the start of the scenario)');
    expect(JSON.parse(json.stdout)).toMatchObject({ scenario: 'scenarios/cob/_tenant.yaml' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^no call "c9" in scenarios\/cob\/_tenant\.yaml;/);
    for (const out of [text.stdout, json.stdout, missing.stderr]) expect(out).not.toMatch(/support\.yaml|\/tmp\//);
  });
});

describe.concurrent('nimbus-sim why on a scenario that stops with a harness error', () => {
  it('says so under its own heading, with file:line:column and hint, in text and JSON, and exits 1', async ({ expect }) => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-why-'));
    try {
      // Scenario A with a step at a time already past: the player stops at that step (a harness error).
      const a = readFileSync('scenarios/scenario-a.yaml', 'utf8');
      const stopped = a.replace('  - answer: { user: anna, call: c1 }\n', '  - answer: { user: anna, call: c1 }\n  - wait: 1m\n  - duty: { user: ben, state: On Duty }\n    at: 10s\n');
      expect(stopped).not.toBe(a);
      const file = join(dir, 'stopped.yaml');
      writeFileSync(file, stopped);
      const line = stopped.split('\n').findIndex((l) => l.includes('duty: { user: ben')) + 1;
      const [text, json, complete] = await Promise.all([cli('why', file, '--call', 'c1'), cli('why', file, '--call', 'c1', '--json'), cli('why', 'scenarios/scenario-a.yaml', '--call', 'c1')]);
      expect(text.code, text.stderr).toBe(1);
      const problem = text.stdout.slice(text.stdout.indexOf('\nProblem: the scenario stopped before its end'));
      expect(problem).toContain(`${file}:${line}:1: at: 10s is earlier than the current virtual time 1m`);
      expect(problem).toContain('    hint: ');
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ status: 'error', problem: { line, message: expect.stringContaining('is earlier than the current virtual time') } });
      expect(complete.code).toBe(0);
      expect(complete.stdout).not.toContain('Problem:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
