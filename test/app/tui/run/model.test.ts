/** The run view's key reducer and page helpers, without Ink. */
import { describe, expect, it } from 'vitest';
import { RUN_HELP, detailLineColor, detailLines, detailWindow, initialRunUi, runKey, tableStatusLine, tableWindow, timelinePage, type RunKeyContext, type RunUi } from '../../../../app/tui/run/model.js';
import { buildTimeline } from '../../../../app/tui/timeline/model.js';
import { wrapLines } from '../../../../app/tui/window.js';
import { scenarioA, scenarioB, scenarioError } from '../../../fixtures/results.js';
import { press } from '../../../../app/tui/keys.js';

const rows = [{ index: 0 }, { index: 2 }, { index: 5 }];
const done = [scenarioA(), scenarioA(), scenarioB(), scenarioA(), scenarioA(), scenarioError()];
const ctx: RunKeyContext = { rows, done, body: { width: 80, height: 11 } };
const keys = (ui: RunUi, ...presses: ReturnType<typeof press>[]) => presses.reduce((u, p) => runKey(u, p, ctx).ui, ui);

describe('runKey', () => {
  it('moves the cursor within the rows and opens the selected scenario by its index in the run', () => {
    const ui = keys(initialRunUi, press('j'), press('', { downArrow: true }), press('j'));
    expect(ui.cursor).toBe(2);
    expect(keys(ui, press('k')).cursor).toBe(1);
    expect(keys(initialRunUi, press('k')).cursor).toBe(0);
    expect(runKey(keys(ui, press('k')), press('', { return: true }), ctx).ui.page).toEqual({ kind: 'detail', index: 2, scroll: 0 });
  });

  it('f toggles failures only and puts the cursor on the first row', () => {
    const ui = keys(initialRunUi, press('j'), press('f'));
    expect(ui).toMatchObject({ onlyFailures: true, cursor: 0 });
    expect(keys(ui, press('f')).onlyFailures).toBe(false);
  });

  it('/ opens the filter with the kept text; typing edits it, enter keeps it, esc clears it', () => {
    const typing = keys(initialRunUi, press('/'), press('t'), press('y'), press('q'), press('', { backspace: true }));
    expect(typing).toMatchObject({ filter: 'ty', page: { kind: 'filter', text: 'ty' } });
    const kept = keys(typing, press('', { return: true }));
    expect(kept).toMatchObject({ filter: 'ty', page: { kind: 'list' } });
    expect(keys(kept, press('/')).page).toEqual({ kind: 'filter', text: 'ty' });
    expect(keys(kept, press('/'), press('', { escape: true }))).toMatchObject({ filter: '', page: { kind: 'list' } });
  });

  it('scrolls a detail page, by a screen with page keys, to either end with g/G, never past the ends', () => {
    const detail: RunUi = { ...initialRunUi, page: { kind: 'detail', index: 2, scroll: 0 } };
    const last = wrapLines(detailLines(scenarioB()), 80).length - 11;
    expect(last).toBeGreaterThan(10);
    expect(keys(detail, press('j'), press('j'), press('k')).page).toEqual({ kind: 'detail', index: 2, scroll: 1 });
    expect(keys(detail, press(' ')).page).toMatchObject({ scroll: 10 });
    expect(keys(detail, press('', { pageUp: true })).page).toMatchObject({ scroll: 0 });
    expect(keys(detail, press('G')).page).toMatchObject({ scroll: last });
    expect(keys(detail, press('G'), press('j')).page).toMatchObject({ scroll: last });
    expect(keys(detail, press('G'), press('g')).page).toMatchObject({ scroll: 0 });
    expect(keys(detail, press('', { escape: true })).page).toEqual({ kind: 'list' });
  });

  it('moves the selection a page at a time and to either end of the table', () => {
    const many: RunKeyContext = { ...ctx, rows: Array.from({ length: 60 }, (_, index) => ({ index })) };
    const go = (...presses: ReturnType<typeof press>[]) => presses.reduce((u, p) => runKey(u, p, many).ui, initialRunUi);
    expect(go(press('', { pageDown: true })).cursor).toBe(9);
    expect(go(press('G')).cursor).toBe(59);
    expect(go(press('', { end: true }), press('j')).cursor).toBe(59);
    expect(go(press('G'), press('', { pageUp: true })).cursor).toBe(50);
    expect(go(press('G'), press('g')).cursor).toBe(0);
  });

  it('? opens the help over any page and esc or ? returns to it; the help scrolls', () => {
    const detail: RunUi = { ...initialRunUi, page: { kind: 'detail', index: 2, scroll: 4 } };
    const help = keys(detail, press('?'));
    expect(help.page).toEqual({ kind: 'help', scroll: 0, back: detail.page });
    expect(keys(help, press('j'), press('j')).page).toMatchObject({ kind: 'help', scroll: 2 });
    expect(keys(help, press('G')).page).toMatchObject({ scroll: RUN_HELP.length - 11 });
    expect(keys(help, press('?')).page).toEqual(detail.page);
    expect(keys(help, press('', { escape: true })).page).toEqual(detail.page);
    expect(runKey(help, press('q'), ctx).effect).toEqual({ kind: 'exit' });
  });

  it('scrolls a loaded timeline through time with ←→ and through its rows with ↑↓', () => {
    const samples = Array.from({ length: 40 }, (_, i) => ({ at: i * 1000, lane: `user:u${i % 20}:status`, label: i % 2 === 0 ? 'Ringing' : 'Available' }));
    const page = timelinePage(2, { model: buildTimeline(samples) });
    const ui: RunUi = { ...initialRunUi, page };
    expect(keys(ui, press('', { rightArrow: true })).page).toMatchObject({ at: { offset: 4, scroll: 0 } });
    expect(keys(ui, press('', { rightArrow: true }), press('', { leftArrow: true })).page).toMatchObject({ at: { offset: 0 } });
    expect(keys(ui, press('j'), press('j')).page).toMatchObject({ at: { scroll: 2 } });
    expect(keys(ui, press('G')).page).toMatchObject({ at: { scroll: 20 - 9 } });
    expect(keys({ ...initialRunUi, page: timelinePage(2) }, press('j')).page).toEqual(timelinePage(2));
  });

  it('t asks for the timeline of the selected or opened scenario; esc on a timeline goes back to its detail', () => {
    expect(runKey(initialRunUi, press('t'), ctx).effect).toEqual({ kind: 'openTimeline', index: 0 });
    expect(runKey({ ...initialRunUi, page: { kind: 'detail', index: 5, scroll: 3 } }, press('t'), ctx).effect).toEqual({ kind: 'openTimeline', index: 5 });
    expect(runKey({ ...initialRunUi, page: timelinePage(5) }, press('', { escape: true }), ctx).ui.page).toEqual({ kind: 'detail', index: 5, scroll: 0 });
    expect(runKey({ ...initialRunUi, cursor: 0 }, press('t'), { ...ctx, rows: [] }).effect).toBeUndefined();
  });

  it('q quits except while typing a filter', () => {
    expect(runKey(initialRunUi, press('q'), ctx).effect).toEqual({ kind: 'exit' });
    expect(runKey({ ...initialRunUi, page: { kind: 'filter', text: '' } }, press('q'), ctx).effect).toBeUndefined();
  });
});

describe('run view pages', () => {
  it('says what filters the table, how many rows match, and which show when they do not all fit', () => {
    const all = { start: 0, end: 3, total: 3 };
    expect(tableStatusLine(initialRunUi, all, 3)).toBe('');
    expect(tableStatusLine({ ...initialRunUi, onlyFailures: true }, { start: 0, end: 2, total: 2 }, 3)).toBe('failures only · 2 of 3');
    expect(tableStatusLine({ ...initialRunUi, onlyFailures: true, filter: 'ty', page: { kind: 'filter', text: 'ty' } }, { start: 0, end: 1, total: 1 }, 3)).toBe('failures only · filter: ty▏ (enter keep, esc clear) · 1 of 3');
    expect(tableStatusLine({ ...initialRunUi, filter: 'ty' }, { start: 0, end: 1, total: 1 }, 3)).toBe('filter: ty · 1 of 3');
    expect(tableStatusLine(initialRunUi, { start: 10, end: 28, total: 60 }, 60)).toBe('rows 11–28 of 60');
  });

  it('keeps the selection in the table window, one row left for the status line', () => {
    expect(tableWindow(0, 30, 11)).toEqual({ start: 0, end: 10, total: 30 });
    expect(tableWindow(15, 30, 11)).toEqual({ start: 10, end: 20, total: 30 });
    expect(tableWindow(29, 30, 11)).toEqual({ start: 20, end: 30, total: 30 });
  });

  it('shows a window of the detail lines that never scrolls past the end', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i}`);
    const { shown, footer } = detailWindow(lines, 50, 10, true);
    expect(shown[0]).toBe('line 2');
    expect(footer).toBe('↑↓ PgUp PgDn scroll (3–12 of 12) · t timeline · esc back · ? help · q quit');
    expect(detailLineColor('  ✗ XFER-03')).toBe('red');
    expect(detailLineColor('✓ ok')).toBe('green');
    expect(detailLineColor('Steps:')).toBeUndefined();
  });
});
