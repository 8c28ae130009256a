/**
 * The interactive machine explorer: actors on the left, the selected actor's machine state and the events
 * it accepts on the right, the last action with its decision trail, the "why" panel, and a key footer.
 * All engine work goes through {@link ExplorerSession}; what a key does is decided in ./model.ts and all
 * text comes from ./format.ts: the components here only draw.
 */
import { Box, Text, useApp, useInput } from 'ink';
import { formatClock } from '../../../src/domain/duration.js';
import { oneLine } from '../../../sim/report/text.js';
import { ColoredLines } from '../lines.js';
import { useColumns, useKeyState, useTint } from '../terminal.js';
import { buildTimeline } from '../timeline/model.js';
import { TimelineView } from '../timeline/TimelineView.js';
import { actorLabel, entryDetail, entryHead, stepPreview } from './format.js';
import {
  actorPanelLines,
  explorerFooter,
  explorerKey,
  explorerLineColor,
  initialExplorerUi,
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

export function ExplorerApp({ session, exportMermaid, keys = true }: ExplorerAppProps) {
  const { exit } = useApp();
  const columns = useColumns();
  const [ui, currentUi, setUi] = useKeyState<ExplorerUi>(initialExplorerUi);
  const update = (patch: Partial<ExplorerUi>) => setUi({ ...currentUi(), ...patch });
  const actors = session.actors();
  const currentOf = (i: number) => actors[Math.min(i, Math.max(0, actors.length - 1))];

  const apply = (effect: ExplorerEffect): void => {
    switch (effect.kind) {
      case 'exit':
        return exit();
      case 'template':
        return update({ mode: { kind: 'edit', text: JSON.stringify(session.eventTemplate(effect.actor, effect.type)) } });
      case 'mermaid':
        if (exportMermaid) update({ status: exportMermaid(effect.actor) });
        return;
      case 'work':
        // One piece of engine work at a time: the world is rebuilt or stepped in place.
        if (currentUi().busy) return;
        update({ busy: true });
        void runJob(session, effect.job)
          .then(() => update({ status: effect.done ?? '' }))
          .catch((err: unknown) => update({ status: `error: ${err instanceof Error ? err.message : String(err)}` }))
          .finally(() => update({ busy: false }));
    }
  };

  useInput(
    (input, key) => {
      const before = currentUi();
      const { ui: next, effect } = explorerKey(before, { input, key }, { current: currentOf(before.selected), actorCount: () => session.actors().length });
      if (next !== before) setUi(next);
      if (effect) apply(effect);
    },
    { isActive: keys },
  );

  const current = currentOf(ui.selected);
  const width = Math.max(40, columns);
  return (
    <Box flexDirection="column" width={width}>
      <ExplorerHeader session={session} busy={ui.busy} />
      {ui.timeline ? (
        <Box marginTop={1}>
          <TimelineView title="so far" model={buildTimeline(session.trace(), session.callFacts())} keys={keys} width={width} />
        </Box>
      ) : (
        <Box marginTop={1}>
          <ActorList actors={actors} selected={ui.selected} />
          <Box flexDirection="column" flexGrow={1}>
            {current ? <ActorPanel mode={ui.mode} current={current} lines={actorPanelLines(session, current, ui.panel)} /> : null}
          </Box>
        </Box>
      )}
      <LastAction session={session} />
      {ui.status ? <Text wrap="truncate-end">{ui.status}</Text> : null}
      <Box marginTop={1}>
        <Text dimColor wrap="wrap">
          {explorerFooter(ui.timeline)}
        </Text>
      </Box>
    </Box>
  );
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

function ActorList({ actors, selected }: { actors: ActorView[]; selected: number }) {
  const width = Math.min(30, Math.max(16, ...actors.map((a) => actorLabel(a).length + a.headline.length + 4)));
  return (
    <Box flexDirection="column" width={width} flexShrink={0} marginRight={2}>
      <Text underline>actors</Text>
      {actors.length === 0 ? <Text dimColor>(none)</Text> : null}
      {actors.map((a, i) => (
        <Text key={`${a.ref.kind}:${a.ref.id}`} inverse={i === selected} wrap="truncate-end">
          {i === selected ? '›' : ' '} {actorLabel(a)} <Text dimColor={i !== selected}>{a.headline}</Text>
        </Text>
      ))}
    </Box>
  );
}

/** The right-hand panel: the event picker, the payload editor, or the actor's lines. */
function ActorPanel({ mode, current, lines }: { mode: ExplorerMode; current: ActorView; lines: string[] }) {
  const tint = useTint();
  if (mode.kind === 'pick') {
    return (
      <>
        <Text underline>send which event to {actorLabel(current)}? (enter choose, esc cancel)</Text>
        {current.accepts.map((t, i) => (
          <Text key={t} inverse={i === mode.cursor}>
            {i === mode.cursor ? '›' : ' '} {t}
            {current.enabled.includes(t) ? '' : '  (guards refuse the generic payload)'}
          </Text>
        ))}
      </>
    );
  }
  if (mode.kind === 'edit') {
    return (
      <>
        <Text underline>event payload for {actorLabel(current)} (enter send, esc cancel):</Text>
        <Text>{mode.text}▏</Text>
        {mode.error ? <Text {...(tint('red') ? { color: 'red' } : {})}>{mode.error}</Text> : null}
      </>
    );
  }
  return <ColoredLines lines={lines} colorOf={explorerLineColor} max={22} />;
}

function LastAction({ session }: { session: ExplorerSession }) {
  const tint = useTint();
  const last = session.log.at(-1);
  const next = session.nextStep;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text underline>last action</Text>
      {last ? (
        <>
          <Text wrap="truncate-end" {...(last.ok === false && tint('red') ? { color: 'red' } : {})}>
            {entryHead(last)}
          </Text>
          <Box paddingLeft={2} flexDirection="column">
            <ColoredLines lines={entryDetail(last)} colorOf={explorerLineColor} max={16} wrap="wrap" />
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
