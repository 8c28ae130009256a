/**
 * Hand-built results for the reporter and TUI tests. `scenarioB()` is the spec's Scenario B turned into a
 * regression that fails: QA expected the PSTN transfer from service C to succeed, but the call's first
 * responding service B has no PSTN license (XFER-02 binds the license to B, XFER-03 refuses).
 * Each function returns fresh objects so tests may mutate them.
 */
import type { AssertionResult, Decision, ScenarioResult, SuiteResult } from '../../sim/result.js';

export function pstnTransferDecision(): Decision<unknown> {
  return {
    question: 'pstnTransfer',
    verdict: false,
    because: ['XFER-03'],
    inputs: {
      call: 'c1',
      currentService: 'C',
      firstRespondingService: 'B',
      target: '+41795550199',
      resourceAccountLicenses: [],
    },
    checks: [
      { rule: 'XFER-01', passed: true, detail: 'transfers between Nimbus services need no license' },
      { rule: 'XFER-02', passed: true, detail: 'first responding service B answered c1; its PSTN license is used' },
      {
        rule: 'XFER-03',
        passed: false,
        detail: 'resource account of first responding service B has no PSTN license (service C is licensed)',
      },
    ],
    summary: 'PSTN transfer refused: first responding service B has no PSTN license',
  };
}

export function pstnLicenseDecision(): Decision<unknown> {
  return {
    question: 'pstnLicenseFrom',
    verdict: 'B',
    because: ['XFER-02'],
    inputs: { call: 'c1', firstRespondingService: 'B', hasPstnLicense: false },
    checks: [{ rule: 'XFER-02', passed: true, detail: 'service B answered c1 first' }],
    summary: 'c1 uses the PSTN license of B, which has none',
  };
}

export function lastResultFailure(): AssertionResult {
  return {
    key: 'lastResult',
    subject: 'transfer c1 → pstn:+41795550199',
    passed: false,
    expected: { ok: true },
    actual: { ok: false, because: ['XFER-03'] },
    message: 'The transfer was refused, expected it to succeed.',
    explanation: [pstnTransferDecision()],
    line: 24,
  };
}

export function scenarioB(): ScenarioResult {
  const failure = lastResultFailure();
  return {
    name: 'Scenario B - PSTN transfer after internal transfer',
    file: 'scenarios/licensing/scenario-b.yaml',
    tags: ['licensing', 'transfer'],
    because: ['XFER-02', 'XFER-03'],
    seed: 7,
    status: 'failed',
    virtualDurationMs: 30_250,
    assertions: { passed: 2, failed: 1 },
    steps: [
      { index: 0, line: 17, verb: 'inboundCall', at: 0, text: 'c1 from +41791110000 rings service B', ok: true },
      { index: 1, line: 18, verb: 'answer', at: 2_000, text: 'bea answers c1 (service B)', ok: true },
      {
        index: 2,
        line: 19,
        verb: 'transfer',
        at: 10_000,
        text: 'bea transfers c1 to service C (blind)',
        ok: true,
        decision: {
          question: 'serviceTransfer',
          verdict: true,
          because: ['XFER-01'],
          inputs: { call: 'c1', target: 'C' },
          checks: [{ rule: 'XFER-01', passed: true, detail: 'no license needed between services' }],
          summary: 'transfer to service C allowed',
        },
      },
      { index: 3, line: 20, verb: 'answer', at: 12_500, text: 'carl answers c1 (service C)', ok: true },
      {
        index: 4,
        line: 21,
        verb: 'expect',
        at: 12_500,
        text: 'expect pstnLicenseFrom',
        ok: null,
        assertions: [
          {
            key: 'pstnLicenseFrom',
            subject: 'c1',
            passed: true,
            expected: 'B',
            actual: 'B',
            message: 'c1 uses the PSTN license of B.',
            explanation: [pstnLicenseDecision()],
            line: 21,
          },
        ],
      },
      {
        index: 5,
        line: 22,
        verb: 'transfer',
        at: 30_250,
        text: 'transfer refused: carl cannot transfer c1 to +41795550199',
        ok: false,
        decision: pstnTransferDecision(),
      },
      {
        index: 6,
        line: 24,
        verb: 'expect',
        at: 30_250,
        text: 'expect lastResult, session',
        ok: null,
        assertions: [
          failure,
          {
            key: 'session',
            subject: 'c1 in C',
            passed: true,
            expected: { outcome: 'Transfer Failed' },
            actual: { outcome: 'Transfer Failed' },
            message: 'Outcome of c1 in C is Transfer Failed.',
            explanation: [],
            line: 26,
          },
        ],
      },
    ],
    failures: [failure],
    timeline: [
      { at: 0, subject: 'call:c1', kind: 'step', text: 'c1 rings service B' },
      { at: 30_250, subject: 'call:c1', kind: 'decision', text: 'PSTN transfer refused', because: ['XFER-03'] },
    ],
    calls: [
      {
        id: 'c1',
        type: 'Inbound Service',
        from: '+41791110000',
        to: 'B',
        state: 'Connected',
        services: ['B', 'C'],
        firstRespondingService: 'B',
        pstnLicenseFrom: 'B',
        pstnLicense: pstnLicenseDecision(),
        reported: true,
        unifiedConversationId: 'ucid-c1',
        serviceSessions: [
          {
            service: 'B',
            startedAt: 0,
            endedAt: 10_000,
            outcome: 'User Internal Transfer Success',
            outcomeId: 7,
            outcomeGroup: 'Handled By User',
            handled: true,
            because: ['REP-05'],
            queueTime: 2_000,
            connectedTime: 8_000,
            holdTime: 0,
            holdCount: 0,
            acwTime: 0,
            isUnderSla: true,
            distributionAlgorithm: 'Direct Conference',
          },
          {
            service: 'C',
            startedAt: 10_000,
            endedAt: 30_250,
            outcome: 'Transfer Failed',
            outcomeId: null,
            outcomeGroup: null,
            handled: true,
            because: ['XFER-03'],
            queueTime: 2_500,
            connectedTime: 17_750,
            holdTime: 0,
            holdCount: 0,
            acwTime: 0,
            isUnderSla: true,
            distributionAlgorithm: 'Direct Conference',
          },
        ],
        userSessions: [
          { service: 'B', user: 'bea', startedAt: 0, endedAt: 10_000, outcome: 'Accepted', because: [] },
          { service: 'C', user: 'carl', startedAt: 10_000, endedAt: null, outcome: 'Accepted', because: [] },
        ],
        transfers: [
          { at: 10_000, by: 'bea', to: 'service C', mode: 'blind', ok: true, because: ['XFER-01'], message: 'transferred to C' },
          {
            at: 30_250,
            by: 'carl',
            to: '+41795550199',
            mode: 'blind',
            ok: false,
            because: ['XFER-03'],
            message: 'first responding service B has no PSTN license',
          },
        ],
        supervision: [],
      },
    ],
    users: [
      { id: 'bea', upn: 'bea@contoso.com', state: 'Available', statuses: ['Available', 'Ringing', 'Connected'], availability: 'Available', activity: 'Available' },
      { id: 'carl', upn: 'carl@contoso.com', state: 'Connected', statuses: ['Available', 'Ringing', 'Connected'], availability: 'Busy', activity: 'InACall' },
    ],
    graph: { requests: 6, faultsInjected: 0, retries: 0, byEndpoint: { presence: 4, licenseDetails: 2 } },
    rulesExercised: ['XFER-01', 'XFER-02', 'XFER-03'],
  };
}

export function scenarioA(): ScenarioResult {
  return {
    name: 'Scenario A - licensed first service transfers to PSTN',
    file: 'scenarios/licensing/scenario-a.yaml',
    tags: ['licensing'],
    because: ['XFER-02'],
    seed: 7,
    status: 'passed',
    virtualDurationMs: 90_000,
    assertions: { passed: 4, failed: 0 },
    steps: [
      { index: 0, line: 12, verb: 'inboundCall', at: 0, text: 'c1 from +41791110000 rings service A', ok: true },
      { index: 1, line: 13, verb: 'wait', at: 0, text: 'wait 1m30s', ok: null },
    ],
    failures: [],
    timeline: [],
    calls: [],
    users: [],
    graph: { requests: 0, faultsInjected: 0, retries: 0, byEndpoint: {} },
    rulesExercised: ['XFER-02'],
  };
}

export function scenarioError(): ScenarioResult {
  return {
    name: 'Scenario E - typo in a user id',
    file: 'scenarios/errors/typo.yaml',
    tags: [],
    because: [],
    seed: 7,
    status: 'error',
    virtualDurationMs: 0,
    assertions: { passed: 0, failed: 0 },
    steps: [],
    failures: [],
    error: { message: 'unknown user "baa" in step answer', line: 9, column: 15, hint: 'did you mean "bea"?' },
    timeline: [],
    calls: [],
    users: [],
    graph: { requests: 0, faultsInjected: 0, retries: 0, byEndpoint: {} },
    rulesExercised: [],
  };
}

export function suiteOf(scenarios: ScenarioResult[], seed: number | null = 7): SuiteResult {
  const count = (s: ScenarioResult['status']) => scenarios.filter((x) => x.status === s).length;
  return {
    tool: { name: 'nimbus-sim', version: '0.1.0' },
    seed,
    scenarios,
    totals: {
      scenarios: scenarios.length,
      passed: count('passed'),
      failed: count('failed'),
      errors: count('error'),
      assertions: scenarios.reduce((n, s) => n + s.assertions.passed + s.assertions.failed, 0),
      assertionsFailed: scenarios.reduce((n, s) => n + s.assertions.failed, 0),
    },
  };
}

export const suite = (): SuiteResult => suiteOf([scenarioA(), scenarioB(), scenarioError()]);

/** Hostile user strings: markup, CDATA terminators, entities, quotes, pipes, Mermaid syntax, control characters. */
export const NASTY = 'a <script>alert("x")</script> & ]]> \'q\' | b; #c %%d `e` \u0001\u0007\u001b[31m\u0008 \uFFFE end\r\nnext';

export function nastyScenario(): ScenarioResult {
  const s = scenarioB();
  s.name = `Nasty ${NASTY}`;
  s.tags = [NASTY];
  const failure = s.failures[0];
  if (failure === undefined) throw new Error('fixture');
  failure.message = NASTY;
  failure.subject = NASTY;
  failure.expected = { text: NASTY };
  failure.actual = NASTY;
  const call = s.calls[0];
  if (call === undefined) throw new Error('fixture');
  call.from = NASTY;
  call.services = ['B', NASTY];
  const t = call.transfers[0];
  if (t !== undefined) t.to = `service ${NASTY}`;
  s.error = undefined;
  return s;
}
