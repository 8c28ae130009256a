/** The windowing every view of the terminal UI uses to fit the terminal and scroll. */
import { describe, expect, it } from 'vitest';
import { press } from '../../../app/tui/keys.js';
import { cursorWindow, fitWidth, scrollKey, scrollWindow, sliceLabel, wrapLines, wrapText } from '../../../app/tui/window.js';

describe('scrollWindow', () => {
  it('shows `height` rows from the offset', () => {
    expect(scrollWindow(100, 20, 10)).toEqual({ start: 10, end: 30, total: 100 });
  });
  it('clamps the offset: never before the start, never a short last page, Infinity means the end', () => {
    expect(scrollWindow(100, 20, -5)).toEqual({ start: 0, end: 20, total: 100 });
    expect(scrollWindow(100, 20, 95)).toEqual({ start: 80, end: 100, total: 100 });
    expect(scrollWindow(100, 20, Number.POSITIVE_INFINITY)).toEqual({ start: 80, end: 100, total: 100 });
  });
  it('shows everything when it fits, and at least one row', () => {
    expect(scrollWindow(5, 20, 3)).toEqual({ start: 0, end: 5, total: 5 });
    expect(scrollWindow(0, 20, 0)).toEqual({ start: 0, end: 0, total: 0 });
    expect(scrollWindow(10, 0, 4)).toEqual({ start: 4, end: 5, total: 10 });
  });
});

describe('cursorWindow', () => {
  it('keeps the cursor on screen near the middle, and the window inside the list', () => {
    expect(cursorWindow(100, 10, 0)).toEqual({ start: 0, end: 10, total: 100 });
    expect(cursorWindow(100, 10, 50)).toEqual({ start: 45, end: 55, total: 100 });
    expect(cursorWindow(100, 10, 99)).toEqual({ start: 90, end: 100, total: 100 });
    for (let cursor = 0; cursor < 100; cursor++) {
      const w = cursorWindow(100, 7, cursor);
      expect(cursor >= w.start && cursor < w.end).toBe(true);
      expect(w.end - w.start).toBe(7);
    }
  });
});

describe('scrollKey', () => {
  const extent = { total: 100, height: 21 };
  it('moves a row with ↑↓ and j/k, a page with PgUp/PgDn and space, to either end with Home/End and g/G', () => {
    expect(scrollKey(10, press('', { downArrow: true }), extent)).toBe(11);
    expect(scrollKey(10, press('k'), extent)).toBe(9);
    expect(scrollKey(10, press('', { pageDown: true }), extent)).toBe(30);
    expect(scrollKey(10, press(' '), extent)).toBe(30);
    expect(scrollKey(30, press('', { pageUp: true }), extent)).toBe(10);
    expect(scrollKey(30, press('g'), extent)).toBe(0);
    expect(scrollKey(0, press('G'), extent)).toBe(79);
    expect(scrollKey(0, press('', { end: true }), extent)).toBe(79);
    expect(scrollKey(50, press('', { home: true }), extent)).toBe(0);
  });
  it('stays inside the extent, also from an offset past the end (Infinity: the end)', () => {
    expect(scrollKey(0, press('k'), extent)).toBe(0);
    expect(scrollKey(79, press('j'), extent)).toBe(79);
    expect(scrollKey(Number.POSITIVE_INFINITY, press('k'), extent)).toBe(78);
    expect(scrollKey(3, press('j'), { total: 5, height: 21 })).toBe(0);
  });
  it('leaves other keys to the caller', () => {
    expect(scrollKey(10, press('n'), extent)).toBeUndefined();
    expect(scrollKey(10, press('', { leftArrow: true }), extent)).toBeUndefined();
  });
  it('pages repeatedly from the top reach the last row', () => {
    let offset = 0;
    for (let i = 0; i < 10; i++) offset = scrollKey(offset, press('', { pageDown: true }), extent) ?? offset;
    expect(scrollWindow(extent.total, extent.height, offset).end).toBe(100);
  });
});

describe('text to a width', () => {
  it('labels the slice on screen', () => {
    expect(sliceLabel({ start: 11, end: 33, total: 80 })).toBe('12–33 of 80');
    expect(sliceLabel({ start: 0, end: 0, total: 0 })).toBe('0 of 0');
  });
  it('cuts a line with an ellipsis, counting characters not UTF-16 units', () => {
    expect(fitWidth('abcdef', 4)).toBe('abc…');
    expect(fitWidth('★✓✗ok', 5)).toBe('★✓✗ok');
    expect(fitWidth('abc', 4)).toBe('abc');
  });
  it('wraps at spaces, indents continuation lines, cuts words longer than a line', () => {
    expect(wrapText('c1: B★ → C · ★ license holder B · outcome C: Transfer Failed', 20)).toEqual([
      'c1: B★ → C · ★',
      '  license holder B ·',
      '  outcome C:',
      '  Transfer Failed',
    ]);
    expect(wrapText('abcdefghij', 4, 0)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 10)).toEqual(['']);
    for (const l of wrapText('x '.repeat(200), 13)) expect([...l].length).toBeLessThanOrEqual(13);
  });
  it('wraps the lines of a page, each keeping its indentation', () => {
    expect(wrapLines(['head line here', '    ✗ XFER-03 a long title — detail'], 16)).toEqual(['head line here', '    ✗ XFER-03 a', '      long title', '      — detail']);
  });
});
