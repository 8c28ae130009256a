/**
 * Which rows of a list a view shows: every view of the terminal UI fits the terminal (no line wider than its
 * columns, no more rows than it has) and scrolls what does not fit. These are the pure parts: the visible
 * slice for a height and a scroll offset or a cursor, what a scroll key does to the offset, the position label,
 * and plain text wrapped or cut to a width. The views only draw the slice they are given.
 */
import type { KeyPress } from './keys.js';

/** Rows `start` (inclusive) to `end` (exclusive) of `total` are on screen. */
export interface Slice {
  start: number;
  end: number;
  total: number;
}

/** How much there is to scroll through and how many rows show at once. */
export interface Extent {
  total: number;
  height: number;
}

/** The largest offset that still fills the viewport: the last page is never short of rows. */
const maxOffset = ({ total, height }: Extent): number => Math.max(0, total - Math.max(1, height));

/** The rows a `height`-row viewport shows at scroll `offset` (clamped: negative, past the end, or Infinity for "the end"). */
export function scrollWindow(total: number, height: number, offset: number): Slice {
  const h = Math.max(1, height);
  const start = Math.max(0, Math.min(Number.isNaN(offset) ? 0 : offset, maxOffset({ total, height: h })));
  return { start, end: Math.min(total, start + h), total };
}

/** The rows that keep `cursor` on screen, the cursor near the middle, the window never past the end. */
export function cursorWindow(total: number, height: number, cursor: number): Slice {
  const h = Math.max(1, height);
  return scrollWindow(total, h, cursor - Math.floor(h / 2));
}

/**
 * The offset after a scroll key, or undefined when the key does not scroll: ↑/k and ↓/j one row, PgUp/PgDn
 * (and space) a page, Home/g and End/G to either end. The result is clamped to the extent.
 */
export function scrollKey(offset: number, { input, key }: KeyPress, extent: Extent): number | undefined {
  const last = maxOffset(extent);
  const from = Math.max(0, Math.min(offset, last));
  const page = Math.max(1, extent.height - 1);
  let next: number;
  if (key.upArrow || input === 'k') next = from - 1;
  else if (key.downArrow || input === 'j') next = from + 1;
  else if (key.pageUp) next = from - page;
  else if (key.pageDown || input === ' ') next = from + page;
  else if (key.home || input === 'g') next = 0;
  else if (key.end || input === 'G') next = last;
  else return undefined;
  return Math.max(0, Math.min(next, last));
}

/** `12–33 of 80`; `0 of 0` when empty. */
export function sliceLabel({ start, end, total }: Slice): string {
  return total === 0 ? '0 of 0' : `${start + 1}–${end} of ${total}`;
}

/** `text` cut to `width` characters, the last one `…` when cut. */
export function fitWidth(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * `text` wrapped at spaces into lines of at most `width` characters (a word longer than a line is cut into
 * pieces); continuation lines are indented by `indent` spaces.
 */
export function wrapText(text: string, width: number, indent = 2): string[] {
  const w = Math.max(indent + 1, width);
  const lines: string[] = [];
  let line = '';
  const room = () => w - (lines.length === 0 ? 0 : indent);
  const flush = () => {
    lines.push(lines.length === 0 ? line : `${' '.repeat(indent)}${line}`);
    line = '';
  };
  for (const word of text.split(' ')) {
    let rest = [...word];
    while (rest.length > 0) {
      const sep = line === '' ? 0 : 1;
      if ([...line].length + sep + rest.length <= room()) {
        line = line === '' ? rest.join('') : `${line} ${rest.join('')}`;
        rest = [];
      } else if (line !== '') flush();
      else {
        line = rest.slice(0, room()).join('');
        rest = rest.slice(room());
        flush();
      }
    }
  }
  if (line !== '' || lines.length === 0) flush();
  return lines;
}

/**
 * Lines of a page that scrolls (a log, a detail page) wrapped to `width` instead of cut, so nothing is lost
 * at 80 columns: each line keeps its indentation and its continuation lines are indented two more.
 */
export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => {
    if ([...line].length <= width) return [line];
    const indent = line.length - line.trimStart().length;
    const pad = ' '.repeat(Math.min(indent, Math.max(0, width - 10)));
    return wrapText(line.trimStart(), width - pad.length).map((l) => `${pad}${l}`);
  });
}
