/**
 * The interactive machine explorer: actors on the left, the selected actor's machine state and the events
 * it accepts on the right, the last action with its decision trail, a status line and a key footer; or,
 * full-page, the timeline, the log of every action, or the help. Every view fits the terminal (rows and
 * columns, followed on resize) and scrolls what does not fit.
 * All engine work goes through {@link ExplorerSession}; what a key does and how the rows are shared is
 * decided in ./model.ts, all text comes from ./format.ts and the windowing from ../window.ts: the components
 * here only draw.
 */
import { useRef } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { formatClock } from '../../../src/domain/duration.js';
import { oneLine } from '../../../sim/report/text.js';
import { keyPresses, type KeyPress } from '../keys.js';
import { ColoredLines } from '../lines.js';
import { ScrolledLines } from '../page.js';
import { frameRows, useKeyState, useTerminalSize, useTint } from '../terminal.js';
import { buildTimeline, timelineFrame, type TimelineScroll } from '../timeline/model.js';
import { TimelineView } from '../timeline/TimelineView.js';
import { cursorWindow, scrollWindow, sliceLabel, wrapText, type Extent } from '../window.js';
import { actorLabel, entryDetail, entryHead, stepPreview } from './format.js';
import {
  EXPLORER_HELP,
  actorPanelLines,
  explorerFooter,
  explorerKey,
  explorerLineColor,
  initialExplorerUi,
  logLines,
  machinesLayout,
  pageRows,
  panelExtent,
  runJob,
  type ExplorerEffect,
  type ExplorerMode,
  type ExplorerUi,
} from './model.js';
import type { ActorRef, ActorView, ExplorerSession } from './session.js';

export interface ExplorerAppProps {
  session: ExplorerSession;
  /** Write the Mermaid diagram of this actor's machine; returns a message for the status line. */
  exportMermaid?: (ref: ActorRef) => string;
  /** Read keys (false in tests that only render). Default true. */
  keys?: boolean;
}

/** The actor list's width: room for the longest label and headline, at most a third of the terminal. */
const actorListWidth = (actors: readonly ActorView[], columns: number): number =>
  Math.max(12, Math.min(30, Math.floor(columns / 3), Math.max(16, ...actors.map((a) => actorLabel(a).length + a.headline.length + 4))));

export function ExplorerApp({ session, exportMermaid, keys = true }: ExplorerAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const rows = frameRows(size);
  const width = size.columns;
  const [ui, currentUi, setUi] = useKeyState<ExplorerUi>(initialExplorerUi);
  const update = (patch: Partial<ExplorerUi>) => setUi({ ...currentUi(), ...patch });
  const actors = session.actors();
  const currentOf = (i: number) => actors[Math.min(i, Math.max(0, actors.length - 1))];
  const panelLinesOf = (u: ExplorerUi): string[] => {
    const current = currentOf(u.selected);
    return current ? actorPanelLines(session, current, u.panel) : [];
  };
  const last = session.log.at(-1);
  const layout = machinesLayout(rows, last ? entryDetail(last).length : 0);
  const timelineAt = (at: TimelineScroll) => {
    const height = pageRows(rows);
    return { frame: timelineFrame(buildTimeline(session.trace(), session.callFacts()), 'so far', width, height, at), height };
  };
  const extent = (part: 'panel' | 'log' | 'help'): Extent => {
    if (part === 'panel') return panelExtent(panelLinesOf(currentUi()).length, layout.body);
    return { total: part === 'log' ? logLines(session.log, width).length : EXPLORER_HELP.length, height: pageRows(rows) };
  };

  const apply = useEffects(session, currentUi, update, exit, exportMermaid);
  const handle = (press: KeyPress) => {
    const before = currentUi();
    const ctx = { current: currentOf(before.selected), actorCount: () => session.actors().length, extent, timeline: timelineAt };
    const { ui: next, effect } = explorerKey(before, press, ctx);
    if (next !== before) setUi(next);
    if (effect) apply(effect);
  };
  // A chunk of several keys (typed ahead, pasted, `nnnnnn`) is each of its keys in turn.
  useInput((input, key) => keyPresses(input, key).forEach(handle), { isActive: keys });

  return (
    <Box flexDirection="column" width={width}>
      <ExplorerHeader session={session} busy={ui.busy} />
      {ui.view === 'machines' ? (
        <>
          <Box height={layout.body} overflow="hidden">
            <ActorList actors={actors} selected={ui.selected} width={actorListWidth(actors, width)} height={layout.body} />
            <Box flexDirection="column" flexGrow={1} flexShrink={1}>
              <ActorPanel mode={ui.mode} current={currentOf(ui.selected)} lines={panelLinesOf(ui)} scroll={ui.panelScroll} height={layout.body} width={width - actorListWidth(actors, width) - 2} />
            </Box>
          </Box>
          <LastAction session={session} detailRows={layout.detail} />
        </>
      ) : ui.view === 'timeline' ? (
        <TimelineView frame={timelineAt(ui.timeline).frame} />
      ) : (
        <ScrolledLines lines={ui.view === 'log' ? logLines(session.log, width) : EXPLORER_HELP} scroll={ui.view === 'log' ? ui.logScroll : ui.helpScroll} height={pageRows(rows)} footer={explorerFooter(ui.view)} colorOf={explorerLineColor} />
      )}
      <Text wrap="truncate-end">{ui.status === '' ? ' ' : ui.status}</Text>
      {ui.view === 'machines' || ui.view === 'timeline' ? (
        <Text dimColor wrap="truncate-end">
          {explorerFooter(ui.view)}
        </Text>
      ) : null}
    </Box>
  );
}

/** What a key's effect does outside the view state: quit, open the editor, export, or queue engine work. */
function useEffects(session: ExplorerSession, currentUi: () => ExplorerUi, update: (patch: Partial<ExplorerUi>) => void, exit: () => void, exportMermaid: ExplorerAppProps['exportMermaid']) {
  // Engine work runs one job at a time, in the order the keys asked for it.
  const work = useRef({ queue: Promise.resolve(), pending: 0 });
  return (effect: ExplorerEffect): void => {
    switch (effect.kind) {
      case 'exit':
        return exit();
      case 'template':
        return update({ mode: { kind: 'edit', text: JSON.stringify(session.eventTemplate(effect.actor, effect.type)) } });
      case 'mermaid':
        if (exportMermaid) update({ status: exportMermaid(effect.actor) });
        return;
      case 'work': {
        // The world is rebuilt or stepped in place, so jobs never overlap: each waits for the one before.
        const w = work.current;
        w.pending += 1;
        update({ busy: true });
        w.queue = w.queue
          .then(() => runJob(session, effect.job))
          .then(() => update({ status: effect.done ?? '' }))
          .catch((err: unknown) => update({ status: `error: ${err instanceof Error ? err.message : String(err)}` }))
          .finally(() => {
            w.pending -= 1;
            if (w.pending === 0) update({ busy: false });
          });
      }
    }
  };
}

function ExplorerHeader({ session, busy }: { session: ExplorerSession; busy: boolean }) {
  return (
    <>
      <Text wrap="truncate-end">
        <Text bold>explore</Text> step {session.nextStepIndex}/{session.scenario.steps.length} · virtual {formatClock(session.now)} · history {session.history.length}
        {busy ? ' · working…' : ''}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {oneLine(session.scenario.name)} · {session.scenario.file}
      </Text>
    </>
  );
}

/** The actors, the selected one kept in view; the title says which of them show when they do not all fit. */
function ActorList({ actors, selected, width, height }: { actors: ActorView[]; selected: number; width: number; height: number }) {
  const slice = cursorWindow(actors.length, height - 1, selected);
  const title = slice.end - slice.start < actors.length ? `actors ${sliceLabel(slice)}` : 'actors';
  return (
    <Box flexDirection="column" width={width} flexShrink={0} marginRight={2}>
      <Text underline wrap="truncate-end">
        {title}
      </Text>
      {actors.length === 0 ? <Text dimColor>(none)</Text> : null}
      {actors.slice(slice.start, slice.end).map((a, i) => {
        const index = slice.start + i;
        return (
          <Text key={`${a.ref.kind}:${a.ref.id}`} inverse={index === selected} wrap="truncate-end">
            {index === selected ? '›' : ' '} {actorLabel(a)} <Text dimColor={index !== selected}>{a.headline}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

interface ActorPanelProps {
  mode: ExplorerMode;
  current: ActorView | undefined;
  lines: string[];
  scroll: number;
  height: number;
  width: number;
}

/** The right-hand panel: the event picker, the payload editor, or the actor's lines, in `height` rows. */
function ActorPanel({ mode, current, lines, scroll, height, width }: ActorPanelProps) {
  const tint = useTint();
  if (!current) return null;
  if (mode.kind === 'pick') {
    const slice = cursorWindow(current.accepts.length, height - 1, mode.cursor);
    return (
      <>
        <Text underline wrap="truncate-end">
          send which event to {actorLabel(current)}? (enter choose, esc cancel)
        </Text>
        {current.accepts.slice(slice.start, slice.end).map((t, i) => (
          <Text key={t} inverse={slice.start + i === mode.cursor} wrap="truncate-end">
            {slice.start + i === mode.cursor ? '›' : ' '} {t}
            {current.enabled.includes(t) ? '' : '  (guards refuse the generic payload)'}
          </Text>
        ))}
      </>
    );
  }
  if (mode.kind === 'edit') {
    // The end of the payload is where the typing happens: keep it in view.
    const text = wrapText(`${mode.text}▏`, width, 0).slice(-Math.max(1, height - (mode.error ? 2 : 1)));
    return (
      <>
        <Text underline wrap="truncate-end">
          event payload for {actorLabel(current)} (enter send, esc cancel):
        </Text>
        <ColoredLines lines={text} colorOf={() => undefined} />
        {mode.error ? (
          <Text wrap="truncate-end" {...(tint('red') ? { color: 'red' } : {})}>
            {mode.error}
          </Text>
        ) : null}
      </>
    );
  }
  const { total, height: shown } = panelExtent(lines.length, height);
  const slice = scrollWindow(total, shown, scroll);
  return (
    <>
      <ColoredLines lines={lines.slice(slice.start, slice.end)} colorOf={explorerLineColor} />
      {shown < height ? (
        <Text dimColor wrap="truncate-end">
          J K PgUp PgDn scroll · {sliceLabel(slice)}
        </Text>
      ) : null}
    </>
  );
}

function LastAction({ session, detailRows }: { session: ExplorerSession; detailRows: number }) {
  const tint = useTint();
  const last = session.log.at(-1);
  const next = session.nextStep;
  return (
    <Box flexDirection="column">
      <Text underline>last action</Text>
      {last ? (
        <>
          <Text wrap="truncate-end" {...(last.ok === false && tint('red') ? { color: 'red' } : {})}>
            {entryHead(last)}
          </Text>
          <Box paddingLeft={2} flexDirection="column">
            <ColoredLines lines={entryDetail(last)} colorOf={explorerLineColor} max={detailRows} more=" (l: the log)" />
          </Box>
        </>
      ) : (
        <Text dimColor>nothing yet: press n to run the first step</Text>
      )}
      <Text wrap="truncate-end" dimColor>
        next: {next ? stepPreview(next.step, next.line) : session.halted ? 'stopped by the error above (b to go back)' : 'end of scenario'}
      </Text>
    </Box>
  );
}
