/**
 * The timeline of one scenario as plain data: lanes of labelled changes over virtual time, then laid out
 * into fixed-width columns for a given terminal width and horizontal scroll offset.
 *
 * Samples come from a trace recorded while the engine runs (every agent and call snapshot, see
 * ExplorerSession.trace); call facts (services, the first responding service that holds the PSTN license,
 * transfers, supervision, outcomes) come from the same CallResult objects the reports read.
 * Many things happen at the same virtual instant, so the axis is ordinal: a new column starts when time
 * moves or when a lane changes twice at the same instant; the header prints the virtual time of a column
 * whenever it differs from the column before.
 */
import { formatClock } from '../../../src/domain/duration.js';
import type { CallResult } from '../../../sim/result.js';
import { oneLine } from '../../../sim/report/text.js';
import { compareCodePoints } from '../../../sim/order.js';
import type { KeyPress } from '../keys.js';
import { scrollKey, scrollWindow, sliceLabel, wrapText, type Slice } from '../window.js';

/** One recorded change: lane `user:bea:status`, `user:bea:presence`, `call:c1:task`, `call:c1:service`. */
export interface TraceSample {
  at: number;
  lane: string;
  label: string;
}

/** What the timeline needs about a call: a subset of CallResult (and of the call machine's context). */
export type CallFacts = Pick<CallResult, 'id' | 'firstRespondingService' | 'transfers' | 'supervision'> & {
  serviceSessions: { service: string; startedAt: number; endedAt: number | null; outcome: string | null }[];
};

export interface Lane {
  id: string;
  /** Row title: `bea presence`, `bea status`, `c1 task`, `c1 service`. */
  title: string;
  /** Label per column where the lane changed (column index → label). */
  changes: Map<number, string>;
}

export interface TimelineModel {
  /** Virtual time of each column. */
  columns: number[];
  lanes: Lane[];
  /** One summary line per call: services, license holder, transfers, supervision, outcome. */
  callLines: string[];
}

const laneTitle = (lane: string): string => {
  const [kind, id = '', aspect = ''] = lane.split(':');
  return kind === 'user' || kind === 'call' ? `${id} ${aspect}` : lane;
};

/** Lanes in a stable order: users (presence, status) then calls (task, service), in order of first sample. */
export function buildTimeline(samples: readonly TraceSample[], calls: readonly CallFacts[] = []): TimelineModel {
  const columns: number[] = [];
  const changedInColumn = new Set<string>();
  const byLane = new Map<string, Lane>();
  let last = new Map<string, string>();
  for (const s of samples) {
    if (last.get(s.lane) === s.label) continue;
    const time = columns.at(-1);
    if (time === undefined || time !== s.at || changedInColumn.has(s.lane)) {
      columns.push(s.at);
      changedInColumn.clear();
    }
    changedInColumn.add(s.lane);
    let lane = byLane.get(s.lane);
    if (!lane) {
      lane = { id: s.lane, title: laneTitle(s.lane), changes: new Map() };
      byLane.set(s.lane, lane);
    }
    lane.changes.set(columns.length - 1, s.label);
    last = new Map(last).set(s.lane, s.label);
  }
  const order = (id: string) => (id.startsWith('user:') ? 0 : id.startsWith('call:') ? 1 : 2);
  const lanes = [...byLane.values()].sort((a, b) => order(a.id) - order(b.id) || compareCodePoints(entity(a.id), entity(b.id)) || 0);
  return { columns, lanes, callLines: calls.map(callLine) };
}

const entity = (lane: string) => lane.split(':').slice(0, 2).join(':');

/** `c1: B★ → C · ✗ carl→pstn:+41… [XFER-03] · sup sam Whisper · outcome C: Transfer Failed` */
export function callLine(call: CallFacts): string {
  const services = call.serviceSessions.map((s) => (s.service === call.firstRespondingService ? `${s.service}★` : s.service));
  const parts = [`${oneLine(call.id)}: ${services.length > 0 ? services.map(oneLine).join(' → ') : 'no service'}`];
  if (call.firstRespondingService !== null) parts.push(`★ license holder ${oneLine(call.firstRespondingService)}`);
  for (const t of call.transfers) parts.push(`${t.ok ? '✓' : '✗'} transfer ${oneLine(t.by)}→${oneLine(t.to)} at ${formatClock(t.at)}${t.because.length > 0 ? ` [${t.because.join(', ')}]` : ''}`);
  for (const s of call.supervision) parts.push(`supervised by ${oneLine(s.supervisor)} (${oneLine(s.mode ?? 'none')}) ${formatClock(s.startedAt)}–${s.endedAt === null ? 'end' : formatClock(s.endedAt)}`);
  const outcomes = call.serviceSessions.filter((s) => s.outcome !== null).map((s) => `${oneLine(s.service)}: ${oneLine(s.outcome ?? '')}`);
  if (outcomes.length > 0) parts.push(`outcome ${outcomes.join(', ')}`);
  return parts.join(' · ');
}

export interface TimelineLayout {
  /** Header and lane rows, each exactly `width` characters or fewer. */
  rows: string[];
  /** First and last visible column, and how many there are in all. */
  from: number;
  to: number;
  total: number;
}

/**
 * Lay the model out for `width` characters, starting at column `offset` (clamped). Each column is
 * `columnWidth` wide; a change prints its label, a column without change continues the previous label's
 * line with `─`, and before the first change a lane is blank. One character stays free for the `▶` that
 * says more columns follow.
 */
export function layoutTimeline(model: TimelineModel, width: number, offset = 0, columnWidth = 13): TimelineLayout {
  const titleWidth = Math.min(20, Math.max(6, ...model.lanes.map((l) => l.title.length))) + 1;
  const visible = Math.max(1, Math.floor((width - 1 - titleWidth) / columnWidth));
  const total = model.columns.length;
  const from = Math.max(0, Math.min(offset, Math.max(0, total - visible)));
  const to = Math.min(total, from + visible);
  const fit = (text: string, w: number) => {
    const chars = [...text];
    return chars.length > w ? `${chars.slice(0, Math.max(0, w - 1)).join('')}…` : text.padEnd(w);
  };
  const header: string[] = [fit(from > 0 ? '◀' : '', titleWidth)];
  for (let c = from; c < to; c++) {
    const t = model.columns[c] ?? 0;
    header.push(fit(c === from || model.columns[c - 1] !== t ? formatClock(t) : '', columnWidth));
  }
  const rows = [`${header.join('')}${to < total ? '▶' : ''}`.trimEnd()];
  for (const lane of model.lanes) {
    let started = false;
    for (let c = 0; c < from; c++) if (lane.changes.has(c)) started = true;
    const cells: string[] = [fit(lane.title, titleWidth)];
    for (let c = from; c < to; c++) {
      const label = lane.changes.get(c);
      if (label !== undefined) {
        started = true;
        cells.push(fit(`┃${label}`, columnWidth));
      } else cells.push(started ? '─'.repeat(columnWidth) : ' '.repeat(columnWidth));
    }
    rows.push(cells.join('').trimEnd());
  }
  return { rows, from, to, total };
}

/** Where a timeline is scrolled to: the first time column shown and the first row of lanes and call lines. */
export interface TimelineScroll {
  offset: number;
  scroll: number;
}

export const initialTimelineScroll: TimelineScroll = { offset: 0, scroll: 0 };

/** What a timeline page shows in `width` x `height`: its title line, the time axis, and the visible body rows. */
export interface TimelineFrame {
  title: string;
  header: string;
  /** Lane rows, then a blank row and each call's summary wrapped to the width; `call` marks call rows. */
  rows: { text: string; call: boolean }[];
  /** Which body rows are on screen. */
  slice: Slice;
  /** Visible time columns (for ←→ paging). */
  columns: { from: number; to: number; total: number };
}

/** The body of a timeline: lane rows, then the call lines wrapped to the width. */
function timelineBody(model: TimelineModel, laneRows: readonly string[], width: number): { text: string; call: boolean }[] {
  const rows = laneRows.map((text, i) => ({ text, call: model.lanes[i]?.id.startsWith('call:') ?? false }));
  if (model.lanes.length === 0) rows.push({ text: 'no users or calls', call: false });
  if (model.callLines.length > 0) rows.push({ text: '', call: false });
  for (const line of model.callLines) for (const text of wrapText(line, width)) rows.push({ text, call: false });
  return rows;
}

/** The timeline laid out for a page of `width` x `height` (title and time axis included), scrolled to `at`. */
export function timelineFrame(model: TimelineModel, name: string, width: number, height: number, at: TimelineScroll): TimelineFrame {
  const layout = layoutTimeline(model, width, at.offset);
  const [header = '', ...laneRows] = layout.rows;
  const body = timelineBody(model, laneRows, width);
  const slice = scrollWindow(body.length, height - 2, at.scroll);
  const columns = layout.total === 0 ? '0' : `${layout.from + 1}–${layout.to}`;
  const rowsLabel = slice.end - slice.start < body.length ? ` · rows ${sliceLabel(slice)}` : '';
  return {
    // The position first: a long scenario name is what the width cuts.
    title: `timeline · columns ${columns} of ${layout.total}${rowsLabel} · ${name}`,
    header,
    rows: body.slice(slice.start, slice.end),
    slice,
    columns: { from: layout.from, to: layout.to, total: layout.total },
  };
}

/** ←→ page through time, ↑↓ (j/k, PgUp/PgDn, g/G) scroll the rows; undefined for other keys. */
export function timelineKey(at: TimelineScroll, press: KeyPress, frame: TimelineFrame, height: number): TimelineScroll | undefined {
  const { from, to, total } = frame.columns;
  const step = Math.max(1, to - from - 1);
  if (press.key.rightArrow) return { ...at, offset: Math.min(Math.max(0, total - 1), from + step) };
  if (press.key.leftArrow) return { ...at, offset: Math.max(0, from - step) };
  const scroll = scrollKey(frame.slice.start, press, { total: frame.slice.total, height: height - 2 });
  return scroll === undefined ? undefined : { ...at, scroll };
}
