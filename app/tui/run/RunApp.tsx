/**
 * The interactive run view: a live progress bar with counts and elapsed time, a table of scenarios (status,
 * virtual duration, assertions) to move through, and per scenario a detail page (failures with expected vs
 * actual and the decision trail, rule ids and titles, then every step) and its timeline.
 * Keys: ↑↓ move, enter open, f failures only, / filter, t timeline, esc back, q quit ({@link runKey}).
 * The components only draw; what a key does is decided in ./model.ts.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { formatDuration } from '../../../src/domain/duration.js';
import type { ScenarioResult } from '../../../sim/result.js';
import { oneLine } from '../../../sim/report/text.js';
import { ColoredLines } from '../lines.js';
import { useColumns, useKeyState, useTint } from '../terminal.js';
import type { TimelineModel } from '../timeline/model.js';
import { TimelineView } from '../timeline/TimelineView.js';
import {
  SCENARIO_STATUS,
  detailLineColor,
  detailLines,
  detailWindow,
  elapsed,
  initialRunUi,
  progressBar,
  runKey,
  tableFilterLine,
  tableStart,
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

const LIST_FOOTER = '↑↓ move · enter open · t timeline · f failures only · / filter · q quit';
const TIMELINE_FOOTER = '←→ scroll time · esc back · q quit';

export function RunApp({ total, done, running, startedAt, now = Date.now, finished, loadTimeline, keys = true }: RunAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const width = Math.max(40, useColumns());
  const rowsAvailable = Math.max(8, (stdout.rows ?? 24) - 8);
  const [ui, currentUi, setUi] = useKeyState<RunUi>(initialRunUi);
  const wall = useWallClock(finished, now) - startedAt;
  const rows = visibleRows(done, { onlyFailures: ui.onlyFailures, text: ui.filter });

  const showPage = (page: RunPage) => setUi({ ...currentUi(), page });
  const openTimeline = (index: number) => {
    const result = done[index];
    if (!result || !loadTimeline) return;
    showPage({ kind: 'timeline', index });
    loadTimeline(result)
      .then((model) => currentUi().page.kind === 'timeline' && showPage({ kind: 'timeline', index, model }))
      .catch((err: unknown) => showPage({ kind: 'timeline', index, error: err instanceof Error ? err.message : String(err) }));
  };

  useInput(
    (input, key) => {
      const before = currentUi();
      const shown = visibleRows(done, { onlyFailures: before.onlyFailures, text: before.filter });
      const { ui: next, effect } = runKey(before, { input, key }, { rows: shown, rowsAvailable });
      if (next !== before) setUi(next);
      if (effect?.kind === 'exit') exit();
      if (effect?.kind === 'openTimeline') openTimeline(effect.index);
    },
    { isActive: keys },
  );

  const { page } = ui;
  return (
    <Box flexDirection="column" width={width}>
      <ProgressLine total={total} done={done} running={running} finished={finished} wall={wall} width={width} />
      {page.kind === 'timeline' ? (
        <TimelinePage page={page} name={done[page.index]?.name ?? ''} keys={keys} width={width} />
      ) : page.kind === 'detail' ? (
        <DetailPage result={done[page.index]} scroll={page.scroll} rowsAvailable={rowsAvailable} hasTimeline={loadTimeline !== undefined} />
      ) : (
        <PageFrame footer={LIST_FOOTER}>
          <ScenarioTable ui={ui} rows={rows} done={done.length} rowsAvailable={rowsAvailable} width={width} />
        </PageFrame>
      )}
    </Box>
  );
}

/** A page's body, then its key footer. */
function PageFrame({ footer, children }: { footer: string; children: ReactNode }) {
  return (
    <>
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      <Box marginTop={1}>
        <Text dimColor wrap="wrap">
          {footer}
        </Text>
      </Box>
    </>
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

function TimelinePage({ page, name, keys, width }: { page: Extract<RunPage, { kind: 'timeline' }>; name: string; keys: boolean; width: number }) {
  return (
    <PageFrame footer={TIMELINE_FOOTER}>
      {page.model ? (
        <TimelineView title={oneLine(name)} model={page.model} keys={keys} width={width} />
      ) : (
        <Text dimColor>{page.error ? `timeline unavailable: ${oneLine(page.error)}` : 'replaying the scenario for its timeline…'}</Text>
      )}
    </PageFrame>
  );
}

function DetailPage({ result, scroll, rowsAvailable, hasTimeline }: { result: ScenarioResult | undefined; scroll: number; rowsAvailable: number; hasTimeline: boolean }) {
  const { shown, footer } = detailWindow(result ? detailLines(result) : [], scroll, rowsAvailable, hasTimeline);
  return (
    <PageFrame footer={footer}>
      <Box flexDirection="column">
        <ColoredLines lines={shown} colorOf={detailLineColor} />
      </Box>
    </PageFrame>
  );
}

function ScenarioTable({ ui, rows, done, rowsAvailable, width }: { ui: RunUi; rows: Row[]; done: number; rowsAvailable: number; width: number }) {
  const cursor = Math.min(ui.cursor, Math.max(0, rows.length - 1));
  const nameWidth = Math.max(8, Math.min(60, width - 40, Math.max(8, ...rows.map((r) => oneLine(r.result.name).length))));
  const start = tableStart(cursor, rows.length, rowsAvailable);
  const filterLine = tableFilterLine(ui, rows.length, done);
  return (
    <Box flexDirection="column">
      {filterLine !== undefined ? <Text dimColor>{filterLine}</Text> : null}
      {rows.length === 0 ? <Text dimColor>{done === 0 ? 'waiting for the first scenario…' : 'no scenario matches'}</Text> : null}
      {rows.slice(start, start + rowsAvailable).map(({ result, index }, i) => (
        <ScenarioRow key={`${index}:${result.file}`} result={result} selected={start + i === cursor} nameWidth={nameWidth} />
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
        <Text>{formatDuration(result.virtualDurationMs)}</Text>
      </Box>
      <Text>
        {result.assertions.passed}/{result.assertions.passed + result.assertions.failed} assertions
      </Text>
    </Box>
  );
}
