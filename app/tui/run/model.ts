/**
 * Plain view model of the interactive run view: filtering, the progress bar, detail lines, and the key
 * reducer ({@link runKey}) that turns a key into the next view state, testable without Ink.
 */
import type { ScenarioResult } from '../../../sim/result.js';
import { formatError, formatFailure, formatScenarioDetail } from '../../../sim/report/pretty.js';
import { mentions } from '../../../sim/scenario/select.js';
import { editText, type KeyPress } from '../keys.js';
import { initialTimelineScroll, timelineFrame, timelineKey, type TimelineModel, type TimelineScroll } from '../timeline/model.js';
import { cursorWindow, scrollKey, scrollWindow, sliceLabel, wrapLines } from '../window.js';

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
  | { kind: 'timeline'; index: number; model?: TimelineModel; error?: string; at: TimelineScroll }
  | { kind: 'help'; scroll: number; back: Exclude<RunPage, { kind: 'help' }> };

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
  /** Every finished scenario (detail and timeline pages read theirs). */
  done: readonly ScenarioResult[];
  /** The size of a page's body: the rows between the progress line and the footer, and the columns. */
  body: { width: number; height: number };
}

export interface RunKeyResult {
  ui: RunUi;
  effect?: RunEffect;
}

/**
 * Keys: ↑↓ (j/k) move or scroll, PgUp/PgDn (space) a page, g/G (Home/End) either end, enter open,
 * f failures only, / filter, t timeline, ←→ scroll time in the timeline, ? help, esc back, q quit.
 */
export function runKey(ui: RunUi, press: KeyPress, ctx: RunKeyContext): RunKeyResult {
  const { page } = ui;
  if (page.kind === 'filter') return { ui: filterKey(ui, page, press) };
  if (press.input === 'q') return { ui, effect: { kind: 'exit' } };
  if (page.kind === 'help') return { ui: helpKey(ui, page, press, ctx) };
  if (press.input === '?') return { ui: { ...ui, page: { kind: 'help', scroll: 0, back: page } } };
  if (page.kind === 'detail') return detailKey(ui, page, press, ctx);
  if (page.kind === 'timeline') return { ui: timelinePageKey(ui, page, press, ctx) };
  return listKey(ui, press, ctx);
}

function filterKey(ui: RunUi, page: { kind: 'filter'; text: string }, press: KeyPress): RunUi {
  if (press.key.escape) return { ...ui, filter: '', page: { kind: 'list' } };
  if (press.key.return) return { ...ui, page: { kind: 'list' } };
  const text = editText(page.text, press) ?? page.text;
  return { ...ui, filter: text, cursor: 0, page: { kind: 'filter', text } };
}

function helpKey(ui: RunUi, page: Extract<RunPage, { kind: 'help' }>, press: KeyPress, { body }: RunKeyContext): RunUi {
  if (press.key.escape || press.key.backspace || press.input === '?') return { ...ui, page: page.back };
  const scroll = scrollKey(page.scroll, press, { total: RUN_HELP.length, height: body.height });
  return scroll === undefined ? ui : { ...ui, page: { ...page, scroll } };
}

function detailKey(ui: RunUi, page: { kind: 'detail'; index: number; scroll: number }, press: KeyPress, { done, body }: RunKeyContext): RunKeyResult {
  const { input, key } = press;
  if (key.escape || key.backspace || key.leftArrow) return { ui: { ...ui, page: { kind: 'list' } } };
  if (input === 't') return { ui, effect: { kind: 'openTimeline', index: page.index } };
  const result = done[page.index];
  const scroll = scrollKey(page.scroll, press, { total: result ? wrapLines(detailLines(result), body.width).length : 0, height: body.height });
  return { ui: scroll === undefined ? ui : { ...ui, page: { ...page, scroll } } };
}

function timelinePageKey(ui: RunUi, page: Extract<RunPage, { kind: 'timeline' }>, press: KeyPress, { done, body }: RunKeyContext): RunUi {
  if (press.key.escape || press.key.backspace) return { ...ui, page: { kind: 'detail', index: page.index, scroll: 0 } };
  if (!page.model) return ui;
  const frame = timelineFrame(page.model, done[page.index]?.name ?? '', body.width, body.height, page.at);
  const at = timelineKey(page.at, press, frame, body.height);
  return at === undefined ? ui : { ...ui, page: { ...page, at } };
}

function listKey(ui: RunUi, { input, key }: KeyPress, { rows, body }: RunKeyContext): RunKeyResult {
  const last = rows.length - 1;
  const cursor = Math.max(0, Math.min(ui.cursor, last));
  const page = Math.max(1, tableHeight(body.height) - 1);
  const move = (to: number): RunKeyResult => ({ ui: { ...ui, cursor: Math.max(0, Math.min(Math.max(0, last), to)) } });
  if (key.upArrow || input === 'k') return move(cursor - 1);
  if (key.downArrow || input === 'j') return move(cursor + 1);
  if (key.pageUp) return move(cursor - page);
  if (key.pageDown || input === ' ') return move(cursor + page);
  if (key.home || input === 'g') return move(0);
  if (key.end || input === 'G') return move(last);
  if (input === 'f') return { ui: { ...ui, cursor: 0, onlyFailures: !ui.onlyFailures } };
  if (input === '/') return { ui: { ...ui, page: { kind: 'filter', text: ui.filter } } };
  const row = rows[cursor];
  if (key.return && row) return { ui: { ...ui, page: { kind: 'detail', index: row.index, scroll: 0 } } };
  if (input === 't' && row) return { ui, effect: { kind: 'openTimeline', index: row.index } };
  return { ui };
}

/** The timeline page of scenario `index`, scrolled to its start. */
export const timelinePage = (index: number, loaded: { model?: TimelineModel; error?: string } = {}): RunPage => ({ kind: 'timeline', index, ...loaded, at: initialTimelineScroll });

/** What the keys do, for the help page (docs/terminal-ui.md says the same). */
export const RUN_HELP: readonly string[] = [
  'Keys of the run view',
  '',
  'table',
  '  ↑ ↓  j k         move the selection',
  '  PgUp PgDn space  a page up or down',
  '  g G  Home End    first or last scenario',
  '  enter            open the scenario: failures, why, every step',
  '  t                the scenario\'s timeline (replayed with its seed)',
  '  f                failures only (again: all)',
  '  /                filter by name, file or tag as you type;',
  '                   enter keeps it, esc clears it',
  'detail page',
  '  ↑ ↓ PgUp PgDn g G  scroll',
  '  t                the timeline',
  '  esc ←            back to the table',
  'timeline',
  '  ← →              earlier or later in virtual time',
  '  ↑ ↓ PgUp PgDn g G  scroll lanes and call lines',
  '  esc              back to the detail page',
  'everywhere',
  '  ?                this help (esc or ? closes it)',
  '  q                quit (the exit code stays the run\'s)',
];

// --- what the pages show ------------------------------------------------------------------------------

/** Table rows on a list page of `height` body rows: one row is the status line above the table. */
const tableHeight = (height: number): number => Math.max(1, height - 1);

/**
 * The dim line above the table: failures only, the filter (being typed or kept), how many rows match, and
 * which of them are on screen when they do not all fit; empty when there is nothing to say.
 */
export function tableStatusLine(ui: RunUi, shown: { start: number; end: number; total: number }, done: number): string {
  const typing = ui.page.kind === 'filter' ? ui.page.text : undefined;
  const filter = typing !== undefined ? `filter: ${typing}▏ (enter keep, esc clear)` : ui.filter !== '' ? `filter: ${ui.filter}` : '';
  const parts = [ui.onlyFailures ? 'failures only' : '', filter].filter((p) => p !== '');
  if (parts.length > 0) parts.push(`${shown.total} of ${done}`);
  if (shown.end - shown.start < shown.total) parts.push(`rows ${sliceLabel(shown)}`);
  return parts.join(' · ');
}

/** The table rows on screen: the selection kept in view. */
export const tableWindow = (cursor: number, rows: number, height: number) => cursorWindow(rows, tableHeight(height), cursor);

/** The lines of a detail page on screen and the footer that says where they are. */
export function detailWindow(lines: readonly string[], scroll: number, height: number, hasTimeline: boolean): { shown: string[]; footer: string } {
  const slice = scrollWindow(lines.length, height, scroll);
  return {
    shown: lines.slice(slice.start, slice.end),
    footer: `↑↓ PgUp PgDn scroll (${sliceLabel(slice)}) · ${hasTimeline ? 't timeline · ' : ''}esc back · ? help · q quit`,
  };
}

/** Detail lines: failures and errors red, passes green. */
export function detailLineColor(line: string): string | undefined {
  const t = line.trimStart();
  if (t.startsWith('✗') || t.startsWith('refused') || t.startsWith('Error')) return 'red';
  return t.startsWith('✓') ? 'green' : undefined;
}
