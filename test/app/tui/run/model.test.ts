/** The run view's key reducer and page helpers, without Ink. */
import { describe, expect, it } from 'vitest';
import { detailLineColor, detailWindow, initialRunUi, runKey, tableFilterLine, tableStart, type RunUi } from '../../../../app/tui/run/model.js';
import { press } from '../../../../app/tui/keys.js';

const rows = [{ index: 0 }, { index: 2 }, { index: 5 }];
const ctx = { rows, rowsAvailable: 10 };
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

  it('scrolls a detail page, by a screen with page keys, never above the top', () => {
    const detail: RunUi = { ...initialRunUi, page: { kind: 'detail', index: 2, scroll: 0 } };
    expect(keys(detail, press('j'), press('j'), press('k')).page).toEqual({ kind: 'detail', index: 2, scroll: 1 });
    expect(keys(detail, press(' ')).page).toMatchObject({ scroll: 10 });
    expect(keys(detail, press('', { pageUp: true })).page).toMatchObject({ scroll: 0 });
    expect(keys(detail, press('', { escape: true })).page).toEqual({ kind: 'list' });
  });

  it('t asks for the timeline of the selected or opened scenario; esc on a timeline goes back to its detail', () => {
    expect(runKey(initialRunUi, press('t'), ctx).effect).toEqual({ kind: 'openTimeline', index: 0 });
    expect(runKey({ ...initialRunUi, page: { kind: 'detail', index: 5, scroll: 3 } }, press('t'), ctx).effect).toEqual({ kind: 'openTimeline', index: 5 });
    expect(runKey({ ...initialRunUi, page: { kind: 'timeline', index: 5 } }, press('', { escape: true }), ctx).ui.page).toEqual({ kind: 'detail', index: 5, scroll: 0 });
    expect(runKey({ ...initialRunUi, cursor: 0 }, press('t'), { ...ctx, rows: [] }).effect).toBeUndefined();
  });

  it('q quits except while typing a filter', () => {
    expect(runKey(initialRunUi, press('q'), ctx).effect).toEqual({ kind: 'exit' });
    expect(runKey({ ...initialRunUi, page: { kind: 'filter', text: '' } }, press('q'), ctx).effect).toBeUndefined();
  });
});

describe('run view pages', () => {
  it('says what filters the table and how many rows it shows', () => {
    expect(tableFilterLine(initialRunUi, 3, 3)).toBeUndefined();
    expect(tableFilterLine({ ...initialRunUi, onlyFailures: true }, 2, 3)).toBe('failures only · 2 of 3');
    expect(tableFilterLine({ ...initialRunUi, onlyFailures: true, filter: 'ty', page: { kind: 'filter', text: 'ty' } }, 1, 3)).toBe('failures only · filter: ty▏ (enter keep, esc clear) · 1 of 3');
    expect(tableFilterLine({ ...initialRunUi, filter: 'ty' }, 1, 3)).toBe('filter: ty · 1 of 3');
  });

  it('keeps the cursor near the middle of the table window', () => {
    expect(tableStart(0, 30, 10)).toBe(0);
    expect(tableStart(15, 30, 10)).toBe(10);
    expect(tableStart(29, 30, 10)).toBe(20);
  });

  it('shows a window of the detail lines that never scrolls past the end', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i}`);
    const { shown, footer } = detailWindow(lines, 50, 10, true);
    expect(shown[0]).toBe('line 2');
    expect(footer).toBe('↑↓ scroll (3–12 of 12) · t timeline · esc back · q quit');
    expect(detailLineColor('  ✗ XFER-03')).toBe('red');
    expect(detailLineColor('✓ ok')).toBe('green');
    expect(detailLineColor('Steps:')).toBeUndefined();
  });
});
