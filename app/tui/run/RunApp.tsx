/**
 * The interactive run view: a live progress bar with counts and elapsed time, a table of scenarios (status,
 * virtual duration, assertions) to move through, and per scenario a detail page (failures with expected vs
 * actual and the decision trail, rule ids and titles, then every step) and its timeline.
 * Keys: ↑↓ move, enter open, f failures only, / filter, t timeline, esc back, q quit ({@link runKey}).
 * The components only draw; what a key does is decided in ./model.ts.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { formatDuration } from '../../../src/domain/duration.js';
import type { ScenarioResult } from '../../../sim/result.js';
import { oneLine } from '../../../sim/report/text.js';
import { keyPresses, type KeyPress } from '../keys.js';
import { ColoredLines } from '../lines.js';
import { frameRows, useKeyState, useTerminalSize, useTint } from '../terminal.js';
import { timelineFrame, type TimelineModel } from '../timeline/model.js';
import { TimelineView } from '../timeline/TimelineView.js';
import { scrollWindow, sliceLabel, wrapLines } from '../window.js';
import {
  RUN_HELP,
  SCENARIO_STATUS,
  detailLineColor,
  detailLines,
  detailWindow,
  elapsed,
  initialRunUi,
  progressBar,
  runKey,
  tableStatusLine,
  tableWindow,
  timelinePage,
  visibleRows,
  type RunPage,
  type RunUi,
} from './model.js';

export interface RunAppProps {
  total: number;
  done: ScenarioResult[];
  running?: string;
  /** Wall-clock start of the run (ms) and a clock; only the elapsed counter reads them. */
  startedAt: number;
  now?: () => number;
  /** All scenarios have run: the elapsed counter stops. */
  finished: boolean;
  /** Build a scenario's timeline (replays it); absent → no timeline page. */
  loadTimeline?: (result: ScenarioResult) => Promise<TimelineModel>;
  keys?: boolean;
}

type Row = ReturnType<typeof visibleRows>[number];
type Body = { width: number; height: number };

const LIST_FOOTER = '↑↓ move · enter open · t timeline · f failures · / filter · ? help · q quit';
const TIMELINE_FOOTER = '←→ time · ↑↓ PgUp PgDn scroll · esc back · ? help · q quit';
const HELP_FOOTER = '↑↓ PgUp PgDn scroll · esc or ? close · q quit';

/** The rows of a page between the progress line and the footer: progress, a blank, the body, a blank, the footer. */
const bodyHeight = (rows: number): number => Math.max(1, rows - 4);

export function RunApp({ total, done, running, startedAt, now = Date.now, finished, loadTimeline, keys = true }: RunAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const body: Body = { width: size.columns, height: bodyHeight(frameRows(size)) };
  const [ui, currentUi, setUi] = useKeyState<RunUi>(initialRunUi);
  const wall = useWallClock(finished, now) - startedAt;
  const rows = visibleRows(done, { onlyFailures: ui.onlyFailures, text: ui.filter });

  const showPage = (page: RunPage) => setUi({ ...currentUi(), page });
  const stillOn = (index: number) => {
    const page = currentUi().page;
    return page.kind === 'timeline' && page.index === index;
  };
  const openTimeline = (index: number) => {
    const result = done[index];
    if (!result || !loadTimeline) return;
    showPage(timelinePage(index));
    loadTimeline(result)
      .then((model) => stillOn(index) && showPage(timelinePage(index, { model })))
      .catch((err: unknown) => stillOn(index) && showPage(timelinePage(index, { error: err instanceof Error ? err.message : String(err) })));
  };
  const handle = (press: KeyPress) => {
    const before = currentUi();
    const shown = visibleRows(done, { onlyFailures: before.onlyFailures, text: before.filter });
    const { ui: next, effect } = runKey(before, press, { rows: shown, done, body });
    if (next !== before) setUi(next);
    if (effect?.kind === 'exit') exit();
    if (effect?.kind === 'openTimeline') openTimeline(effect.index);
  };
  // A chunk of several keys (typed ahead, pasted) is each of its keys in turn.
  useInput((input, key) => keyPresses(input, key).forEach(handle), { isActive: keys });

  return (
    <Box flexDirection="column" width={body.width}>
      <ProgressLine total={total} done={done} running={running} finished={finished} wall={wall} width={body.width} />
      <RunPageView ui={ui} rows={rows} done={done} body={body} hasTimeline={loadTimeline !== undefined} />
    </Box>
  );
}

function RunPageView({ ui, rows, done, body, hasTimeline }: { ui: RunUi; rows: Row[]; done: ScenarioResult[]; body: Body; hasTimeline: boolean }) {
  const { page } = ui;
  switch (page.kind) {
    case 'help':
      return <HelpPage lines={RUN_HELP} scroll={page.scroll} height={body.height} />;
    case 'timeline':
      return <TimelinePage page={page} name={done[page.index]?.name ?? ''} body={body} />;
    case 'detail':
      return <DetailPage result={done[page.index]} scroll={page.scroll} body={body} hasTimeline={hasTimeline} />;
    default:
      return (
        <PageFrame footer={LIST_FOOTER}>
          <ScenarioTable ui={ui} rows={rows} done={done.length} body={body} />
        </PageFrame>
      );
  }
}

/** A page's body, then its key footer, each one row per line (cut at the terminal's width, never wrapped). */
function PageFrame({ footer, children }: { footer: string; children: ReactNode }) {
  return (
    <>
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      <Box marginTop={1}>
        <Text dimColor wrap="truncate-end">
          {footer}
        </Text>
      </Box>
    </>
  );
}

/** A help page: the key list, scrolled. */
function HelpPage({ lines, scroll, height }: { lines: readonly string[]; scroll: number; height: number }) {
  const slice = scrollWindow(lines.length, height, scroll);
  const position = slice.end - slice.start < lines.length ? ` (${sliceLabel(slice)})` : '';
  return (
    <PageFrame footer={`${HELP_FOOTER}${position}`}>
      <ColoredLines lines={lines.slice(slice.start, slice.end)} colorOf={() => undefined} />
    </PageFrame>
  );
}

/** Now, ticking once a second while scenarios run; frozen at the moment the run finished. */
function useWallClock(finished: boolean, now: () => number): number {
  const [endedAt, setEndedAt] = useState<number | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (finished) {
      setEndedAt((e) => e ?? now());
      return;
    }
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [finished, now]);
  return endedAt ?? now();
}

function ProgressLine({ total, done, running, finished, wall, width }: { total: number; done: ScenarioResult[]; running: string | undefined; finished: boolean; wall: number; width: number }) {
  const tint = useTint();
  const passed = done.filter((r) => r.status === 'passed').length;
  const failed = done.length - passed;
  const barWidth = Math.max(10, Math.min(40, width - 60));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...(tint(failed > 0 ? 'red' : 'green') ? { color: failed > 0 ? 'red' : 'green' } : {})}>{progressBar(done.length, total, barWidth)}</Text> {done.length}/{total} ·{' '}
        {passed} passed · {failed} failed · {elapsed(wall)}
        {finished ? ' · done' : running !== undefined ? ` · running ${oneLine(running)}` : ''}
      </Text>
    </Box>
  );
}

function TimelinePage({ page, name, body }: { page: Extract<RunPage, { kind: 'timeline' }>; name: string; body: Body }) {
  return (
    <PageFrame footer={TIMELINE_FOOTER}>
      {page.model ? (
        <TimelineView frame={timelineFrame(page.model, oneLine(name), body.width, body.height, page.at)} />
      ) : (
        <Text dimColor wrap="truncate-end">
          {page.error ? `timeline unavailable: ${oneLine(page.error)}` : 'replaying the scenario for its timeline…'}
        </Text>
      )}
    </PageFrame>
  );
}

function DetailPage({ result, scroll, body, hasTimeline }: { result: ScenarioResult | undefined; scroll: number; body: Body; hasTimeline: boolean }) {
  // Wrapped, not cut: the rule titles and the inputs of a refusal are what the page is for.
  const { shown, footer } = detailWindow(result ? wrapLines(detailLines(result), body.width) : [], scroll, body.height, hasTimeline);
  return (
    <PageFrame footer={footer}>
      <ColoredLines lines={shown} colorOf={detailLineColor} />
    </PageFrame>
  );
}

function ScenarioTable({ ui, rows, done, body }: { ui: RunUi; rows: Row[]; done: number; body: Body }) {
  const cursor = Math.min(ui.cursor, Math.max(0, rows.length - 1));
  const nameWidth = Math.max(8, Math.min(60, body.width - 40, Math.max(8, ...rows.map((r) => oneLine(r.result.name).length))));
  const slice = tableWindow(cursor, rows.length, body.height);
  const status = tableStatusLine(ui, slice, done);
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {status === '' ? ' ' : status}
      </Text>
      {rows.length === 0 ? <Text dimColor>{done === 0 ? 'waiting for the first scenario…' : 'no scenario matches'}</Text> : null}
      {rows.slice(slice.start, slice.end).map(({ result, index }, i) => (
        <ScenarioRow key={`${index}:${result.file}`} result={result} selected={slice.start + i === cursor} nameWidth={nameWidth} />
      ))}
    </Box>
  );
}

function ScenarioRow({ result, selected, nameWidth }: { result: ScenarioResult; selected: boolean; nameWidth: number }) {
  const tint = useTint();
  const status = SCENARIO_STATUS[result.status];
  return (
    <Box>
      <Text inverse={selected}>{selected ? '›' : ' '}</Text>
      <Box width={7} flexShrink={0} marginLeft={1}>
        <Text {...(tint(status.color) ? { color: status.color } : {})}>{status.label}</Text>
      </Box>
      <Box width={nameWidth + 2} paddingRight={2} flexShrink={0}>
        <Text wrap="truncate-end" inverse={selected}>
          {oneLine(result.name)}
        </Text>
      </Box>
      <Box width={12} flexShrink={0}>
        <Text wrap="truncate-end">{formatDuration(result.virtualDurationMs)}</Text>
      </Box>
      <Text wrap="truncate-end">
        {result.assertions.passed}/{result.assertions.passed + result.assertions.failed} assertions
      </Text>
    </Box>
  );
}
