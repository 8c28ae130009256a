import { describe, expect, it } from 'vitest';
import { runDay, type DayResult } from '../../../sim/load/day.js';
import { buildTenant, isPstnUnlicensed } from '../../../sim/load/tenant.js';
import { formatDay, parseDayOptions } from '../../../app/cli/loadgen.js';
import { UsageError } from '../../../app/cli/usage.js';

const small = { agents: 16, services: 4, calls: 160, cob: 24, hours: 0.5, seed: 3 };
/** Everything a day reports except its own wall-clock figures. */
const kpis = (r: DayResult) => ({ services: r.services, totals: r.totals, virtualMs: r.run.virtualMs, events: r.run.events, graph: r.run.graphRequests });

describe('contact-center day', () => {
  let first: DayResult;

  it('runs calls, Call on Behalf, RONA, transfers and presence churn through the engine', async () => {
    first = await runDay(small);
    const t = first.totals;
    expect(t.offered).toBeGreaterThanOrEqual(small.calls);
    expect(t.handled).toBeGreaterThan(small.calls / 2);
    expect(t.cobPlaced).toBeGreaterThan(0);
    expect(t.ronaCount).toBeGreaterThan(0);
    expect(t.transfers).toBeGreaterThan(0);
    expect(t.presenceChanges).toBeGreaterThan(0);
    expect(first.run.virtualMs).toBeGreaterThanOrEqual(small.hours * 3_600_000);
    expect(first.run.events).toBeGreaterThan(small.calls * 3);
    expect(first.run.graphRequests).toBeGreaterThan(small.calls);
  }, 300_000);

  it('counts the actor events by machine and the call session actors (what the bench prices at bare-send cost)', () => {
    const { agent, call } = first.run.eventsByMachine;
    expect(agent + call).toBe(first.run.events);
    // Every call and Call on Behalf rings agents: both machines take events.
    expect(agent).toBeGreaterThan(small.calls);
    expect(call).toBeGreaterThan(small.calls * 3);
    // One call session per inbound call, and one per Call on Behalf that got past its checks.
    expect(first.run.callActorsStarted).toBeGreaterThanOrEqual(small.calls);
    expect(first.run.callActorsStarted).toBeLessThanOrEqual(small.calls + small.cob - first.cobRefusals.length);
  });

  it('ends the Graph leg of every call that ended, and keeps decision trails only for calls not handled', () => {
    expect(first.run.liveGraphCallsAtEnd).toBeLessThanOrEqual(first.run.liveCallsAtEnd);
    expect(first.run.decisionTrailsKept).toBeGreaterThan(0);
    expect(first.run.decisionTrailsKept).toBeLessThanOrEqual(first.totals.offered - first.totals.handled);
  });

  it('explains the calls that were not handled and every refused Call on Behalf', () => {
    const errors = first.unhandled.filter((u) => u.sessions.some((x) => x.includes('Transfer Failed')));
    // This seed's day has failed PSTN transfers and refused Call on Behalf (services without a calling plan).
    expect(errors.length).toBeGreaterThan(0);
    expect(first.cobRefusals.length).toBeGreaterThan(0);
    expect(errors.length).toBe(first.totals.outcomesByGroup['Error'] ?? 0);
    for (const u of errors) expect(u.why.some((w) => w.because.includes('XFER-03')), JSON.stringify(u)).toBe(true);
    expect(first.cobRefusals).toHaveLength(first.totals.cobRefused);
    for (const c of first.cobRefusals) expect(c.why.because.length, JSON.stringify(c)).toBeGreaterThan(0);
    expect(first.unhandled.length).toBe(first.run.decisionTrailsKept);
    const text = formatDay(first);
    expect(text).toMatch(/not handled: \d+ calls .*\n  c\d+ .*Transfer Failed/);
    expect(text).toMatch(/Call on Behalf refused: \d+ .*\n  cob\d+ {2}a\d+ as S\d+: callOnBehalf \[[A-Z]+-\d+/);
  });

  it('accounts for every service session exactly once', () => {
    for (const k of first.services) {
      const grouped = Object.values(k.outcomesByGroup).reduce((a, b) => a + b, 0);
      expect(grouped, k.service).toBe(k.offered);
      expect(k.handled + k.abandoned).toBeLessThanOrEqual(k.offered);
      if (k.serviceLevel !== null) expect(k.serviceLevel).toBeGreaterThanOrEqual(0);
      if (k.serviceLevel !== null) expect(k.serviceLevel).toBeLessThanOrEqual(1);
    }
    expect(first.services.map((k) => k.service)).toEqual(['S01', 'S02', 'S03', 'S04']);
  });

  it('refuses Call on Behalf in services without a PSTN license and places it elsewhere', () => {
    for (const [i, k] of first.services.entries()) {
      if (isPstnUnlicensed(i)) expect(k.cobPlaced, k.service).toBe(0);
    }
    expect(first.services.filter((_, i) => !isPstnUnlicensed(i)).some((k) => k.cobPlaced > 0)).toBe(true);
  });

  it('holds only the calls in progress: each ended call is counted, explained and forgotten at the next tick', async () => {
    const held: number[] = [];
    const r = await runDay({ ...small, onProgress: (p) => held.push(p.callsHeld) });
    expect(kpis(r)).toEqual(kpis(first));
    expect(r.unhandled).toEqual(first.unhandled);
    // 184 calls over the day, a few minutes each: a tick never holds more than the last minutes' calls.
    expect(Math.max(...held)).toBeLessThan((small.calls + small.cob) / 4);
    expect(held.at(-1)).toBe(r.run.liveCallsAtEnd);
  }, 300_000);

  it('gives the same day for the same seed, another day for another seed', async () => {
    const again = await runDay(small);
    expect(kpis(again)).toEqual(kpis(first));
    const other = await runDay({ ...small, seed: 4 });
    expect(kpis(other)).not.toEqual(kpis(first));
  }, 300_000);

  it('prints a KPI table with a total row and the run figures', () => {
    const text = formatDay(first);
    expect(text).toMatch(/^service\s+offered\s+handled\s+abandoned\s+SL\s+RONA/m);
    expect(text).toMatch(/^total\s+\d+/m);
    expect(text).toMatch(/actor events, \d+\/s/);
    expect(text).toMatch(/peak RSS \d+ MB/);
  });
});

describe('load tenant and options', () => {
  it('builds a valid tenant with the asked agents and services', () => {
    const s = buildTenant({ agents: 30, services: 5, seed: 1 });
    expect(s.users).toHaveLength(30);
    expect(s.services).toHaveLength(5);
    const members = new Set(s.services.flatMap((x) => x.members.map((m) => m.user)));
    expect(members.size).toBe(30);
  });

  it('takes the documented defaults and rejects bad numbers', () => {
    expect(parseDayOptions({ positionals: [], values: {} })).toEqual({ agents: 300, services: 12, calls: 30_000, cob: 3_000, hours: 8, seed: 1 });
    expect(() => parseDayOptions({ positionals: [], values: { agents: 'many' } })).toThrow(UsageError);
    expect(() => parseDayOptions({ positionals: [], values: { hours: '0' } })).toThrow(/--hours/);
  });
});
