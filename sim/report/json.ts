/**
 * The machine-readable report (`nimbus-sim.json`), documented in docs/report-json.md.
 *
 * Deterministic: the same suite always gives byte-identical output. Every object is rebuilt with its keys
 * in the order the result types declare them (so the engine's insertion order does not matter and a field
 * outside the types, such as a wall-clock stamp, can never leak in); free-form maps (decision inputs,
 * expected/actual values, verdicts, Graph counts by endpoint) have their keys sorted. 2-space indent and a
 * trailing newline.
 */
import type {
  AssertionResult,
  CallResult,
  Decision,
  Json,
  ScenarioResult,
  ServiceSessionResult,
  StepResult,
  SuiteResult,
  TimelineEntry,
  UserResult,
  UserSessionResult,
} from '../result.js';
import type { ReportingConversation, ReportingModel, ReportingServiceSession, ReportingUserSession } from '../reporting.js';
import { portablePath } from './text.js';

const REPORT_SCHEMA_VERSION = 1;

/** Every key of T (optional ones included) must be written, in the literal's order. */
type Ordered<T> = { [K in keyof Required<T>]: unknown };

/** Any value as JSON with sorted object keys; undefined and non-JSON values become null. */
function canonicalJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && typeof v !== 'function') out[key] = canonicalJson(v);
    }
    return out;
  }
  return null;
}

const list = <T>(items: readonly T[] | undefined, map: (item: T) => unknown): unknown[] => (items ?? []).map(map);

function decision(d: Decision<unknown>): Ordered<Decision<unknown>> {
  return {
    question: d.question,
    verdict: canonicalJson(d.verdict),
    because: [...d.because],
    inputs: canonicalJson(d.inputs),
    checks: list(d.checks, (c) => ({ rule: c.rule, passed: c.passed, detail: c.detail })),
    summary: d.summary,
  };
}

function assertion(a: AssertionResult): Ordered<AssertionResult> {
  return {
    key: a.key,
    subject: a.subject,
    passed: a.passed,
    expected: canonicalJson(a.expected),
    actual: canonicalJson(a.actual),
    message: a.message,
    explanation: list(a.explanation, decision),
    line: a.line,
  };
}

function step(s: StepResult): Ordered<StepResult> {
  return {
    index: s.index,
    line: s.line,
    verb: s.verb,
    at: s.at,
    text: s.text,
    ok: s.ok,
    decision: s.decision === undefined ? undefined : decision(s.decision),
    assertions: s.assertions === undefined ? undefined : list(s.assertions, assertion),
  };
}

function timelineEntry(t: TimelineEntry): Ordered<TimelineEntry> {
  return { at: t.at, subject: t.subject, kind: t.kind, text: t.text, because: t.because === undefined ? undefined : [...t.because] };
}

function serviceSession(s: ServiceSessionResult): Ordered<ServiceSessionResult> {
  return {
    service: s.service,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    outcome: s.outcome,
    outcomeId: s.outcomeId,
    outcomeGroup: s.outcomeGroup,
    handled: s.handled,
    because: [...s.because],
    queueTime: s.queueTime,
    connectedTime: s.connectedTime,
    holdTime: s.holdTime,
    holdCount: s.holdCount,
    acwTime: s.acwTime,
    isUnderSla: s.isUnderSla,
    distributionAlgorithm: s.distributionAlgorithm,
  };
}

function userSession(s: UserSessionResult): Ordered<UserSessionResult> {
  return { service: s.service, user: s.user, startedAt: s.startedAt, endedAt: s.endedAt, outcome: s.outcome, because: [...s.because] };
}

type Transfer = CallResult['transfers'][number];
type Supervision = CallResult['supervision'][number];

function call(c: CallResult): Ordered<CallResult> {
  return {
    id: c.id,
    type: c.type,
    from: c.from,
    to: c.to,
    state: c.state,
    services: [...c.services],
    firstRespondingService: c.firstRespondingService,
    pstnLicenseFrom: c.pstnLicenseFrom,
    pstnLicense: c.pstnLicense === null ? null : decision(c.pstnLicense),
    reported: c.reported,
    unifiedConversationId: c.unifiedConversationId,
    serviceSessions: list(c.serviceSessions, serviceSession),
    userSessions: list(c.userSessions, userSession),
    transfers: list(
      c.transfers,
      (t): Ordered<Transfer> => ({ at: t.at, by: t.by, to: t.to, mode: t.mode, ok: t.ok, because: [...t.because], message: t.message }),
    ),
    supervision: list(
      c.supervision,
      (s): Ordered<Supervision> => ({
        supervisor: s.supervisor,
        mode: s.mode,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        endedBecause: [...s.endedBecause],
      }),
    ),
  };
}

function reportingUserSession(u: ReportingUserSession): Ordered<ReportingUserSession> {
  return {
    UserSessionId: u.UserSessionId,
    UserId: u.UserId,
    UserUpn: u.UserUpn,
    StartedAt: u.StartedAt,
    EndedAt: u.EndedAt,
    Outcome: u.Outcome,
    Because: [...u.Because],
  };
}

function reportingServiceSession(s: ReportingServiceSession): Ordered<ReportingServiceSession> {
  return {
    ServiceSessionId: s.ServiceSessionId,
    ServiceId: s.ServiceId,
    ServiceName: s.ServiceName,
    StartedAt: s.StartedAt,
    EndedAt: s.EndedAt,
    OutcomeId: s.OutcomeId,
    Outcome: s.Outcome,
    OutcomeGroupId: s.OutcomeGroupId,
    OutcomeGroup: s.OutcomeGroup,
    MeansHandled: s.MeansHandled,
    HandledText: s.HandledText,
    Because: [...s.Because],
    TotalQueueTime: s.TotalQueueTime,
    TotalIvrTime: s.TotalIvrTime,
    TotalConnectedTime: s.TotalConnectedTime,
    HoldTime: s.HoldTime,
    HoldCount: s.HoldCount,
    AcwTime: s.AcwTime,
    IsUnderSla: s.IsUnderSla,
    DistributionAlgorithm: s.DistributionAlgorithm,
    DistributionPolicyLevel: s.DistributionPolicyLevel,
    UserSessions: list(s.UserSessions, reportingUserSession),
  };
}

function reportingConversation(c: ReportingConversation): Ordered<ReportingConversation> {
  return {
    UnifiedConversationId: c.UnifiedConversationId,
    CallId: c.CallId,
    TaskType: c.TaskType,
    From: c.From,
    To: c.To,
    StartedAt: c.StartedAt,
    EndedAt: c.EndedAt,
    Reported: c.Reported,
    ServiceSessions: list(c.ServiceSessions, reportingServiceSession),
  };
}

function reporting(r: ReportingModel): Ordered<ReportingModel> {
  return { UnifiedConversations: list(r.UnifiedConversations, reportingConversation) };
}

function user(u: UserResult): Ordered<UserResult> {
  return { id: u.id, upn: u.upn, state: u.state, statuses: [...u.statuses], availability: u.availability, activity: u.activity };
}

function scenario(s: ScenarioResult): Ordered<ScenarioResult> {
  const e = s.error;
  return {
    name: s.name,
    file: portablePath(s.file),
    suitePath: portablePath(s.suitePath),
    tags: [...s.tags],
    because: [...s.because],
    seed: s.seed,
    status: s.status,
    virtualDurationMs: s.virtualDurationMs,
    assertions: { passed: s.assertions.passed, failed: s.assertions.failed },
    steps: list(s.steps, step),
    failures: list(s.failures, assertion),
    error: e === undefined ? undefined : { message: e.message, line: e.line, column: e.column, hint: e.hint },
    timeline: list(s.timeline, timelineEntry),
    calls: list(s.calls, call),
    users: list(s.users, user),
    graph: {
      requests: s.graph.requests,
      faultsInjected: s.graph.faultsInjected,
      retries: s.graph.retries,
      byEndpoint: canonicalJson(s.graph.byEndpoint),
    },
    rulesExercised: [...s.rulesExercised],
    reporting: s.reporting === undefined ? undefined : reporting(s.reporting),
  };
}

/** The report object before serialisation: `schemaVersion` first, then SuiteResult's keys in order. */
export function toJsonReportObject(suite: SuiteResult): { schemaVersion: number } & Ordered<SuiteResult> {
  const t = suite.totals;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: suite.tool.name, version: suite.tool.version },
    seed: suite.seed,
    scenarios: list(suite.scenarios, scenario),
    totals: {
      scenarios: t.scenarios,
      passed: t.passed,
      failed: t.failed,
      errors: t.errors,
      assertions: t.assertions,
      assertionsFailed: t.assertionsFailed,
    },
  };
}

/** `nimbus-sim.json`: deterministic, 2-space indent, trailing newline. */
export function toJsonReport(suite: SuiteResult): string {
  // JSON.stringify drops undefined members (absent optional fields) and writes non-finite numbers as null.
  return `${JSON.stringify(toJsonReportObject(suite), null, 2)}\n`;
}
