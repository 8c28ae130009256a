/**
 * Two properties over the same generated runs, checked in one pass. Generated runs play calls of every kind
 * (inbound, Call on Behalf and scheduled outbound to a number or a colleague, with and without workflow)
 * through answers, blind and safe transfers to services, users and numbers (answering at once, late, after
 * the ring limit or never), chains such as Call on Behalf -> transfer to a service -> PSTN transfer by its
 * member, a second transfer after a safe one came back, workflow Transfer activities, missed transfers and
 * hang-ups.
 * - Outcomes: for every service session of every call, the last `serviceSessionOutcome` decision the run
 *   recorded for it names exactly the outcome and the rules the session reports; a session the rules leave
 *   unreported (OUT-07) reports no outcome and its call is not reported.
 * - Engine and mock agree: after every step, each call live in the engine (not Ended, not only in ACW) has a
 *   live Graph call in the mock, established while the engine shows it Connected, and each live Graph call
 *   belongs to a live engine call.
 * The CI default covers at least 2,000 service sessions; NIMBUS_SIM_PROPERTY_RUNS raises the number of runs.
 * A failure is shrunk and written to reports/counterexamples/ as a scenario `nimbus-sim run` replays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/rules/decision.js';
import type { ServiceSessionOutcomeDecision } from '../../src/rules/reporting.js';
import type { ServiceSessionRecord } from '../../src/machines/callSessionMachine.js';
import { StepError } from '../../sim/engine/errors.js';
import { playStep } from '../../sim/engine/player.js';
import { openRun, type ScenarioRun } from '../../sim/engine/run.js';
import { propertyRuns } from '../../sim/modelling/property.js';
import { parseScenarioText } from '../../sim/scenario/load.js';

type Doc = Record<string, unknown> & { steps: Record<string, unknown>[] };
type Step = Record<string, unknown>;

const SERVICES = ['Sales', 'Support'] as const;
const KINDS = ['inbound', 'inbound', 'cob', 'outbound', 'outboundWithWorkflow'] as const;
type ServiceId = (typeof SERVICES)[number];
const MEMBERS: Record<ServiceId, readonly string[]> = { Sales: ['ana', 'ben'], Support: ['ben', 'cleo'] };
const CUSTOMER = '+41791110000';
const FAR_END = '+41795550199';
/** A colleague in the tenant's domain whom no scenario user models: an outbound target any service may call. */
const COLLEAGUE = 'colleague@contoso.com';
/** Runs in CI; with the stories per run below they cover well over 2,000 service sessions (asserted). */
const CI_RUNS = 340;
const MIN_SESSIONS = 2000;

/** What happens once a user is on the call: they hang up, the customer does, or the user transfers it on. */
interface Handling {
  end: 'user' | 'customer' | 'transfer' | 'none';
  mode: 'blind' | 'safe';
  to: Record<string, string>;
  via: 'manual' | undefined;
  targetAnswers: boolean;
  /** When a PSTN target answers: at once, inside the ring limit, or after it (never reached, XFER-07). */
  answerAfter: string | undefined;
  /** How the transfer's target (a user, or a member of the target service) reacts. */
  target: 'answer' | 'ignore' | 'decline';
  /** A member of the target service who took the call transfers it on to a number (the XFER-03 chain). */
  chain: boolean;
  /** After a while the same user transfers to a number again (a safe transfer that came back is live). */
  again: boolean;
}

/** One call's story: how it starts, who takes it, how it is handled. */
interface Story {
  kind: (typeof KINDS)[number];
  service: ServiceId;
  member: number;
  /** An outbound call dials a number or a colleague (so a service without a PSTN license can place it). */
  dials: 'pstn' | 'colleague';
  targetAnswers: boolean;
  earlyHangup: boolean;
  handling: Handling;
}

/**
 * A service's workflow: the default (Accept, Queue) mostly, else a Transfer activity to a number, Disconnect,
 * or (Support only, so no two workflows hand a call back and forth for ever) a Transfer to Sales.
 */
const arbWorkflow = (id: ServiceId) =>
  fc.constantFrom<unknown[] | undefined>(
    undefined,
    undefined,
    undefined,
    undefined,
    id === 'Support' ? ['Accept', { Transfer: { to: { service: 'Sales' } } }] : undefined,
    ['Accept', { Transfer: { to: { pstn: FAR_END } } }],
    ['Accept', 'Disconnect'],
  );

const arbService = (id: ServiceId) =>
  fc.record({ licensed: fc.boolean(), workflow: arbWorkflow(id) }).map((s) => ({
    id,
    license: id === 'Sales' ? 'Enterprise Routing' : 'Contact Center',
    assignment: 'MS Teams-based',
    modalities: { outbound: true, outboundWithWorkflow: true },
    pstn: { number: id === 'Sales' ? '+41445550100' : '+41445550200', connectivity: 'Calling Plan' },
    resourceAccount: { licenses: s.licensed ? ['Microsoft Teams Phone Resource Account', 'Microsoft Teams Domestic Calling Plan'] : ['Microsoft Teams Phone Resource Account'] },
    distribution: { type: 'Broadcast', ringTimeout: '20s', acw: { enabled: false } },
    ...(s.workflow ? { workflow: s.workflow } : {}),
    members: [...MEMBERS[id]],
  }));

const arbTarget = fc.constantFrom<Record<string, string>>({ service: 'Sales' }, { service: 'Support' }, { user: 'ana' }, { user: 'cleo' }, { pstn: FAR_END }, { pstn: FAR_END });

const arbHandling: fc.Arbitrary<Handling> = fc.record({
  end: fc.constantFrom('user', 'customer', 'transfer', 'transfer', 'none'),
  mode: fc.constantFrom('blind', 'safe'),
  to: arbTarget,
  via: fc.constantFrom(undefined, 'manual'),
  targetAnswers: fc.boolean(),
  answerAfter: fc.constantFrom(undefined, undefined, '20s', '3m'),
  target: fc.constantFrom('answer', 'answer', 'ignore', 'decline'),
  chain: fc.boolean(),
  again: fc.boolean(),
});

const arbStory: fc.Arbitrary<Story> = fc.record({
  kind: fc.constantFrom(...KINDS),
  service: fc.constantFrom(...SERVICES),
  member: fc.nat(1),
  dials: fc.constantFrom('pstn', 'colleague'),
  targetAnswers: fc.boolean(),
  earlyHangup: fc.constantFrom(false, false, false, true),
  handling: arbHandling,
});

/** A story as scenario steps; every call ends with a hang-up after the handling (a stale one is skipped). */
function storySteps(story: Story, call: string): Step[] {
  const user = MEMBERS[story.service][story.member] as string;
  const to = story.dials === 'pstn' ? { pstn: FAR_END } : { upn: COLLEAGUE };
  const start: Step[] = {
    inbound: [{ inboundCall: { call, from: CUSTOMER, to: story.service } }],
    cob: [{ callOnBehalf: { call, user, service: story.service, to, targetAnswers: story.targetAnswers } }],
    outbound: [{ scheduleOutbound: { call, service: story.service, to, targetAnswers: story.targetAnswers } }],
    outboundWithWorkflow: [{ scheduleOutbound: { call, service: story.service, to, withWorkflow: true, targetAnswers: story.targetAnswers } }],
  }[story.kind];
  if (story.earlyHangup) return [...start, { wait: '5s' }, { hangup: { call } }, { wait: '1m' }];
  const taken = story.kind === 'cob' ? [] : [{ answer: { user, call } }];
  return [...start, { wait: '2s' }, ...taken, { wait: '5s' }, ...handlingSteps(story.handling, call, user), { wait: '3m' }, { hangup: { call } }, { wait: '1m' }];
}

function handlingSteps(h: Handling, call: string, user: string): Step[] {
  if (h.end === 'user') return [{ hangup: { call, by: user } }];
  if (h.end === 'customer') return [{ hangup: { call } }];
  if (h.end === 'none') return [];
  const targetUser = h.to.user ?? (h.to.service ? MEMBERS[h.to.service as ServiceId].find((m) => m !== user) : undefined);
  const react = targetUser ? [{ [h.target]: { user: targetUser, call } }] : [];
  const chain = h.chain && h.to.service && targetUser && h.target === 'answer' ? [{ wait: '5s' }, pstnTransfer(h, call, targetUser)] : [];
  const again = h.again ? [{ wait: '2m' }, { transfer: { call, by: user, to: { pstn: FAR_END }, mode: 'safe' } }] : [];
  return [pstnTransfer(h, call, user, h.to), { wait: '3s' }, ...react, ...chain, { wait: '10s' }, ...again];
}

/** A transfer step; to a number it carries when (or whether) the far end answers and, maybe, the manual path. */
function pstnTransfer(h: Handling, call: string, by: string, to: Record<string, string> = { pstn: FAR_END }): Step {
  const far = to.pstn ? { targetAnswers: h.targetAnswers, ...(h.answerAfter ? { answerAfter: h.answerAfter } : {}), ...(h.via ? { via: h.via } : {}) } : {};
  return { transfer: { call, by, to, mode: h.mode, ...far } };
}

const arbRun: fc.Arbitrary<Doc> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    sales: arbService('Sales'),
    support: arbService('Support'),
    behavior: fc.record({ unreachedOutboundIsTerminated: fc.boolean(), firstServiceRuleForManualTransfers: fc.boolean() }),
    stories: fc.array(arbStory, { minLength: 6, maxLength: 12 }),
  })
  .map((r) => ({
    name: 'session outcome trail',
    seed: r.seed,
    tenant: { name: 'Contoso', domains: ['contoso.com'], behavior: { ...r.behavior, pstnRingLimit: '1m' } },
    services: [r.sales, r.support],
    users: ['ana', 'ben', 'cleo'].map((id) => ({ id, upn: `${id}@contoso.com`, licenses: ['Teams Phone Standard'], nimbusLicense: 'Contact Center', presence: 'Available' })),
    steps: r.stories.flatMap((story, i) => storySteps(story, `c${i + 1}`)),
  }));

/** One recorded service session outcome decision, with the session it was asked for (the call's current one). */
interface TrailEntry {
  call: string;
  session: number;
  decision: ServiceSessionOutcomeDecision;
}

/** A PSTN transfer the first-service rule refused, by its Exit route (WF-06): the decision names "Transfer Failed". */
interface ExitRouteEntry {
  call: string;
  session: number;
  at: number;
}

/** Where the engine and the mock disagree about the run's calls now (see the module comment). */
function disagreements(run: ScenarioRun, after: string): string[] {
  const world = run.world;
  const out: string[] = [];
  const known = new Set<string>();
  for (const id of world.calls.keys()) {
    const extras = world.extras(id);
    const state = world.taskState(id);
    const live = state !== 'Ended' && state !== 'In ACW';
    const graphId = extras.graphCallId;
    if (graphId === undefined) {
      // Nothing was placed in Graph yet: a call before its workflow's Accept, a scheduled call not dialled.
      const notPlaced = state === 'Establishing' || (extras.outbound !== undefined && !extras.outbound.dialed);
      if (live && !notPlaced) out.push(`${after}: ${id} is ${state} in the engine but has no Graph call`);
      continue;
    }
    known.add(graphId);
    const graphState = world.graph.mock.callState(graphId) ?? 'forgotten';
    const graphLive = graphState !== 'terminated' && graphState !== 'forgotten';
    if (live !== graphLive) out.push(`${after}: ${id} is ${state} in the engine, its Graph call ${graphId} is ${graphState}`);
    else if (state === 'Connected' && graphState !== 'established') out.push(`${after}: ${id} is Connected in the engine, its Graph call ${graphId} is ${graphState}`);
  }
  for (const c of world.graph.mock.db.calls.all()) {
    if (c.state !== 'terminated' && !known.has(c.id)) out.push(`${after}: Graph call ${c.id} is ${c.state} but belongs to no engine call`);
  }
  return out;
}

/**
 * Plays a generated run step by step, skipping a step the moment does not allow (a StepError: the call was
 * already taken or ended), writes down every service session outcome decision with its session, and after
 * every step compares the engine's calls with the mock's.
 */
async function playWithTrail(doc: Doc): Promise<{ run: ScenarioRun; trail: TrailEntry[]; exits: ExitRouteEntry[]; disagreements: string[] }> {
  const run = await openRun(parseScenarioText(stringify(doc, { lineWidth: 0 }), 'property.yaml'));
  const world = run.world;
  const trail: TrailEntry[] = [];
  const exits: ExitRouteEntry[] = [];
  const disagreed: string[] = [];
  const record = world.record.bind(world);
  world.record = <D extends Decision<unknown>>(decision: D, call?: string): D => {
    if (call !== undefined && decision.question === 'serviceSessionOutcome') {
      trail.push({ call, session: world.call(call).getSnapshot().context.serviceSessions.length - 1, decision: decision as unknown as ServiceSessionOutcomeDecision });
    }
    if (call !== undefined && decision.question === 'pstnTransfer' && decision.verdict === false && decision.because.includes('WF-06')) {
      exits.push({ call, session: world.call(call).getSnapshot().context.serviceSessions.length - 1, at: world.clock.now() });
    }
    return record(decision, call);
  };
  try {
    await world.settle();
    for (const index of run.scenario.steps.keys()) {
      try {
        await playStep(run, index);
      } catch (err) {
        if (!(err instanceof StepError)) throw err;
      }
      // The first disagreement is the one to read; later ones mostly follow from it.
      if (disagreed.length === 0) disagreed.push(...disagreements(run, `after step ${index + 1} (${run.scenario.steps[index]?.verb ?? '?'})`));
    }
  } finally {
    world.stop();
  }
  return { run, trail, exits, disagreements: disagreed };
}

/** What disagrees between a session's record and the last decision recorded for it. */
function sessionViolation(call: string, index: number, session: ServiceSessionRecord, reported: boolean, decision: ServiceSessionOutcomeDecision | undefined): string | null {
  const where = `${call} session ${index + 1} (${session.service})`;
  if (decision === undefined) return session.outcome === null ? null : `${where} reports ${session.outcome} without any decision naming it`;
  if (decision.verdict === null) {
    if (session.outcome !== null) return `${where}: the decision says not reported (${decision.because.join(', ')}), the session reports ${session.outcome}`;
    return reported ? `${where}: the decision says not reported, the call is reported` : null;
  }
  if (session.outcome !== decision.verdict) return `${where}: the decision names ${decision.verdict}, the session reports ${session.outcome ?? 'no outcome'}`;
  if (session.because.join() !== decision.because.join()) return `${where}: ${session.outcome} because ${session.because.join(', ')}, its decision because ${decision.because.join(', ')}`;
  return null;
}

interface Checked {
  violations: string[];
  /** Sessions compared, by call type and outcome ("not reported" for a null one). */
  sessions: Record<string, number>;
}

async function check(doc: Doc): Promise<Checked> {
  const { run, trail, exits, disagreements: disagreed } = await playWithTrail(doc);
  const out: Checked = { violations: [...disagreed], sessions: {} };
  for (const [id, actor] of run.world.calls) {
    const ctx = actor.getSnapshot().context;
    ctx.serviceSessions.forEach((session, index) => {
      const decision = trail.filter((t) => t.call === id && t.session === index).at(-1)?.decision;
      if (decision !== undefined) {
        const key = `${ctx.type}: ${decision.verdict ?? 'not reported'}`;
        out.sessions[key] = (out.sessions[key] ?? 0) + 1;
      }
      const violation = sessionViolation(id, index, session, ctx.reported, decision);
      if (violation) out.violations.push(violation);
      // A refused PSTN transfer that ended the session there (not a safe one that came back) named its outcome too.
      const exit = exits.find((e) => e.call === id && e.session === index && e.at === session.endedAt);
      if (exit && session.outcome !== 'Transfer Failed') {
        out.violations.push(`${id} session ${index + 1} (${session.service}): the refused PSTN transfer leaves through the Exit route, "Transfer Failed" (WF-06), the session reports ${session.outcome ?? 'no outcome'}`);
      }
    });
  }
  return out;
}

function writeCounterexample(doc: Doc, violations: string[]): string {
  mkdirSync('reports/counterexamples', { recursive: true });
  const file = 'reports/counterexamples/session-outcome-trail.yaml';
  const header = ['A service session whose reported outcome is not its decision (test/property/outcomes.property.test.ts).', `Reproduce: npx nimbus-sim run ${file}`, ...violations.map((v) => `  - ${v}`)];
  writeFileSync(file, `${header.map((l) => `# ${l}`).join('\n')}\n${stringify(doc, { lineWidth: 0 })}`);
  return file;
}

describe('service session outcomes follow their decisions; engine and mock agree on every call', () => {
  it('in generated runs, every service session reports its last decision, and after every step each live call is live in both', async () => {
    const seen: Record<string, number> = {};
    const runs = propertyRuns(CI_RUNS);
    const out = await fc.check(
      fc.asyncProperty(arbRun, async (doc) => {
        const { violations, sessions } = await check(doc);
        for (const [key, n] of Object.entries(sessions)) seen[key] = (seen[key] ?? 0) + n;
        return violations.length === 0;
      }),
      { numRuns: runs, seed: Number(process.env.NIMBUS_SIM_PROPERTY_SEED ?? 20261203) },
    );
    if (out.failed && out.counterexample) {
      const [doc] = out.counterexample;
      const { violations } = await check(doc);
      expect.fail(`${violations.join('; ')}\ncounterexample (shrunk ${out.numShrinks} times): ${writeCounterexample(doc, violations)}`);
    }
    expect(out.failed).toBe(false);
    const total = Object.values(seen).reduce((a, b) => a + b, 0);
    // One line in the CI log: the evidence that the property ran over enough sessions.
    console.log(`outcome and agreement property: ${runs} runs, ${total} service sessions, ${Object.keys(seen).length} kinds of outcome`);
    // Not vacuous: enough sessions, of every kind of call, among them transfers, refused chains and unreported ones.
    if (runs >= CI_RUNS) expect(total).toBeGreaterThanOrEqual(MIN_SESSIONS);
    const types = new Set(Object.keys(seen).map((k) => k.split(': ')[0]));
    expect([...types].sort()).toEqual(['Call On Behalf', 'Inbound Service', 'Outbound Call', 'Outbound Call (With Workflow)']);
    for (const outcome of ['User Internal Transfer Success', 'User External Transfer Success', 'User Internal Transfer Failed', 'System Transfer Success', 'Transfer Failed', 'not reported']) {
      expect(Object.keys(seen).some((k) => k.endsWith(`: ${outcome}`)), outcome).toBe(true);
    }
    // The chain of issue 14: a Call on Behalf call moved to another service whose PSTN transfer the first-service rule refuses.
    expect(seen['Call On Behalf: Transfer Failed'] ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
