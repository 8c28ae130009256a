/**
 * The static graph of an XState machine, read from its definition (never hard-coded): every state node and
 * every transition (event transitions, guarded alternatives, targetless ones, delayed `after` transitions
 * and `always`). Coverage and the test models key transitions the same way, so a transition taken by a
 * running actor (seen through `inspect`) maps back to one entry here.
 */
import type { AnyStateMachine, InspectionEvent } from 'xstate';

/** XState's state node and transition definition, as much of them as this module reads. */
interface NodeLike {
  id: string;
  key: string;
  path: string[];
  type: string;
  states: Record<string, NodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[] | undefined;
}

interface TransitionLike {
  source: NodeLike;
  target: readonly NodeLike[] | undefined;
  eventType: string;
  guard?: unknown;
  reenter: boolean;
}

export interface GraphState {
  /** The state node id, e.g. `agent.work.Ringing`. */
  id: string;
  /** Dotted path below the machine root, e.g. `work.Ringing` (the root is ``). */
  path: string;
  atomic: boolean;
}

export interface GraphTransition {
  /** Stable key: source id, event type and the index among that event's candidates. */
  key: string;
  source: string;
  event: string;
  guard: string | null;
  targets: string[];
  /** A delayed transition (`after`), taken by the clock rather than an event. */
  delayed: boolean;
  /** Human-readable: `work.Ringing --ACCEPT [isOfferedCall]--> work.Connected`. */
  label: string;
}

export interface MachineGraph {
  machineId: string;
  states: GraphState[];
  transitions: GraphTransition[];
  /** Maps a transition definition object of this machine to its key. */
  keyOf(transition: unknown): string | undefined;
}

const rootOf = (machine: AnyStateMachine): NodeLike => machine.root as unknown as NodeLike;

function guardLabel(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof (guard as { type: unknown }).type === 'string') return (guard as { type: string }).type;
  if (typeof guard === 'function') {
    const g = guard as { name?: string; guards?: unknown[] };
    if (Array.isArray(g.guards)) return `${g.name === 'and' || g.name === 'or' ? g.name : 'combined'}(${g.guards.map((x) => guardLabel(x) ?? '?').join(', ')})`;
    return g.name && g.name !== 'guard' ? g.name : 'inline guard';
  }
  return 'guard';
}

const shortPath = (node: NodeLike): string => node.path.join('.') || '(root)';

export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const root = rootOf(machine);
  const states: GraphState[] = [];
  const transitions: GraphTransition[] = [];
  const keys = new Map<unknown, string>();
  const visit = (node: NodeLike): void => {
    const children = Object.values(node.states ?? {});
    if (node !== root) states.push({ id: node.id, path: shortPath(node), atomic: children.length === 0 });
    const groups: [string, TransitionLike[]][] = [...node.transitions.entries()];
    if (node.always && node.always.length > 0) groups.push(['(always)', node.always]);
    for (const [eventType, candidates] of groups) {
      candidates.forEach((t, i) => {
        const key = `${node.id} ${eventType} #${i}`;
        const guard = guardLabel(t.guard);
        const targets = (t.target ?? []).map((n) => n.id);
        const delayed = eventType.startsWith('xstate.after.');
        const event = delayed ? `after ${eventType.split('.')[2] ?? ''}` : eventType;
        const to = t.target && t.target.length > 0 ? t.target.map(shortPath).join(', ') + (t.reenter ? ' (re-enter)' : '') : '(stays)';
        transitions.push({ key, source: node.id, event: eventType, guard, targets, delayed, label: `${shortPath(node)} --${event}${guard ? ` [${guard}]` : ''}--> ${to}` });
        keys.set(t, key);
      });
    }
    children.forEach(visit);
  };
  visit(root);
  return { machineId: root.id, states, transitions, keyOf: (t) => keys.get(t) };
}

/** What one or more running actors of a machine did: transitions taken and states entered. */
export class TransitionRecorder {
  readonly transitions = new Set<string>();
  readonly states = new Set<string>();

  constructor(readonly graph: MachineGraph) {}

  /** An `inspect` observer for `createActor(machine, { inspect })`; ignores other machines' actors. */
  readonly inspect = (event: InspectionEvent): void => {
    if (event.type === '@xstate.microstep') {
      for (const t of event._transitions) {
        const key = this.graph.keyOf(t);
        if (key) this.transitions.add(key);
      }
      this.noteSnapshot(event.snapshot);
    } else if (event.type === '@xstate.snapshot') {
      this.noteSnapshot(event.snapshot);
    }
  };

  noteSnapshot(snapshot: unknown): void {
    const nodes = (snapshot as { _nodes?: { id: string; machine?: { id: string } }[] })._nodes;
    if (!Array.isArray(nodes)) return;
    for (const n of nodes) if (n.id.split('.')[0] === this.graph.machineId && n.id.includes('.')) this.states.add(n.id);
  }

  merge(other: TransitionRecorder): void {
    other.transitions.forEach((t) => this.transitions.add(t));
    other.states.forEach((s) => this.states.add(s));
  }
}

/**
 * The event types a snapshot accepts: those of every transition whose source is an active state node or
 * the root (XState's `getAllOwnEventDescriptors` leaves out some events handled on the root).
 */
export function acceptedEventTypes(graph: MachineGraph, snapshot: unknown): string[] {
  const nodes = (snapshot as { _nodes?: { id: string }[] })._nodes ?? [];
  const active = new Set([graph.machineId, ...nodes.map((n) => n.id)]);
  const types: string[] = [];
  for (const t of graph.transitions) if (active.has(t.source) && !types.includes(t.event) && t.event !== '(always)') types.push(t.event);
  return types;
}
