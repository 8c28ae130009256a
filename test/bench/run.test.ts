/**
 * `npm run bench` at a tiny scale (a few seconds of each day, one suite run): every figure of issue #19 is in
 * bench.json as a number, with its target. A smoke test of the benchmark's plumbing, slow for a unit test
 * (20 to 40 s: eight child processes, more when the machine is busy); it checks that figures are present, never what they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/figures.js';

const dir = mkdtempSync(join(os.tmpdir(), 'nimbus-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The figures issue #19 asks for; each must be measured in the run, whatever its value. */
const REQUIRED = [
  'day wall time',
  'day peak RSS',
  'bare actor.send',
  'engine, per actor event in the day',
  'per-event cost ratio (engine / bare send)',
  'XState floor of the day',
  'day by layer: XState',
  'day by layer: engine (sim/)',
  "XState's own code in the day",
  'the day outside XState',
  'mock request (mock.fetch, presence GET)',
  'bare msw getResponse, same handler',
  'mock request / bare msw getResponse',
  'day wall growth 1× → 2×',
  'day wall growth 2× → 4×',
  'day peak RSS at 4×',
  'built-in suite wall time',
  'nimbus-sim --help',
];

describe('npm run bench at a tiny scale (slow: child processes)', () => {
  it('writes every figure to bench.json as a number beside its target, and the curve at 1×, 2× and 4×', { timeout: 180_000 }, () => {
    const out = join(dir, 'bench.json');
    const args = ['--import', 'tsx', 'bench/run.ts', '--day-scale', '0.002', '--curve-scale', '0.002', '--suite-runs', '1', '--cold-start-runs', '1', '--rounds-scale', '0.1', '--out', out];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    const names = report.figures.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(REQUIRED));
    for (const f of report.figures) {
      expect(Number.isFinite(f.value), `${f.name}: ${String(f.value)}`).toBe(true);
      expect(f.target, f.name).not.toBe('');
    }
    expect(report.curve.map((p) => [p.factor, p.options.agents, p.options.calls])).toEqual([[1, 300, 60], [2, 600, 120], [4, 1200, 240]]);
    for (const p of report.curve) expect([p.wallMs, p.events, p.eventsPerSecond, p.peakRssBytes].every((n) => Number.isFinite(n) && n > 0), `curve ${p.factor}×`).toBe(true);
    expect(report.machine.loadAverage).toHaveLength(3);
    expect(r.stdout).toContain('growth curve');
  });
});
