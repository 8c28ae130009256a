/**
 * Plain view model of the interactive explorer: its UI state, the key reducer ({@link explorerKey}) that
 * turns a key into the next state and what to do with the engine, and the lines of the actor panel.
 * Testable without Ink; the engine itself stays in ./session.ts.
 */
import type { EventObject } from 'xstate';
import { editText, type KeyPress } from '../keys.js';
import { initialTimelineScroll, timelineKey, type TimelineFrame, type TimelineScroll } from '../timeline/model.js';
import { scrollKey, wrapLines, type Extent } from '../window.js';
import { actorLines, callDecisionLines, entryDetail, entryHead, whyLines } from './format.js';
import { refLabel, type ActorRef, type ActorView, type ExplorerSession, type LogEntry } from './session.js';

export type ExplorerMode = { kind: 'main' } | { kind: 'pick'; cursor: number } | { kind: 'edit'; text: string; error?: string };

export type ExplorerPanel = 'why' | 'context';

/** What fills the screen under the header: the machines (actors and a panel), the timeline, the log, or the help. */
export type ExplorerView = 'machines' | 'timeline' | 'log' | 'help';

export interface ExplorerUi {
  mode: ExplorerMode;
  /** Index of the selected actor (readers clamp it to the actors there are). */
  selected: number;
  panel: ExplorerPanel;
  view: ExplorerView;
  /** The view the help page returns to. */
  helpBack: Exclude<ExplorerView, 'help'>;
  /** First row of the right-hand panel on screen (readers clamp it). */
  panelScroll: number;
  timeline: TimelineScroll;
  /** First row of the log on screen; Infinity keeps the newest entry in view. */
  logScroll: number;
  helpScroll: number;
  /** Engine work is running (keys that ask for more queue it: `nnnnnn` steps six times). */
  busy: boolean;
  /** The status line: what the last piece of work did, or its error. */
  status: string;
}

export const initialExplorerUi: ExplorerUi = {
  mode: { kind: 'main' },
  selected: 0,
  panel: 'why',
  view: 'machines',
  helpBack: 'machines',
  panelScroll: 0,
  timeline: initialTimelineScroll,
  logScroll: Number.POSITIVE_INFINITY,
  helpScroll: 0,
  busy: false,
  status: '',
};

/** Engine work a key asks for; it runs asynchronously, one job after the other, while the view shows "working…". */
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
  /** The scrollable parts as laid out on the terminal now: how many rows each has and shows. */
  extent: (part: 'panel' | 'log' | 'help') => Extent;
  /** The timeline as laid out now at a scroll position, and the rows it may fill. */
  timeline: (at: TimelineScroll) => { frame: TimelineFrame; height: number };
}

export interface ExplorerKeyResult {
  ui: ExplorerUi;
  effect?: ExplorerEffect;
}

/**
 * Keys: ↑↓ (j/k) select, J/K and PgUp/PgDn scroll the panel, n/→ next step, b/← back, t timeline, l log,
 * r run to end, e send an event (pick, then edit the JSON payload), w why/context, m Mermaid, ? help, q quit.
 * In the timeline ←/→ scroll time and ↑↓ its rows; in the log and the help ↑↓ scroll.
 */
export function explorerKey(ui: ExplorerUi, press: KeyPress, ctx: ExplorerKeyContext): ExplorerKeyResult {
  if (ui.mode.kind === 'edit') return editKey(ui, ui.mode, press, ctx);
  if (ui.mode.kind === 'pick') return pickKey(ui, ui.mode, press, ctx);
  if (press.input === 'q') return { ui, effect: { kind: 'exit' } };
  if (ui.view === 'help') return { ui: helpKey(ui, press, ctx) };
  if (press.input === '?') return { ui: { ...ui, view: 'help', helpBack: ui.view, helpScroll: 0 } };
  const scrolled = scrollView(ui, press, ctx);
  if (scrolled) return { ui: scrolled };
  return mainKey(ui, press, ctx);
}

function helpKey(ui: ExplorerUi, press: KeyPress, ctx: ExplorerKeyContext): ExplorerUi {
  if (press.key.escape || press.key.backspace || press.input === '?') return { ...ui, view: ui.helpBack };
  const helpScroll = scrollKey(ui.helpScroll, press, ctx.extent('help'));
  return helpScroll === undefined ? ui : { ...ui, helpScroll };
}

/** Scroll keys of the view on screen; undefined when the key is not one (the main keys then decide). */
function scrollView(ui: ExplorerUi, press: KeyPress, ctx: ExplorerKeyContext): ExplorerUi | undefined {
  const { input, key } = press;
  if (ui.view === 'timeline') {
    const { frame, height } = ctx.timeline(ui.timeline);
    const timeline = timelineKey(ui.timeline, press, frame, height);
    return timeline === undefined ? undefined : { ...ui, timeline };
  }
  if (ui.view === 'log') {
    const logScroll = scrollKey(ui.logScroll, press, ctx.extent('log'));
    return logScroll === undefined ? undefined : { ...ui, logScroll };
  }
  // The machines: ↑↓ select actors, so the panel scrolls with J/K and the page keys.
  const panelKey: KeyPress | undefined = input === 'J' ? { input: 'j', key: {} } : input === 'K' ? { input: 'k', key: {} } : key.pageUp || key.pageDown ? press : undefined;
  if (panelKey === undefined) return undefined;
  const panelScroll = scrollKey(ui.panelScroll, panelKey, ctx.extent('panel'));
  return panelScroll === undefined ? undefined : { ...ui, panelScroll };
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
  if (key.escape && ui.view !== 'machines') return { ui: { ...ui, view: 'machines' } };
  if (input === 't') return { ui: { ...ui, view: ui.view === 'timeline' ? 'machines' : 'timeline' } };
  if (input === 'l') return { ui: { ...ui, view: ui.view === 'log' ? 'machines' : 'log', logScroll: Number.POSITIVE_INFINITY } };
  const select = (selected: number): ExplorerKeyResult => ({ ui: { ...ui, selected, panelScroll: 0 } });
  if (ui.view === 'machines' && (key.upArrow || input === 'k')) return select(Math.max(0, ui.selected - 1));
  if (ui.view === 'machines' && (key.downArrow || input === 'j')) return select(Math.max(0, Math.min(actorCount() - 1, ui.selected + 1)));
  // In the timeline, ←/→ scroll time (handled before); n and b step in every view.
  if (input === 'n' || key.rightArrow) return { ui, effect: { kind: 'work', job: { kind: 'next' } } };
  if (input === 'b' || key.leftArrow) return { ui, effect: { kind: 'work', job: { kind: 'back' }, done: 'went back one action (replayed from the start)' } };
  if (input === 'r') return { ui, effect: { kind: 'work', job: { kind: 'runToEnd' } } };
  if (ui.view !== 'machines') return { ui };
  if (input === 'e' && current && current.accepts.length > 0) return { ui: { ...ui, mode: { kind: 'pick', cursor: 0 } } };
  if (input === 'w') return { ui: { ...ui, panel: ui.panel === 'why' ? 'context' : 'why', panelScroll: 0 } };
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

/** The key footer of a view: the keys used most, each view's own first; `?` lists them all. */
export function explorerFooter(view: ExplorerView): string {
  switch (view) {
    case 'timeline':
      return '←→ time · ↑↓ rows · n next · b back · t machines · l log · ? help · q quit';
    case 'log':
      return '↑↓ PgUp PgDn · n next · b back · esc back · ? help · q quit';
    case 'help':
      return '↑↓ PgUp PgDn · esc or ? close · q quit';
    default:
      return '↑↓ select · n next · b back · e event · t timeline · l log · ? help · q quit';
  }
}

/** Rows of the machines view for a frame of `rows`: header 2, last action 3 + its detail, status 1, footer 1. */
export function machinesLayout(rows: number, detailLines: number): { body: number; detail: number } {
  const free = Math.max(2, rows - 7);
  const detail = Math.min(detailLines, Math.max(1, Math.floor(free / 3)));
  return { body: Math.max(1, free - detail), detail };
}

/** Rows of a page view (timeline, log, help) for a frame of `rows`: header 2, status 1 and footer 1 around it. */
export const pageRows = (rows: number): number => Math.max(1, rows - 4);

/** Rows for the panel's lines in `height` rows: one fewer when they overflow, for the line that says where they are. */
export const panelExtent = (lines: number, height: number): Extent => ({ total: lines, height: lines > height ? Math.max(1, height - 1) : height });

/** Every action so far with all it explains, oldest first, wrapped to `width`: the log view. */
export function logLines(entries: readonly LogEntry[], width: number): string[] {
  if (entries.length === 0) return ['nothing yet: press n to run the first step'];
  return wrapLines(
    entries.flatMap((e) => [entryHead(e), ...entryDetail(e).map((l) => `    ${l}`)]),
    width,
  );
}

/** What the keys do, for the help view (docs/terminal-ui.md says the same). */
export const EXPLORER_HELP: readonly string[] = [
  'Keys of the explorer',
  '',
  'every view',
  '  n →        run the next scenario step',
  '  b ←        step back (the world is rebuilt and earlier actions replayed)',
  '  r          run to the end',
  '  t          the timeline of the session so far (again: the machines)',
  '  l          the log: every action with its decision and rules',
  '  esc        back to the machines',
  '  ?          this help (esc or ? closes it)',
  '  q          quit',
  'machines',
  '  ↑ ↓  j k   select an agent (one per user) or a call session (one per call)',
  '  J K        scroll the right-hand panel a row',
  '  PgUp PgDn  scroll the right-hand panel a page',
  '  e          send an event to the selected actor: pick it (↑ ↓, enter),',
  '             edit the JSON payload, enter sends it, esc cancels',
  '  w          an agent\'s panel: "why" (buttons, dial pad, selectability)',
  '             or the machine context',
  '  m          write the selected machine as a Mermaid state diagram',
  'timeline',
  '  ← →        earlier or later in virtual time',
  '  ↑ ↓  j k   scroll lanes and call lines; PgUp PgDn a page; g G the ends',
  'log',
  '  ↑ ↓  j k   scroll; PgUp PgDn space a page; g G the ends',
];
