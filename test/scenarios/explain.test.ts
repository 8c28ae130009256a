/** Failures explain themselves, and runs are deterministic. */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../sim/scenario/load.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario, suiteOf } from '../../sim/runner.js';
import { toJsonReport } from '../../sim/report/json.js';
import { formatFailure } from '../../sim/report/pretty.js';

const scenarioB = (expectation: string) => `
name: wrong expectation
services:
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [bea] }
  - id: C
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550300", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }
    members: [carl]
users:
  - { id: bea, upn: bea@contoso.com, licenses: [Teams Phone Standard] }
  - { id: carl, upn: carl@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: B }
  - answer: { user: bea, call: c1 }
  - transfer: { call: c1, by: bea, to: { service: C } }
  - answer: { user: carl, call: c1 }
  - transfer: { call: c1, by: carl, to: { pstn: "+41795550199" } }
  - expect: ${expectation}
`;

describe('a wrong expectation', () => {
  it('fails with expected vs actual and the rules that decided', async () => {
    const scenario = parseScenarioText(scenarioB('{ lastResult: { ok: true } }'), 'wrong.yaml');
    const result = await runScenario(scenario);
    expect(result.status).toBe('failed');
    const failure = result.failures[0];
    expect(failure?.expected).toEqual({ ok: true });
    expect(failure?.actual).toMatchObject({ ok: false });
    const text = formatFailure(failure!);
    expect(text).toContain('XFER-03');
    expect(text).toMatch(/answered the call first|first responding service/i);
    expect(failure?.line).toBe(20);
  });

  it('fails when the outcome is right but the named rule did not decide it', async () => {
    const scenario = parseScenarioText(scenarioB('{ lastResult: { ok: false, because: [COB-06] } }'), 'wrong.yaml');
    const result = await runScenario(scenario);
    expect(result.status).toBe('failed');
    expect(result.failures[0]?.message).toContain('not because of COB-06');
  });
});

describe('determinism', () => {
  it('the same scenario and seed give a byte-identical JSON report', async () => {
    const scenario = loadScenarioFile('scenarios/scenario-b.yaml');
    const a = toJsonReport(suiteOf([await runScenario(scenario, { seed: 7 })], 7));
    const b = toJsonReport(suiteOf([await runScenario(scenario, { seed: 7 })], 7));
    expect(a).toBe(b);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});

describe('refused steps', () => {
  it('answering a call nobody offered is the step\'s refusal, naming what kept the user out', async () => {
    const scenario = parseScenarioText(
      `name: impossible
services: [{ id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }]
users: [{ id: ann, upn: ann@contoso.com }, { id: bob, upn: bob@contoso.com }]
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: bob, call: c1 }
`,
      'impossible.yaml',
    );
    const result = await runScenario(scenario);
    expect(result.status).toBe('passed');
    const step = result.steps.find((s) => s.line === 6);
    expect(step).toMatchObject({ verb: 'answer', ok: false });
    expect(step?.decision?.because).toEqual(expect.arrayContaining(['US-09', 'US-01', 'US-03']));
    expect(step?.text).toContain('c1 is not ringing user bob');
  });
});
