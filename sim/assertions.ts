/**
 * `expect` steps: every key is checked against the world and produces an AssertionResult with expected,
 * actual and the decisions that explain the actual value, so a failure says why and not only what.
 * Each key has its own evaluator in {@link EVALUATORS}: adding an expect key is one schema field, one entry
 * there and one function.
 */
import type { Decision, Json, RuleId } from '../src/rules/decision.js';
import { outcomeInfo, type OutcomeGroup, type ServiceSessionOutcome } from '../src/domain/enums.js';
import type { ExpectSpec } from './scenario/schema.js';
import type { AssertionResult } from './result.js';
import * as policy from './engine/policy.js';
import { conversation } from './reporting.js';
import type { World } from './engine/world.js';

type Check = Omit<AssertionResult, 'line'>;

/** One entry of an expect key: the item of its list, or the object itself for a single-valued key. */
type ExpectItem<K extends keyof ExpectSpec> = NonNullable<ExpectSpec[K]> extends readonly (infer I)[] ? I : NonNullable<ExpectSpec[K]>;
/** A plain key union, not a homomorphic mapping: TypeScript then knows `EVALUATORS[key]` is `Evaluator<typeof key>`. */
type ExpectKey = Exclude<keyof ExpectSpec, never>;
type Evaluator<K extends keyof ExpectSpec> = (world: World, expectation: ExpectItem<K>) => Check;

/** The rule ids the scenario expects among the reasons that are not among them. */
const missingRules = (expected: readonly RuleId[] | undefined, because: readonly RuleId[]): RuleId[] =>
  (expected ?? []).filter((r) => !because.includes(r));

const decidedBy = (because: readonly RuleId[]): string => because.join(', ') || 'no rule';

function ruleCheck(
  key: string,
  subject: string,
  expectedValue: boolean,
  expectedBecause: RuleId[] | undefined,
  decision: Decision<boolean>,
  valueName: string,
): Check {
  const missing = missingRules(expectedBecause, decision.because);
  const passed = decision.verdict === expectedValue && missing.length === 0;
  const expected: Record<string, Json> = { [valueName]: expectedValue };
  if (expectedBecause) expected.because = expectedBecause;
  const actual: Record<string, Json> = { [valueName]: decision.verdict, because: decision.because };
  let message: string;
  if (decision.verdict !== expectedValue) message = `${subject}: expected ${valueName} ${expectedValue}, got ${decision.verdict} — ${decision.summary}`;
  else if (missing.length > 0) message = `${subject}: ${valueName} is ${decision.verdict} as expected, but not because of ${missing.join(', ')} (decided by ${decidedBy(decision.because)})`;
  else message = `${subject}: ${valueName} ${decision.verdict} (${decision.because.join(', ')})`;
  return { key, subject, passed, expected, actual, message, explanation: [decision] };
}

function callDecisions(world: World, call: string): Decision<unknown>[] {
  return world.callExtras.get(call)?.decisions.slice(-8) ?? [];
}

/** The call's recent decisions whose question mentions `topic` (e.g. `pstn`, `supervis`). */
function callDecisionsAbout(world: World, call: string, topic: string): Decision<unknown>[] {
  return callDecisions(world, call).filter((d) => d.question.toLowerCase().includes(topic));
}

const neverVisited = (world: World, call: string, service: string): string => `${call} never visited service ${service} (it visited ${visited(world, call)})`;

/** Expected and actual side by side for the fields a check compares, with what differed. */
interface Comparison {
  expected: Record<string, Json>;
  actual: Record<string, Json>;
  problems: string[];
}

export function evaluateExpect(world: World, spec: ExpectSpec): Check[] {
  // The table's order: results (and the decisions the rule checks record) come out in the same order every run.
  return (Object.keys(EVALUATORS) as ExpectKey[]).flatMap((key) => evaluateKey(world, spec, key));
}

function evaluateKey<K extends keyof ExpectSpec>(world: World, spec: ExpectSpec, key: K): Check[] {
  const value = spec[key];
  if (value === undefined) return [];
  const items = (Array.isArray(value) ? value : [value]) as ExpectItem<K>[];
  const evaluate: Evaluator<K> = EVALUATORS[key];
  return items.map((e) => evaluate(world, e));
}

// --- user ----------------------------------------------------------------------------------------------

function userComparison(world: World, e: ExpectItem<'user'>, { headline, statuses }: ReturnType<World['userState']>): Comparison {
  const seen = world.presenceSeen.get(e.id);
  const expected: Record<string, Json> = {};
  const actual: Record<string, Json> = { state: headline, statuses };
  const problems: string[] = [];
  if (e.state) {
    expected.state = e.state;
    if (!statuses.includes(e.state)) problems.push(`state is ${headline}${statuses.length > 1 ? ` (all: ${statuses.join(', ')})` : ''}, expected ${e.state}`);
  }
  if (e.flags) {
    expected.flags = e.flags;
    const missing = e.flags.filter((f) => !statuses.includes(f));
    if (missing.length > 0) problems.push(`missing ${missing.join(', ')} (has ${statuses.join(', ')})`);
  }
  if (e.presence) {
    expected.presence = e.presence;
    actual.presence = seen?.availability ?? null;
    if (seen?.availability !== e.presence) problems.push(`presence is ${seen?.availability ?? 'unknown'}, expected ${e.presence}`);
  }
  return { expected, actual, problems };
}

function userCheck(world: World, e: ExpectItem<'user'>): Check {
  const state = world.userState(e.id);
  const { expected, actual, problems } = userComparison(world, e, state);
  const passed = problems.length === 0;
  const explanation = [...world.services.keys()]
    .filter((s) => world.membership(e.id, s))
    .map((s) => policy.isSelectable(world, e.id, s) as Decision<unknown>);
  const message = passed ? `${e.id} is ${state.statuses.join(', ')}` : `${e.id}: ${problems.join('; ')}`;
  return { key: 'user', subject: e.id, passed, expected, actual, message, explanation };
}

// --- rule decisions: selectable, Call on Behalf button, dial pad ---------------------------------------

const selectableCheck: Evaluator<'selectable'> = (world, e) =>
  ruleCheck('selectable', `${e.user} for ${e.service}`, e.value, e.because, world.record(policy.isSelectable(world, e.user, e.service)), 'selectable');

const callOnBehalfCheck: Evaluator<'callOnBehalf'> = (world, e) =>
  ruleCheck('callOnBehalf', `Call on Behalf button for ${e.user} / ${e.service}`, e.enabled, e.because, world.record(policy.callOnBehalfButton(world, e.user, e.service)), 'enabled');

const dialPadCheck: Evaluator<'dialPad'> = (world, e) =>
  ruleCheck('dialPad', `dial pad for ${e.user} / ${e.service}`, e.enabled, e.because, world.record(policy.dialPad(world, e.user, e.service)), 'enabled');

// --- the call ------------------------------------------------------------------------------------------

function taskCheck(world: World, e: ExpectItem<'task'>): Check {
  const state = world.taskState(e.call);
  const passed = state === e.state;
  return {
    key: 'task',
    subject: e.call,
    passed,
    expected: { state: e.state },
    actual: { state },
    message: passed ? `${e.call} is ${state}` : `${e.call}: task state is ${state}, expected ${e.state}`,
    explanation: callDecisions(world, e.call),
  };
}

function sessionCheck(world: World, e: ExpectItem<'session'>): Check {
  const session = world.call(e.call).getSnapshot().context.serviceSessions.filter((s) => s.service === e.service).at(-1);
  const outcome = session?.outcome ?? null;
  const group = outcome ? outcomeGroup(outcome) : null;
  const expected: Record<string, Json> = {};
  let passed = session !== undefined;
  if (e.outcome) {
    expected.outcome = e.outcome;
    if (outcome !== e.outcome) passed = false;
  }
  if (e.group) {
    expected.group = e.group;
    if (group?.toLowerCase() !== e.group.toLowerCase()) passed = false;
  }
  const subject = `${e.call} in ${e.service}`;
  const message = !session
    ? neverVisited(world, e.call, e.service)
    : passed
      ? `${subject}: ${outcome}`
      : `${subject}: outcome is ${outcome ?? 'not decided yet (session still open)'}, expected ${e.outcome ?? e.group}`;
  const actual: Json = session ? { outcome, group, because: session.because } : { outcome: null, visited: false };
  return { key: 'session', subject, passed, expected, actual, message, explanation: callDecisions(world, e.call) };
}

function userSessionCheck(world: World, e: ExpectItem<'userSession'>): Check {
  const session = world.call(e.call).getSnapshot().context.userSessions.filter((s) => s.user === e.user).at(-1);
  const passed = session?.outcome === e.outcome;
  return {
    key: 'userSession',
    subject: `${e.user} on ${e.call}`,
    passed,
    expected: { outcome: e.outcome },
    actual: { outcome: session?.outcome ?? null },
    message: passed ? `${e.user} on ${e.call}: ${e.outcome}` : `${e.user} on ${e.call}: user session outcome is ${session?.outcome ?? (session ? 'open' : 'none (never involved)')}, expected ${e.outcome}`,
    explanation: callDecisions(world, e.call),
  };
}

/** Reporting figure name, what the scenario wants (undefined: not checked) and what the session shows. */
type Figure = [name: string, want: Json | undefined, got: Json | undefined];

function figures(e: ExpectItem<'sessionFigures'>, session: ReturnType<typeof lastServiceSession>): Figure[] {
  return [
    ['outcomeId', e.outcomeId, session?.OutcomeId],
    ['queueTime', e.queueTime, session?.TotalQueueTime],
    ['connectedTime', e.connectedTime, session?.TotalConnectedTime],
    ['holdTime', e.holdTime, session?.HoldTime],
    ['holdCount', e.holdCount, session?.HoldCount],
    ['acwTime', e.acwTime, session?.AcwTime],
    ['isUnderSla', e.isUnderSla, session?.IsUnderSla],
    ['distributionAlgorithm', e.distributionAlgorithm, session?.DistributionAlgorithm],
    ['userSessions', e.userSessions, session?.UserSessions.length],
  ];
}

function lastServiceSession(world: World, call: string, service: string) {
  return conversation(world, call).ServiceSessions.filter((s) => s.ServiceId === service).at(-1);
}

function figuresComparison(world: World, e: ExpectItem<'sessionFigures'>): Comparison {
  const session = lastServiceSession(world, e.call, e.service);
  const expected: Record<string, Json> = {};
  const actual: Record<string, Json> = {};
  const problems: string[] = [];
  for (const [name, want, got] of figures(e, session)) {
    if (want === undefined) continue;
    expected[name] = want;
    actual[name] = got ?? null;
    if (got !== want) problems.push(`${name} is ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(want)}`);
  }
  if (e.because) {
    const because = session?.Because ?? [];
    expected.because = e.because;
    actual.because = because;
    const missing = missingRules(e.because, because);
    if (missing.length > 0) problems.push(`the outcome ${session?.Outcome ?? '(none)'} was not decided because of ${missing.join(', ')} (decided by ${decidedBy(because)})`);
  }
  if (!session) problems.unshift(neverVisited(world, e.call, e.service));
  return { expected, actual, problems };
}

function sessionFiguresCheck(world: World, e: ExpectItem<'sessionFigures'>): Check {
  const { expected, actual, problems } = figuresComparison(world, e);
  const passed = problems.length === 0;
  const subject = `${e.call} in ${e.service}`;
  return {
    key: 'sessionFigures',
    subject,
    passed,
    expected,
    actual,
    message: passed ? `${subject}: ${JSON.stringify(actual)}` : `${subject}: ${problems.join('; ')}`,
    explanation: callDecisions(world, e.call),
  };
}

function pstnLicenseFromCheck(world: World, e: ExpectItem<'pstnLicenseFrom'>): Check {
  const ctx = world.call(e.call).getSnapshot().context;
  const passed = ctx.firstRespondingService === e.service;
  return {
    key: 'pstnLicenseFrom',
    subject: e.call,
    passed,
    expected: { service: e.service },
    actual: { service: ctx.firstRespondingService, licensed: ctx.pstnLicensed, because: ctx.pstnBecause },
    message: passed
      ? `${e.call} uses the PSTN license of ${e.service}, its first responding service (XFER-02)`
      : `${e.call}: PSTN license comes from ${ctx.firstRespondingService ?? 'no service yet'} (first responding service, XFER-02), expected ${e.service}`,
    explanation: callDecisionsAbout(world, e.call, 'pstn'),
  };
}

/** What the scenario expects of a supervision: a mode (`none` is none), activity, or by default that it is active. */
function expectedSupervision(e: ExpectItem<'supervision'>): Record<string, Json> {
  const expected: Record<string, Json> = {};
  if (e.mode !== undefined) expected.mode = e.mode === 'none' || e.mode === null ? null : e.mode;
  if (e.active !== undefined) expected.active = e.active;
  if (e.mode === undefined && e.active === undefined) expected.active = true;
  return expected;
}

function supervisionCheck(world: World, e: ExpectItem<'supervision'>): Check {
  const current = world.call(e.call).getSnapshot().context.supervision.filter((s) => s.supervisor === e.supervisor).at(-1);
  const activeNow = current !== undefined && current.endedAt === null;
  const modeNow = activeNow ? current.mode : null;
  const expected = expectedSupervision(e);
  const passed = (!('mode' in expected) || modeNow === expected.mode) && (!('active' in expected) || activeNow === expected.active);
  const now = activeNow ? `supervising in ${modeNow}` : current ? `supervision ended (${current.endedBecause.join(', ') || 'replaced'})` : 'never supervised';
  return {
    key: 'supervision',
    subject: `${e.supervisor} on ${e.call}`,
    passed,
    expected,
    actual: { mode: modeNow, active: activeNow, endedBecause: current?.endedBecause ?? [] },
    message: passed ? `${e.supervisor} on ${e.call}: ${modeNow ?? 'not supervising'}` : `${e.supervisor} on ${e.call}: ${now}, expected ${JSON.stringify(expected)}`,
    explanation: callDecisionsAbout(world, e.call, 'supervis'),
  };
}

function reportedCheck(world: World, e: ExpectItem<'reported'>): Check {
  const reported = world.call(e.call).getSnapshot().context.reported;
  const passed = reported === e.value;
  return {
    key: 'reported',
    subject: e.call,
    passed,
    expected: { value: e.value },
    actual: { value: reported },
    message: passed ? `${e.call} ${reported ? 'is' : 'is not'} written to reporting` : `${e.call}: reported is ${reported}, expected ${e.value}`,
    explanation: callDecisionsAbout(world, e.call, 'report'),
  };
}

// --- the previous action -------------------------------------------------------------------------------

function lastResultProblems(e: ExpectItem<'lastResult'>, last: NonNullable<World['lastResult']>): string[] {
  const missing = missingRules(e.because, last.because);
  const messageOk = !e.message || last.message.toLowerCase().includes(e.message.toLowerCase());
  return [
    last.ok !== e.ok ? `the action ${last.ok ? 'succeeded' : 'was refused'}, expected it to ${e.ok ? 'succeed' : 'be refused'}` : '',
    missing.length > 0 ? `not because of ${missing.join(', ')} (decided by ${decidedBy(last.because)})` : '',
    !messageOk ? `message does not mention "${e.message}"` : '',
  ].filter(Boolean);
}

function lastResultCheck(world: World, e: ExpectItem<'lastResult'>): Check {
  const last = world.lastResult;
  const expected: Record<string, Json> = { ok: e.ok };
  if (e.because) expected.because = e.because;
  if (e.message) expected.message = e.message;
  const subject = 'previous action';
  if (!last) return { key: 'lastResult', subject, passed: false, expected, actual: null, message: 'no action step ran before this expect', explanation: [] };
  const problems = lastResultProblems(e, last);
  const passed = problems.length === 0;
  return {
    key: 'lastResult',
    subject,
    passed,
    expected,
    actual: { ok: last.ok, because: last.because, message: last.message },
    message: passed ? `${last.ok ? 'ok' : 'refused'}: ${last.message}` : `${problems.join('; ')} — ${last.message}`,
    explanation: last.decision ? [last.decision] : [],
  };
}

/** Every expect key's evaluator, in the order results are reported. */
const EVALUATORS: { [K in ExpectKey]: Evaluator<K> } = {
  user: userCheck,
  selectable: selectableCheck,
  callOnBehalf: callOnBehalfCheck,
  dialPad: dialPadCheck,
  task: taskCheck,
  session: sessionCheck,
  userSession: userSessionCheck,
  sessionFigures: sessionFiguresCheck,
  pstnLicenseFrom: pstnLicenseFromCheck,
  supervision: supervisionCheck,
  reported: reportedCheck,
  lastResult: lastResultCheck,
};

function outcomeGroup(outcome: ServiceSessionOutcome): OutcomeGroup {
  return outcomeInfo(outcome).group;
}

function visited(world: World, call: string): string {
  return world.call(call).getSnapshot().context.serviceSessions.map((s) => s.service).join(' → ') || 'none';
}
