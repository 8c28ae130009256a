/**
 * A file means what it says: a fault aimed at one user (`faults: [{ user: ... }]`) throttles only that user,
 * and no tenant value (a fictional PSTN number, a UPN starting with "unlicensed" or "throttled") changes a
 * license or arms a fault by itself.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/runner.js';
import { ScenarioLoadError } from '../../../sim/scenario/errors.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { lintScenario } from '../../../sim/support/lint.js';

const load = (text: string) => parseScenarioText(text, 'fault-user.yaml');

const twoUsers = (faults: string, upn = 'tom@contoso.com') => `name: fault for one user
${faults}
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [t, ann] }
users:
  - { id: t, upn: ${upn}, licenses: [Teams Phone Standard] }
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - presence: { user: t, availability: Do Not Disturb }
  - presence: { user: ann, availability: Do Not Disturb }
`;

describe('faults: a fault for one user', () => {
  it('throttles every Graph request about that user for the whole run, and nobody else', async () => {
    const r = await runScenario(load(`${twoUsers('faults:\n  - { endpoint: "*", status: 429, rate: 1, user: t }')}  - expect:
      user: [{ id: t, presence: Available }, { id: ann, presence: Do Not Disturb }]
`));
    expect(r.error).toBeUndefined();
    expect(r.status, JSON.stringify(r.failures.map((f) => f.message))).toBe('passed');
    expect(r.graph.faultsInjected).toBeGreaterThan(0);
    expect(r.timeline.some((t) => t.text === 'Graph faults armed for the run: * 429 at 100% for user t')).toBe(true);
  });

  it('names an unknown user as a load error at its position', () => {
    let caught: unknown;
    try {
      load(twoUsers('faults:\n  - { endpoint: "*", status: 429, rate: 1, user: tim }'));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioLoadError);
    expect((caught as ScenarioLoadError).problems[0]).toMatchObject({ line: 3, message: 'faults[0].user: unknown user "tim"' });
  });

  it('a UPN starting with "throttled" is an ordinary user: nothing is throttled unless a fault says so', async () => {
    const r = await runScenario(load(`${twoUsers('', 'throttled.ops@contoso.com')}  - expect:
      user: [{ id: t, presence: Do Not Disturb }, { id: ann, presence: Do Not Disturb }]
`));
    expect(r.status, JSON.stringify(r.failures.map((f) => f.message))).toBe('passed');
    expect(r.graph.faultsInjected).toBe(0);
  });

  it('a UPN starting with "unlicensed" holds the licenses the file gives it', async () => {
    const lint = await lintScenario(
      load(`name: unlicensed upn
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [u] }
users:
  - { id: u, upn: unlicensed.x@contoso.com, licenses: [Teams Phone Standard] }
steps: [{ wait: 1s }]
`),
    );
    expect(lint.findings.filter((f) => f.subject === 'user u')).toEqual([]);
  });

  it('a service numbered +15550100403 is as licensed as its resource account says', async () => {
    const r = await runScenario(
      load(`name: fictional number
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann], pstn: { number: "+15550100403" }, resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] } }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - transfer: { call: c1, by: ann, to: { pstn: "+41795550199" } }
  - expect: { lastResult: { ok: true, because: [XFER-02] } }
`),
    );
    expect(r.status, JSON.stringify(r.failures.map((f) => f.message))).toBe('passed');
  });
});
