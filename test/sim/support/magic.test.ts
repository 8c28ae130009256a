/** Magic fixtures: a never-licensed PSTN number, an unlicensed user, an always-throttled user. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/runner.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { lintScenario } from '../../../sim/support/lint.js';

const load = (text: string) => parseScenarioText(text, 'magic.yaml');

describe('magic fixtures', () => {
  it('+15550100403 is never licensed: the first service holds no license whatever the file says, so the PSTN transfer fails', async () => {
    const s = load(`name: never licensed
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann], pstn: { number: "+15550100403" }, resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] } }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - transfer: { call: c1, by: ann, to: { pstn: "+41795550199" } }
  - expect: { lastResult: { ok: false, because: [LIC-03, XFER-03] } }
`);
    const r = await runScenario(s);
    expect(r.status, JSON.stringify(r.failures.map((f) => f.message))).toBe('passed');
    expect(r.timeline.some((t) => t.text.includes('never licensed'))).toBe(true);
    const lint = await lintScenario(s);
    expect(lint.findings).toContainEqual(expect.objectContaining({ severity: 'error', subject: 'service A', code: 'first-level-pstn' }));
  });

  it('a user whose UPN starts with "unlicensed" holds no Microsoft license (LIC-05)', async () => {
    const lint = await lintScenario(
      load(`name: unlicensed
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [u] }
users:
  - { id: u, upn: unlicensed@contoso.com, licenses: [Teams Phone Standard] }
steps: [{ wait: 1s }]
`),
    );
    expect(lint.findings).toContainEqual(expect.objectContaining({ subject: 'user u', code: 'agent-phone', because: ['LIC-05'] }));
  });

  it('a user whose UPN starts with "throttled" is always throttled; others are not, and the run does not crash', async () => {
    const r = await runScenario(
      load(`name: throttled
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [t, ann] }
users:
  - { id: t, upn: throttled@contoso.com, licenses: [Teams Phone Standard] }
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - presence: { user: t, availability: Do Not Disturb }
  - presence: { user: ann, availability: Do Not Disturb }
  - expect:
      user: [{ id: t, presence: Available }, { id: ann, presence: Do Not Disturb }]
`),
    );
    expect(r.error).toBeUndefined();
    expect(r.status, JSON.stringify(r.failures.map((f) => f.message))).toBe('passed');
    expect(r.graph.faultsInjected).toBeGreaterThan(0);
    expect(r.timeline.some((t) => t.text.includes('always throttled'))).toBe(true);
  });
});
