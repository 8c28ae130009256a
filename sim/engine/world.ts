/**
 * The simulated world of one scenario run: the tenant model, one agent actor per user, one call session
 * actor per call, the mock Graph with the client the modelled Nimbus uses, the virtual clock, and the
 * timeline. Verb handlers (verbs/*.ts) and distribution act on it; assertions read it.
 */
import { createActor, type Actor, type InspectionEvent } from 'xstate';
import { agentMachine } from '../../src/machines/agentMachine.js';
import { callSessionMachine, taskStateOf, type CallEvent, type CallInput } from '../../src/machines/callSessionMachine.js';
import { hasActiveTask, headlineStatus, userFlags, userStatuses } from '../../src/machines/agentStatus.js';
import type { Decision, RuleId } from '../../src/rules/decision.js';
import type { Membership, ServiceFacts, TenantFacts, UserFacts } from '../../src/rules/facts.js';
import type { UserSpec } from '../../src/domain/model.js';
import type { Activity, Availability } from '../../src/domain/enums.js';
import type { Scenario } from '../scenario/schema.js';
import type { TimelineEntry } from './timeline.js';
import type { CallExtras } from './callExtras.js';
import { VirtualClock } from '../clock.js';
import { FactChanges, WatchedMap } from './factChanges.js';
import { StepError } from './errors.js';
import { GraphBridge } from './graphBridge.js';
import type { GraphResponseObserver } from '../../mocks/graph/index.js';
import { resolveTenant } from './graphSeed.js';

export type { CallExtras } from './callExtras.js';

export type AgentActor = Actor<typeof agentMachine>;
export type CallActor = Actor<typeof callSessionMachine>;

/** The result of the last action step, for `expect: { lastResult }`. */
export interface ActionResult {
  ok: boolean;
  because: RuleId[];
  message: string;
  decision?: Decision<unknown>;
}

/** Observes every actor a run creates (transitions taken, for `nimbus-sim coverage` and property runs). */
export type ActorInspector = (event: InspectionEvent) => void;

/** Told of every call the world starts, once its actor runs (for views and counters that follow calls). */
export type CallStartListener = (call: string, actor: CallActor) => void;

export interface WorldOptions {
  /**
   * Keep the timeline (default true). A load run turns it off: it reports KPIs, and a timeline of a whole
   * contact-center day is hundreds of thousands of entries nobody reads.
   */
  timeline?: boolean;
  /** Inspects the actors of this run only; runs side by side in one process each see their own. */
  inspect?: ActorInspector;
  /** Sees every response of this run's mock Graph (the metadata contract test). */
  onGraphResponse?: GraphResponseObserver;
  /**
   * What the mock Graph keeps for the run's report (default: everything). A load run keeps neither terminated
   * calls nor the request log, so its memory stays flat over a day; it counts requests instead.
   */
  graphRetention?: { endedCallsMs: number; logEntries: number };
  /**
   * Send the modelled Nimbus's requests through the mock's checking transport (`mock.fetch`: every body
   * against the Graph metadata) instead of the trusted one. The metadata contract test sets it, so the
   * requests the simulator builds stay valid Graph while runs skip re-checking them.
   */
  checkGraphRequests?: boolean;
}

/** One selectability decision kept with the change count it was made at (see policy.isSelectable). */
export interface KeptDecision {
  at: number;
  decision: Decision<boolean>;
}

/** See World.drainMicrotasks. */
const MICROTASK_TURNS = 50;

export class World {
  readonly clock = new VirtualClock();
  readonly tenant: TenantFacts;
  readonly services = new WatchedMap<string, ServiceFacts>();
  readonly users = new WatchedMap<string, UserSpec>();
  readonly agents = new WatchedMap<string, AgentActor>();
  readonly calls = new Map<string, CallActor>();
  readonly callExtras = new Map<string, CallExtras>();
  /**
   * The users whose agent takes an offer now (`takesOffers` of their latest snapshot), kept by each agent's
   * subscription (setup.ts): distribution asks it of every member for every pick, and a set lookup spares it
   * reading each member's snapshot.
   */
  readonly takingOffers = new Set<string>();
  /** FIFO queue of call ids per service with tasks waiting (DIST-01); a queue that empties is removed. */
  readonly queues = new Map<string, string[]>();
  /** The services in `queues`, in file order (distribution.ts keeps it as queues start and empty). */
  readonly waitingServices: string[] = [];
  /** Each service's place in the scenario file: distribution visits the waiting queues in this order. */
  readonly serviceOrder = new Map<string, number>();
  /** When each user last finished Nimbus work, for the longest-idle choice (DIST-03). */
  readonly idleSince = new WatchedMap<string, number>();
  /** Licenses as Nimbus read them through Graph licenseDetails (display names). */
  readonly licensesSeen = new WatchedMap<string, string[]>();
  readonly timeline: TimelineEntry[] = [];
  readonly rulesExercised = new Set<RuleId>();
  readonly graph: GraphBridge;
  lastResult: ActionResult | null = null;
  /** Called whenever nothing else is pending; returns true when it started new work (distribution). */
  onQuiet: (() => boolean) | null = null;
  /** The per-user presence Nimbus last read through Graph. */
  readonly presenceSeen = new WatchedMap<string, { availability: Availability; activity: Activity }>();

  /** When the facts the rules read last changed (see factChanges.ts). */
  readonly changes = new FactChanges(() => this.services);
  private readonly factsOfUser = new Map<string, { at: number; facts: UserFacts }>();
  private readonly membershipIndex = new WeakMap<ServiceFacts, Map<string, Membership>>();
  /** US-01 decisions by service, then user, reused until what they read changes (policy.isSelectable). */
  readonly selectability = new Map<string, Map<string, KeptDecision>>();
  /** When each user last became Selectable for each service (behavior.longestIdleSince = lastSelectable). */
  readonly selectableSince = new Map<string, number>();
  /**
   * Per service: the facts tick since which every task in its queue has found nobody (each has its own
   * `noOfferAt`, no older). While the service's facts stand still and no task joins, distribution skips the
   * queue at once instead of skipping each task (distribution.ts).
   */
  readonly idleQueues = new Map<string, number>();
  /** Services whose next distribution cycle is already on the clock (a retry after declines). */
  readonly retryScheduled = new Set<string>();
  private readonly callStartListeners: CallStartListener[] = [];

  private inflight = 0;
  private sleepers = 0;
  private failure: unknown = null;

  constructor(
    readonly scenario: Scenario,
    readonly options: WorldOptions = {},
  ) {
    this.tenant = resolveTenant(scenario);
    const { userChanged, serviceChanged } = this.changes;
    this.services.onChange = serviceChanged;
    for (const map of [this.users, this.idleSince, this.presenceSeen, this.agents]) map.onChange = userChanged;
    this.licensesSeen.onChange = (key) => (key?.startsWith('service:') ? serviceChanged(key.slice('service:'.length)) : userChanged(key));
    scenario.services.forEach((s, i) => {
      this.services.set(s.id, s);
      this.serviceOrder.set(s.id, i);
    });
    scenario.users.forEach((u, i) => {
      this.users.set(u.id, u);
      this.idleSince.set(u.id, -scenario.users.length + i);
    });
    this.graph = new GraphBridge(this);
  }

  // --- time and asynchronous work ------------------------------------------------------------------

  /** Run async work in the background of the current step; `settle()` waits for it. */
  track(work: Promise<unknown>): void {
    this.inflight++;
    work
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => {
        this.inflight--;
      });
  }

  /**
   * Let everything triggered so far finish. Work that waits on virtual time (a Graph retry after 429)
   * moves the clock to its timer; nothing else in the future fires.
   */
  async settle(): Promise<void> {
    for (let guard = 0; guard < 100_000; guard++) {
      // Only tracked work (Graph requests, verbs) waits on promises: with none in flight there is nothing to drain.
      if (this.inflight > 0) await this.drainMicrotasks();
      this.rethrow();
      if (this.inflight > 0) {
        // Only when every piece of pending work waits on virtual time may the clock jump ahead.
        if (this.sleepers >= this.inflight && this.clock.fireNext()) continue;
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (this.settledWithoutWaiting()) return;
    }
    throw new Error('the simulation did not settle (an endless loop of zero-delay events)');
  }

  /**
   * What `settle` does while no tracked work is in flight, synchronously: fire timers due now and
   * distribute. False as soon as tracked work starts (then `settle` must wait for it).
   */
  private settledWithoutWaiting(): boolean {
    for (let guard = 0; guard < 100_000; guard++) {
      this.rethrow();
      if (this.inflight > 0) return false;
      if (this.clock.fireNext(this.clock.now())) continue;
      if (this.onQuiet?.()) continue;
      return true;
    }
    throw new Error('the simulation did not settle (an endless loop of zero-delay events)');
  }

  /**
   * Give tracked work microtask turns until none is in flight, up to a bound: a Graph request through the
   * in-process mock settles within a few dozen, so the settle loop seldom needs a whole event-loop turn.
   */
  private async drainMicrotasks(): Promise<void> {
    for (let i = 0; i < MICROTASK_TURNS && this.inflight > 0; i++) {
      // Work that only waits on virtual time (a Retry-After) needs the clock, not more turns.
      if (i >= 5 && this.sleepers >= this.inflight) return;
      await Promise.resolve();
    }
  }

  /** A wait in virtual time for background work (Graph Retry-After, latency). */
  sleep(ms: number): Promise<void> {
    this.sleepers++;
    return this.clock.sleep(ms, 'graph wait').finally(() => {
      this.sleepers--;
    });
  }

  /**
   * Advance virtual time to `time`, firing every timer on the way in order and settling after each. Most
   * timers start no tracked work (a ring timeout, an ACW end): they settle without a promise turn.
   */
  async advanceTo(time: number): Promise<void> {
    await this.settle();
    while (this.clock.fireNext(time)) if (!this.settledWithoutWaiting()) await this.settle();
    this.clock.advanceTo(time);
    await this.settle();
  }

  private rethrow(): void {
    if (this.failure !== null) {
      const err = this.failure;
      this.failure = null;
      throw err;
    }
  }

  // --- timeline and results --------------------------------------------------------------------------

  /**
   * Add a timeline entry. The text comes as a function: a run without a timeline (a load day) never builds
   * it, nor renders the decision sentences it quotes.
   */
  note(subject: string, kind: TimelineEntry['kind'], text: string | (() => string), because?: RuleId[]): void {
    if (this.options.timeline === false) return;
    const entry: TimelineEntry = { at: this.clock.now(), subject, kind, text: typeof text === 'string' ? text : text() };
    if (because && because.length > 0) entry.because = [...because];
    this.timeline.push(entry);
  }

  /** Remember a decision: its rules count as exercised, and it explains the call it concerns. */
  record<D extends Decision<unknown>>(decision: D, call?: string): D {
    decision.checks.forEach((c) => this.rulesExercised.add(c.rule));
    decision.because.forEach((r) => this.rulesExercised.add(r));
    if (call) this.extras(call).decisions.push(decision);
    return decision;
  }

  result(ok: boolean, message: string, decision?: Decision<unknown>, because?: RuleId[]): ActionResult {
    const r: ActionResult = { ok, message, because: because ?? decision?.because ?? [] };
    if (decision) r.decision = decision;
    this.lastResult = r;
    return r;
  }

  // --- lookups ----------------------------------------------------------------------------------------

  service(id: string): ServiceFacts {
    const s = this.services.get(id);
    if (!s) throw new StepError(`unknown service "${id}"`, `known services: ${[...this.services.keys()].join(', ')}`);
    return s;
  }

  user(id: string): UserSpec {
    const u = this.users.get(id);
    if (!u) throw new StepError(`unknown user "${id}"`, `known users: ${[...this.users.keys()].join(', ')}`);
    return u;
  }

  agent(id: string): AgentActor {
    const a = this.agents.get(id);
    if (!a) throw new StepError(`unknown user "${id}"`);
    return a;
  }

  call(id: string): CallActor {
    const c = this.calls.get(id);
    if (!c) throw new StepError(`unknown call "${id}"`, `calls so far: ${[...this.calls.keys()].join(', ') || 'none'}`);
    return c;
  }

  extras(call: string): CallExtras {
    let x = this.callExtras.get(call);
    if (!x) {
      x = { skipNextAttempt: new Set(), decisions: [] };
      this.callExtras.set(call, x);
    }
    return x;
  }

  /**
   * Distribution asks a membership of every candidate of every task: a lookup by user instead of a scan of
   * the members (which made each pick grow with the square of a service's size). Keyed by the service's
   * facts object, which `setActive` replaces, so an index never outlives the members it was built from.
   */
  membership(userId: string, serviceId: string): Membership | undefined {
    const service = this.services.get(serviceId);
    if (!service) return undefined;
    let index = this.membershipIndex.get(service);
    if (!index) {
      index = new Map();
      for (const m of service.members) if (!index.has(m.user)) index.set(m.user, { service: serviceId, user: m.user, active: m.active, role: m.role });
      this.membershipIndex.set(service, index);
    }
    return index.get(userId);
  }

  setActive(userId: string, serviceId: string, active: boolean): void {
    const service = this.service(serviceId);
    const members = service.members.map((m) => (m.user === userId ? { ...m, active } : m));
    this.services.set(serviceId, { ...service, members });
  }

  /**
   * Facts about a user as the rules need them, from the agent snapshot and what Nimbus read via Graph.
   * The same object is handed out until one of those facts changes (see `changes`).
   */
  userFacts(userId: string): UserFacts {
    const cached = this.factsOfUser.get(userId);
    if (cached && !this.changes.userChangedSince(userId, cached.at)) return cached.facts;
    const at = this.changes.now;
    const facts = this.readUserFacts(userId);
    this.factsOfUser.set(userId, { at, facts });
    return facts;
  }

  private readUserFacts(userId: string): UserFacts {
    const spec = this.user(userId);
    const snapshot = this.agent(userId).getSnapshot();
    const presence = this.presenceSeen.get(userId) ?? { availability: spec.presence, activity: spec.activity ?? 'Available' };
    return {
      id: spec.id,
      upn: spec.upn,
      licenses: this.licensesSeen.get(userId) ?? spec.licenses,
      nimbusLicenses: spec.nimbusLicense,
      presence,
      duty: snapshot.value.duty === 'OffDuty' ? 'Off Duty' : 'On Duty',
      flags: userFlags(snapshot),
      // Every parked task counts, including one that keeps the user Connected (parked without a free slot, PAR-03/14).
      parkedTasks: snapshot.context.parked.length,
      activeTask: hasActiveTask(snapshot),
      taskParallelization: snapshot.context.taskParallelization,
    };
  }

  /** Service facts with the resource account licenses Nimbus read through Graph. */
  serviceFacts(serviceId: string): ServiceFacts {
    const s = this.service(serviceId);
    const seen = this.licensesSeen.get(`service:${serviceId}`);
    return seen ? { ...s, resourceAccount: { ...s.resourceAccount, licenses: seen } } : s;
  }

  userState(userId: string) {
    const snap = this.agent(userId).getSnapshot();
    return { headline: headlineStatus(snap), statuses: userStatuses(snap) };
  }

  taskState(callId: string): string {
    return taskStateOf(this.call(callId).getSnapshot().value);
  }

  // --- actors -----------------------------------------------------------------------------------------

  /** What every actor of this run is created with besides its input: the run's clock and inspector. */
  actorOptions(): { clock: VirtualClock; inspect?: ActorInspector } {
    return this.options.inspect ? { clock: this.clock, inspect: this.options.inspect } : { clock: this.clock };
  }

  /** Follow every call this world starts from now on. Returns the way to stop following. */
  onCallStarted(listener: CallStartListener): () => void {
    this.callStartListeners.push(listener);
    return () => {
      const i = this.callStartListeners.indexOf(listener);
      if (i >= 0) this.callStartListeners.splice(i, 1);
    };
  }

  startCall(input: Omit<CallInput, 'at'>): CallActor {
    if (this.calls.has(input.callId)) throw new StepError(`call "${input.callId}" already exists`, 'give every new call its own id');
    const actor = createActor(callSessionMachine, { ...this.actorOptions(), input: { ...input, at: this.clock.now() } });
    actor.start();
    this.calls.set(input.callId, actor);
    this.extras(input.callId);
    this.note(`call:${input.callId}`, 'task', () => `${input.type} from ${input.from} to ${input.to} (service ${input.service})`);
    for (const listener of [...this.callStartListeners]) listener(input.callId, actor);
    return actor;
  }

  sendCall(callId: string, event: CallEvent): void {
    const actor = this.call(callId);
    if (this.options.timeline === false) {
      actor.send(event);
      return;
    }
    const before = taskStateOf(actor.getSnapshot().value);
    actor.send(event);
    const after = taskStateOf(actor.getSnapshot().value);
    if (before !== after) this.note(`call:${callId}`, 'task', () => `${before} → ${after}`);
  }

  /** Calls currently ringing, connected to or parked by a user. */
  callsOf(userId: string): string[] {
    const ctx = this.agent(userId).getSnapshot().context;
    return [ctx.offer?.call, ctx.active?.call, ...ctx.parked.map((p) => p.call)].filter((c): c is string => !!c);
  }

  /** Calls not yet ended, in creation order. */
  liveCalls(): string[] {
    return [...this.calls.entries()].filter(([, a]) => taskStateOf(a.getSnapshot().value) !== 'Ended').map(([id]) => id);
  }

  /**
   * Drop an ended call from the run: its actor, what the engine kept beside it, and the bridge's Graph id. Only
   * for runs that report as they go (a load day folds each call into its KPIs first); a scenario run keeps every
   * call for its report. A late ACW end of a forgotten call is ignored (setup.ts checks `calls.has`).
   */
  forgetCall(callId: string): void {
    const actor = this.call(callId);
    if (actor.getSnapshot().context.endedAt === null) throw new Error(`call "${callId}" is still going: only ended calls may be forgotten`);
    actor.stop();
    this.calls.delete(callId);
    this.callExtras.delete(callId);
    this.graph.forget(callId);
  }

  stop(): void {
    this.agents.forEach((a) => a.stop());
    this.calls.forEach((c) => c.stop());
  }
}

