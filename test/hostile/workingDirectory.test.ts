/**
 * Issue 15, silent wrong results: `diff` and `--shard` used paths relative to the working directory, so two
 * runs of one suite started from different folders showed every scenario as removed and new ("0 worse",
 * exit 0: a regression hid), and a CI matrix started from mixed folders ran 133 of 160 scenarios. Both now
 * use the path inside the suite (`suitePath` in the JSON report).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { diffRuns, formatRunDiff, parseRunReport, type RunReport } from '../../sim/diff.js';

const run = promisify(execFile);
const repo = resolve('.');
const bin = join(repo, 'bin/nimbus-sim.js');
const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-cwd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One shard of the built-in suite, started from `cwd` with the suite named as seen from there. */
async function shardFrom(cwd: string, suite: string, k: number, n: number): Promise<RunReport> {
  const out = join(scratch, `${cwd === repo ? 'root' : 'inside'}-${k}`);
  await run(process.execPath, [bin, 'run', suite, '--reporter', 'json', '--seed', '9', '--shard', `${k}/${n}`, '--out', out], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  const text = readFileSync(join(out, 'nimbus-sim.json'), 'utf8');
  return parseRunReport(text, out);
}

describe('the built-in suite from the repository root and from inside scenarios/', () => {
  it('gives identical shards that cover every scenario once, and diff says 0 new, 0 removed, 0 changed', { timeout: 300_000 }, async () => {
    const n = 2;
    const all = new Set<string>();
    for (let k = 1; k <= n; k++) {
      const [fromRoot, fromInside] = await Promise.all([shardFrom(repo, 'scenarios', k, n), shardFrom(join(repo, 'scenarios'), '.', k, n)]);
      // The working directory still shows in `file`, so the test would pass vacuously if it did not differ.
      expect(fromRoot.scenarios[0]?.file).toMatch(/^scenarios\//);
      expect(fromInside.scenarios[0]?.file).not.toMatch(/^scenarios\//);
      expect(fromInside.scenarios.map((s) => s.suitePath)).toEqual(fromRoot.scenarios.map((s) => s.suitePath));
      const d = diffRuns(fromRoot, fromInside);
      expect(formatRunDiff(d).split('\n')[0]).toBe(`0 worse, 0 better, 0 changed otherwise, ${fromRoot.scenarios.length} unchanged, 0 new, 0 removed`);
      for (const s of fromRoot.scenarios) {
        expect(all.has(`${s.suitePath}#${s.name}`)).toBe(false);
        all.add(`${s.suitePath}#${s.name}`);
      }
    }
    // Every scenario file of the suite (names starting with "_" or "." are fragments or hidden, never run).
    const files = readdirSync(join(repo, 'scenarios'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml') && !f.split('/').some((part) => part.startsWith('_') || part.startsWith('.')));
    expect(all.size).toBe(files.length);
  });
});

describe('diff matches scenarios by their place in the suite', () => {
  const report = (scenarios: { file: string; suitePath?: string; status: 'passed' | 'failed' }[]) =>
    parseRunReport(JSON.stringify({ scenarios: scenarios.map((s) => ({ name: 'transfer', ...s })) }), 'report');

  it('a regression in a run started from another folder is worse, not removed and new', () => {
    const before = report([{ file: 'scenarios/rules/x.yaml', suitePath: 'rules/x.yaml', status: 'passed' }]);
    const after = report([{ file: 'rules/x.yaml', suitePath: 'rules/x.yaml', status: 'failed' }]);
    const d = diffRuns(before, after);
    expect([d.worse, d.added.length, d.removed.length]).toEqual([1, 0, 0]);
  });

  it('the same file name in two folders of the suite stays two scenarios', () => {
    const both = report([
      { file: 'a/x.yaml', suitePath: 'a/x.yaml', status: 'passed' },
      { file: 'b/x.yaml', suitePath: 'b/x.yaml', status: 'passed' },
    ]);
    const d = diffRuns(both, report([{ file: 'a/x.yaml', suitePath: 'a/x.yaml', status: 'passed' }]));
    expect(d.removed.map((s) => s.file)).toEqual(['b/x.yaml']);
  });

  it('a report written before suitePath existed is still matched, by file', () => {
    const old = report([{ file: 'scenarios/x.yaml', status: 'passed' }]);
    const now = report([{ file: 'scenarios/x.yaml', suitePath: 'x.yaml', status: 'failed' }]);
    const d = diffRuns(old, now);
    expect([d.worse, d.added.length, d.removed.length]).toEqual([1, 0, 0]);
  });
});
