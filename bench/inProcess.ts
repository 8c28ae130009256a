/**
 * The in-process baselines the day is compared with: a bare XState `actor.send` on the same machines, and one
 * mock Graph request (`mock.fetch`) against a bare msw `getResponse` of the same handler. Setup happens
 * outside the timed parts; each figure is the median of three timed rounds after a warm-up round. `scale`
 * shortens the rounds (a quick run for a smoke test: fewer repetitions, noisier figures, the same measurement).
 */
import { getResponse } from 'msw';
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import { createGraphMock, type GraphMock } from '../mocks/graph/index.js';
import { VirtualClock } from '../sim/clock.js';
import { agentMachine } from '../src/machines/agentMachine.js';
import { callSessionMachine } from '../src/machines/callSessionMachine.js';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** The bench's one agent: Available, On Duty, no Task Parallelization. */
const startedAgent = (clock: VirtualClock) =>
  createActor(agentMachine, {
    clock,
    input: { userId: 'a', availability: 'Available', activity: 'Available', duty: 'On Duty', taskParallelization: { enabled: false, max: 2 }, notAvailableReason: false },
  }).start();

/** An inbound call session to service S, started. */
const startedCall = (clock: VirtualClock, callId: string) =>
  createActor(callSessionMachine, { clock, input: { callId, type: 'Inbound Service', from: '+41791110000', to: '+41445550100', service: 'S', at: 0 } }).start();

/**
 * The same machines driven by bare `actor.send` with nothing around them: an agent toggling presence, and
 * call sessions taken through a life (accepted, queued, offered, answered, ended). Actors are created
 * outside the timed part, so this is the cost of a send alone.
 */
export function bareSendCostMs(scale: number): { perEventMs: number; events: number } {
  const clock = new VirtualClock();
  const agent = startedAgent(clock);
  const once = (n: number): number => {
    const calls = Array.from({ length: n }, (_, i) =>
      startedCall(clock, `c${i}`),
    );
    const t0 = performance.now();
    for (const [i, call] of calls.entries()) {
      agent.send({ type: 'PRESENCE_CHANGED', availability: i % 2 === 0 ? 'Away' : 'Available', activity: i % 2 === 0 ? 'Away' : 'Available', online: true });
      call.send({ type: 'WORKFLOW_ACCEPTED', service: 'S', pstnLicensed: true, pstnBecause: [], at: 0 });
      call.send({ type: 'QUEUED', algorithm: 'Direct', at: 0 });
      call.send({ type: 'OFFERED', users: ['a'], at: 0 });
      call.send({ type: 'USER_ACCEPTED', user: 'a', at: 0 });
      call.send({ type: 'ENDED', at: 0 });
    }
    const ms = performance.now() - t0;
    calls.forEach((c) => c.stop());
    return ms;
  };
  const rounds = repetitions(10_000, scale);
  once(repetitions(1_000, scale));
  const ms = median([once(rounds), once(rounds), once(rounds)]);
  agent.stop();
  return { perEventMs: ms / (rounds * 6), events: rounds * 6 };
}

/** What each machine's XState work costs alone, per event (and per call session actor started). */
export interface MachineCosts {
  agentEventMs: number;
  callEventMs: number;
  callStartMs: number;
}

/**
 * Each machine driven by bare `actor.send` through the events a day sends it most: an agent offered a task,
 * accepting it and ending it (ringing starts and cancels its ring timeout on the clock), and a call session's
 * life; and a call session actor created and started. Priced at a day's own counts, these give the part of
 * the day that is XState's alone (bench: "XState floor of the day"): no engine change removes it while the
 * machines and the events a call needs stay as they are.
 */
export function machineCostsMs(scale: number): MachineCosts {
  const clock = new VirtualClock();
  const agent = startedAgent(clock);
  const agentRound = (n: number): number => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const call = `c${i}`;
      agent.send({ type: 'OFFER', call, service: 'S', ringTimeoutMs: 30_000, kind: 'distribution' });
      agent.send({ type: 'ACCEPT', call });
      agent.send({ type: 'TASK_ENDED', call, acwMs: null });
      // The ring timeout Ringing scheduled was cleared: let the clock drop it, as a day's clock does when it runs.
      clock.peek();
    }
    return (performance.now() - t0) / (n * 3);
  };
  const startRound = (n: number): { ms: number; calls: ReturnType<typeof startedCall>[] } => {
    const t0 = performance.now();
    const calls = Array.from({ length: n }, (_, i) => startedCall(clock, `c${i}`));
    return { ms: (performance.now() - t0) / n, calls };
  };
  const callRound = (calls: ReturnType<typeof startRound>['calls']): number => {
    const t0 = performance.now();
    for (const call of calls) {
      call.send({ type: 'WORKFLOW_ACCEPTED', service: 'S', pstnLicensed: true, pstnBecause: [], at: 0 });
      call.send({ type: 'QUEUED', algorithm: 'Direct', at: 0 });
      call.send({ type: 'OFFERED', users: ['a'], at: 0 });
      call.send({ type: 'USER_ACCEPTED', user: 'a', at: 0 });
      call.send({ type: 'ENDED', at: 0 });
    }
    const ms = (performance.now() - t0) / (calls.length * 5);
    calls.forEach((c) => c.stop());
    return ms;
  };
  const rounds = repetitions(10_000, scale);
  agentRound(repetitions(1_000, scale));
  callRound(startRound(repetitions(1_000, scale)).calls);
  const agentMs: number[] = [];
  const startMs: number[] = [];
  const callMs: number[] = [];
  for (let r = 0; r < 3; r++) {
    agentMs.push(agentRound(rounds));
    const started = startRound(rounds);
    startMs.push(started.ms);
    callMs.push(callRound(started.calls));
  }
  agent.stop();
  return { agentEventMs: median(agentMs), callEventMs: median(callMs), callStartMs: median(startMs) };
}

/** `n` repetitions shortened by `scale`, never fewer than 10. */
const repetitions = (n: number, scale: number): number => Math.max(10, Math.round(n * scale));

const USERS = 50;

async function seededMock(): Promise<{ mock: GraphMock; ids: string[] }> {
  const mock = createGraphMock({ now: () => 0, pstnPolicy: () => ({ allowed: false, because: [], message: 'the bench reads presence only; it dials no PSTN leg' }) });
  await mock.seed({
    tenant: { name: 'Contoso', domains: ['contoso.com'], consents: [] },
    services: [{ id: 'S', upn: 's@contoso.com', displayName: 'S', licenses: ['Microsoft Teams Phone Resource Account'], pstnNumber: '+41445550100', connectivity: 'Direct Routing' }],
    users: Array.from({ length: USERS }, (_, i) => ({ id: `u${i}`, upn: `u${i}@contoso.com`, displayName: `U ${i}`, licenses: ['Teams Phone Standard'], availability: 'Available' as const })),
  });
  return { mock, ids: Array.from({ length: USERS }, (_, i) => mock.graphIdOf(`u${i}`)) };
}

/** Requests per second of `n` requests, `request(i)` the i-th, each response body read as a client would. */
async function timedRound(request: (i: number) => Promise<Response>, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await (await request(i)).text();
  return n / ((performance.now() - t0) / 1000);
}

/**
 * Requests per second of each way of sending, the median of three rounds after a warm-up. The ways take
 * turns round by round, so a machine slowing down during the measurement slows them alike.
 */
async function requestsPerSecond(scale: number, ...ways: ((i: number) => Promise<Response>)[]): Promise<number[]> {
  for (const way of ways) await timedRound(way, repetitions(500, scale));
  const rounds: number[][] = ways.map(() => []);
  for (let r = 0; r < 3; r++) {
    for (const [w, way] of ways.entries()) rounds[w]?.push(await timedRound(way, repetitions(3_000, scale)));
  }
  return rounds.map(median);
}

/** Mock Graph requests per second, in-process: presences and license details of 50 users, alternating. */
export async function graphRequestsPerSecond(scale: number): Promise<number> {
  const { mock, ids } = await seededMock();
  const [rps] = await requestsPerSecond(scale, (i) => {
    const id = ids[i % ids.length] ?? '';
    return mock.fetch(i % 2 === 0 ? `${mock.baseUrl}/communications/presences/${id}` : `${mock.baseUrl}/users/${id}/licenseDetails`);
  });
  return rps ?? 0;
}

/**
 * One presence GET two ways on the same seeded mock: through `mock.fetch` (the transport Nimbus's client
 * uses: routing, faults, the request log) and through a bare msw `getResponse` over the mock's own handlers
 * with a WHATWG Request, which is what any msw mock costs at least. Both run the same handler.
 */
export async function mockAgainstMsw(scale: number): Promise<{ mockFetchUs: number; mswGetResponseUs: number }> {
  const { mock, ids } = await seededMock();
  const handlers = [...mock.handlers];
  const url = (i: number): string => `${mock.baseUrl}/communications/presences/${ids[i % ids.length] ?? ''}`;
  const bare = async (i: number): Promise<Response> => {
    const response = await getResponse(handlers, new Request(url(i)));
    if (response === undefined) throw new Error(`msw getResponse: no handler answered ${url(i)}`);
    return response;
  };
  const [viaMock = 0, viaMsw = 0] = await requestsPerSecond(scale, (i) => mock.fetch(url(i)), bare);
  return { mockFetchUs: 1e6 / viaMock, mswGetResponseUs: 1e6 / viaMsw };
}
