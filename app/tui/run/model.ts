/**
 * Plain view model of the interactive run view: filtering, the progress bar, detail lines, and the key
 * reducer ({@link runKey}) that turns a key into the next view state, testable without Ink.
 */
import type { ScenarioResult } from '../../../sim/result.js';
import { formatError, formatFailure, formatScenarioDetail } from '../../../sim/report/pretty.js';
import { mentions } from '../../../sim/scenario/select.js';
import { editText, type KeyPress } from '../keys.js';
import type { TimelineModel } from '../timeline/model.js';

export interface RowFilter {
  onlyFailures: boolean;
  /** Case-insensitive text matched against name, file and tags. */
  text: string;
}

/** The finished scenarios the table shows, with their index in `done`. */
export function visibleRows(done: readonly ScenarioResult[], filter: RowFilter): { index: number; result: ScenarioResult }[] {
  const needle = filter.text.trim().toLowerCase();
  return done
    .map((result, index) => ({ index, result }))
    .filter(({ result }) => !filter.onlyFailures || result.status !== 'passed')
    .filter(({ result }) => needle === '' || mentions(result, needle));
}

/** `█████░░░░░` of `width` cells for `done` of `total`. */
export function progressBar(done: number, total: number, width: number): string {
  const w = Math.max(1, width);
  const full = total <= 0 ? w : Math.min(w, Math.round((done / total) * w));
  return `${'█'.repeat(full)}${'░'.repeat(w - full)}`;
}

/** `m:ss` of wall-clock time (the only wall clock in the TUI: how long the run has taken so far). */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The detail of one scenario: first each failure (expected vs actual, then why: every rule checked with id
 * and title) or the harness error, then every step as the pretty report prints it.
 */
export function detailLines(result: ScenarioResult): string[] {
  const options = { color: false, titleWidth: 80 };
  const head: string[] = [];
  if (result.failures.length > 0) {
    head.push(`Failures (${result.failures.length}):`);
    for (const f of result.failures) head.push(...formatFailure(f, options).split('\n').map((l) => `  ${l}`));
    head.push('');
  }
  if (result.error !== undefined) head.push(...formatError(result, options).split('\n'), '');
  return [...head, 'Steps:', ...formatScenarioDetail(result, options).split('\n')];
}

/** How a scenario's status shows in a table. */
export const SCENARIO_STATUS: Record<ScenarioResult['status'], { label: string; color: string }> = {
  passed: { label: 'PASS', color: 'green' },
  failed: { label: 'FAIL', color: 'red' },
  error: { label: 'ERROR', color: 'red' },
};

// --- the interactive view's state and keys ------------------------------------------------------------

export type RunPage =
  | { kind: 'list' }
  | { kind: 'filter'; text: string }
  | { kind: 'detail'; index: number; scroll: number }
  | { kind: 'timeline'; index: number; model?: TimelineModel; error?: string };

export interface RunUi {
  page: RunPage;
  /** Selected row of the table (may point past the end after filtering; readers clamp it). */
  cursor: number;
  onlyFailures: boolean;
  /** The table's text filter, kept while the filter line is closed. */
  filter: string;
}

export const initialRunUi: RunUi = { page: { kind: 'list' }, cursor: 0, onlyFailures: false, filter: '' };

/** What a key asks of the world outside the view state. */
export type RunEffect = { kind: 'exit' } | { kind: 'openTimeline'; index: number };

export interface RunKeyContext {
  /** The rows the table shows now. */
  rows: readonly { index: number }[];
  /** Lines a detail page shows at once (page up/down moves by this). */
  rowsAvailable: number;
}

export interface RunKeyResult {
  ui: RunUi;
  effect?: RunEffect;
}

/** Keys: ↑↓ (j/k) move or scroll, enter open, f failures only, / filter, t timeline, esc back, q quit. */
export function runKey(ui: RunUi, press: KeyPress, ctx: RunKeyContext): RunKeyResult {
  const { page } = ui;
  if (page.kind === 'filter') return { ui: filterKey(ui, page, press) };
  if (press.input === 'q') return { ui, effect: { kind: 'exit' } };
  if (page.kind === 'detail') return detailKey(ui, page, press, ctx.rowsAvailable);
  if (page.kind === 'timeline') return { ui: press.key.escape || press.key.backspace ? { ...ui, page: { kind: 'detail', index: page.index, scroll: 0 } } : ui };
  return listKey(ui, press, ctx.rows);
}

function filterKey(ui: RunUi, page: { kind: 'filter'; text: string }, press: KeyPress): RunUi {
  if (press.key.escape) return { ...ui, filter: '', page: { kind: 'list' } };
  if (press.key.return) return { ...ui, page: { kind: 'list' } };
  const text = editText(page.text, press) ?? page.text;
  return { ...ui, filter: text, cursor: 0, page: { kind: 'filter', text } };
}

function detailKey(ui: RunUi, page: { kind: 'detail'; index: number; scroll: number }, { input, key }: KeyPress, rowsAvailable: number): RunKeyResult {
  const scrollTo = (scroll: number): RunKeyResult => ({ ui: { ...ui, page: { ...page, scroll } } });
  if (key.escape || key.backspace || key.leftArrow) return { ui: { ...ui, page: { kind: 'list' } } };
  if (key.downArrow || input === 'j') return scrollTo(page.scroll + 1);
  if (key.upArrow || input === 'k') return scrollTo(Math.max(0, page.scroll - 1));
  if (key.pageDown || input === ' ') return scrollTo(page.scroll + rowsAvailable);
  if (key.pageUp) return scrollTo(Math.max(0, page.scroll - rowsAvailable));
  if (input === 't') return { ui, effect: { kind: 'openTimeline', index: page.index } };
  return { ui };
}

function listKey(ui: RunUi, { input, key }: KeyPress, rows: readonly { index: number }[]): RunKeyResult {
  const last = rows.length - 1;
  if (key.upArrow || input === 'k') return { ui: { ...ui, cursor: Math.max(0, Math.min(ui.cursor, last) - 1) } };
  if (key.downArrow || input === 'j') return { ui: { ...ui, cursor: Math.min(Math.max(0, last), ui.cursor + 1) } };
  if (input === 'f') return { ui: { ...ui, cursor: 0, onlyFailures: !ui.onlyFailures } };
  if (input === '/') return { ui: { ...ui, page: { kind: 'filter', text: ui.filter } } };
  const row = rows[Math.min(ui.cursor, last)];
  if (key.return && row) return { ui: { ...ui, page: { kind: 'detail', index: row.index, scroll: 0 } } };
  if (input === 't' && row) return { ui, effect: { kind: 'openTimeline', index: row.index } };
  return { ui };
}

// --- what the pages show ------------------------------------------------------------------------------

/** The dim line above the table: failures only, the filter (being typed or kept), and how many rows show. */
export function tableFilterLine(ui: RunUi, shown: number, total: number): string | undefined {
  const typing = ui.page.kind === 'filter' ? ui.page.text : undefined;
  if (!ui.onlyFailures && ui.filter === '' && typing === undefined) return undefined;
  const failures = ui.onlyFailures ? 'failures only' : '';
  const separator = ui.onlyFailures && (ui.filter !== '' || typing !== undefined) ? ' · ' : '';
  const filter = typing !== undefined ? `filter: ${typing}▏ (enter keep, esc clear)` : ui.filter !== '' ? `filter: ${ui.filter}` : '';
  return `${failures}${separator}${filter} · ${shown} of ${total}`;
}

/** The first table row on screen: the cursor kept near the middle, the window never past the end. */
export function tableStart(cursor: number, rows: number, rowsAvailable: number): number {
  return Math.max(0, Math.min(cursor - Math.floor(rowsAvailable / 2), rows - rowsAvailable));
}

/** The lines of a detail page on screen and the footer that says where they are. */
export function detailWindow(lines: readonly string[], scroll: number, rowsAvailable: number, hasTimeline: boolean): { shown: string[]; footer: string } {
  const top = Math.min(scroll, Math.max(0, lines.length - rowsAvailable));
  return {
    shown: lines.slice(top, top + rowsAvailable),
    footer: `↑↓ scroll (${top + 1}–${Math.min(lines.length, top + rowsAvailable)} of ${lines.length}) · ${hasTimeline ? 't timeline · ' : ''}esc back · q quit`,
  };
}

/** Detail lines: failures and errors red, passes green. */
export function detailLineColor(line: string): string | undefined {
  const t = line.trimStart();
  if (t.startsWith('✗') || t.startsWith('refused') || t.startsWith('Error')) return 'red';
  return t.startsWith('✓') ? 'green' : undefined;
}
