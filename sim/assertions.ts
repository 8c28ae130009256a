/**
 * `expect` steps: every key is checked against the world and produces an AssertionResult with expected,
 * actual and the decisions that explain the actual value, so a failure says why and not only what.
 */
import type { Decision, Json, RuleId } from '../src/rules/decision.js';
import { outcomeInfo, type OutcomeGroup, type ServiceSessionOutcome } from '../src/domain/enums.js';
import type { ExpectSpec } from './scenario/schema.js';
import type { AssertionResult } from './result.js';
import * as policy from './engine/policy.js';
import { conversation } from './reporting.js';
import type { World } from './engine/world.js';

type Check = Omit<AssertionResult, 'line'>;

const missingRules = (expected: readonly RuleId[] | undefined, decision: Decision<unknown>): RuleId[] =>
  (expected ?? []).filter((r) => !decision.because.includes(r));

function ruleCheck(
  key: string,
  subject: string,
  expectedValue: boolean,
  expectedBecause: RuleId[] | undefined,
  decision: Decision<boolean>,
  valueName: string,
): Check {
  const missing = missingRules(expectedBecause, decision);
  const passed = decision.verdict === expectedValue && missing.length === 0;
  const expected: Record<string, Json> = { [valueName]: expectedValue };
  if (expectedBecause) expected.because = expectedBecause;
  const actual: Record<string, Json> = { [valueName]: decision.verdict, because: decision.because };
  let message: string;
  if (decision.verdict !== expectedValue) message = `${subject}: expected ${valueName} ${expectedValue}, got ${decision.verdict} — ${decision.summary}`;
  else if (missing.length > 0) message = `${subject}: ${valueName} is ${decision.verdict} as expected, but not because of ${missing.join(', ')} (decided by ${decision.because.join(', ') || 'no rule'})`;
  else message = `${subject}: ${valueName} ${decision.verdict} (${decision.because.join(', ')})`;
  return { key, subject, passed, expected, actual, message, explanation: [decision] };
}

function callDecisions(world: World, call: string): Decision<unknown>[] {
  return world.callExtras.get(call)?.decisions.slice(-8) ?? [];
}

export function evaluateExpect(world: World, spec: ExpectSpec): Check[] {
  const out: Check[] = [];

  for (const e of spec.user ?? []) {
    const { headline, statuses } = world.userState(e.id);
    const seen = world.presenceSeen.get(e.id);
    const expected: Record<string, Json> = {};
    const actual: Record<string, Json> = { state: headline, statuses };
    let passed = true;
    const problems: string[] = [];
    if (e.state) {
      expected.state = e.state;
      if (!statuses.includes(e.state)) {
        passed = false;
        problems.push(`state is ${headline}${statuses.length > 1 ? ` (all: ${statuses.join(', ')})` : ''}, expected ${e.state}`);
      }
    }
    if (e.flags) {
      expected.flags = e.flags;
      const missing = e.flags.filter((f) => !statuses.includes(f));
      if (missing.length > 0) {
        passed = false;
        problems.push(`missing ${missing.join(', ')} (has ${statuses.join(', ')})`);
      }
    }
    if (e.presence) {
      expected.presence = e.presence;
      actual.presence = seen?.availability ?? null;
      if (seen?.availability !== e.presence) {
        passed = false;
        problems.push(`presence is ${seen?.availability ?? 'unknown'}, expected ${e.presence}`);
      }
    }
    const explanation = [...world.services.keys()]
      .filter((s) => world.membership(e.id, s))
      .map((s) => policy.isSelectable(world, e.id, s) as Decision<unknown>);
    out.push({
      key: 'user',
      subject: e.id,
      passed,
      expected,
      actual,
      message: passed ? `${e.id} is ${statuses.join(', ')}` : `${e.id}: ${problems.join('; ')}`,
      explanation,
    });
  }

  for (const e of spec.selectable ?? []) {
    out.push(ruleCheck('selectable', `${e.user} for ${e.service}`, e.value, e.because, world.record(policy.isSelectable(world, e.user, e.service)), 'selectable'));
  }
  for (const e of spec.callOnBehalf ?? []) {
    out.push(ruleCheck('callOnBehalf', `Call on Behalf button for ${e.user} / ${e.service}`, e.enabled, e.because, world.record(policy.callOnBehalfButton(world, e.user, e.service)), 'enabled'));
  }
  for (const e of spec.dialPad ?? []) {
    out.push(ruleCheck('dialPad', `dial pad for ${e.user} / ${e.service}`, e.enabled, e.because, world.record(policy.dialPad(world, e.user, e.service)), 'enabled'));
  }

  for (const e of spec.task ?? []) {
    const state = world.taskState(e.call);
    const passed = state === e.state;
    out.push({
      key: 'task',
      subject: e.call,
      passed,
      expected: { state: e.state },
      actual: { state },
      message: passed ? `${e.call} is ${state}` : `${e.call}: task state is ${state}, expected ${e.state}`,
      explanation: callDecisions(world, e.call),
    });
  }

  for (const e of spec.session ?? []) {
    const sessions = world.call(e.call).getSnapshot().context.serviceSessions.filter((s) => s.service === e.service);
    const session = sessions.at(-1);
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
    const actual: Json = session ? { outcome, group, because: session.because } : { outcome: null, visited: false };
    out.push({
      key: 'session',
      subject: `${e.call} in ${e.service}`,
      passed,
      expected,
      actual,
      message: !session
        ? `${e.call} never visited service ${e.service} (it visited ${visited(world, e.call)})`
        : passed
          ? `${e.call} in ${e.service}: ${outcome}`
          : `${e.call} in ${e.service}: outcome is ${outcome ?? 'not decided yet (session still open)'}, expected ${e.outcome ?? e.group}`,
      explanation: callDecisions(world, e.call),
    });
  }

  for (const e of spec.userSession ?? []) {
    const sessions = world.call(e.call).getSnapshot().context.userSessions.filter((s) => s.user === e.user);
    const session = sessions.at(-1);
    const passed = session?.outcome === e.outcome;
    out.push({
      key: 'userSession',
      subject: `${e.user} on ${e.call}`,
      passed,
      expected: { outcome: e.outcome },
      actual: { outcome: session?.outcome ?? null },
      message: passed ? `${e.user} on ${e.call}: ${e.outcome}` : `${e.user} on ${e.call}: user session outcome is ${session?.outcome ?? (session ? 'open' : 'none (never involved)')}, expected ${e.outcome}`,
      explanation: callDecisions(world, e.call),
    });
  }

  for (const e of spec.sessionFigures ?? []) {
    const session = conversation(world, e.call).ServiceSessions.filter((s) => s.ServiceId === e.service).at(-1);
    const wanted: [string, Json | undefined, Json | undefined][] = [
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
    const expected: Record<string, Json> = {};
    const actual: Record<string, Json> = {};
    const problems: string[] = [];
    for (const [name, want, got] of wanted) {
      if (want === undefined) continue;
      expected[name] = want;
      actual[name] = got ?? null;
      if (got !== want) problems.push(`${name} is ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(want)}`);
    }
    if (e.because) {
      expected.because = e.because;
      actual.because = session?.Because ?? [];
      const missing = e.because.filter((r) => !(session?.Because ?? []).includes(r));
      if (missing.length > 0) problems.push(`the outcome ${session?.Outcome ?? '(none)'} was not decided because of ${missing.join(', ')} (decided by ${session?.Because.join(', ') || 'no rule'})`);
    }
    if (!session) problems.unshift(`${e.call} never visited service ${e.service} (it visited ${visited(world, e.call)})`);
    const passed = problems.length === 0;
    out.push({
      key: 'sessionFigures',
      subject: `${e.call} in ${e.service}`,
      passed,
      expected,
      actual,
      message: passed ? `${e.call} in ${e.service}: ${JSON.stringify(actual)}` : `${e.call} in ${e.service}: ${problems.join('; ')}`,
      explanation: callDecisions(world, e.call),
    });
  }

  for (const e of spec.pstnLicenseFrom ?? []) {
    const ctx = world.call(e.call).getSnapshot().context;
    const passed = ctx.firstRespondingService === e.service;
    out.push({
      key: 'pstnLicenseFrom',
      subject: e.call,
      passed,
      expected: { service: e.service },
      actual: { service: ctx.firstRespondingService, licensed: ctx.pstnLicensed, because: ctx.pstnBecause },
      message: passed
        ? `${e.call} uses the PSTN license of ${e.service}, its first responding service (XFER-02)`
        : `${e.call}: PSTN license comes from ${ctx.firstRespondingService ?? 'no service yet'} (first responding service, XFER-02), expected ${e.service}`,
      explanation: callDecisions(world, e.call).filter((d) => d.question.toLowerCase().includes('pstn')),
    });
  }

  for (const e of spec.supervision ?? []) {
    const records = world.call(e.call).getSnapshot().context.supervision.filter((s) => s.supervisor === e.supervisor);
    const current = records.at(-1);
    const activeNow = current !== undefined && current.endedAt === null;
    const modeNow = activeNow ? current.mode : null;
    let passed = true;
    const expected: Record<string, Json> = {};
    if (e.mode !== undefined) {
      const want = e.mode === 'none' || e.mode === null ? null : e.mode;
      expected.mode = want;
      if (modeNow !== want) passed = false;
    }
    if (e.active !== undefined) {
      expected.active = e.active;
      if (activeNow !== e.active) passed = false;
    }
    if (e.mode === undefined && e.active === undefined) {
      expected.active = true;
      passed = activeNow;
    }
    out.push({
      key: 'supervision',
      subject: `${e.supervisor} on ${e.call}`,
      passed,
      expected,
      actual: { mode: modeNow, active: activeNow, endedBecause: current?.endedBecause ?? [] },
      message: passed
        ? `${e.supervisor} on ${e.call}: ${modeNow ?? 'not supervising'}`
        : `${e.supervisor} on ${e.call}: ${activeNow ? `supervising in ${modeNow}` : current ? `supervision ended (${current.endedBecause.join(', ') || 'replaced'})` : 'never supervised'}, expected ${JSON.stringify(expected)}`,
      explanation: callDecisions(world, e.call).filter((d) => d.question.toLowerCase().includes('supervis')),
    });
  }

  for (const e of spec.reported ?? []) {
    const reported = world.call(e.call).getSnapshot().context.reported;
    const passed = reported === e.value;
    out.push({
      key: 'reported',
      subject: e.call,
      passed,
      expected: { value: e.value },
      actual: { value: reported },
      message: passed ? `${e.call} ${reported ? 'is' : 'is not'} written to reporting` : `${e.call}: reported is ${reported}, expected ${e.value}`,
      explanation: callDecisions(world, e.call).filter((d) => d.question.toLowerCase().includes('report')),
    });
  }

  if (spec.lastResult) {
    const e = spec.lastResult;
    const last = world.lastResult;
    const expected: Record<string, Json> = { ok: e.ok };
    if (e.because) expected.because = e.because;
    if (e.message) expected.message = e.message;
    if (!last) {
      out.push({ key: 'lastResult', subject: 'previous action', passed: false, expected, actual: null, message: 'no action step ran before this expect', explanation: [] });
    } else {
      const missing = (e.because ?? []).filter((r) => !last.because.includes(r));
      const messageOk = !e.message || last.message.toLowerCase().includes(e.message.toLowerCase());
      const passed = last.ok === e.ok && missing.length === 0 && messageOk;
      const problems = [
        last.ok !== e.ok ? `the action ${last.ok ? 'succeeded' : 'was refused'}, expected it to ${e.ok ? 'succeed' : 'be refused'}` : '',
        missing.length > 0 ? `not because of ${missing.join(', ')} (decided by ${last.because.join(', ') || 'no rule'})` : '',
        !messageOk ? `message does not mention "${e.message}"` : '',
      ].filter(Boolean);
      out.push({
        key: 'lastResult',
        subject: 'previous action',
        passed,
        expected,
        actual: { ok: last.ok, because: last.because, message: last.message },
        message: passed ? `${last.ok ? 'ok' : 'refused'}: ${last.message}` : `${problems.join('; ')} — ${last.message}`,
        explanation: last.decision ? [last.decision] : [],
      });
    }
  }
  return out;
}

function outcomeGroup(outcome: ServiceSessionOutcome): OutcomeGroup {
  return outcomeInfo(outcome).group;
}

function visited(world: World, call: string): string {
  return world.call(call).getSnapshot().context.serviceSessions.map((s) => s.service).join(' → ') || 'none';
}
