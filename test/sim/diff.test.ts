import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffRuns, formatRunDiff, parseRunReport } from '../../sim/diff.js';
import { toJsonReport } from '../../sim/report/json.js';
import type { ScenarioResult } from '../../sim/result.js';
import { scenarioA, scenarioB, scenarioError, suiteOf } from '../fixtures/results.js';

const report = (...scenarios: ScenarioResult[]) => parseRunReport(toJsonReport(suiteOf(scenarios)), 'test');

/** Scenario B as it looks once the regression is fixed: passes, the transfer decision says yes. */
function bFixed(): ScenarioResult {
  const b = scenarioB();
  b.status = 'passed';
  b.assertions = { passed: b.assertions.passed + b.assertions.failed, failed: 0 };
  b.failures = [];
  return b;
}

describe('diffRuns', () => {
  it('finds nothing between a run and itself', () => {
    const d = diffRuns(report(scenarioA(), scenarioB()), report(scenarioA(), scenarioB()));
    expect(d).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2, worse: 0, better: 0 });
  });

  it('reports a verdict that got worse, and one that got better', () => {
    const worse = diffRuns(report(scenarioA(), bFixed()), report(scenarioA(), scenarioB()));
    expect(worse.worse).toBe(1);
    expect(worse.changed[0]).toMatchObject({ name: scenarioB().name, before: 'passed', after: 'failed', worse: true });
    const better = diffRuns(report(scenarioA(), scenarioB()), report(scenarioA(), bFixed()));
    expect(better).toMatchObject({ worse: 0, better: 1 });
    expect(formatRunDiff(worse)).toMatch(/^1 worse, 0 better/);
    expect(formatRunDiff(worse)).toContain('Worse');
  });

  it('treats failed → error as worse', () => {
    const err = scenarioError();
    const asFailed: ScenarioResult = { ...scenarioError(), status: 'failed', error: undefined };
    expect(diffRuns(report(asFailed), report(err)).worse).toBe(1);
  });

  it('lists new and removed scenarios', () => {
    const d = diffRuns(report(scenarioA()), report(scenarioB()));
    expect(d.added.map((s) => s.name)).toEqual([scenarioB().name]);
    expect(d.removed.map((s) => s.name)).toEqual([scenarioA().name]);
    expect(d.worse).toBe(0);
  });

  it('shows changed outcomes and decisions with the same verdict', () => {
    const after = scenarioB();
    const call = after.calls[0];
    const session = call?.serviceSessions[0];
    if (call === undefined || session === undefined) throw new Error('fixture has a call with a session');
    session.outcome = 'Error';
    const step = after.steps.find((s) => s.decision?.verdict === false);
    if (step?.decision === undefined) throw new Error('fixture has a decision');
    step.decision = { ...step.decision, verdict: true, because: ['XFER-01'] };
    const d = diffRuns(report(scenarioB()), report(after));
    expect(d.worse).toBe(0);
    const kinds = d.changed[0]?.changes.map((c) => c.kind);
    expect(kinds).toContain('outcome');
    expect(kinds).toContain('decision');
    expect(d.changed[0]?.changes.find((c) => c.kind === 'decision')?.after).toContain('[XFER-01]');
  });

  it('rejects files that are not reports with a reason', () => {
    expect(() => parseRunReport('{', 'x.json')).toThrow(/x\.json is not JSON/);
    expect(() => parseRunReport('{"scenarios": 3}', 'x.json')).toThrow(/not a nimbus-sim JSON report: scenarios/);
  });
});

describe('nimbus-sim diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-diff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, ...s: ScenarioResult[]) => {
    const file = join(dir, name);
    writeFileSync(file, toJsonReport(suiteOf(s)));
    return file;
  };
  const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/nimbus-sim.js', 'diff', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('exits 1 when a verdict got worse, 0 otherwise, 2 on bad input', () => {
    const good = write('good.json', scenarioA(), bFixed());
    const bad = write('bad.json', scenarioA(), scenarioB());
    const r = cli(good, bad);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('passed → failed');
    expect(cli(bad, good).status).toBe(0);
    expect(cli(good).status).toBe(2);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, 'not json');
    const b = cli(good, broken);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('broken.json is not JSON');
  });
});
