import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RunApp } from '../../../../app/tui/run/RunApp.js';
import { detailLines, elapsed, progressBar, visibleRows } from '../../../../app/tui/run/model.js';
import { buildTimeline } from '../../../../app/tui/timeline/model.js';
import { scenarioA, scenarioB, scenarioError } from '../../../fixtures/results.js';

const tick = () => new Promise((r) => setTimeout(r, 0));
const DOWN = '\u001b[B';
const ESC = '\u001b';
const flat = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ');
/** Ink tells a lone ESC from the start of an escape sequence after a short pause. */
async function press(stdin: { write(s: string): void }, ...keys: string[]) {
  for (const k of keys) {
    stdin.write(k);
    await (k === ESC ? new Promise((r) => setTimeout(r, 60)) : tick());
  }
}
async function until(frame: () => string | undefined, text: string | RegExp): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const f = flat(frame());
    if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`screen never showed ${String(text)}:\n${frame() ?? ''}`);
}

describe('run view model', () => {
  it('filters by failures and by text over name, file and tags', () => {
    const done = [scenarioA(), scenarioB(), scenarioError()];
    expect(visibleRows(done, { onlyFailures: true, text: '' }).map((r) => r.index)).toEqual([1, 2]);
    expect(visibleRows(done, { onlyFailures: false, text: 'TYPO' }).map((r) => r.result.name)).toEqual(['Scenario E - typo in a user id']);
    expect(visibleRows(done, { onlyFailures: false, text: '' })).toHaveLength(3);
  });
  it('draws the progress bar and the elapsed time', () => {
    expect(progressBar(1, 4, 8)).toBe('██░░░░░░');
    expect(progressBar(0, 0, 4)).toBe('████');
    expect(elapsed(61_500)).toBe('1:01');
  });
  it('puts failures (expected, actual, why with rule ids and titles) before the steps', () => {
    const lines = detailLines(scenarioB());
    expect(lines[0]).toBe('Failures (1):');
    const text = lines.join('\n');
    expect(text).toMatch(/expected: \{"ok":true\}/);
    expect(text).toMatch(/actual: {3}\{"ok":false,"because":\["XFER-03"\]\}/);
    expect(text).toMatch(/✗ XFER-03 Unlicensed first service, failed PSTN transfer/);
    expect(text.indexOf('Failures')).toBeLessThan(text.indexOf('Steps:'));
  });
});

describe('RunApp', () => {
  const base = { total: 4, startedAt: 0, now: () => 75_000 };

  it('shows progress with counts and elapsed time, the table, and the key footer', () => {
    const ui = render(<RunApp {...base} done={[scenarioA(), scenarioB()]} running="Scenario E" finished={false} />);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toMatch(/[█░]+ 2\/4 · 1 passed · 1 failed · 1:15 · running Scenario E/);
    expect(frame).toMatch(/PASS\s+Scenario A - licensed first service transfers to PSTN\s+1m30s\s+4\/4 assertions/);
    expect(frame).toMatch(/FAIL\s+Scenario B - PSTN transfer after internal transfer\s+30s250ms\s+2\/3 assertions/);
    expect(frame).toContain('↑↓ move · enter open · t timeline · f failures only · / filter · q quit');
    ui.unmount();
  });

  it('f shows failures only; enter opens expected vs actual and the decision trail; esc goes back', async () => {
    const ui = render(<RunApp {...base} done={[scenarioA(), scenarioB(), scenarioError()]} finished />);
    expect(ui.lastFrame()).toContain('· done');
    await press(ui.stdin, 'f');
    expect(ui.lastFrame()).toContain('failures only · 2 of 3');
    expect(ui.lastFrame()).not.toContain('PASS');
    await press(ui.stdin, '\r');
    const detail = flat(ui.lastFrame());
    expect(detail).toContain('Failures (1):');
    expect(detail).toContain('expected: {"ok":true}');
    expect(detail).toContain('✗ XFER-03 Unlicensed first service, failed PSTN transfer');
    expect(detail).toContain('esc back');
    await press(ui.stdin, ESC);
    await press(ui.stdin, DOWN, '\r');
    await until(ui.lastFrame, 'unknown user "baa"');
    ui.unmount();
  });

  it('/ filters the table as you type; esc clears the filter', async () => {
    const ui = render(<RunApp {...base} done={[scenarioA(), scenarioB(), scenarioError()]} finished />);
    await press(ui.stdin, '/', 't', 'y', 'p');
    expect(ui.lastFrame()).toContain('filter: typ▏');
    expect(ui.lastFrame()).toContain('1 of 3');
    expect(ui.lastFrame()).not.toContain('Scenario A');
    await press(ui.stdin, '\r');
    expect(ui.lastFrame()).toContain('filter: typ ·');
    await press(ui.stdin, '/', ESC);
    expect(ui.lastFrame()).toContain('Scenario A');
    ui.unmount();
  });

  it('t opens the timeline of the selected scenario from the loader', async () => {
    const asked: string[] = [];
    const loadTimeline = async (r: { name: string }) => {
      asked.push(r.name);
      return buildTimeline([{ at: 0, lane: 'user:bea:status', label: 'Ringing' }], []);
    };
    const ui = render(<RunApp {...base} done={[scenarioA(), scenarioB()]} finished loadTimeline={loadTimeline} />);
    await press(ui.stdin, DOWN, 't');
    await until(ui.lastFrame, 'bea status');
    expect(asked).toEqual(['Scenario B - PSTN transfer after internal transfer']);
    expect(ui.lastFrame()).toMatch(/bea status\s+┃Ringing/);
    await press(ui.stdin, ESC);
    await until(ui.lastFrame, 'Failures (1):');
    ui.unmount();
  });
});
