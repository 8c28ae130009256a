/**
 * `npm run bench` (`tsx bench/run.ts`): the performance figures of nimbus-sim in one run, each beside its
 * target, written to reports/bench.json with the machine it ran on.
 *
 *   1. the contact-center day (`nimbus-sim load` defaults), in a child process: wall time, speed-up, peak RSS
 *   2. cost per simulated event in that day against a bare XState `actor.send` on the same machines
 *   3. mock Graph requests per second, in-process (msw `getResponse`, no network)
 *   4. the built-in suite through the CLI (a child process, as CI runs it)
 *   5. `nimbus-sim --help` cold start against `node -e 0`
 *
 * Options: `--day-scale F` runs F of the day (calls, Call on Behalf and hours scaled; the agents and services
 * stay) and says so in the output; `--skip-day`; `--out FILE`. Timings are medians where a step repeats.
 * Nothing here asserts: the figures are measured and reported, never turned into a pass/fail test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createActor } from 'xstate';
import { createGraphMock } from '../mocks/graph/index.js';
import { VirtualClock } from '../sim/clock.js';
import type { DayResult } from '../sim/load/day.js';
import { agentMachine } from '../src/machines/agentMachine.js';
import { callSessionMachine } from '../src/machines/callSessionMachine.js';

const { values } = parseArgs({
  options: { 'day-scale': { type: 'string' }, 'skip-day': { type: 'boolean' }, out: { type: 'string' }, 'suite-runs': { type: 'string' } },
});
const dayScale = values['day-scale'] === undefined ? 1 : Number(values['day-scale']);
const outFile = values.out ?? 'reports/bench.json';
const DAY = { agents: 300, services: 12, calls: 30_000, cob: 3_000, hours: 8, seed: 1 };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

interface Figure {
  name: string;
  value: number | null;
  unit: string;
  target: string;
  met: boolean | null;
  note?: string;
}
const figures: Figure[] = [];
const figure = (f: Figure): void => {
  figures.push(f);
  log(`  ${f.name}: ${f.value === null ? 'n/a' : f.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${f.unit}  (target ${f.target}${f.met === null ? '' : f.met ? ', met' : ', MISSED'})`);
};

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    /** The 1-minute load average when the benchmark started: other work on the machine slows every figure. */
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

// ------------------------------------------------------------------------------------------------- 1. day

function runDayChild(): DayResult | null {
  const dir = mkdtempSync(join(os.tmpdir(), 'nimbus-bench-'));
  const json = join(dir, 'day.json');
  const scaled = {
    ...DAY,
    calls: Math.round(DAY.calls * dayScale),
    cob: Math.round(DAY.cob * dayScale),
    hours: DAY.hours * dayScale,
  };
  const args = ['bin/nimbus-sim.js', 'load', '--quiet', '--json', json, ...Object.entries(scaled).flatMap(([k, v]) => [`--${k}`, String(v)])];
  log(`day: nimbus-sim ${args.slice(1).join(' ')}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    if (r.status !== 0) {
      log(`day failed (exit ${r.status})\n${r.stdout}`);
      return null;
    }
    return JSON.parse(readFileSync(json, 'utf8')) as DayResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// -------------------------------------------------------------------------------- 2. bare actor.send

/**
 * The same machines driven by bare `actor.send` with nothing around them: an agent toggling presence, and
 * call sessions taken through a life (accepted, queued, offered, answered, ended). Actors are created
 * outside the timed part, so this is the cost of a send alone.
 */
function bareSendCostMs(): { perEventMs: number; events: number } {
  const clock = new VirtualClock();
  const agent = createActor(agentMachine, {
    clock,
    input: { userId: 'a', availability: 'Available', activity: 'Available', duty: 'On Duty', taskParallelization: { enabled: false, max: 2 }, notAvailableReason: false },
  }).start();
  const once = (n: number): number => {
    const calls = Array.from({ length: n }, (_, i) =>
      createActor(callSessionMachine, { clock, input: { callId: `c${i}`, type: 'Inbound Service', from: '+41791110000', to: '+41445550100', service: 'S', at: 0 } }).start(),
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
  const rounds = 10_000;
  once(1_000);
  const ms = median([once(rounds), once(rounds), once(rounds)]);
  agent.stop();
  return { perEventMs: ms / (rounds * 6), events: rounds * 6 };
}

// ---------------------------------------------------------------------------------- 3. Graph mock

async function graphRequestsPerSecond(): Promise<number> {
  const mock = createGraphMock({ now: () => 0, pstnPolicy: () => ({ allowed: false, because: [], message: 'the bench reads presence only; it dials no PSTN leg' }) });
  await mock.seed({
    tenant: { name: 'Contoso', domains: ['contoso.com'], consents: [] },
    services: [{ id: 'S', upn: 's@contoso.com', displayName: 'S', licenses: ['Microsoft Teams Phone Resource Account'], pstnNumber: '+41445550100', connectivity: 'Direct Routing' }],
    users: Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, upn: `u${i}@contoso.com`, displayName: `U ${i}`, licenses: ['Teams Phone Standard'], availability: 'Available' as const })),
  });
  const ids = Array.from({ length: 50 }, (_, i) => mock.graphIdOf(`u${i}`));
  const round = async (n: number): Promise<number> => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const id = ids[i % ids.length] ?? '';
      const url = i % 2 === 0 ? `${mock.baseUrl}/communications/presences/${id}` : `${mock.baseUrl}/users/${id}/licenseDetails`;
      const res = await mock.fetch(url);
      await res.text();
    }
    return n / ((performance.now() - t0) / 1000);
  };
  await round(500);
  return median([await round(3_000), await round(3_000), await round(3_000)]);
}

// ------------------------------------------------------------------------------- 4. built-in suite

function suiteThroughCli(runs: number): { ms: number; scenarios: number; passed: number } {
  const dir = mkdtempSync(join(os.tmpdir(), 'nimbus-bench-suite-'));
  try {
    const times: number[] = [];
    let scenarios = 0;
    let passed = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['bin/nimbus-sim.js', 'run', 'scenarios', '--reporter', 'plain,json', '--out', dir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      times.push(performance.now() - t0);
      if (r.status === 2) log(`suite: exit 2\n${r.stderr.slice(0, 2000)}`);
      try {
        const report = JSON.parse(readFileSync(join(dir, 'nimbus-sim.json'), 'utf8')) as { totals: { scenarios: number; passed: number } };
        scenarios = report.totals.scenarios;
        passed = report.totals.passed;
      } catch {
        // no report: counted as 0 scenarios
      }
    }
    return { ms: median(times), scenarios, passed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------- 5. --help cold start

function coldStart(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

// ------------------------------------------------------------------------------------------------ main

/** Mirrors bin/nimbus-sim.js: dist/ is used when its build stamp is newer than every source file. */
function distFresh(): boolean {
  const stamp = 'dist/.build-stamp';
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
      const p = join(dir, e.name);
      return Math.max(n, e.isDirectory() ? newest(p) : /\.tsx?$/.test(e.name) ? statSync(p).mtimeMs : 0);
    }, 0);
  return ['src', 'sim', 'mocks', 'app'].every((d) => !existsSync(d) || newest(d) <= built);
}

const started = machine();
log(`nimbus-sim benchmark on ${started.cpu} × ${started.cores}, ${started.memoryGb} GB, ${started.platform}, Node ${started.node}, load average ${started.loadAverage.join(' ')}`);
// The CLI runs dist/ when it is built and current, the TypeScript sources through tsx otherwise; say which.
const cliFrom = process.env.NIMBUS_SIM_FROM_SOURCE ? 'sources (NIMBUS_SIM_FROM_SOURCE)' : distFresh() ? 'dist' : 'sources (dist missing or stale: run npm run build first)';
log(`CLI runs from ${cliFrom}`);

let day: DayResult | null = null;
if (values['skip-day'] !== true) day = runDayChild();
log(dayScale === 1 ? 'contact-center day (300 agents, 12 services, 30000 calls, 3000 COB, 8 h)' : `contact-center day at scale ${dayScale} (${Math.round(DAY.calls * dayScale)} calls, ${DAY.hours * dayScale} h); the targets are for the full day`);
const scaleNote = dayScale === 1 ? undefined : `ran ${dayScale} of the day`;
const fullDayWallS = day === null ? null : day.run.wallMs / 1000 / dayScale;
figure({ name: 'day wall time', value: fullDayWallS, unit: 's', target: '<= 10 s', met: fullDayWallS === null ? null : fullDayWallS <= 10, ...(scaleNote ? { note: `${scaleNote}; wall time extrapolated linearly` } : {}) });
figure({ name: 'day speed-up (virtual / wall)', value: day === null ? null : day.run.speedUp, unit: '×', target: '>= 2880× (8 h in 10 s)', met: day === null ? null : day.run.speedUp >= 2880 });
figure({ name: 'day peak RSS', value: day === null ? null : day.run.peakRssBytes / 1024 ** 2, unit: 'MB', target: '<= 1024 MB', met: day === null ? null : day.run.peakRssBytes <= 1024 ** 3, ...(scaleNote ? { note: scaleNote } : {}) });
figure({ name: 'day actor events per second', value: day === null ? null : day.run.eventsPerSecond, unit: 'events/s', target: 'information', met: null });

log('cost per simulated event');
const bare = bareSendCostMs();
const enginePerEventMs = day === null ? null : day.run.wallMs / Math.max(1, day.run.events);
figure({ name: 'bare actor.send', value: bare.perEventMs * 1000, unit: 'µs/event', target: 'baseline', met: null });
figure({ name: 'engine, per actor event in the day', value: enginePerEventMs === null ? null : enginePerEventMs * 1000, unit: 'µs/event', target: 'information', met: null });
const ratio = enginePerEventMs === null ? null : enginePerEventMs / bare.perEventMs;
figure({ name: 'per-event cost ratio (engine / bare send)', value: ratio, unit: '×', target: '<= 5×', met: ratio === null ? null : ratio <= 5 });

log('mock Graph in-process');
const rps = await graphRequestsPerSecond();
figure({ name: 'mock Graph requests per second', value: rps, unit: 'req/s', target: 'information', met: null });

log('built-in suite through the CLI');
const suite = suiteThroughCli(Number(values['suite-runs'] ?? 3));
figure({ name: 'built-in suite scenarios', value: suite.scenarios, unit: 'scenarios', target: '>= 150', met: suite.scenarios >= 150, note: `${suite.passed} passed` });
figure({ name: 'built-in suite wall time', value: suite.ms / 1000, unit: 's', target: '<= 5 s', met: suite.ms <= 5000 });

log('cold start');
const help = coldStart(['bin/nimbus-sim.js', '--help']);
const bareNode = coldStart(['-e', '0']);
figure({ name: 'nimbus-sim --help', value: help, unit: 'ms', target: '<= 400 ms', met: help <= 400 });
figure({ name: 'node -e 0', value: bareNode, unit: 'ms', target: 'baseline', met: null });
figure({ name: '--help / node -e 0', value: help / bareNode, unit: '×', target: 'information', met: null });

const result = {
  machine: started,
  cliFrom,
  loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
  dayScale,
  day: day === null ? null : { options: day.options, run: day.run, totals: day.totals },
  figures,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `${['figure'.padEnd(44) + 'value'.padStart(14) + '  unit'.padEnd(12) + 'target', ...figures.map((f) => `${f.name.padEnd(44)}${(f.value === null ? 'n/a' : f.value.toFixed(f.value >= 100 ? 0 : 2)).padStart(14)}  ${f.unit.padEnd(10)}${f.target}${f.met === null ? '' : f.met ? '  ✓' : '  ✗ missed'}${f.note ? `  (${f.note})` : ''}`)].join('\n')}\nwritten: ${outFile}\n`,
);
