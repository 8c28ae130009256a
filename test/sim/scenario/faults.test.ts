/** The scenario-level `faults:` section: count and seeded-rate Graph faults, exhaustion as Error, the rate in report headers. */
import { describe, expect, it } from 'vitest';
import { formatScenarioDetail } from '../../../sim/report/pretty.js';
import { runScenario } from '../../../sim/runner.js';
import { ScenarioLoadError } from '../../../sim/scenario/errors.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';

const tenant = `services:
  - { id: A, license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
`;
const scenario = (faults: string, steps: string, seed = 1) => parseScenarioText(`name: faults\nseed: ${seed}\nfaults:\n${faults}\n${tenant}steps:\n${steps}`, 'faults.yaml');

const presenceFlips = Array.from({ length: 10 }, (_, i) => `  - presence: { user: ann, availability: ${i % 2 === 0 ? 'Busy' : 'Available'} }`).join('\n');

describe('faults: section', () => {
  it('a calls fault that outlasts the retries ends the task as Error (outcome group Error), not a crash', async () => {
    const r = await runScenario(scenario('  - { endpoint: calls, status: 503, count: 4 }', '  - inboundCall: { call: c1, from: "+41791110000", to: A }\n  - expect: { session: { call: c1, service: A, outcome: Error } }'));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe('passed');
    expect(r.calls[0]?.serviceSessions[0]).toMatchObject({ outcome: 'Error', outcomeGroup: 'Error' });
    expect(r.graph.faultsInjected).toBe(4);
    expect(r.timeline.some((t) => t.text.startsWith('Graph faults armed for the run: calls 503 ×4'))).toBe(true);
  });

  it('a seeded rate is reproducible, affects some but not all requests, and follows the seed', async () => {
    const faults = '  - { endpoint: presence, status: 503, rate: 0.5 }';
    const a = await runScenario(scenario(faults, presenceFlips, 7));
    const b = await runScenario(scenario(faults, presenceFlips, 7));
    expect(JSON.stringify(b.timeline)).toBe(JSON.stringify(a.timeline));
    expect(b.graph).toEqual(a.graph);
    expect(a.graph.faultsInjected).toBeGreaterThan(0);
    expect(a.graph.faultsInjected).toBeLessThan(a.graph.byEndpoint['presence'] ?? 0);
    const seeds = await Promise.all([1, 2, 3, 4, 5].map(async (seed) => (await runScenario(scenario(faults, presenceFlips, seed))).graph.faultsInjected));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('rate 0 never faults and rate 1 faults every matching request, only on its endpoint', async () => {
    const none = await runScenario(scenario('  - { endpoint: presence, status: 500, rate: 0 }', presenceFlips));
    expect(none.graph.faultsInjected).toBe(0);
    const all = await runScenario(scenario('  - { endpoint: presence, status: 500, rate: 1 }', presenceFlips));
    expect(all.error).toBeUndefined();
    expect(all.graph.faultsInjected).toBe(all.graph.byEndpoint['presence']);
    expect(all.graph.byEndpoint['licenseDetails']).toBeGreaterThan(0);
  });

  it('429 with Retry-After is waited in virtual time before the retry', async () => {
    const r = await runScenario(scenario('  - { endpoint: presence, status: 429, count: 1, retryAfter: 7s }', '  - presence: { user: ann, availability: Busy }\n  - expect: { user: { id: ann, presence: Busy } }'));
    expect(r.status).toBe('passed');
    // the start-up presence read is the one throttled: Nimbus waits 7 virtual seconds and retries once
    expect(r.graph.retries).toBe(1);
    expect(r.virtualDurationMs).toBeGreaterThanOrEqual(7000);
  });

  it('shows the fault rate in the report header', async () => {
    const r = await runScenario(scenario('  - { endpoint: calls, status: 503, count: 4 }', '  - inboundCall: { call: c1, from: "+41791110000", to: A }'));
    expect(formatScenarioDetail(r, { color: false })).toMatch(new RegExp(`Graph faults 4/${r.graph.requests} requests \\(${Math.round((4000 / r.graph.requests)) / 10}%\\)`));
  });

  it('rejects a fault with both count and rate, or with neither status nor latency', () => {
    expect(() => scenario('  - { endpoint: presence, status: 429, count: 1, rate: 0.5 }', '  - wait: 1s')).toThrow(ScenarioLoadError);
    expect(() => scenario('  - { endpoint: presence, count: 1 }', '  - wait: 1s')).toThrow(/status, a latency/);
  });
});
