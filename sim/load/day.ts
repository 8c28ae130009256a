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
import { distributeAll } from '../engine/distribution.js';
import { StepError } from '../engine/errors.js';
import { createWorld } from '../engine/setup.js';
import { runVerb } from '../engine/verbs/index.js';
import type { VerbOutcome } from '../engine/verbs/types.js';
import type { World } from '../engine/world.js';
import type { Decision, RuleId } from '../../src/rules/decision.js';
import type { Step } from '../scenario/schema.js';
import { Random } from './random.js';
import { agentId, buildTenant, serviceId } from './tenant.js';

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

type Act = Exclude<Step, { verb: 'expect' | 'wait' }>;

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

export async function runDay(options: DayOptions): Promise<DayResult> {
  const startWall = performance.now();
  const dayMs = Math.round(options.hours * 3_600_000);
  const rnd = new Random(options.seed);
  const world: World = await createWorld(buildTenant({ agents: options.agents, services: options.services, seed: options.seed }), { timeline: false });
  world.onQuiet = () => distributeAll(world);
  await world.settle();

  const services = [...world.services.keys()];
  const kpi = new Map<string, ServiceKpi>();
  const kpiOf = (s: string): ServiceKpi => {
    let k = kpi.get(s);
    if (k === undefined) {
      k = { service: s, offered: 0, handled: 0, abandoned: 0, serviceLevel: null, slaEligible: 0, ronaCount: 0, transfers: 0, transferFailures: 0, cobPlaced: 0, cobRefused: 0, outcomesByGroup: {} };
      kpi.set(s, k);
    }
    return k;
  };
  services.forEach((s) => kpiOf(s));
  const membershipsOf = new Map<string, string[]>();
  for (const [id, s] of world.services) for (const m of s.members) membershipsOf.set(m.user, [...(membershipsOf.get(m.user) ?? []), id]);
  // Busier services get more calls: weight by team size.
  const weights = services.map((s) => world.service(s).members.length);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickService = (): string => {
    let r = rnd.next() * weightSum;
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r < 0) return services[i] ?? services[0] ?? '';
    }
    return services[services.length - 1] ?? '';
  };

  // --- counting actor events without touching the engine -----------------------------------------
  // An actor notifies its subscribers once per event it processes (XState's update() after every
  // transition, whether or not the state changed), so a subscription counts events. XState's inspection
  // API would too, but it builds an inspection record for every microstep and action, which made each
  // event 20-40 % dearer in a bare send benchmark just to be counted.
  let events = 0;
  let timersFired = 0;
  const observe = (actor: AnyActorRef): void => {
    actor.subscribe(() => {
      events++;
    });
  };
  world.agents.forEach((a) => observe(a));
  // Decision trails are kept for calls with a session that was not handled (abandoned, a failed transfer,
  // an error): those are the ones worth reading after a day. Handled calls' trails are dropped when they
  // end, so a day's memory does not grow with every offer it explained.
  const keptTrails: string[] = [];
  const cobRefusals: RefusedCallOnBehalf[] = [];
  const startCall = world.startCall.bind(world);
  world.startCall = (input) => {
    const actor = startCall(input);
    observe(actor);
    const sub = actor.subscribe((snapshot) => {
      if (snapshot.context.endedAt === null) return;
      sub.unsubscribe();
      const extras = world.extras(input.callId);
      if (snapshot.context.serviceSessions.some((session) => sessionGroup(session.outcome) !== 'Handled')) keptTrails.push(input.callId);
      else extras.decisions.length = 0;
    });
    return actor;
  };

  let skipped = 0;
  let presenceChanges = 0;
  let pstnTransfers = 0;
  const act = (step: Act, then?: (o: VerbOutcome) => void): void => {
    world.track(
      runVerb(world, step).then(
        (o) => then?.(o),
        (err: unknown) => {
          // A person acting on a moment that has passed (the call was taken by someone else, hung up, ...).
          if (err instanceof StepError) skipped++;
          else throw err;
        },
      ),
    );
  };
  const at = (delay: number, label: string, fn: () => void): void => {
    world.clock.setTimeout(
      () => {
        timersFired++;
        fn();
      },
      Math.max(0, Math.round(delay)),
      label,
    );
  };
  const isEnded = (call: string): boolean => world.call(call).getSnapshot().context.endedAt !== null;
  const transferred = new Set<string>();

  // --- agents: answer or let ring (RONA) -----------------------------------------------------------
  const lastOffer = new Map<string, string>();
  for (const [user, agent] of world.agents) {
    agent.on('offerMissed', (e) => {
      if (e.reason !== 'declined') kpiOf(e.service).ronaCount++;
    });
    agent.subscribe((snapshot) => {
      const offer = snapshot.context.offer;
      if (offer === null || offer.kind !== 'distribution') {
        lastOffer.delete(user);
        return;
      }
      if (lastOffer.get(user) === offer.call) return;
      lastOffer.set(user, offer.call);
      if (rnd.next() < 0.03) return; // rings out: RONA
      const call = offer.call;
      at(rnd.between(1_000, 7_000), 'agent answers', () => {
        if (world.agent(user).getSnapshot().context.offer?.call !== call) return;
        act({ verb: 'answer', args: { user, call } }, (o) => {
          if (o.ok === true) at(Math.max(10_000, rnd.logNormal(180_000, 0.8)), 'talk ends', () => endTalk(user, call));
        });
      });
    });
  }

  const endTalk = (user: string, call: string): void => {
    const ctx = world.call(call).getSnapshot().context;
    if (ctx.endedAt !== null || ctx.user !== user || world.taskState(call) !== 'Connected') return;
    const r = rnd.next();
    const from = ctx.currentService;
    if (r < 0.06 && !transferred.has(call) && services.length > 1) {
      transferred.add(call);
      const others = services.filter((s) => s !== from);
      kpiOf(from).transfers++;
      act({ verb: 'transfer', args: { call, by: user, to: { service: rnd.pick(others) }, mode: 'blind' } }, (o) => {
        if (o.ok === false) kpiOf(from).transferFailures++;
      });
    } else if (r < 0.09 && !transferred.has(call)) {
      transferred.add(call);
      kpiOf(from).transfers++;
      pstnTransfers++;
      const number = `+4179555${String(rnd.int(10_000)).padStart(4, '0')}`;
      act({ verb: 'transfer', args: { call, by: user, to: { pstn: number }, mode: 'blind', answerAfter: Math.round(rnd.between(2_000, 10_000)) } }, (o) => {
        if (o.ok === false) kpiOf(from).transferFailures++;
        // The external party and the customer talk a while, then hang up (or the call is back with the agent).
        at(Math.max(10_000, rnd.logNormal(120_000, 0.8)), 'external talk ends', () => {
          if (isEnded(call)) return;
          const now = world.call(call).getSnapshot().context;
          act({ verb: 'hangup', args: { call, by: now.user !== null && world.taskState(call) === 'Connected' ? now.user : 'customer' } });
        });
      });
    } else {
      act({ verb: 'hangup', args: { call, by: rnd.next() < 0.8 ? 'customer' : user } });
    }
  };

  // --- inbound arrivals with customer patience ----------------------------------------------------
  const arrivals = arrivalTimes(rnd, options.calls, dayMs);
  let nextArrival = 0;
  const scheduleArrival = (): void => {
    const t = arrivals[nextArrival];
    if (t === undefined) return;
    at(t - world.clock.now(), 'arrival', () => {
      const n = ++nextArrival;
      const call = `c${n}`;
      const service = pickService();
      act({ verb: 'inboundCall', args: { call, from: `+4179${String(1_000_000 + rnd.int(9_000_000))}`, to: service } });
      at(rnd.exponential(90_000), 'customer patience', () => {
        if (!world.calls.has(call) || isEnded(call)) return;
        const state = world.taskState(call);
        if (state === 'In Queue' || state === 'Ringing') act({ verb: 'hangup', args: { call, by: 'customer' } });
      });
      scheduleArrival();
    });
  };
  scheduleArrival();

  // --- Call on Behalf ------------------------------------------------------------------------------
  const cobTimes = arrivalTimes(rnd, options.cob, dayMs);
  let nextCob = 0;
  const scheduleCob = (): void => {
    const t = cobTimes[nextCob];
    if (t === undefined) return;
    at(t - world.clock.now(), 'call on behalf', () => {
      const n = ++nextCob;
      let user = agentId(rnd.int(options.agents));
      for (let tries = 0; tries < 10 && world.userState(user).headline !== 'Available'; tries++) user = agentId(rnd.int(options.agents));
      const service = rnd.pick(membershipsOf.get(user) ?? [serviceId(0)]);
      const call = `cob${n}`;
      const number = `+4179666${String(rnd.int(10_000)).padStart(4, '0')}`;
      act({ verb: 'callOnBehalf', args: { call, user, service, to: { pstn: number }, answerAfter: Math.round(rnd.between(3_000, 15_000)) } }, (o) => {
        if (o.ok !== true) {
          kpiOf(service).cobRefused++;
          // The verb refuses only with the decision that refused (a refusal without one is a harness bug).
          if (!o.decision) throw new Error(`Call on Behalf ${call} refused without a decision: ${o.text}`);
          cobRefusals.push({ call, user, service, why: { question: o.decision.question, because: [...o.decision.because], summary: o.decision.summary } });
          return;
        }
        kpiOf(service).cobPlaced++;
        at(Math.max(15_000, rnd.logNormal(150_000, 0.7)), 'call on behalf ends', () => {
          if (!isEnded(call)) act({ verb: 'hangup', args: { call, by: world.call(call).getSnapshot().context.user ?? 'target' } });
        });
      });
      scheduleCob();
    });
  };
  scheduleCob();

  // --- presence churn: agents step away and come back ----------------------------------------------
  const churnTimes = arrivalTimes(rnd, Math.round(options.agents * options.hours * 1.5), dayMs);
  let nextChurn = 0;
  const scheduleChurn = (): void => {
    const t = churnTimes[nextChurn];
    if (t === undefined) return;
    at(t - world.clock.now(), 'presence churn', () => {
      nextChurn++;
      const user = agentId(rnd.int(options.agents));
      if (world.userState(user).headline === 'Available' && world.callsOf(user).length === 0) {
        presenceChanges++;
        act({ verb: 'presence', args: { user, availability: rnd.pick(AWAY) } });
        at(rnd.between(2 * MINUTE, 15 * MINUTE), 'back to Available', () => {
          presenceChanges++;
          act({ verb: 'presence', args: { user, availability: 'Available' } });
        });
      }
      scheduleChurn();
    });
  };
  scheduleChurn();

  // --- run the day in virtual time ----------------------------------------------------------------
  const every = options.progressEveryMs ?? MINUTE;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const progress = (): void => {
    sample();
    options.onProgress?.({ virtualMs: world.clock.now(), dayMs, callsStarted: nextArrival, cobStarted: nextCob, events, wallMs: performance.now() - startWall });
  };
  for (let t = every; t < dayMs; t += every) {
    await world.advanceTo(t);
    progress();
  }
  await world.advanceTo(dayMs);
  // After closing time nobody new calls; let the calls in progress finish (at most two more hours).
  for (let t = dayMs + every; t <= dayMs + 120 * MINUTE && world.liveCalls().length > 0; t += every) await world.advanceTo(t);
  progress();
  const virtualMs = world.clock.now();
  const liveCallsAtEnd = world.liveCalls().length;
  const liveGraphCallsAtEnd = world.graph.mock.db.calls.count();
  world.stop();

  // --- KPIs from the call sessions the machines recorded -------------------------------------------
  for (const actor of world.calls.values()) {
    for (const s of actor.getSnapshot().context.serviceSessions) {
      const k = kpiOf(s.service);
      k.offered++;
      const info = infoOf(s.outcome);
      const group = info?.group ?? 'Open';
      k.outcomesByGroup[group] = (k.outcomesByGroup[group] ?? 0) + 1;
      if (info?.handled === true) k.handled++;
      if (info?.group === 'Hangup By Customer') k.abandoned++;
      if (s.everQueued && s.outcome !== null) {
        k.slaEligible++;
        if (s.queueTime < world.service(s.service).distribution.slaTime) k.serviceLevel = (k.serviceLevel ?? 0) + 1;
      }
    }
  }
  let within = 0;
  let eligible = 0;
  const unhandled = keptTrails.map((call) => explainUnhandled(world, call));
  const list = [...kpi.values()].sort((a, b) => a.service.localeCompare(b.service));
  for (const k of list) {
    within += k.serviceLevel ?? 0;
    eligible += k.slaEligible;
    k.serviceLevel = k.slaEligible === 0 ? null : (k.serviceLevel ?? 0) / k.slaEligible;
    k.outcomesByGroup = Object.fromEntries(Object.entries(k.outcomesByGroup).sort(([a], [b]) => a.localeCompare(b)));
  }
  const sum = (f: (k: ServiceKpi) => number): number => list.reduce((n, k) => n + f(k), 0);
  const groups: Record<string, number> = {};
  for (const k of list) for (const [g, n] of Object.entries(k.outcomesByGroup)) groups[g] = (groups[g] ?? 0) + n;

  sample();
  const wallMs = performance.now() - startWall;
  const { onProgress: _p, progressEveryMs: _e, ...plain } = options;
  return {
    options: plain,
    services: list,
    totals: {
      offered: sum((k) => k.offered),
      handled: sum((k) => k.handled),
      abandoned: sum((k) => k.abandoned),
      serviceLevel: eligible === 0 ? null : within / eligible,
      ronaCount: sum((k) => k.ronaCount),
      transfers: sum((k) => k.transfers),
      transferFailures: sum((k) => k.transferFailures),
      cobPlaced: sum((k) => k.cobPlaced),
      cobRefused: sum((k) => k.cobRefused),
      outcomesByGroup: Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b))),
      pstnTransfers,
      presenceChanges,
      skippedActions: skipped,
    },
    unhandled,
    cobRefusals,
    run: {
      virtualMs,
      wallMs,
      speedUp: virtualMs / Math.max(wallMs, 1),
      events,
      eventsPerSecond: events / Math.max(wallMs / 1000, 1e-9),
      timersFired,
      graphRequests: world.graph.stats().requests,
      decisionTrailsKept: keptTrails.length,
      liveCallsAtEnd,
      liveGraphCallsAtEnd,
      peakRssBytes: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
      peakHeapUsedBytes: peakHeap,
    },
  };
}
