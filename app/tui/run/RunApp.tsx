/**
 * The interactive run view: a live progress bar with counts and elapsed time, a table of scenarios (status,
 * virtual duration, assertions) to move through, and per scenario a detail page (failures with expected vs
 * actual and the decision trail, rule ids and titles, then every step) and its timeline.
 * Keys: ↑↓ move, enter open, f failures only, / filter, t timeline, esc back, q quit.
 */
import { useEffect, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { formatDuration } from '../../../src/domain/duration.js';
import type { ScenarioResult } from '../../../sim/result.js';
import { oneLine } from '../../../sim/report/text.js';
import { useColumns, useTint } from '../terminal.js';
import type { TimelineModel } from '../timeline/model.js';
import { TimelineView } from '../timeline/TimelineView.js';
import { detailLines, elapsed, progressBar, visibleRows } from './model.js';

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

type Page =
  | { kind: 'list' }
  | { kind: 'filter'; text: string }
  | { kind: 'detail'; index: number; scroll: number }
  | { kind: 'timeline'; index: number; model?: TimelineModel; error?: string };

const STATUS: Record<ScenarioResult['status'], { label: string; color: string }> = {
  passed: { label: 'PASS', color: 'green' },
  failed: { label: 'FAIL', color: 'red' },
  error: { label: 'ERROR', color: 'red' },
};

export function RunApp({ total, done, running, startedAt, now = Date.now, finished, loadTimeline, keys = true }: RunAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const tint = useTint();
  const width = Math.max(40, useColumns());
  const rowsAvailable = Math.max(8, (stdout.rows ?? 24) - 8);
  const [page, setPageState] = useState<Page>({ kind: 'list' });
  const pageRef = useRef(page);
  const setPage = (p: Page) => {
    pageRef.current = p;
    setPageState(p);
  };
  const [cursor, setCursorState] = useState(0);
  const cursorRef = useRef(0);
  const [onlyFailures, setOnlyFailures] = useState(false);
  const [filter, setFilter] = useState('');
  const [endedAt, setEndedAt] = useState<number | null>(null);
  const [, setTick] = useState(0);

  // The elapsed counter ticks once a second while scenarios run, and freezes when the run is finished.
  useEffect(() => {
    if (finished) {
      setEndedAt((e) => e ?? now());
      return;
    }
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [finished, now]);

  const rows = visibleRows(done, { onlyFailures, text: filter });
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const setCursor = (c: number) => {
    cursorRef.current = c;
    setCursorState(c);
  };
  const clampedCursor = Math.min(cursor, Math.max(0, rows.length - 1));

  const openTimeline = (index: number) => {
    const result = done[index];
    if (!result || !loadTimeline) return;
    setPage({ kind: 'timeline', index });
    loadTimeline(result)
      .then((model) => pageRef.current.kind === 'timeline' && setPage({ kind: 'timeline', index, model }))
      .catch((err: unknown) => setPage({ kind: 'timeline', index, error: err instanceof Error ? err.message : String(err) }));
  };

  useInput(
    (input, key) => {
      const p = pageRef.current;
      if (p.kind === 'filter') {
        if (key.escape) {
          setFilter('');
          return setPage({ kind: 'list' });
        }
        if (key.return) return setPage({ kind: 'list' });
        const text = key.backspace || key.delete ? p.text.slice(0, -1) : input && !key.ctrl && !key.meta ? p.text + input : p.text;
        setFilter(text);
        setCursor(0);
        return setPage({ kind: 'filter', text });
      }
      if (input === 'q') return exit();
      if (p.kind === 'detail') {
        if (key.escape || key.backspace || key.leftArrow) return setPage({ kind: 'list' });
        if (key.downArrow || input === 'j') return setPage({ ...p, scroll: p.scroll + 1 });
        if (key.upArrow || input === 'k') return setPage({ ...p, scroll: Math.max(0, p.scroll - 1) });
        if (key.pageDown || input === ' ') return setPage({ ...p, scroll: p.scroll + rowsAvailable });
        if (key.pageUp) return setPage({ ...p, scroll: Math.max(0, p.scroll - rowsAvailable) });
        if (input === 't') return openTimeline(p.index);
        return;
      }
      if (p.kind === 'timeline') {
        if (key.escape || key.backspace) return setPage({ kind: 'detail', index: p.index, scroll: 0 });
        return;
      }
      const visible = rowsRef.current;
      if (key.upArrow || input === 'k') return setCursor(Math.max(0, Math.min(cursorRef.current, visible.length - 1) - 1));
      if (key.downArrow || input === 'j') return setCursor(Math.min(Math.max(0, visible.length - 1), cursorRef.current + 1));
      if (input === 'f') {
        setCursor(0);
        return setOnlyFailures((v) => !v);
      }
      if (input === '/') return setPage({ kind: 'filter', text: filter });
      const row = visible[Math.min(cursorRef.current, visible.length - 1)];
      if (key.return && row) return setPage({ kind: 'detail', index: row.index, scroll: 0 });
      if (input === 't' && row) return openTimeline(row.index);
    },
    { isActive: keys },
  );

  const passed = done.filter((r) => r.status === 'passed').length;
  const failed = done.length - passed;
  const wall = (endedAt ?? now()) - startedAt;
  const barWidth = Math.max(10, Math.min(40, width - 60));

  const header = (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...(tint(failed > 0 ? 'red' : 'green') ? { color: failed > 0 ? 'red' : 'green' } : {})}>{progressBar(done.length, total, barWidth)}</Text> {done.length}/{total} ·{' '}
        {passed} passed · {failed} failed · {elapsed(wall)}
        {finished ? ' · done' : running !== undefined ? ` · running ${oneLine(running)}` : ''}
      </Text>
    </Box>
  );

  let body;
  let footer: string;
  if (page.kind === 'detail' || page.kind === 'timeline') {
    const result = done[page.index];
    if (page.kind === 'timeline') {
      footer = '←→ scroll time · esc back · q quit';
      body = page.model ? (
        <TimelineView title={oneLine(result?.name ?? '')} model={page.model} keys={keys} width={width} />
      ) : (
        <Text dimColor>{page.error ? `timeline unavailable: ${oneLine(page.error)}` : 'replaying the scenario for its timeline…'}</Text>
      );
    } else {
      const lines = result ? detailLines(result) : [];
      const scroll = Math.min(page.scroll, Math.max(0, lines.length - rowsAvailable));
      footer = `↑↓ scroll (${scroll + 1}–${Math.min(lines.length, scroll + rowsAvailable)} of ${lines.length}) · ${loadTimeline ? 't timeline · ' : ''}esc back · q quit`;
      body = (
        <Box flexDirection="column">
          {lines.slice(scroll, scroll + rowsAvailable).map((l, i) => {
            const t = l.trimStart();
            const color = t.startsWith('✗') || t.startsWith('refused') || t.startsWith('Error') ? 'red' : t.startsWith('✓') ? 'green' : undefined;
            return (
              <Text key={i} wrap="truncate-end" {...(color && tint(color) ? { color } : {})}>
                {l === '' ? ' ' : l}
              </Text>
            );
          })}
        </Box>
      );
    }
  } else {
    footer = '↑↓ move · enter open · t timeline · f failures only · / filter · q quit';
    const nameWidth = Math.max(8, Math.min(60, width - 40, Math.max(8, ...rows.map((r) => oneLine(r.result.name).length))));
    const start = Math.max(0, Math.min(clampedCursor - Math.floor(rowsAvailable / 2), rows.length - rowsAvailable));
    body = (
      <Box flexDirection="column">
        {onlyFailures || filter !== '' || page.kind === 'filter' ? (
          <Text dimColor>
            {onlyFailures ? 'failures only' : ''}
            {onlyFailures && (filter !== '' || page.kind === 'filter') ? ' · ' : ''}
            {page.kind === 'filter' ? `filter: ${page.text}▏ (enter keep, esc clear)` : filter !== '' ? `filter: ${filter}` : ''} · {rows.length} of {done.length}
          </Text>
        ) : null}
        {rows.length === 0 ? <Text dimColor>{done.length === 0 ? 'waiting for the first scenario…' : 'no scenario matches'}</Text> : null}
        {rows.slice(start, start + rowsAvailable).map(({ result, index }, i) => {
          const selected = start + i === clampedCursor;
          const status = STATUS[result.status];
          return (
            <Box key={`${index}:${result.file}`}>
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
        })}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={width}>
      {header}
      <Box marginTop={1} flexDirection="column">
        {body}
      </Box>
      <Box marginTop={1}>
        <Text dimColor wrap="wrap">
          {footer}
        </Text>
      </Box>
    </Box>
  );
}
