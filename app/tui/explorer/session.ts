/**
 * A live engine for the explorer: a scenario run (sim/engine/run.ts), its steps played one at a time by the
 * runner's step player, raw events sent to one agent or call actor, and time travel.
 *
 * Time travel re-runs the prefix: a run is deterministic (same scenario, same seed → same state), so going
 * back one action means building a fresh world and replaying every earlier action. No actor is snapshotted.
 * Everything the views read is plain data produced here; components hold no engine logic.
 */
import type { AnyStateMachine, EventObject } from 'xstate';
import type { Decision } from '../../../src/rules/decision.js';
import { StepError } from '../../../sim/engine/errors.js';
import { playStep } from '../../../sim/engine/player.js';
import * as policy from '../../../sim/engine/policy.js';
import { openRun, type ScenarioRun } from '../../../sim/engine/run.js';
import type { World } from '../../../sim/engine/world.js';
import type { AssertionResult } from '../../../sim/result.js';
import type { Scenario, Step } from '../../../sim/scenario/schema.js';
import { TenantSpec } from '../../../src/domain/model.js';
import { agentMachine } from '../../../src/machines/agentMachine.js';
import { userStatuses } from '../../../src/machines/agentStatus.js';
import { callSessionMachine, taskStateOf } from '../../../src/machines/callSessionMachine.js';
import type { CallFacts, TraceSample } from '../timeline/model.js';

/** The explorer's actors in the domain's words: an agent (the agent machine, one per user) or a call session. */
export type ActorKind = 'agent' | 'callSession';

/** The machine behind each kind of actor, with its name in the domain's words (Mermaid headers, files, help). */
export const MACHINES: Readonly<Record<ActorKind, { machine: AnyStateMachine; name: string; file: string }>> = {
  agent: { machine: agentMachine, name: 'agent machine', file: 'agent-machine.mmd' },
  callSession: { machine: callSessionMachine, name: 'call session machine', file: 'call-session-machine.mmd' },
};
export interface ActorRef {
  kind: ActorKind;
  id: string;
}

/** Something the explorer did to the world, in order; replaying the list rebuilds the same world. */
export type ExplorerAction = { kind: 'step'; index: number } | { kind: 'event'; actor: ActorRef; event: EventObject };

/** What one action did, for the log panel. */
export interface LogEntry {
  action: ExplorerAction;
  /** Virtual time when it ran. */
  at: number;
  /** Source line of the step, if it was a step. */
  line?: number;
  verb: string;
  text: string;
  ok: boolean | null;
  decision?: Decision<unknown>;
  assertions?: AssertionResult[];
  /** A harness error: the scenario asked for something impossible. */
  error?: { message: string; hint?: string };
}

export interface ActorView {
  ref: ActorRef;
  /** The headline a person sees: Nimbus status for a user, task state for a call. */
  headline: string;
  /** The machine's state value as `region.State.Child` paths, one per active leaf. */
  states: string[];
  /** Event types some active state node has a transition for (delayed and internal events left out). */
  accepts: string[];
  /** Accepted events whose generic payload passes the guards right now (see {@link genericEvent}). */
  enabled: string[];
  context: unknown;
}

export interface WhyRow {
  service: string;
  member: boolean;
  button: Decision<boolean>;
  dialPad: Decision<boolean>;
  selectable: Decision<boolean>;
}

export interface ExplorerOptions {
  /** Override the scenario's seed. */
  seed?: number;
}

/** A scenario with no tenant data and no steps, for `nimbus-sim explore` without a file. */
export function emptyScenario(): Scenario {
  return {
    name: 'empty tenant',
    file: '(none)',
    suitePath: '(none)',
    stepLines: [],
    tags: [],
    because: [],
    seed: 1,
    services: [],
    users: [],
    steps: [],
    tenant: TenantSpec.parse({}),
  };
}

export class ExplorerSession {
  private run!: ScenarioRun;
  private actions: ExplorerAction[] = [];
  private entries: LogEntry[] = [];
  private stopped = false;
  private samples: TraceSample[] = [];

  private constructor(readonly scenario: Scenario) {}

  static async open(scenario: Scenario, options: ExplorerOptions = {}): Promise<ExplorerSession> {
    const s = new ExplorerSession(options.seed !== undefined ? { ...scenario, seed: options.seed } : scenario);
    await s.rebuild([]);
    return s;
  }

  /** Actions applied so far (the time-travel history). */
  get history(): readonly ExplorerAction[] {
    return this.actions;
  }

  get log(): readonly LogEntry[] {
    return this.entries;
  }

  get now(): number {
    return this.world.clock.now();
  }

  /** Index of the next scenario step, or `steps.length` when all ran. */
  get nextStepIndex(): number {
    const last = [...this.actions].reverse().find((a) => a.kind === 'step');
    return last?.kind === 'step' ? last.index + 1 : 0;
  }

  /** The step that `next()` would run, if any. */
  get nextStep(): { index: number; line: number; step: Step } | undefined {
    const index = this.nextStepIndex;
    const step = this.scenario.steps[index];
    if (step === undefined || this.stopped) return undefined;
    return { index, line: this.scenario.stepLines[index] ?? 0, step };
  }

  /** Stopped by a harness error: no further step runs (go back to continue). */
  get halted(): boolean {
    return this.stopped;
  }

  /** Run the next scenario step. Returns its log entry, or undefined at the end. */
  async next(): Promise<LogEntry | undefined> {
    const next = this.nextStep;
    if (next === undefined) return undefined;
    const action: ExplorerAction = { kind: 'step', index: next.index };
    return this.apply(action);
  }

  /** Send a raw event to one actor (the engine's bookkeeping around it is bypassed, as in a debugger). */
  async send(actor: ActorRef, event: EventObject): Promise<LogEntry> {
    return this.apply({ kind: 'event', actor, event });
  }

  /** Undo the last action by replaying every action before it. Returns false at the beginning. */
  async back(): Promise<boolean> {
    if (this.actions.length === 0) return false;
    await this.rebuild(this.actions.slice(0, -1));
    return true;
  }

  /** Go to the state after the first `count` actions of the history. */
  async travelTo(count: number): Promise<void> {
    await this.rebuild(this.actions.slice(0, Math.max(0, count)));
  }

  close(): void {
    this.world.stop();
  }

  private get world(): World {
    return this.run.world;
  }

  // --- reading the world -------------------------------------------------------------------------

  actors(): ActorView[] {
    const users = [...this.world.agents.keys()].map((id) => this.actor({ kind: 'agent', id }));
    const calls = [...this.world.calls.keys()].map((id) => this.actor({ kind: 'callSession', id }));
    return [...users, ...calls].filter((a): a is ActorView => a !== undefined);
  }

  actor(ref: ActorRef): ActorView | undefined {
    if (ref.kind === 'agent') {
      const agent = this.world.agents.get(ref.id);
      if (!agent) return undefined;
      const snap = agent.getSnapshot();
      const accepts = acceptedEvents(snap._nodes);
      const enabled = accepts.filter((t) => safeCan(() => snap.can(genericEvent(t, snap.context, this.now) as never)));
      return { ref, headline: this.world.userState(ref.id).headline, states: stateLines(snap.value), accepts, enabled, context: snap.context };
    }
    const call = this.world.calls.get(ref.id);
    if (!call) return undefined;
    const snap = call.getSnapshot();
    const accepts = acceptedEvents(snap._nodes);
    const enabled = accepts.filter((t) => safeCan(() => snap.can(genericEvent(t, snap.context, this.now) as never)));
    return { ref, headline: taskStateOf(snap.value), states: stateLines(snap.value), accepts, enabled, context: snap.context };
  }

  /** A ready-to-edit event for `type` on `ref`, filled from the actor's context. */
  eventTemplate(ref: ActorRef, type: string): EventObject {
    const view = this.actor(ref);
    return genericEvent(type, view?.context, this.now);
  }

  /** The Call-on-Behalf button, dial pad and selectability decisions for `user` in every service. */
  why(user: string): WhyRow[] {
    if (!this.world.agents.has(user)) return [];
    return [...this.world.services.keys()].map((service) => ({
      service,
      member: this.world.membership(user, service) !== undefined,
      button: policy.callOnBehalfButton(this.world, user, service),
      dialPad: policy.dialPad(this.world, user, service),
      selectable: policy.isSelectable(this.world, user, service),
    }));
  }

  /** The decisions recorded for a call so far (PSTN license, transfers, ...), oldest first. */
  callDecisions(call: string): Decision<unknown>[] {
    return this.world.callExtras.get(call)?.decisions ?? [];
  }

  /** Every change of a user's presence and Nimbus statuses and of a call's task state and service so far. */
  trace(): readonly TraceSample[] {
    return this.samples;
  }

  /** The calls so far, as the timeline reads them (from the call machines' context). */
  callFacts(): CallFacts[] {
    return [...this.world.calls.entries()].map(([id, actor]) => {
      const ctx = actor.getSnapshot().context;
      return { id, firstRespondingService: ctx.firstRespondingService, transfers: ctx.transfers, supervision: ctx.supervision, serviceSessions: ctx.serviceSessions };
    });
  }

  /** Run a whole scenario and return its trace (for the timeline of a finished run). */
  static async traceScenario(scenario: Scenario, options: ExplorerOptions = {}): Promise<{ samples: TraceSample[]; calls: CallFacts[] }> {
    const s = await ExplorerSession.open(scenario, options);
    try {
      while ((await s.next()) !== undefined) {
        /* every step */
      }
      return { samples: [...s.samples], calls: s.callFacts() };
    } finally {
      s.close();
    }
  }

  // --- internals ---------------------------------------------------------------------------------

  /** Follow every agent now and every call the world starts later, for the trace. */
  private record(world: World): void {
    const samples = this.samples;
    const push = (at: number, lane: string, label: string) => samples.push({ at, lane, label });
    for (const [id, agent] of world.agents) {
      const onAgent = (snap: ReturnType<typeof agent.getSnapshot>) => {
        const now = world.clock.now();
        push(now, `user:${id}:presence`, snap.context.availability);
        push(now, `user:${id}:status`, userStatuses(snap).join('+'));
      };
      onAgent(agent.getSnapshot());
      agent.subscribe(onAgent);
    }
    world.onCallStarted((call, actor) => {
      const onCall = (snap: ReturnType<typeof actor.getSnapshot>) => {
        const now = world.clock.now();
        push(now, `call:${call}:task`, taskStateOf(snap.value));
        push(now, `call:${call}:service`, snap.context.currentService);
      };
      onCall(actor.getSnapshot());
      actor.subscribe(onCall);
    });
  }

  /** Time travel: a new run of the scenario, replaying `actions` (the run is deterministic). */
  private async rebuild(actions: ExplorerAction[]): Promise<void> {
    this.run?.world.stop();
    this.actions = [];
    this.entries = [];
    this.stopped = false;
    const run = await openRun(this.scenario);
    this.samples = [];
    this.record(run.world);
    await run.world.settle();
    this.run = run;
    for (const a of actions) await this.apply(a);
  }

  private async apply(action: ExplorerAction): Promise<LogEntry> {
    const entry = action.kind === 'step' ? await this.runStep(action.index) : await this.sendEvent(action.actor, action.event);
    this.actions.push(action);
    this.entries.push(entry);
    if (entry.error) this.stopped = true;
    return entry;
  }

  private async sendEvent(actor: ActorRef, event: EventObject): Promise<LogEntry> {
    const w = this.world;
    const base = { action: { kind: 'event' as const, actor, event }, at: w.clock.now(), verb: 'event' };
    try {
      if (actor.kind === 'agent') w.agent(actor.id).send(event as never);
      else w.sendCall(actor.id, event as never);
      // The world's timeline names subjects `user:<id>` and `call:<id>`, as the reports do.
      w.note(`${actor.kind === 'agent' ? 'user' : 'call'}:${actor.id}`, 'step', `explorer sent ${event.type}`);
      await w.settle();
      return { ...base, text: `${event.type} → ${refLabel(actor)}`, ok: null };
    } catch (err) {
      return { ...base, text: `${event.type} → ${refLabel(actor)}`, ok: false, error: { message: err instanceof Error ? err.message : String(err) } };
    }
  }

  /** One scenario step, played as the runner plays it; a harness error or a defect ends up in the entry. */
  private async runStep(index: number): Promise<LogEntry> {
    const w = this.world;
    const step = this.scenario.steps[index];
    const line = this.scenario.stepLines[index] ?? 0;
    const action: ExplorerAction = { kind: 'step', index };
    if (step === undefined) return { action, at: w.clock.now(), line, verb: '?', text: 'no such step', ok: null, error: { message: `no step ${index + 1}` } };
    try {
      const { at, verb, text, ok, decision, assertions } = await playStep(this.run, index);
      const entry: LogEntry = { action, at, line, verb, text, ok: assertions ? assertions.every((a) => a.passed) : ok };
      if (decision) entry.decision = decision;
      if (assertions) entry.assertions = assertions;
      return entry;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const hint = err instanceof StepError ? err.hint : 'this is a nimbus-sim defect; please report it with the scenario file';
      return { action, at: w.clock.now(), line, verb: step.verb, text: message, ok: false, error: { message, ...(hint ? { hint } : {}) } };
    }
  }
}

/** `agent bea`, `call session c1`: how the explorer names an actor everywhere. */
export function refLabel(ref: ActorRef): string {
  return `${ref.kind === 'agent' ? 'agent' : 'call session'} ${ref.id}`;
}

interface NodeLike {
  transitions: Map<string, unknown>;
}

/** Event types the active state nodes (and their ancestors) have transitions for, sorted. */
function acceptedEvents(nodes: readonly NodeLike[]): string[] {
  const types = new Set<string>();
  for (const node of nodes) for (const type of node.transitions.keys()) if (!type.startsWith('xstate.') && type !== '*') types.add(type);
  return [...types].sort();
}

/** `{ work: { Connected: 'Talking' }, duty: 'OnDuty' }` → `['work.Connected.Talking', 'duty.OnDuty']`. */
export function stateLines(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => stateLines(v, `${prefix}${k}.`));
}

/**
 * A generic payload for an event type: `call` and `service` from the task the actor has (offered, active,
 * parked, or the call itself), `user` from the call's connected user, `at` the virtual time now. Fields the
 * explorer cannot guess are left for the user to add in the payload editor.
 */
export function genericEvent(type: string, context: unknown, now: number): EventObject {
  const ctx = (context ?? {}) as Record<string, unknown>;
  const task = pick(ctx, 'offer') ?? pick(ctx, 'active') ?? (Array.isArray(ctx.parked) ? (ctx.parked[0] as Record<string, unknown> | undefined) : undefined);
  const event: Record<string, unknown> = { type };
  if (typeof ctx.callId === 'string') {
    event.at = now;
    if (typeof ctx.user === 'string') event.user = ctx.user;
    if (typeof ctx.currentService === 'string') event.service = ctx.currentService;
  } else if (task && typeof task.call === 'string') {
    event.call = task.call;
  }
  return event as EventObject;
}

function pick(ctx: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = ctx[key];
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
}

function safeCan(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}
