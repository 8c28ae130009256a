/**
 * Path generation over a machine's definition: a breadth-first walk of its (abstracted) state space using
 * XState's own transition function, which keeps, for every state key, the shortest path to it, and for every
 * transition of the machine graph, the shortest path that takes it (`machine.getTransitionData` names the
 * transitions an event takes). The result is the set of paths that reach every reachable state and take
 * every reachable transition, with no path a prefix of another.
 *
 * Why not `TestModel.getShortestPaths` with the transition in the state key: that makes every incoming
 * edge a state of its own (5,497 paths and 33 s for the parallel-task agent model); this walk gets 100% of
 * the transitions from the plain state space.
 */
import { getInitialSnapshot, getNextSnapshot, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { MachineGraph } from './machineGraph.js';

export interface ModelStep<S, E> {
  event: E | { type: 'xstate.init' };
  /** The model's prediction of the state after the event. */
  state: S;
}

export interface ModelPath<S, E> {
  steps: ModelStep<S, E>[];
  description: string;
}

export interface ExploreOptions<S, E, I> {
  input: I;
  events: (snapshot: S) => readonly E[];
  key: (snapshot: S) => string;
  graph: MachineGraph;
  /** Stop with an error beyond this many abstract states (a model that stopped being finite). */
  maxStates?: number;
}

export interface Exploration<S, E> {
  paths: ModelPath<S, E>[];
  states: number;
  edges: number;
  /** Graph transition keys the model can take. */
  reachable: Set<string>;
}

interface Node<S, E> {
  snapshot: S;
  parent: Node<S, E> | null;
  event: E | null;
  children: number;
}

const chain = <S, E>(node: Node<S, E>): Node<S, E>[] => {
  const out: Node<S, E>[] = [];
  for (let n: Node<S, E> | null = node; n; n = n.parent) out.push(n);
  return out.reverse();
};

const describe = (events: { type: string }[]): string => events.map((e) => e.type.replace(/^xstate\.after\.([^.]+)\..*$/, 'after $1')).join(' → ');

export function explore<M extends AnyStateMachine, E extends EventObject, I>(
  machine: M,
  opts: ExploreOptions<AnyMachineSnapshot, E, I>,
): Exploration<AnyMachineSnapshot, E> {
  type S = AnyMachineSnapshot;
  const init = (getInitialSnapshot as (logic: AnyStateMachine, input: unknown) => S)(machine, opts.input);
  const root: Node<S, E> = { snapshot: init, parent: null, event: null, children: 0 };
  const seen = new Map<string, Node<S, E>>([[opts.key(init), root]]);
  const queue: Node<S, E>[] = [root];
  const extra: { from: Node<S, E>; event: E; to: S }[] = [];
  const reachable = new Set<string>();
  const max = opts.maxStates ?? 50_000;
  let edges = 0;
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as Node<S, E>;
    for (const event of opts.events(node.snapshot)) {
      const taken = (machine.getTransitionData(node.snapshot as never, event as never) as unknown[]).map((t) => opts.graph.keyOf(t)).filter((k): k is string => k !== undefined);
      if (taken.length === 0) continue;
      edges++;
      const next = getNextSnapshot(machine, node.snapshot as never, event as never) as S;
      const k = opts.key(next);
      const isNewState = !seen.has(k);
      if (isNewState) {
        if (seen.size >= max) throw new Error(`the ${opts.graph.machineId} model has more than ${max} states: abstract the state key or narrow the events`);
        const child: Node<S, E> = { snapshot: next, parent: node, event, children: 0 };
        node.children++;
        seen.set(k, child);
        queue.push(child);
      }
      const fresh = taken.filter((t) => !reachable.has(t));
      fresh.forEach((t) => reachable.add(t));
      if (fresh.length > 0 && !isNewState) extra.push({ from: node, event, to: next });
    }
  }
  const toPath = (nodes: Node<S, E>[], tail?: { event: E; to: S }): ModelPath<S, E> => {
    const steps: ModelStep<S, E>[] = nodes.map((n) => ({ event: n.event ?? { type: 'xstate.init' }, state: n.snapshot }));
    if (tail) steps.push({ event: tail.event, state: tail.to });
    const events = steps.slice(1).map((s) => s.event);
    return { steps, description: describe(events) || '(initial state)' };
  };
  const paths: ModelPath<S, E>[] = [];
  for (const node of seen.values()) if (node.children === 0) paths.push(toPath(chain(node)));
  for (const x of extra) paths.push(toPath(chain(x.from), { event: x.event, to: x.to }));
  return { paths, states: seen.size, edges, reachable };
}
