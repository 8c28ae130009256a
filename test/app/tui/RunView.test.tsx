import { EventEmitter } from 'node:events';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RunView, firstFailureLine, runViewLayout } from '../../../app/tui/RunView.js';
import type { ScenarioResult } from '../../../sim/result.js';
import { expectFits, renderAt, resize, until } from './screen.js';
import { startRunView } from '../../../app/tui/renderRun.js';
import { scenarioA, scenarioB, scenarioError } from '../../fixtures/results.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RunView', () => {
  it('shows progress, a row per finished scenario and the first expected-vs-actual line of failures', () => {
    const { lastFrame, unmount } = render(<RunView total={4} done={[scenarioA(), scenarioB(), scenarioError()]} running="Scenario D - last one" />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('3/4 scenarios · 1 passed · 2 failed · running Scenario D - last one');
    expect(frame).toMatch(/PASS\s+Scenario A - licensed first service transfers to PSTN\s+4\/4 assertions\s+1m30s/);
    expect(frame).toMatch(/FAIL\s+Scenario B - PSTN transfer after internal transfer\s+2\/3 assertions\s+30s250ms/);
    expect(frame).toMatch(/ERROR\s+Scenario E - typo in a user id\s+0\/0 assertions\s+0s/);
    const flat = frame.replace(/\s+/g, ' ');
    // One row per failure, cut at the width (the whole failure is printed when the run ends).
    expect(flat).toContain('lastResult transfer c1 → pstn:+41795550199 (line 24): expected {"ok":true}, actual {"ok":false');
    expect(flat).toContain('error (line 9): unknown user "baa" in step answer');
    const table = frame.indexOf('PASS');
    expect(frame.indexOf('✗ Scenario B')).toBeGreaterThan(table);
    unmount();
  });

  it('renders an empty run and updates when re-rendered', async () => {
    const { lastFrame, rerender, unmount } = render(<RunView total={2} done={[]} running="Scenario A" />);
    expect(lastFrame()).toContain('0/2 scenarios · 0 passed · 0 failed · running Scenario A');
    expect(lastFrame()).not.toContain('PASS');
    rerender(<RunView total={2} done={[scenarioA(), scenarioA()]} />);
    await tick();
    expect(lastFrame()).toContain('2/2 scenarios · 2 passed · 0 failed');
    expect(lastFrame()).not.toContain('running');
    expect(lastFrame()).not.toContain('✗');
    unmount();
  });

  it('describes a failure without an assertion', () => {
    const s = scenarioB();
    s.failures = [];
    expect(firstFailureLine(s)).toBe('failed without a recorded assertion');
  });
});

describe('RunView at 80x24 with a long run', () => {
  const longRun = (n: number): ScenarioResult[] =>
    Array.from({ length: n }, (_, i) => {
      const r = i % 4 === 3 ? scenarioB() : scenarioA();
      r.name = `Scenario ${String(i + 1).padStart(2, '0')} - ${r.name}`;
      return r;
    });

  it('shares the rows: everything when it fits, else the newest rows and up to a quarter for the failures', () => {
    expect(runViewLayout(3, 1, 23)).toEqual({ table: 3, failures: 1 });
    expect(runViewLayout(0, 0, 23)).toEqual({ table: 0, failures: 0 });
    expect(runViewLayout(64, 16, 23)).toEqual({ table: 9, failures: 5 });
    expect(runViewLayout(64, 0, 23)).toEqual({ table: 21, failures: 0 });
    for (const [done, bad] of [[64, 16], [64, 0], [30, 30], [5, 5]] as const) {
      const { table, failures } = runViewLayout(done, bad, 23);
      const used = 1 + (done > 0 ? 1 + table : 0) + (bad > 0 ? 1 + 2 * failures + (failures < bad ? 1 : 0) : 0);
      expect(used, `${done} done, ${bad} failed`).toBeLessThanOrEqual(23);
    }
  });

  it('fits 80x24 while 64 scenarios come in, the newest row always in view, and follows a resize', async () => {
    const done = longRun(64);
    const ui = await renderAt(<RunView total={64} done={done.slice(0, 1)} running="Scenario 02" />);
    for (let n = 2; n <= 64; n += 7) {
      ui.rerender(<RunView total={64} done={done.slice(0, n)} running={`Scenario ${n + 1}`} />);
      const frame = expectFits(await until(ui.lastFrame, `${n}/64 scenarios`));
      expect(frame).toContain(`Scenario ${String(n).padStart(2, '0')} -`);
    }
    ui.rerender(<RunView total={64} done={done} />);
    const last = expectFits(await until(ui.lastFrame, '64/64 scenarios'));
    expect(last).toMatch(/… \d+ earlier scenario\(s\)/);
    expect(last).toMatch(/… 11 more failed/);
    expect(last).toContain('Scenario 64 -');
    await resize(ui, 60, 12);
    expect(expectFits(ui.lastFrame(), 60, 12)).toContain('Scenario 64 -');
    ui.unmount();
  });
});

/** Just enough of a TTY write stream for Ink. */
class FakeTty extends EventEmitter {
  isTTY = true;
  columns = 120;
  rows = 40;
  output = '';
  write(chunk: string | Uint8Array): boolean {
    this.output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

describe('startRunView', () => {
  it('does nothing on a non-TTY stdout', async () => {
    const stdout = new FakeTty();
    stdout.isTTY = false;
    const view = startRunView(2, { stdout: stdout as unknown as NodeJS.WriteStream });
    expect(view.active).toBe(false);
    view.update({ total: 2, done: [scenarioA()] });
    await view.finish();
    expect(stdout.output).toBe('');
  });

  it('renders updates on a TTY and finishes once', async () => {
    const stdout = new FakeTty();
    const view = startRunView(2, { stdout: stdout as unknown as NodeJS.WriteStream });
    expect(view.active).toBe(true);
    view.update({ total: 2, done: [scenarioA()], running: 'Scenario B' });
    view.update({ total: 2, done: [scenarioA(), scenarioB()] });
    await view.finish();
    await view.finish();
    view.update({ total: 2, done: [] });
    expect(stdout.output).toContain('2/2 scenarios');
    expect(stdout.output).toContain('Scenario B - PSTN transfer after internal transfer');
    expect(stdout.output).toContain('FAIL');
  });
});
