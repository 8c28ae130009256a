/** `why --user --service`: the single changes tried include the service's presence opt-ins (PRES-05). */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { explainPair, formatExplanation } from '../../../sim/support/why.js';

const scenario = (presence: string) =>
  parseScenarioText(
    `name: why opt-in
services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard], presence: ${presence} }
steps: [{ wait: 1s }]
`,
    'why.yaml',
  );

describe('explainPair', () => {
  it('a Busy user is one "Busy available" opt-in away from selectable, and says so', async () => {
    const e = await explainPair(scenario('Busy'), 'ann', 'A');
    const selectable = e.decisions.find((d) => d.decision.question === 'isSelectable');
    expect(selectable?.decision.verdict).toBe(false);
    expect(selectable?.flips).toEqual(['turn on "Busy available" in service A\'s distribution settings (PRES-05)']);
    expect(formatExplanation(e)).toContain('flips with: turn on "Busy available" in service A\'s distribution settings (PRES-05)');
  });

  it('an Away user flips with "Away available", not with "Busy available"', async () => {
    const e = await explainPair(scenario('Away'), 'ann', 'A');
    expect(e.decisions.find((d) => d.decision.question === 'isSelectable')?.flips).toEqual(['turn on "Away available" in service A\'s distribution settings (PRES-05)']);
  });

  it('a user without Teams Phone flips with the license, for selectability and LIC-05 alike', async () => {
    const s = scenario('Available');
    const ann = s.users[0];
    if (ann) ann.licenses = [];
    const e = await explainPair(s, 'ann', 'A');
    const byQuestion = Object.fromEntries(e.decisions.map((d) => [d.decision.question, d]));
    expect(byQuestion['isSelectable']?.decision.because).toEqual(['LIC-05']);
    expect(byQuestion['isSelectable']?.flips).toEqual(['assign Teams Phone Standard (MCOEV) to ann@contoso.com']);
    expect(byQuestion['agentCanHandleCalls']?.flips).toEqual(['assign Teams Phone Standard (MCOEV) to ann@contoso.com']);
  });
});
