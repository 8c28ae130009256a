import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RunApp } from '../../../../app/tui/run/RunApp.js';
import { detailLines, elapsed, progressBar, visibleRows } from '../../../../app/tui/run/model.js';
import { ExplorerSession } from '../../../../app/tui/explorer/session.js';
import { buildTimeline } from '../../../../app/tui/timeline/model.js';
import { wrapLines } from '../../../../app/tui/window.js';
import { loadScenarioFile } from '../../../../sim/scenario/load.js';
import type { ScenarioResult } from '../../../../sim/result.js';
import { scenarioA, scenarioB, scenarioError } from '../../../fixtures/results.js';
import { expectFits, renderAt, resize, screenLines, until } from '../screen.js';

const tick = () => new Promise((r) => setTimeout(r, 0));
const DOWN = '\u001b[B';
const ESC = '\u001b';
/** Ink tells a lone ESC from the start of an escape sequence after a short pause. */
async function press(stdin: { write(s: string): void }, ...keys: string[]) {
  for (const k of keys) {
    stdin.write(k);
    await (k === ESC ? new Promise((r) => setTimeout(r, 60)) : tick());
  }
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
    expect(frame).toContain('↑↓ move · enter open · t timeline · f failures · / filter · ? help · q quit');
    ui.unmount();
  });

  it('f shows failures only; enter opens expected vs actual and the decision trail; esc goes back', async () => {
    const ui = render(<RunApp {...base} done={[scenarioA(), scenarioB(), scenarioError()]} finished />);
    expect(ui.lastFrame()).toContain('· done');
    await press(ui.stdin, 'f');
    expect(ui.lastFrame()).toContain('failures only · 2 of 3');
    expect(ui.lastFrame()).not.toContain('PASS');
    await press(ui.stdin, '\r');
    const detail = (ui.lastFrame() ?? '').replace(/\s+/g, ' ');
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
    await until(ui.lastFrame, 'filter: typ▏');
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

/** A long run: 64 scenarios, every fifth and the last failed, every seventh errored, each with its number in its name. */
function longRun(): ScenarioResult[] {
  return Array.from({ length: 64 }, (_, i) => {
    const r = i % 5 === 4 || i === 63 ? scenarioB() : i % 7 === 6 ? scenarioError() : scenarioA();
    r.name = `Scenario ${String(i + 1).padStart(2, '0')} - ${r.name}`;
    r.file = `scenarios/long/${i + 1}.yaml`;
    return r;
  });
}

const PAGE_DOWN = '\u001b[6~';

describe('RunApp at 80x24 with a long run', () => {
  const base = { total: 64, startedAt: 0, now: () => 75_000 };

  it('every page fits 80x24; the table, the detail page and the help scroll to their last row', async () => {
    const done = longRun();
    const ui = await renderAt(<RunApp {...base} done={done} finished />);
    const first = expectFits(await until(ui.lastFrame, 'rows 1–18 of 64'));
    expect(first).toContain('Scenario 01');
    expect(first).not.toContain('Scenario 19');
    await press(ui.stdin, 'G');
    const end = expectFits(await until(ui.lastFrame, 'rows 47–64 of 64'));
    expect(end).toMatch(/› FAIL\s+Scenario 64/);
    await press(ui.stdin, '\r');
    const detail = expectFits(await until(ui.lastFrame, 'Failures (1):'));
    expect(detail).toMatch(/scroll \(1–19 of \d+\)/);
    for (let i = 0; i < 10; i++) await press(ui.stdin, PAGE_DOWN);
    const lines = wrapLines(detailLines(done[63]!), 80);
    const bottom = expectFits(await until(ui.lastFrame, `of ${lines.length})`));
    expect(screenLines(bottom).some((l) => l.trimEnd() === lines.at(-1)!.trimEnd())).toBe(true);
    await press(ui.stdin, '?');
    const help = expectFits(await until(ui.lastFrame, 'Keys of the run view'));
    expect(help).toContain('esc or ? close');
    await press(ui.stdin, 'G');
    expectFits(await until(ui.lastFrame, 'q                quit'));
    await press(ui.stdin, ESC);
    expectFits(await until(ui.lastFrame, `of ${lines.length}) · esc back`));
    ui.unmount();
  });

  it('follows a resize: the same run at 60x16, then back at 80x24', async () => {
    const ui = await renderAt(<RunApp {...base} done={longRun()} finished />);
    await until(ui.lastFrame, 'rows 1–18 of 64');
    await resize(ui, 60, 16);
    expectFits(await until(ui.lastFrame, 'rows 1–10 of 64'), 60, 16);
    await resize(ui, 80, 24);
    expectFits(await until(ui.lastFrame, 'rows 1–18 of 64'));
    ui.unmount();
  });

  it('the timeline of a 70-step scenario with 16 calls fits 80x24 and scrolls to its last column and last row', async () => {
    const trace = await ExplorerSession.traceScenario(loadScenarioFile('test/e2e/fixtures/long/long-shift.yaml', { allowOutsideRoot: true }));
    const model = buildTimeline(trace.samples, trace.calls);
    const ui = await renderAt(<RunApp {...base} done={longRun()} finished loadTimeline={async () => model} />);
    await press(ui.stdin, 't');
    const first = expectFits(await until(ui.lastFrame, /columns 1–5 of \d+ · rows 1–17 of \d+/));
    expect(first).toMatch(/bea presence/);
    const total = Number(/columns 1–5 of (\d+)/.exec(first)?.[1]);
    expect(total).toBeGreaterThan(60);
    for (let i = 0; i < total; i++) ui.stdin.write('\u001b[C');
    const right = expectFits(await until(ui.lastFrame, `columns ${total - 4}–${total} of ${total}`));
    expect(right).toContain('◀');
    await press(ui.stdin, 'G');
    const bottom = expectFits(await until(ui.lastFrame, /rows \d+–(\d+) of \1/));
    expect(bottom).toMatch(/^c16: B★/m);
    ui.unmount();
  });
});

describe('RunApp with batched keys (one chunk, several keys)', () => {
  const base = { total: 3, startedAt: 0, now: () => 0 };

  it('a pasted "/typ" opens the filter and types all three letters', async () => {
    const ui = render(<RunApp {...base} done={[scenarioA(), scenarioB(), scenarioError()]} finished />);
    ui.stdin.write('/typ');
    await until(ui.lastFrame, 'filter: typ▏');
    expect(ui.lastFrame()).toContain('1 of 3');
    ui.stdin.write('\rjj');
    await until(ui.lastFrame, 'filter: typ · 1 of 3');
    ui.unmount();
  });

  it('"jjj" moves three rows and "jj\r" opens the row it lands on', async () => {
    const ui = await renderAt(<RunApp {...base} total={64} done={longRun()} finished />);
    ui.stdin.write('jjj');
    await until(ui.lastFrame, /› PASS\s+Scenario 04/);
    ui.stdin.write('j\r');
    const detail = await until(ui.lastFrame, 'Failures (1):');
    expectFits(detail);
    ui.unmount();
  });
});
