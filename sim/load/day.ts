/**
 * A contact-center day (`nimbus-sim load`): Poisson arrivals over the day, agents who answer after a few
 * seconds (or let it ring into RONA), log-normal handling times, customers who abandon the queue, transfers
 * to other services and to PSTN numbers, Call on Behalf, presence churn, and ACW where the service has it.
 *
 * Nothing here models the product: every action is an ordinary scenario verb (`inboundCall`, `answer`,
 * `transfer`, `callOnBehalf`, `presence`, `hangup`) run on a World built by the same `createWorld`, through
 * the same XState machines, rules, distribution and mock Graph as a scenario file. The generator only
 * decides *when* simulated people act, on the world's virtual clock, from a seeded PRNG. Same options, same
 * day.
 */
import { performance } from 'node:perf_hooks';
import type { AnyActorRef } from 'xstate';
import { outcomeInfo, type Availability, type ServiceSessionOutcome } from '../../src/domain/enums.js';
import { serviceLevel, type SlaSession } from '../../src/rules/serviceLevel.js';
import { act, type ActionStep } from '../engine/player.js';
import { openRun } from '../engine/run.js';
import type { VerbOutcome } from '../engine/verbs/types.js';
import type { World } from '../engine/world.js';
import type { Decision, RuleId } from '../../src/rules/decision.js';
import { Random } from './random.js';
import { agentId, buildTenant, serviceId } from './tenant.js';
import { compareCodePoints } from '../order.js';

export interface DayOptions {
  agents: number;
  services: number;
  /** Inbound calls over the day. */
  calls: number;
  /** Call on Behalf calls over the day. */
  cob: number;
  hours: number;
  seed: number;
  /** Called every virtual `progressEveryMs` (default one minute) with how far the day is. */
  onProgress?: (p: DayProgress) => void;
  progressEveryMs?: number;
}

export interface DayProgress {
  virtualMs: number;
  dayMs: number;
  callsStarted: number;
  cobStarted: number;
  events: number;
  /** Calls the world still holds: the ones in progress and those ended since the last tick (the rest are folded). */
  callsHeld: number;
  wallMs: number;
}

export interface ServiceKpi {
  service: string;
  /** Service sessions (inbound arrivals and transfers in). */
  offered: number;
  handled: number;
  abandoned: number;
  /** Share of queued sessions answered within the service's SLA time (REP-08), null when none queued. */
  serviceLevel: number | null;
  slaEligible: number;
  ronaCount: number;
  transfers: number;
  transferFailures: number;
  cobPlaced: number;
  cobRefused: number;
  /** Sessions by outcome group (Handled By User, Hangup By Customer, Error, ...), still open ones as `Open`. */
  outcomesByGroup: Record<string, number>;
}

/** A call of the day that was not handled, with the decisions that decided it (for support: why). */
export interface UnhandledCall {
  call: string;
  /** Its service sessions as `service: outcome [rules]`. */
  sessions: string[];
  /** The refusals on its trail whose rules decided a session's outcome: question, rules, summary. */
  why: { question: string; because: RuleId[]; summary: string }[];
}

/** A Call on Behalf that Nimbus refused, with the decision that refused it. */
export interface RefusedCallOnBehalf {
  call: string;
  user: string;
  service: string;
  why: UnhandledCall['why'][number];
}

export interface DayResult {
  options: Omit<DayOptions, 'onProgress' | 'progressEveryMs'>;
  services: ServiceKpi[];
  totals: Omit<ServiceKpi, 'service' | 'serviceLevel' | 'slaEligible'> & { serviceLevel: number | null; pstnTransfers: number; presenceChanges: number; skippedActions: number };
  /** Every call with a session that was not handled, in the order they ended, with why. */
  unhandled: UnhandledCall[];
  /** Every refused Call on Behalf, in order, with the refusing decision. */
  cobRefusals: RefusedCallOnBehalf[];
  run: {
    virtualMs: number;
    wallMs: number;
    /** Virtual time / wall time. */
    speedUp: number;
    /** Events the XState actors processed (agents and calls), counted through their subscriptions. */
    events: number;
    /** The same events by machine, and the call session actors started: what the bench prices at bare-send cost. */
    eventsByMachine: { agent: number; call: number };
    callActorsStarted: number;
    eventsPerSecond: number;
    timersFired: number;
    graphRequests: number;
    /** Calls still going when the run stopped, in the engine and in the mock Graph (never more there). */
    liveCallsAtEnd: number;
    liveGraphCallsAtEnd: number;
    /** Calls whose decision trail was kept: an outcome other than handled (the others are dropped as they end). */
    decisionTrailsKept: number;
    /** Peak resident set size of the process so far (bytes). */
    peakRssBytes: number;
    peakHeapUsedBytes: number;
  };
}

const MINUTE = 60_000;
const AWAY: readonly Availability[] = ['Away', 'Away', 'Be right back', 'Do Not Disturb', 'Busy', 'Offline'];

/** What the reporting model says of a session outcome (group, handled), or null for an open session. */
function infoOf(outcome: ServiceSessionOutcome | null): ReturnType<typeof outcomeInfo> | null {
  return outcome === null ? null : outcomeInfo(outcome);
}

/** `Handled` for an outcome counted as handled, else its group (or `Open` for a session without one). */
function sessionGroup(outcome: ServiceSessionOutcome | null): string {
  const info = infoOf(outcome);
  return info === null ? 'Open' : info.handled ? 'Handled' : info.group;
}

/** A not-handled call's sessions and the refusals that share a rule with a session's outcome. */
function explainUnhandled(world: World, call: string): UnhandledCall {
  const sessions = world.call(call).getSnapshot().context.serviceSessions;
  const outcomeRules = new Set(sessions.filter((x) => sessionGroup(x.outcome) !== 'Handled').flatMap((x) => x.because));
  const refused = (d: Decision<unknown>): boolean => d.verdict === false || (Array.isArray(d.verdict) && d.verdict.length === 0);
  const why = world
    .extras(call)
    .decisions.filter((d) => refused(d) && d.because.some((r) => outcomeRules.has(r)))
    .map((d) => ({ question: d.question, because: [...d.because], summary: d.summary }));
  return {
    call,
    sessions: sessions.map((x) => `${x.service}: ${x.outcome ?? 'open'}${x.because.length > 0 ? ` [${x.because.join(', ')}]` : ''}`),
    why,
  };
}

/** Sorted uniform times in [0, span): a Poisson process conditioned on its count. */
function arrivalTimes(rnd: Random, count: number, span: number): number[] {
  const times = Array.from({ length: count }, () => Math.floor(rnd.next() * span));
  return times.sort((a, b) => a - b);
}

const emptyKpi = (service: string): ServiceKpi => ({
  service,
  offered: 0,
  handled: 0,
  abandoned: 0,
  serviceLevel: null,
  slaEligible: 0,
  ronaCount: 0,
  transfers: 0,
  transferFailures: 0,
  cobPlaced: 0,
  cobRefused: 0,
  outcomesByGroup: {},
});

/**
 * Everything one day owns: its world, its PRNG, the counters the simulated people and the KPIs keep. Made
 * per day, so days (and scenario runs) side by side share nothing.
 */
class Day {
  readonly kpi = new Map<string, ServiceKpi>();
  readonly services: string[];
  /** Service ids each user is a member of, for Call on Behalf. */
  readonly membershipsOf = new Map<string, string[]>();
  /** Calls kept with their decision trail: a session not handled (see keepTrails), explained when folded. */
  readonly keptTrails: string[] = [];
  readonly explained = new Map<string, UnhandledCall>();
  /** Ended calls not yet folded into the KPIs (foldEndedCalls, at every progress tick). */
  readonly endedCalls: string[] = [];
  /** Every service session folded so far, for the service levels (REP-08). */
  readonly slaSessions: SlaSession[] = [];
  readonly slaSessionsOf = new Map<string, SlaSession[]>();
  readonly cobRefusals: RefusedCallOnBehalf[] = [];
  /** Calls transferred once already (a call is transferred at most once a day). */
  readonly transferred = new Set<string>();
  readonly count = { events: 0, agentEvents: 0, callActors: 0, timersFired: 0, skipped: 0, presenceChanges: 0, pstnTransfers: 0, callsStarted: 0, cobStarted: 0 };
  readonly peak = { rss: 0, heap: 0 };
  private readonly weights: number[];
  private readonly weightSum: number;

  constructor(
    readonly options: DayOptions,
    readonly world: World,
    readonly rnd: Random,
    readonly dayMs: number,
    readonly startWall: number,
  ) {
    this.services = [...world.services.keys()];
    this.services.forEach((s) => this.kpiOf(s));
    for (const [id, s] of world.services) for (const m of s.members) this.membershipsOf.set(m.user, [...(this.membershipsOf.get(m.user) ?? []), id]);
    // Busier services get more calls: weight by team size.
    this.weights = this.services.map((s) => world.service(s).members.length);
    this.weightSum = this.weights.reduce((a, b) => a + b, 0);
  }

  kpiOf(service: string): ServiceKpi {
    let k = this.kpi.get(service);
    if (k === undefined) {
      k = emptyKpi(service);
      this.kpi.set(service, k);
    }
    return k;
  }

  pickService(): string {
    let r = this.rnd.next() * this.weightSum;
    for (const [i, w] of this.weights.entries()) {
      r -= w;
      if (r < 0) return this.services[i] ?? this.services[0] ?? '';
    }
    return this.services[this.services.length - 1] ?? '';
  }

  /** A simulated person acts through a scenario verb; one acting on a moment that has passed is skipped. */
  act(step: ActionStep, then?: (o: VerbOutcome) => void): void {
    act(
      this.world,
      step,
      (o) => then?.(o),
      () => {
        this.count.skipped++;
      },
    );
  }

  /** Do `fn` after `delay` of virtual time. */
  at(delay: number, label: string, fn: () => void): void {
    this.world.clock.setTimeout(
      () => {
        this.count.timersFired++;
        fn();
      },
      Math.max(0, Math.round(delay)),
      label,
    );
  }

  /** Do `fn` at each of the sorted `times`, one timer at a time (the n-th call gets n, from 1). */
  atEach(times: readonly number[], label: string, fn: (n: number) => void): void {
    let next = 0;
    const schedule = (): void => {
      const t = times[next];
      if (t === undefined) return;
      this.at(t - this.world.clock.now(), label, () => {
        fn(++next);
        schedule();
      });
    };
    schedule();
  }

  /** A call folded into the KPIs and forgotten by the world has ended too. */
  isEnded(call: string): boolean {
    const actor = this.world.calls.get(call);
    return actor === undefined || actor.getSnapshot().context.endedAt !== null;
  }

  sampleMemory(): void {
    const m = process.memoryUsage();
    this.peak.rss = Math.max(this.peak.rss, m.rss);
    this.peak.heap = Math.max(this.peak.heap, m.heapUsed);
  }
}

export async function runDay(options: DayOptions): Promise<DayResult> {
  const day = await openDay(options);
  countActorEvents(day);
  keepTrails(day);
  agentsAnswer(day);
  inboundArrivals(day);
  callsOnBehalf(day);
  presenceChurn(day);
  const end = await playDay(day);
  return dayResult(day, end);
}

async function openDay(options: DayOptions): Promise<Day> {
  const startWall = performance.now();
  const dayMs = Math.round(options.hours * 3_600_000);
  const rnd = new Random(options.seed);
  // Neither the mock's terminated calls nor its request log are kept: the day folds each call into its KPIs.
  const run = await openRun(buildTenant({ agents: options.agents, services: options.services, seed: options.seed }), {
    timeline: false,
    graphRetention: { endedCallsMs: 0, logEntries: 0 },
  });
  await run.world.settle();
  return new Day(options, run.world, rnd, dayMs, startWall);
}

/**
 * Counting actor events without touching the engine: an actor notifies its subscribers once per event it
 * processes (XState's update() after every transition, whether or not the state changed), so a
 * subscription counts events. XState's inspection API would too, but it builds an inspection record for
 * every microstep and action, which made each event 20-40 % dearer in a bare send benchmark just to be counted.
 */
function countActorEvents(day: Day): void {
  const count = day.count;
  day.world.agents.forEach((agent: AnyActorRef) =>
    agent.subscribe(() => {
      count.events++;
      count.agentEvents++;
    }),
  );
  day.world.onCallStarted((_call, actor: AnyActorRef) => {
    count.callActors++;
    actor.subscribe(() => {
      count.events++;
    });
  });
}

/**
 * Decision trails are kept for calls with a session that was not handled (abandoned, a failed transfer, an
 * error): those are the ones worth reading after a day. Handled calls' trails are dropped when they end, so
 * a day's memory does not grow with every offer it explained. Every ended call waits for the next progress
 * tick to be folded into the KPIs and forgotten (foldEndedCalls).
 */
function keepTrails(day: Day): void {
  day.world.onCallStarted((call, actor) => {
    const sub = actor.subscribe((snapshot) => {
      if (snapshot.context.endedAt === null) return;
      sub.unsubscribe();
      day.endedCalls.push(call);
      const extras = day.world.extras(call);
      if (snapshot.context.serviceSessions.some((session) => sessionGroup(session.outcome) !== 'Handled')) day.keptTrails.push(call);
      else extras.decisions.length = 0;
    });
  });
}

/** Count one call's service sessions into its services' KPIs and service levels. */
function foldCall(day: Day, call: string): void {
  for (const s of day.world.call(call).getSnapshot().context.serviceSessions) {
    const k = day.kpiOf(s.service);
    k.offered++;
    const info = infoOf(s.outcome);
    const group = info?.group ?? 'Open';
    k.outcomesByGroup[group] = (k.outcomesByGroup[group] ?? 0) + 1;
    if (info?.handled === true) k.handled++;
    if (info?.group === 'Hangup By Customer') k.abandoned++;
    const session: SlaSession = { service: day.world.service(s.service), everQueued: s.everQueued, outcome: s.outcome, queueTimeMs: s.queueTime };
    day.slaSessions.push(session);
    const own = day.slaSessionsOf.get(s.service);
    if (own) own.push(session);
    else day.slaSessionsOf.set(s.service, [session]);
  }
}

/**
 * Fold the calls that ended before this tick into the KPIs (with the explanation of a kept trail) and let the
 * world forget them, so a day's memory follows the calls in progress, not the calls so far. Run between
 * settled moments only: whatever ended a call has finished by then (a late ACW end is ignored by the world).
 */
function foldEndedCalls(day: Day): void {
  const kept = new Set(day.keptTrails.filter((call) => !day.explained.has(call)));
  for (const call of day.endedCalls) {
    foldCall(day, call);
    if (kept.has(call)) day.explained.set(call, explainUnhandled(day.world, call));
    day.world.forgetCall(call);
  }
  day.endedCalls.length = 0;
}

/** Agents answer a distribution offer after a few seconds, or let it ring into RONA. */
function agentsAnswer(day: Day): void {
  const lastOffer = new Map<string, string>();
  for (const [user, agent] of day.world.agents) {
    agent.on('offerMissed', (e) => {
      if (e.reason !== 'declined') day.kpiOf(e.service).ronaCount++;
    });
    agent.subscribe((snapshot) => {
      const offer = snapshot.context.offer;
      if (offer === null || offer.kind !== 'distribution') {
        lastOffer.delete(user);
        return;
      }
      if (lastOffer.get(user) === offer.call) return;
      lastOffer.set(user, offer.call);
      if (day.rnd.next() < 0.03) return; // rings out: RONA
      answerSoon(day, user, offer.call);
    });
  }
}

function answerSoon(day: Day, user: string, call: string): void {
  day.at(day.rnd.between(1_000, 7_000), 'agent answers', () => {
    if (day.world.agent(user).getSnapshot().context.offer?.call !== call) return;
    day.act({ verb: 'answer', args: { user, call } }, (o) => {
      if (o.ok === true) day.at(Math.max(10_000, day.rnd.logNormal(180_000, 0.8)), 'talk ends', () => endTalk(day, user, call));
    });
  });
}

/** The talk ends: a transfer to another service, a transfer to a PSTN number, or a hang-up. */
function endTalk(day: Day, user: string, call: string): void {
  if (day.isEnded(call)) return;
  const ctx = day.world.call(call).getSnapshot().context;
  if (ctx.endedAt !== null || ctx.user !== user || day.world.taskState(call) !== 'Connected') return;
  const r = day.rnd.next();
  const from = ctx.currentService;
  if (r < 0.06 && !day.transferred.has(call) && day.services.length > 1) {
    day.transferred.add(call);
    const others = day.services.filter((s) => s !== from);
    day.kpiOf(from).transfers++;
    day.act({ verb: 'transfer', args: { call, by: user, to: { service: day.rnd.pick(others) }, mode: 'blind' } }, (o) => {
      if (o.ok === false) day.kpiOf(from).transferFailures++;
    });
  } else if (r < 0.09 && !day.transferred.has(call)) {
    transferToPstn(day, user, call, from);
  } else {
    day.act({ verb: 'hangup', args: { call, by: day.rnd.next() < 0.8 ? 'customer' : user } });
  }
}

function transferToPstn(day: Day, user: string, call: string, from: string): void {
  day.transferred.add(call);
  day.kpiOf(from).transfers++;
  day.count.pstnTransfers++;
  const number = `+4179555${String(day.rnd.int(10_000)).padStart(4, '0')}`;
  day.act({ verb: 'transfer', args: { call, by: user, to: { pstn: number }, mode: 'blind', answerAfter: Math.round(day.rnd.between(2_000, 10_000)) } }, (o) => {
    if (o.ok === false) day.kpiOf(from).transferFailures++;
    // The external party and the customer talk a while, then hang up (or the call is back with the agent).
    day.at(Math.max(10_000, day.rnd.logNormal(120_000, 0.8)), 'external talk ends', () => {
      if (day.isEnded(call)) return;
      const now = day.world.call(call).getSnapshot().context;
      day.act({ verb: 'hangup', args: { call, by: now.user !== null && day.world.taskState(call) === 'Connected' ? now.user : 'customer' } });
    });
  });
}

/** Inbound calls arrive over the day; a customer still queued or ringing after their patience hangs up. */
function inboundArrivals(day: Day): void {
  day.atEach(arrivalTimes(day.rnd, day.options.calls, day.dayMs), 'arrival', (n) => {
    day.count.callsStarted = n;
    const call = `c${n}`;
    const service = day.pickService();
    day.act({ verb: 'inboundCall', args: { call, from: `+4179${String(1_000_000 + day.rnd.int(9_000_000))}`, to: service } });
    day.at(day.rnd.exponential(90_000), 'customer patience', () => {
      if (!day.world.calls.has(call) || day.isEnded(call)) return;
      const state = day.world.taskState(call);
      if (state === 'In Queue' || state === 'Ringing') day.act({ verb: 'hangup', args: { call, by: 'customer' } });
    });
  });
}

/** Agents (mostly Available ones) place Call on Behalf calls for one of their services. */
function callsOnBehalf(day: Day): void {
  const { options, rnd, world } = day;
  day.atEach(arrivalTimes(rnd, options.cob, day.dayMs), 'call on behalf', (n) => {
    day.count.cobStarted = n;
    let user = agentId(rnd.int(options.agents));
    for (let tries = 0; tries < 10 && world.userState(user).headline !== 'Available'; tries++) user = agentId(rnd.int(options.agents));
    const service = rnd.pick(day.membershipsOf.get(user) ?? [serviceId(0)]);
    const call = `cob${n}`;
    const number = `+4179666${String(rnd.int(10_000)).padStart(4, '0')}`;
    day.act({ verb: 'callOnBehalf', args: { call, user, service, to: { pstn: number }, answerAfter: Math.round(rnd.between(3_000, 15_000)) } }, (o) => {
      if (o.ok !== true) {
        day.kpiOf(service).cobRefused++;
        // The verb refuses only with the decision that refused (a refusal without one is a harness bug).
        if (!o.decision) throw new Error(`Call on Behalf ${call} refused without a decision: ${o.text}`);
        day.cobRefusals.push({ call, user, service, why: { question: o.decision.question, because: [...o.decision.because], summary: o.decision.summary } });
        return;
      }
      day.kpiOf(service).cobPlaced++;
      day.at(Math.max(15_000, rnd.logNormal(150_000, 0.7)), 'call on behalf ends', () => {
        if (!day.isEnded(call)) day.act({ verb: 'hangup', args: { call, by: world.call(call).getSnapshot().context.user ?? 'target' } });
      });
    });
  });
}

/** Idle Available agents step away for a few minutes and come back. */
function presenceChurn(day: Day): void {
  const { options, rnd, world } = day;
  day.atEach(arrivalTimes(rnd, Math.round(options.agents * options.hours * 1.5), day.dayMs), 'presence churn', () => {
    const user = agentId(rnd.int(options.agents));
    if (world.userState(user).headline !== 'Available' || world.callsOf(user).length > 0) return;
    day.count.presenceChanges++;
    day.act({ verb: 'presence', args: { user, availability: rnd.pick(AWAY) } });
    day.at(rnd.between(2 * MINUTE, 15 * MINUTE), 'back to Available', () => {
      day.count.presenceChanges++;
      day.act({ verb: 'presence', args: { user, availability: 'Available' } });
    });
  });
}

interface DayEnd {
  virtualMs: number;
  liveCallsAtEnd: number;
  liveGraphCallsAtEnd: number;
}

/** Run the day in virtual time, then let the calls in progress finish (at most two more hours). */
async function playDay(day: Day): Promise<DayEnd> {
  const { world, options, dayMs } = day;
  const every = options.progressEveryMs ?? MINUTE;
  const progress = (): void => {
    day.sampleMemory();
    const { callsStarted, cobStarted, events } = day.count;
    options.onProgress?.({ virtualMs: world.clock.now(), dayMs, callsStarted, cobStarted, events, callsHeld: world.calls.size, wallMs: performance.now() - day.startWall });
  };
  for (let t = every; t < dayMs; t += every) {
    await world.advanceTo(t);
    foldEndedCalls(day);
    progress();
  }
  await world.advanceTo(dayMs);
  foldEndedCalls(day);
  // After closing time nobody new calls.
  for (let t = dayMs + every; t <= dayMs + 120 * MINUTE && world.liveCalls().length > 0; t += every) {
    await world.advanceTo(t);
    foldEndedCalls(day);
  }
  progress();
  const end = { virtualMs: world.clock.now(), liveCallsAtEnd: world.liveCalls().length, liveGraphCallsAtEnd: world.graph.mock.db.calls.count() };
  world.stop();
  return end;
}

/**
 * The KPIs of each service, sorted by service: the calls folded as they ended, plus the ones the world still
 * holds (still going when the day stopped, or ended since the last tick).
 */
function serviceKpis(day: Day): { list: ServiceKpi[]; slaSessions: SlaSession[] } {
  for (const call of day.world.calls.keys()) foldCall(day, call);
  for (const call of day.keptTrails) if (!day.explained.has(call)) day.explained.set(call, explainUnhandled(day.world, call));
  const { slaSessions, slaSessionsOf: sessionsOf } = day;
  const list = [...day.kpi.values()].sort((a, b) => compareCodePoints(a.service, b.service));
  for (const k of list) {
    const level = serviceLevel({ sessions: sessionsOf.get(k.service) ?? [] });
    k.serviceLevel = level.verdict;
    k.slaEligible = level.eligible;
    k.outcomesByGroup = sortedCounts(k.outcomesByGroup);
  }
  return { list, slaSessions };
}

const sortedCounts = (counts: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareCodePoints(a, b)));

function dayTotals(day: Day, list: ServiceKpi[], slaSessions: SlaSession[]): DayResult['totals'] {
  const sum = (f: (k: ServiceKpi) => number): number => list.reduce((n, k) => n + f(k), 0);
  const groups: Record<string, number> = {};
  for (const k of list) for (const [g, n] of Object.entries(k.outcomesByGroup)) groups[g] = (groups[g] ?? 0) + n;
  return {
    offered: sum((k) => k.offered),
    handled: sum((k) => k.handled),
    abandoned: sum((k) => k.abandoned),
    serviceLevel: serviceLevel({ sessions: slaSessions }).verdict,
    ronaCount: sum((k) => k.ronaCount),
    transfers: sum((k) => k.transfers),
    transferFailures: sum((k) => k.transferFailures),
    cobPlaced: sum((k) => k.cobPlaced),
    cobRefused: sum((k) => k.cobRefused),
    outcomesByGroup: sortedCounts(groups),
    pstnTransfers: day.count.pstnTransfers,
    presenceChanges: day.count.presenceChanges,
    skippedActions: day.count.skipped,
  };
}

function dayResult(day: Day, end: DayEnd): DayResult {
  const { list, slaSessions } = serviceKpis(day);
  const unhandled = day.keptTrails.map((call) => day.explained.get(call) ?? explainUnhandled(day.world, call));
  const totals = dayTotals(day, list, slaSessions);
  day.sampleMemory();
  const wallMs = performance.now() - day.startWall;
  const { onProgress: _p, progressEveryMs: _e, ...plain } = day.options;
  const { events, agentEvents, callActors, timersFired } = day.count;
  return {
    options: plain,
    services: list,
    totals,
    unhandled,
    cobRefusals: day.cobRefusals,
    run: {
      virtualMs: end.virtualMs,
      wallMs,
      speedUp: end.virtualMs / Math.max(wallMs, 1),
      events,
      eventsByMachine: { agent: agentEvents, call: events - agentEvents },
      callActorsStarted: callActors,
      eventsPerSecond: events / Math.max(wallMs / 1000, 1e-9),
      timersFired,
      graphRequests: day.world.graph.requestsSent,
      decisionTrailsKept: day.keptTrails.length,
      liveCallsAtEnd: end.liveCallsAtEnd,
      liveGraphCallsAtEnd: end.liveGraphCallsAtEnd,
      peakRssBytes: Math.max(day.peak.rss, process.resourceUsage().maxRSS * 1024),
      peakHeapUsedBytes: day.peak.heap,
    },
  };
}
