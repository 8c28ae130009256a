/**
 * Plain view model of the interactive explorer: its UI state, the key reducer ({@link explorerKey}) that
 * turns a key into the next state and what to do with the engine, and the lines of the actor panel.
 * Testable without Ink; the engine itself stays in ./session.ts.
 */
import type { EventObject } from 'xstate';
import { editText, type KeyPress } from '../keys.js';
import { actorLines, callDecisionLines, whyLines } from './format.js';
import { refLabel, type ActorRef, type ActorView, type ExplorerSession } from './session.js';

export type ExplorerMode = { kind: 'main' } | { kind: 'pick'; cursor: number } | { kind: 'edit'; text: string; error?: string };

export type ExplorerPanel = 'why' | 'context';

export interface ExplorerUi {
  mode: ExplorerMode;
  /** Index of the selected actor (readers clamp it to the actors there are). */
  selected: number;
  panel: ExplorerPanel;
  /** The timeline instead of the machines. */
  timeline: boolean;
  /** Engine work is running: keys that start more are ignored. */
  busy: boolean;
  /** The status line: what the last piece of work did, or its error. */
  status: string;
}

export const initialExplorerUi: ExplorerUi = { mode: { kind: 'main' }, selected: 0, panel: 'why', timeline: false, busy: false, status: '' };

/** Engine work a key asks for; it runs asynchronously while the view shows "working…". */
export type ExplorerJob = { kind: 'next' } | { kind: 'back' } | { kind: 'runToEnd' } | { kind: 'send'; actor: ActorRef; event: EventObject };

export type ExplorerEffect =
  | { kind: 'exit' }
  | { kind: 'work'; job: ExplorerJob; /** The status line afterwards. */ done?: string }
  /** Open the payload editor on the generic event of this type for the actor. */
  | { kind: 'template'; actor: ActorRef; type: string }
  | { kind: 'mermaid'; actor: ActorRef };

export interface ExplorerKeyContext {
  /** The selected actor, if there is any. */
  current: Pick<ActorView, 'ref' | 'accepts'> | undefined;
  /** How many actors there are now (read only when the selection moves down). */
  actorCount: () => number;
}

export interface ExplorerKeyResult {
  ui: ExplorerUi;
  effect?: ExplorerEffect;
}

/**
 * Keys: ↑↓ (j/k) select, n/→ next step, b/← back, t timeline, r run to end, e send an event (pick, then edit
 * the JSON payload), w why/context, m Mermaid, q quit. In the timeline ←/→ scroll time instead.
 */
export function explorerKey(ui: ExplorerUi, press: KeyPress, ctx: ExplorerKeyContext): ExplorerKeyResult {
  if (ui.mode.kind === 'edit') return editKey(ui, ui.mode, press, ctx);
  if (ui.mode.kind === 'pick') return pickKey(ui, ui.mode, press, ctx);
  return mainKey(ui, press, ctx);
}

function editKey(ui: ExplorerUi, mode: Extract<ExplorerMode, { kind: 'edit' }>, press: KeyPress, { current }: ExplorerKeyContext): ExplorerKeyResult {
  if (press.key.escape) return { ui: { ...ui, mode: { kind: 'main' } } };
  if (press.key.return) {
    const parsed = parseEvent(mode.text);
    if (typeof parsed === 'string' || !current) return { ui: { ...ui, mode: { ...mode, error: typeof parsed === 'string' ? parsed : EVENT_SHAPE } } };
    const { ref } = current;
    return { ui: { ...ui, mode: { kind: 'main' } }, effect: { kind: 'work', job: { kind: 'send', actor: ref, event: parsed }, done: `sent ${parsed.type} to ${refLabel(ref)}` } };
  }
  const text = editText(mode.text, press);
  return { ui: text === undefined ? ui : { ...ui, mode: { kind: 'edit', text } } };
}

const EVENT_SHAPE = 'an event is a JSON object with a "type"';

/** The typed payload as an event, or what is wrong with it. */
export function parseEvent(text: string): EventObject | string {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (err) {
    return `not JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (event === null || typeof event !== 'object' || typeof (event as { type?: unknown }).type !== 'string') return EVENT_SHAPE;
  return event as EventObject;
}

function pickKey(ui: ExplorerUi, mode: Extract<ExplorerMode, { kind: 'pick' }>, { key }: KeyPress, { current }: ExplorerKeyContext): ExplorerKeyResult {
  const list = current?.accepts ?? [];
  if (key.escape) return { ui: { ...ui, mode: { kind: 'main' } } };
  if (key.upArrow) return { ui: { ...ui, mode: { kind: 'pick', cursor: Math.max(0, mode.cursor - 1) } } };
  if (key.downArrow) return { ui: { ...ui, mode: { kind: 'pick', cursor: Math.min(list.length - 1, mode.cursor + 1) } } };
  const type = list[mode.cursor];
  if (key.return && current && type !== undefined) return { ui, effect: { kind: 'template', actor: current.ref, type } };
  return { ui };
}

function mainKey(ui: ExplorerUi, { input, key }: KeyPress, { current, actorCount }: ExplorerKeyContext): ExplorerKeyResult {
  if (input === 'q') return { ui, effect: { kind: 'exit' } };
  if (ui.busy) return { ui };
  if (key.upArrow || input === 'k') return { ui: { ...ui, selected: Math.max(0, ui.selected - 1) } };
  if (key.downArrow || input === 'j') return { ui: { ...ui, selected: Math.max(0, Math.min(actorCount() - 1, ui.selected + 1)) } };
  // In the timeline, ←/→ scroll time; n and b still step.
  const arrows = !ui.timeline;
  if (input === 'n' || (arrows && key.rightArrow)) return { ui, effect: { kind: 'work', job: { kind: 'next' } } };
  if (input === 'b' || (arrows && key.leftArrow)) return { ui, effect: { kind: 'work', job: { kind: 'back' }, done: 'went back one action (replayed from the start)' } };
  if (input === 't') return { ui: { ...ui, timeline: !ui.timeline } };
  if (input === 'r') return { ui, effect: { kind: 'work', job: { kind: 'runToEnd' } } };
  if (input === 'e' && current && current.accepts.length > 0) return { ui: { ...ui, mode: { kind: 'pick', cursor: 0 } } };
  if (input === 'w') return { ui: { ...ui, panel: ui.panel === 'why' ? 'context' : 'why' } };
  if (input === 'm' && current) return { ui, effect: { kind: 'mermaid', actor: current.ref } };
  return { ui };
}

/** Does a job on the engine. */
export async function runJob(session: ExplorerSession, job: ExplorerJob): Promise<unknown> {
  switch (job.kind) {
    case 'next':
      return session.next();
    case 'back':
      return session.back();
    case 'send':
      return session.send(job.actor, job.event);
    case 'runToEnd':
      while ((await session.next()) !== undefined) {
        /* run to the end */
      }
      return undefined;
  }
}

// --- what the panels show -----------------------------------------------------------------------------

/** The right-hand panel: the actor's machine, then for a user the why panel or the context, for a call its decisions. */
export function actorPanelLines(session: ExplorerSession, current: ActorView, panel: ExplorerPanel): string[] {
  const lines = actorLines(current);
  const context = () => JSON.stringify(current.context, null, 1).split('\n');
  if (current.ref.kind === 'agent') {
    lines.push('', panel === 'why' ? `why (${current.ref.id}):` : 'context:');
    lines.push(...(panel === 'why' ? whyLines(current.ref.id, session.why(current.ref.id)) : context()));
    return lines;
  }
  const decisions = session.callDecisions(current.ref.id);
  lines.push('', `decisions about ${current.ref.id}:`, ...(decisions.length > 0 ? callDecisionLines(decisions) : ['  none yet']));
  if (panel === 'context') lines.push('', 'context:', ...context());
  return lines;
}

/** Panel lines: refusals and errors red, passes green, hints yellow. */
export function explorerLineColor(line: string): string | undefined {
  const t = line.trimStart();
  if (t.startsWith('✗') || t.startsWith('refused') || t.startsWith('error')) return 'red';
  if (t.startsWith('✓')) return 'green';
  if (t.startsWith('hint')) return 'yellow';
  return undefined;
}

export function explorerFooter(timeline: boolean): string {
  return `${timeline ? '←→ scroll time · t machines' : '↑↓ select · t timeline'} · n next step · b back · r run to end · e send event · w why/context · m mermaid · q quit`;
}
