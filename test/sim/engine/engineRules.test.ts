/**
 * Rules the engine and the machines enforce (sim/coverage/ruleStatus.ts ENGINE_RULES), each checked on a
 * small in-process run, so every rule id has code, a scenario and a test that names it.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { runScenario } from '../../../sim/runner.js';
import type { ScenarioResult } from '../../../sim/result.js';

const TENANT = `
services:
  - id: A
    license: Contact Center
    assignment: MS Teams-based
    modalities: { outbound: true }
    pstn: { number: "+41445550100", connectivity: Direct Routing }
    resourceAccount: { licenses: [Microsoft Teams Phone Resource Account] }
    distribution: { ringTimeout: 10s, acw: { enabled: true, duration: 20s } }
    members: [ann, bob]
    supervisors: [sam]
  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [cid] }
  - { id: S, license: Contact Center, assignment: Skill-based, members: [dee] }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
  - { id: bob, upn: bob@contoso.com, licenses: [Teams Phone Standard] }
  - { id: cid, upn: cid@contoso.com, licenses: [Teams Phone Standard] }
  - { id: dee, upn: dee@contoso.com, licenses: [Teams Phone Standard], nimbusLicense: Contact Center }
  - { id: sam, upn: sam@contoso.com, licenses: [Teams Phone Standard], nimbusLicense: Contact Center }
`;

async function run(steps: string, tenant = TENANT): Promise<ScenarioResult> {
  const result = await runScenario(parseScenarioText(`name: engine rule\n${tenant}steps:\n${steps}`, 'engine-rule.yaml'));
  if (result.status !== 'passed') throw new Error(`${result.error?.message ?? ''}\n${result.failures.map((f) => f.message).join('\n')}`);
  return result;
}
const call = (r: ScenarioResult, id: string) => r.calls.find((c) => c.id === id)!;
const timeline = (r: ScenarioResult, subject: string) => r.timeline.filter((t) => t.subject === subject).map((t) => t.text);

describe('engine-enforced rules', () => {
  it('SVC-01: the service tier governs the features offered (COB needs ER or CC)', async () => {
    await run(`  - expect: { callOnBehalf: [{ user: ann, service: A, enabled: true }, { user: cid, service: B, enabled: false, because: [COB-03] }] }\n`);
  });

  it('PRES-11: a pending Not Available Reason blocks distribution until answered', async () => {
    await run(`  - notAvailableReason: { user: cid }
  - expect: { user: { id: cid, state: Not Available }, selectable: { user: cid, service: B, value: false, because: [US-08] } }
  - notAvailableReason: { user: cid, pending: false }
  - expect: { selectable: { user: cid, service: B, value: true } }
`);
  });

  it('PRES-12: hold keeps the user in the conference and blocked; parking with Task Parallelization frees them', async () => {
    const r = await run(`  - inboundCall: { call: c1, from: "+41791110000", to: B }
  - answer: { user: cid, call: c1 }
  - hold: { user: cid, call: c1 }
  - expect: { user: { id: cid, flags: [Connected, On Hold] }, selectable: { user: cid, service: B, value: false } }
  - resume: { user: cid, call: c1 }
  - park: { user: cid, call: c1 }
  - expect: { user: { id: cid, state: Parked }, selectable: { user: cid, service: B, value: true } }
`, TENANT.replace('{ id: cid, upn: cid@contoso.com, licenses: [Teams Phone Standard] }', '{ id: cid, upn: cid@contoso.com, licenses: [Teams Phone Standard], taskParallelization: { enabled: true } }'));
    expect(timeline(r, 'user:cid').some((t) => /Busy in a call/.test(t))).toBe(true);
  });

  it('US-02: an Offline user receives no tasks', async () => {
    const r = await run(`  - presence: { user: cid, availability: Offline }
  - inboundCall: { call: c1, from: "+41791110000", to: B }
  - expect: { task: { call: c1, state: In Queue }, user: { id: cid, state: Offline } }
`);
    expect(call(r, 'c1').userSessions).toEqual([]);
  });

  it('US-07: a duty switch applies from the next task', async () => {
    await run(`  - duty: { user: dee, state: Off Duty }
  - inboundCall: { call: c1, from: "+41791110000", to: S }
  - expect: { task: { call: c1, state: In Queue } }
  - duty: { user: dee, state: On Duty }
  - expect: { task: { call: c1, state: Ringing }, user: { id: dee, state: Ringing } }
`);
  });

  it('DIST-09: each service session records the distribution algorithm', async () => {
    const r = await run(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - expect: { task: { call: c1, state: Connected } }
`);
    expect(call(r, 'c1').serviceSessions[0]?.distributionAlgorithm).toBe('Direct Conference');
  });

  it('RONA-02 and WF-05: after the Queue activity ring timeout the task goes back to the queue and on to the next user', async () => {
    await run(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - expect: { user: [{ id: ann, state: Ringing }, { id: bob, state: Available }] }
  - wait: 9s
  - expect: { user: { id: ann, state: Ringing } }
  - wait: 1s
  - expect: { user: [{ id: ann, state: RONA }, { id: bob, state: Ringing }], task: { call: c1, state: Ringing } }
`);
  });

  it('ACW-11: while the user is in ACW the task shows In ACW', async () => {
    await run(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - hangup: { call: c1, by: customer }
  - expect: { task: { call: c1, state: In ACW }, user: { id: ann, state: ACW } }
  - wait: 20s
  - expect: { task: { call: c1, state: Ended } }
`);
  });

  it('PAR-02, PAR-09, PAR-12: parking moves the task to Parked; Task Parallelization is off by default so the user stays Connected; unparking resumes', async () => {
    await run(`  - inboundCall: { call: c1, from: "+41791110000", to: B }
  - answer: { user: cid, call: c1 }
  - park: { user: cid, call: c1 }
  - expect: { task: { call: c1, state: Parked }, user: { id: cid, flags: [Connected, Parked] } }
  - unpark: { user: cid, call: c1 }
  - expect: { task: { call: c1, state: Connected }, user: { id: cid, state: Connected } }
`);
  });

  it('PAR-05 and PAR-06: park time is not connected time, and parks do not count as holds', async () => {
    const r = await run(`  - inboundCall: { call: c1, from: "+41791110000", to: B }
  - answer: { user: cid, call: c1 }
  - wait: 10s
  - park: { user: cid, call: c1 }
  - wait: 60s
  - unpark: { user: cid, call: c1 }
  - wait: 5s
  - hold: { user: cid, call: c1 }
  - wait: 3s
  - resume: { user: cid, call: c1 }
  - hangup: { call: c1, by: customer }
  - expect: { task: { call: c1, state: Ended } }
`);
    const s = call(r, 'c1').serviceSessions[0]!;
    expect(s.connectedTime).toBe(18_000);
    expect(s.holdCount).toBe(1);
    expect(s.holdTime).toBe(3_000);
  });

  it('SUP-05, SUP-06, SUP-07: Listen, Whisper and Barge In are distinct supervision modes on a distributed session', async () => {
    const r = await run(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - supervise: { supervisor: sam, call: c1, mode: Listen }
  - expect: { supervision: { call: c1, supervisor: sam, mode: Listen } }
  - supervise: { supervisor: sam, call: c1, mode: Whisper }
  - expect: { supervision: { call: c1, supervisor: sam, mode: Whisper } }
  - supervise: { supervisor: sam, call: c1, mode: Barge In }
  - expect: { supervision: { call: c1, supervisor: sam, mode: Barge In } }
`);
    expect(call(r, 'c1').supervision.map((s) => s.mode)).toEqual(['Listen', 'Whisper', 'Barge In']);
  });

  it('COB-11, COB-12, COB-13: Call on Behalf needs no scheduled task; the invitation rings the user (Ringing) before the dial-out', async () => {
    const r = await run(`  - callOnBehalf: { call: o1, user: ann, service: A, to: { pstn: "+41791234567" } }
  - expect: { lastResult: { ok: true }, task: { call: o1, state: Connected } }
`);
    const steps = timeline(r, 'call:o1');
    const ringing = steps.findIndex((t) => /→ Ringing/.test(t));
    const dialing = steps.findIndex((t) => /→ Dialing Out/.test(t));
    expect(ringing).toBeGreaterThanOrEqual(0);
    expect(dialing).toBeGreaterThan(ringing);
    expect(r.calls.filter((c) => c.type !== 'Call On Behalf')).toEqual([]);
  });

  it('XFER-07: an unanswered PSTN transfer target rings for two minutes, then the transfer fails', async () => {
    const r = await run(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - transfer: { call: c1, by: ann, to: { pstn: "+41795550199" }, mode: safe, targetAnswers: false }
  - wait: 119s
  - expect: { task: { call: c1, state: Transferring } }
  - wait: 1s
  - expect: { task: { call: c1, state: Connected }, user: { id: ann, state: Connected } }
`);
    expect(call(r, 'c1').transfers.at(-1)).toMatchObject({ ok: false });
  });

  it('XFER-11: a transfer to another service opens a new service session in the same conversation', async () => {
    const r = await run(`  - inboundCall: { call: c1, from: "+41791110000", to: A }
  - answer: { user: ann, call: c1 }
  - transfer: { call: c1, by: ann, to: { service: B } }
  - expect: { session: { call: c1, service: A, outcome: User Internal Transfer Success } }
`);
    expect(call(r, 'c1').serviceSessions.map((s) => s.service)).toEqual(['A', 'B']);
    expect(new Set(r.calls.map((c) => c.unifiedConversationId)).size).toBe(1);
  });
});
