/**
 * Determinism (issue 7): every built-in scenario, run three times with the same seed, gives a byte-identical
 * JSON report; a different seed changes only the seed fields.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario, suiteOf } from '../../sim/runner.js';
import { toJsonReport } from '../../sim/report/json.js';
import { cli } from '../helpers/cli.js';

describe('determinism of the built-in suite', () => {
  it('three runs of every scenario with the same seed give byte-identical JSON', async () => {
    const scenarios = discoverScenarioFiles(['scenarios']).map((f) => loadScenarioFile(f));
    expect(scenarios.length).toBeGreaterThan(10);
    const reportOf = async () => toJsonReport(suiteOf(await Promise.all(scenarios.map((s) => runScenario(s, { seed: 1234 }))), 1234));
    const first = await reportOf();
    expect(await reportOf()).toBe(first);
    expect(await reportOf()).toBe(first);
  });
});

describe('determinism across shards', () => {
  it('each scenario gives the same JSON whether the suite runs whole or split into 3 shards by the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-shards-'));
    try {
      const runCli = (out: string, ...extra: string[]) => cli('run', 'scenarios', '--reporter', 'json', '--seed', '5', '--out', join(dir, out), ...extra);
      const byScenario = (out: string) => {
        const report = JSON.parse(readFileSync(join(dir, out, 'nimbus-sim.json'), 'utf8')) as { scenarios: { file: string }[] };
        return new Map(report.scenarios.map((s) => [s.file, JSON.stringify(s)]));
      };
      // The whole suite and its three shards at once, each in its own output folder.
      const runs = await Promise.all([runCli('whole'), ...[1, 2, 3].map((k) => runCli(`shard${k}`, '--shard', `${k}/3`))]);
      expect(runs.map((r) => r.status), runs.map((r) => r.stderr).join('\n')).toEqual([0, 0, 0, 0]);
      const whole = byScenario('whole');
      const sharded = new Map<string, string>();
      for (const k of [1, 2, 3]) {
        for (const [file, json] of byScenario(`shard${k}`)) {
          expect(sharded.has(file), `${file} ran in two shards`).toBe(false);
          sharded.set(file, json);
        }
      }
      expect([...sharded.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [file, json] of whole) expect(sharded.get(file), file).toBe(json);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
