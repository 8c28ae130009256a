/**
 * lint's first-level PSTN finding appears only where a PSTN transfer can start in a call that begins at the
 * service: a workflow transfer to PSTN along its chain, or members who may transfer by hand under the
 * first-service rule. An inbound service whose calls can never reach a PSTN transfer gets no finding.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { lintScenario } from '../../../sim/support/lint.js';

const LICENSED_C = `  - id: C
    license: Enterprise Routing
    assignment: MS Teams-based
    pstn: { number: "+41445550300", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }`;

async function firstLevel(services: string, behavior = '') {
  const text = `name: lint first level
${behavior ? `tenant: { behavior: { ${behavior} } }\n` : ''}services:
${services}
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps: [{ wait: 1s }]
`;
  const report = await lintScenario(parseScenarioText(text, 'lint.yaml'));
  return report.findings.filter((f) => f.code === 'first-level-pstn');
}

describe('lint first-level-pstn', () => {
  it('no finding for an inbound service whose calls can never reach a PSTN transfer (no members, no PSTN workflow on its chain)', async () => {
    expect(await firstLevel(`  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, workflow: [Accept, Announcement] }`)).toEqual([]);
    expect(await firstLevel(`  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, workflow: [Accept, { Transfer: { to: { service: B } } }] }
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, workflow: [Accept, Announcement] }`)).toEqual([]);
  });

  it('an error when a workflow on the chain transfers to PSTN, naming that workflow', async () => {
    const findings = await firstLevel(`  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, workflow: [Accept, { Transfer: { to: { service: C } } }] }
${LICENSED_C}
    workflow: [Accept, { Transfer: { to: { pstn: "+41795550199" } } }]`);
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', subject: 'service A' })]);
    expect(findings[0]?.message).toContain('the workflow of service C transfers to a PSTN number');
  });

  it('members who can transfer by hand count only while the first-service rule covers manual transfers', async () => {
    const service = `  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }`;
    const ruleOn = await firstLevel(service);
    expect(ruleOn).toEqual([expect.objectContaining({ severity: 'error', subject: 'service A' })]);
    expect(ruleOn[0]?.message).toContain('members of service A can transfer to a PSTN number');
    expect(await firstLevel(service, 'firstServiceRuleForManualTransfers: false')).toEqual([]);
  });
});
