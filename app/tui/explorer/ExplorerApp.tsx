/**
 * The interactive machine explorer: actors on the left, the selected actor's machine state and the events
 * it accepts on the right, the last action with its decision trail, the "why" panel, and a key footer.
 * All engine work goes through {@link ExplorerSession}; all text comes from ./format.ts.
 */
import { useRef, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { formatClock } from '../../../src/domain/duration.js';
import { oneLine } from '../../../sim/report/text.js';
import { useColumns, useTint } from '../terminal.js';
import { buildTimeline } from '../timeline/model.js';
import { TimelineView } from '../timeline/TimelineView.js';
import { actorLabel, actorLines, callDecisionLines, entryDetail, entryHead, stepPreview, whyLines } from './format.js';
import type { ActorRef, ExplorerSession } from './session.js';

export interface ExplorerAppProps {
  session: ExplorerSession;
  /** Write the Mermaid diagram of this actor's machine; returns a message for the status line. */
  exportMermaid?: (ref: ActorRef) => string;
  /** Read keys (false in tests that only render). Default true. */
  keys?: boolean;
}

type Mode = { kind: 'main' } | { kind: 'pick'; cursor: number } | { kind: 'edit'; text: string; error?: string };

const lineColor = (line: string): string | undefined => {
  const t = line.trimStart();
  if (t.startsWith('✗') || t.startsWith('refused') || t.startsWith('error')) return 'red';
  if (t.startsWith('✓')) return 'green';
  if (t.startsWith('hint')) return 'yellow';
  return undefined;
};

function Lines({ lines, max, wrap = 'truncate-end' }: { lines: string[]; max?: number; wrap?: 'wrap' | 'truncate-end' }) {
  const tint = useTint();
  const shown = max !== undefined && lines.length > max ? [...lines.slice(0, max - 1), `… ${lines.length - max + 1} more line(s)`] : lines;
  return (
    <>
      {shown.map((l, i) => {
        const c = lineColor(l);
        return (
          <Text key={i} wrap={wrap} {...(c && tint(c) ? { color: tint(c) as string } : {})}>
            {l === '' ? ' ' : l}
          </Text>
        );
      })}
    </>
  );
}

export function ExplorerApp({ session, exportMermaid, keys = true }: ExplorerAppProps) {
  const { exit } = useApp();
  const tint = useTint();
  const columns = useColumns();
  const [, setVersion] = useState(0);
  const [selected, setSelected] = useState(0);
  const [mode, setModeState] = useState<Mode>({ kind: 'main' });
  // Keys can arrive before Ink re-subscribes the input handler after a render: read mode and busy from refs.
  const modeRef = useRef(mode);
  const setMode = (m: Mode) => {
    modeRef.current = m;
    setModeState(m);
  };
  const [busy, setBusyState] = useState(false);
  const busyRef = useRef(false);
  const setBusy = (b: boolean) => {
    busyRef.current = b;
    setBusyState(b);
  };
  const selectedRef = useRef(0);
  const select = (f: (s: number) => number) => {
    selectedRef.current = f(selectedRef.current);
    setSelected(selectedRef.current);
  };
  const [status, setStatus] = useState('');
  const [panel, setPanel] = useState<'why' | 'context'>('why');
  const [timeline, setTimelineState] = useState(false);
  const timelineRef = useRef(false);
  const toggleTimeline = () => {
    timelineRef.current = !timelineRef.current;
    setTimelineState(timelineRef.current);
  };

  const actors = session.actors();
  const currentOf = (i: number) => actors[Math.min(i, Math.max(0, actors.length - 1))];
  const current = currentOf(selected);
  const refresh = () => setVersion((v) => v + 1);
  const work = (f: () => Promise<unknown>, done?: string) => {
    if (busyRef.current) return;
    setBusy(true);
    void f()
      .then(() => setStatus(done ?? ''))
      .catch((err: unknown) => setStatus(`error: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        setBusy(false);
        refresh();
      });
  };

  useInput(
    (input, key) => {
      const mode = modeRef.current;
      const current = currentOf(selectedRef.current);
      if (mode.kind === 'edit') {
        if (key.escape) return setMode({ kind: 'main' });
        if (key.return) {
          let event: unknown;
          try {
            event = JSON.parse(mode.text);
          } catch (err) {
            return setMode({ ...mode, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` });
          }
          if (!current || event === null || typeof event !== 'object' || typeof (event as { type?: unknown }).type !== 'string') {
            return setMode({ ...mode, error: 'an event is a JSON object with a "type"' });
          }
          setMode({ kind: 'main' });
          const ref = current.ref;
          return work(() => session.send(ref, event as { type: string }), `sent ${(event as { type: string }).type} to ${ref.kind} ${ref.id}`);
        }
        if (key.backspace || key.delete) return setMode({ kind: 'edit', text: mode.text.slice(0, -1) });
        if (input && !key.ctrl && !key.meta) return setMode({ kind: 'edit', text: mode.text + input });
        return;
      }
      if (mode.kind === 'pick') {
        const list = current?.accepts ?? [];
        if (key.escape) return setMode({ kind: 'main' });
        if (key.upArrow) return setMode({ kind: 'pick', cursor: Math.max(0, mode.cursor - 1) });
        if (key.downArrow) return setMode({ kind: 'pick', cursor: Math.min(list.length - 1, mode.cursor + 1) });
        if (key.return && current && list[mode.cursor] !== undefined) {
          return setMode({ kind: 'edit', text: JSON.stringify(session.eventTemplate(current.ref, list[mode.cursor] as string)) });
        }
        return;
      }
      if (input === 'q') return exit();
      if (busyRef.current) return;
      if (key.upArrow || input === 'k') return select((s) => Math.max(0, s - 1));
      if (key.downArrow || input === 'j') return select((s) => Math.max(0, Math.min(session.actors().length - 1, s + 1)));
      // In the timeline, ←/→ scroll time; n and b still step.
      const arrows = !timelineRef.current;
      if (input === 'n' || (arrows && key.rightArrow)) return work(() => session.next());
      if (input === 'b' || (arrows && key.leftArrow)) return work(() => session.back(), 'went back one action (replayed from the start)');
      if (input === 't') return toggleTimeline();
      if (input === 'r') {
        return work(async () => {
          while ((await session.next()) !== undefined) {
            /* run to the end */
          }
        });
      }
      if (input === 'e' && current && current.accepts.length > 0) return setMode({ kind: 'pick', cursor: 0 });
      if (input === 'w') return setPanel((p) => (p === 'why' ? 'context' : 'why'));
      if (input === 'm' && current && exportMermaid) return setStatus(exportMermaid(current.ref));
    },
    { isActive: keys },
  );

  const last = session.log.at(-1);
  const next = session.nextStep;
  const total = session.scenario.steps.length;
  const width = Math.max(40, columns);
  const listWidth = Math.min(30, Math.max(16, ...actors.map((a) => actorLabel(a).length + a.headline.length + 4)));

  let right: string[] = [];
  if (current) {
    right = actorLines(current);
    if (current.ref.kind === 'user') {
      right.push('', panel === 'why' ? `why (${current.ref.id}):` : 'context:');
      right.push(...(panel === 'why' ? whyLines(current.ref.id, session.why(current.ref.id)) : JSON.stringify(current.context, null, 1).split('\n')));
    } else {
      const decisions = session.callDecisions(current.ref.id);
      right.push('', `decisions about ${current.ref.id}:`, ...(decisions.length > 0 ? callDecisionLines(decisions) : ['  none yet']));
      if (panel === 'context') right.push('', 'context:', ...JSON.stringify(current.context, null, 1).split('\n'));
    }
  }

  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold>explore</Text> step {session.nextStepIndex}/{total} · virtual {formatClock(session.now)} · history {session.history.length}
        {busy ? ' · working…' : ''}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {oneLine(session.scenario.name)} · {session.scenario.file}
      </Text>
      {timeline ? (
        <Box marginTop={1}>
          <TimelineView title="so far" model={buildTimeline(session.trace(), session.callFacts())} keys={keys} width={width} />
        </Box>
      ) : (
      <Box marginTop={1}>
        <Box flexDirection="column" width={listWidth} flexShrink={0} marginRight={2}>
          <Text underline>actors</Text>
          {actors.length === 0 ? <Text dimColor>(none)</Text> : null}
          {actors.map((a, i) => (
            <Text key={`${a.ref.kind}:${a.ref.id}`} inverse={i === selected} wrap="truncate-end">
              {i === selected ? '›' : ' '} {actorLabel(a)} <Text dimColor={i !== selected}>{a.headline}</Text>
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" flexGrow={1}>
          {mode.kind === 'pick' && current ? (
            <>
              <Text underline>send which event to {actorLabel(current)}? (enter choose, esc cancel)</Text>
              {current.accepts.map((t, i) => (
                <Text key={t} inverse={i === mode.cursor}>
                  {i === mode.cursor ? '›' : ' '} {t}
                  {current.enabled.includes(t) ? '' : '  (guards refuse the generic payload)'}
                </Text>
              ))}
            </>
          ) : mode.kind === 'edit' && current ? (
            <>
              <Text underline>event payload for {actorLabel(current)} (enter send, esc cancel):</Text>
              <Text>{mode.text}▏</Text>
              {mode.error ? <Text {...(tint('red') ? { color: 'red' } : {})}>{mode.error}</Text> : null}
            </>
          ) : (
            <Lines lines={right} max={22} />
          )}
        </Box>
      </Box>
      )}
      <Box flexDirection="column" marginTop={1}>
        <Text underline>last action</Text>
        {last ? (
          <>
            <Text wrap="truncate-end" {...(last.ok === false && tint('red') ? { color: 'red' } : {})}>
              {entryHead(last)}
            </Text>
            <Box paddingLeft={2} flexDirection="column">
              <Lines lines={entryDetail(last)} max={16} wrap="wrap" />
            </Box>
          </>
        ) : (
          <Text dimColor>nothing yet: press n to run the first step</Text>
        )}
        <Text wrap="truncate-end" dimColor>
          next: {next ? stepPreview(next.step, next.line) : session.halted ? 'stopped by the error above (b to go back)' : 'end of scenario'}
        </Text>
      </Box>
      {status ? <Text wrap="truncate-end">{status}</Text> : null}
      <Box marginTop={1}>
        <Text dimColor wrap="wrap">
          {timeline ? '←→ scroll time · t machines' : '↑↓ select · t timeline'} · n next step · b back · r run to end · e send event · w why/context · m mermaid · q quit
        </Text>
      </Box>
    </Box>
  );
}
