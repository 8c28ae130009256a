/** The `nimbus-sim` command as a user runs it: a real process, real exit codes, real output. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'nimbus-sim-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent('nimbus-sim <command> --help', () => {
  it('prints the command usage and options and exits 0, for every command', async ({ expect }) => {
    const commands = ['run', 'load', 'diff', 'why', 'check'];
    const [helps, loadH, runHelp] = await Promise.all([Promise.all(commands.map((c) => cli(c, '--help'))), cli('load', '-h'), cli('run', '--help')]);
    commands.forEach((command, i) => {
      expect(helps[i]!.code, `${command}: ${helps[i]!.stderr}`).toBe(0);
      expect(helps[i]!.stdout).toMatch(new RegExp(`^Usage: npx nimbus-sim ${command}\\b`));
    });
    expect(loadH.stdout).toContain('--calls N');
    expect(runHelp.stdout).toContain('--shard K/N');
  });
});

describe.concurrent('nimbus-sim run', () => {
  it('explains Scenario B: first responding service, missing PSTN license, XFER-03', async ({ expect }) => {
    const r = await cli('run', 'scenarios/scenario-b.yaml', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/first responding service: B/);
    expect(r.stdout).toMatch(/service B answered the call first/);
    expect(r.stdout).toMatch(/service B has no PSTN number and its resource account holds no PSTN license/);
    expect(r.stdout).toContain('XFER-03');
    expect(existsSync(join(out, 'nimbus-sim.json'))).toBe(true);
    expect(existsSync(join(out, 'junit.xml'))).toBe(true);
  });

  it('runs the scenario-format spec example unchanged', async ({ expect }) => {
    const r = await cli('run', 'test/fixtures/cli/spec-example.yaml', '--reporter', 'plain');
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('exits 1 when an expectation fails, with expected vs actual', async ({ expect }) => {
    const r = await cli('run', 'test/fixtures/cli/failing.yaml', '--reporter', 'plain');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expected/i);
    expect(r.stdout).toContain('Connected');
  });

  it('exits 2 on a malformed file with file:line:col, expectation and hint, no stack trace, no reports', async ({ expect }) => {
    const before = existsSync(join(out, 'broken'));
    const r = await cli('run', 'test/fixtures/cli/broken.yaml', '--out', join(out, 'broken'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:4:\d+/);
    expect(r.stderr).toMatch(/Enterprise Routing/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    expect(existsSync(join(out, 'broken'))).toBe(before);
  });

  it('exits 2 on an unknown command or option', async ({ expect }) => {
    expect((await cli('runn')).code).toBe(2);
    expect((await cli('run', '--no-such-flag')).code).toBe(2);
  });
});

describe.concurrent('nimbus-sim check and schema', () => {
  it('check validates the built-in suite', async ({ expect }) => {
    const r = await cli('check', 'scenarios');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid/);
  });

  it('schema prints the committed JSON Schema', async ({ expect }) => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')));
  });
});

describe.concurrent('nimbus-sim in a pipeline', () => {
  it('a reader that stops early (| head) ends the run quietly, not with an EPIPE crash', async ({ expect }) => {
    const r = spawnSync('bash', ['-c', `node bin/nimbus-sim.js run scenarios --reporter plain --out ${JSON.stringify(join(out, 'pipe'))} | head -1; echo "status=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stdout).toMatch(/status=0/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
  });
});
