/**
 * `npm run bench` (`tsx bench/run.ts`): the performance figures of nimbus-sim in one run, each beside its
 * target, written to reports/bench.json with the machine, its load and the commit (docs/performance.md).
 *
 *   1. the contact-center day (`nimbus-sim load` defaults), in a child process: wall time, speed-up, peak RSS
 *   2. cost per simulated event in that day against a bare XState `actor.send` on the same machines; then
 *      where the day's time goes, by layer: the same day once more under V8's sampling profiler (XState's share)
 *   3. mock Graph requests per second, in-process; one `mock.fetch` against a bare msw `getResponse` of the
 *      same handler
 *   4. the growth curve: the day at 1×, 2× and 4× (agents, services, calls and Call on Behalf multiplied,
 *      hours the same), each in its own child process; wall growth per doubling, peak RSS at 4×
 *   5. the built-in suite through the CLI (a child process, as CI runs it)
 *   6. `nimbus-sim --help` cold start against `node -e 0`
 *
 * Options: `--day-scale F` runs F of the day (calls, Call on Behalf and hours scaled; the agents and services
 * stay) and says so in the output; `--skip-day`; `--skip-profile` (no profiled day); `--curve-scale F`
 * shortens the curve's days the same way (agents and services stay multiplied); `--skip-curve`;
 * `--suite-runs N` (3); `--cold-start-runs N` (7); `--rounds-scale F` shortens the in-process rounds (bare
 * sends, mock requests) for a quick run; `--out FILE`; `--markdown` prints the results as the Markdown of
 * docs/performance.md instead of the plain table. Timings are medians where a step repeats. Every figure
 * comes from this run. Nothing here asserts: the figures are measured and reported, never turned into a
 * pass/fail test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coldStart, suiteThroughCli } from './cli.js';
import { DAY, type DayOptions, type DayRun, describeDay, growthCurve, runDayChild, scaledDay } from './day.js';
import { cliFrom, commit, loadAverage, machine, ROOT } from './environment.js';
import { type BenchReport, type CurvePoint, type Figure, figureLine, markdownReport, plainTable } from './figures.js';
import { bareSendCostMs, graphRequestsPerSecond, machineCostsMs, mockAgainstMsw } from './inProcess.js';
import { profiledDay } from './layers.js';

const { values } = parseArgs({
  options: {
    'day-scale': { type: 'string' },
    'skip-day': { type: 'boolean' },
    'skip-profile': { type: 'boolean' },
    'curve-scale': { type: 'string' },
    'skip-curve': { type: 'boolean' },
    'suite-runs': { type: 'string' },
    'cold-start-runs': { type: 'string' },
    'rounds-scale': { type: 'string' },
    out: { type: 'string' },
    markdown: { type: 'boolean' },
  },
});

function positive(option: 'day-scale' | 'curve-scale' | 'suite-runs' | 'cold-start-runs' | 'rounds-scale', fallback: number): number {
  const raw = values[option];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${option} needs a positive number, got ${raw}`);
  return n;
}

const dayScale = positive('day-scale', 1);
const curveScale = values['skip-curve'] === true ? null : positive('curve-scale', 1);
const suiteRuns = Math.round(positive('suite-runs', 3));
const coldStartRuns = Math.round(positive('cold-start-runs', 7));
const roundsScale = positive('rounds-scale', 1);
/** Said on every in-process figure of a shortened run: fewer repetitions make it noisier. */
const roundsNote = roundsScale === 1 ? {} : { note: `rounds shortened to ${roundsScale}` };
const outFile = values.out === undefined ? resolve(ROOT, 'reports/bench.json') : resolve(values.out);

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const figures: Figure[] = [];
const figure = (f: Figure): void => {
  figures.push(f);
  log(figureLine(f));
};
const ratioOf = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

// ------------------------------------------------------------------------------------------------- 1. day

function dayStep(): { options: DayOptions; run: DayRun } | null {
  const options = scaledDay(DAY, dayScale);
  log(dayScale === 1 ? `contact-center day (${describeDay(options)})` : `contact-center day at scale ${dayScale} (${describeDay(options)}); the targets are for the full day`);
  const run = values['skip-day'] === true ? null : runDayChild(options, log);
  const r = run?.result.run ?? null;
  const scaleNote = dayScale === 1 ? undefined : `ran ${dayScale} of the day`;
  const fullDayWallS = r === null ? null : r.wallMs / 1000 / dayScale;
  figure({ name: 'day wall time', value: fullDayWallS, unit: 's', target: '<= 10 s', met: fullDayWallS === null ? null : fullDayWallS <= 10, ...(scaleNote ? { note: `${scaleNote}; wall time extrapolated linearly` } : {}) });
  figure({ name: 'day speed-up (virtual / wall)', value: r?.speedUp ?? null, unit: '×', target: '>= 2880× (8 h in 10 s)', met: r === null ? null : r.speedUp >= 2880 });
  figure({ name: 'day peak RSS', value: r === null ? null : r.peakRssBytes / 1024 ** 2, unit: 'MB', target: '<= 1024 MB', met: r === null ? null : r.peakRssBytes <= 1024 ** 3, ...(scaleNote ? { note: scaleNote } : {}) });
  figure({ name: 'day actor events', value: r?.events ?? null, unit: 'events', target: 'information', met: null, ...(scaleNote ? { note: scaleNote } : {}) });
  figure({ name: 'day actor events per second', value: r?.eventsPerSecond ?? null, unit: 'events/s', target: 'information', met: null });
  return run === null ? null : { options, run };
}

// ------------------------------------------------------------------------ 2. cost per simulated event

function perEventStep(day: DayRun | null): void {
  log('cost per simulated event');
  const bare = bareSendCostMs(roundsScale);
  const r = day?.result.run ?? null;
  const enginePerEventMs = r === null ? null : r.wallMs / Math.max(1, r.events);
  figure({ name: 'bare actor.send', value: bare.perEventMs * 1000, unit: 'µs/event', target: 'baseline', met: null, ...roundsNote });
  figure({ name: 'engine, per actor event in the day', value: enginePerEventMs === null ? null : enginePerEventMs * 1000, unit: 'µs/event', target: 'information', met: null });
  const ratio = ratioOf(enginePerEventMs, bare.perEventMs);
  figure({ name: 'per-event cost ratio (engine / bare send)', value: ratio, unit: '×', target: '<= 5×', met: ratio === null ? null : ratio <= 5, ...roundsNote });
  xstateFloor(r);
}

/**
 * The day's own events and call session actors priced at what each costs on a bare actor: the wall time the
 * day would take if the engine, the mock Graph and the rules cost nothing. Next to the 10 s target it says
 * how much of a day is XState's alone with these machines and this many events per call.
 */
function xstateFloor(r: DayRun['result']['run'] | null): void {
  const costs = machineCostsMs(roundsScale);
  figure({ name: 'bare send, agent machine', value: costs.agentEventMs * 1000, unit: 'µs/event', target: 'information', met: null, ...roundsNote });
  figure({ name: 'bare send, call session machine', value: costs.callEventMs * 1000, unit: 'µs/event', target: 'information', met: null, ...roundsNote });
  figure({ name: 'call session actor start', value: costs.callStartMs * 1000, unit: 'µs/actor', target: 'information', met: null, ...roundsNote });
  const floorMs = r === null ? null : r.eventsByMachine.agent * costs.agentEventMs + r.eventsByMachine.call * costs.callEventMs + r.callActorsStarted * costs.callStartMs;
  const fullDayFloorS = floorMs === null ? null : floorMs / 1000 / dayScale;
  const note = r === null ? {} : { note: `${r.eventsByMachine.agent} agent events, ${r.eventsByMachine.call} call events, ${r.callActorsStarted} call actors${dayScale === 1 ? '' : `; ran ${dayScale} of the day, extrapolated linearly`}` };
  figure({ name: 'XState floor of the day', value: fullDayFloorS, unit: 's', target: 'information', met: null, ...note });
  figure({ name: 'XState floor / day wall time', value: r === null || floorMs === null ? null : floorMs / r.wallMs, unit: '×', target: 'information', met: null });
}

/**
 * The day once more under the sampling profiler, each sample given to the layer whose own code it was taken
 * in. XState's share, applied to the day step's wall time, is the part of the day that is XState's own work
 * inside the day; the rest is what the engine, the mock, the rules and the machines' own guards and actions
 * (and the garbage they leave) take. Shares are of one run; the profiled day itself runs a little slower.
 */
function layerStep(day: { options: DayOptions; run: DayRun } | null): void {
  if (values['skip-profile'] === true || day === null) return;
  const profiled = profiledDay(day.options, log);
  if (profiled === null) return;
  const scaleNote = dayScale === 1 ? '' : `; ran ${dayScale} of the day, extrapolated linearly`;
  for (const l of profiled.layers) {
    figure({ name: `day by layer: ${l.layer}`, value: l.share * 100, unit: '%', target: 'information', met: null, note: `${(l.ms / 1000 / dayScale).toFixed(2)} s of the profiled day${scaleNote}` });
  }
  const xstate = profiled.layers.find((l) => l.layer === 'XState')?.share ?? 0;
  const wallS = day.run.result.run.wallMs / 1000 / dayScale;
  figure({ name: "XState's own code in the day", value: wallS * xstate, unit: 's', target: 'information', met: null, note: `the day step's wall time × XState's share in the profiled day${scaleNote}` });
  figure({
    name: 'the day outside XState',
    value: wallS * (1 - xstate),
    unit: 's',
    target: 'information',
    met: null,
    note: `engine, mock, rules, machines' guards and actions, GC, Node: the day step's wall time × (1 − XState's share)${scaleNote}`,
  });
}

// ---------------------------------------------------------------------------------- 3. Graph mock

async function mockStep(): Promise<void> {
  log('mock Graph in-process');
  figure({ name: 'mock Graph requests per second', value: await graphRequestsPerSecond(roundsScale), unit: 'req/s', target: 'information', met: null, ...roundsNote });
  const { mockFetchUs, mswGetResponseUs } = await mockAgainstMsw(roundsScale);
  figure({ name: 'mock request (mock.fetch, presence GET)', value: mockFetchUs, unit: 'µs/req', target: 'information', met: null, ...roundsNote });
  figure({ name: 'bare msw getResponse, same handler', value: mswGetResponseUs, unit: 'µs/req', target: 'baseline', met: null, ...roundsNote });
  figure({ name: 'mock request / bare msw getResponse', value: ratioOf(mockFetchUs, mswGetResponseUs), unit: '×', target: 'information', met: null, ...roundsNote });
}

// --------------------------------------------------------------------------------- 4. growth curve

function curveStep(day: { options: DayOptions; run: DayRun } | null): CurvePoint[] {
  if (curveScale === null) return [];
  log(`growth curve: the day at 1×, 2× and 4×${curveScale === 1 ? '' : ` shortened to ${curveScale} (calls, COB and hours; agents and services stay multiplied)`}`);
  const curve = growthCurve(curveScale, day, log);
  const at = (factor: number): CurvePoint | undefined => curve.find((p) => p.factor === factor);
  const shortened = curveScale === 1 ? '' : `days shortened to ${curveScale}; `;
  for (const [from, to] of [[1, 2], [2, 4]] as const) {
    const growth = ratioOf(at(to)?.wallMs, at(from)?.wallMs);
    const events = ratioOf(at(to)?.events, at(from)?.events);
    const note = `${shortened}actor events ×${events === null ? 'n/a' : events.toFixed(2)}`;
    figure({ name: `day wall growth ${from}× → ${to}×`, value: growth, unit: '×', target: '<= 2.1×', met: growth === null ? null : growth <= 2.1, note });
  }
  const rss4 = at(4)?.peakRssBytes;
  figure({ name: 'day peak RSS at 4×', value: rss4 === undefined ? null : rss4 / 1024 ** 2, unit: 'MB', target: '<= 2048 MB', met: rss4 === undefined ? null : rss4 <= 2 * 1024 ** 3, ...(shortened ? { note: shortened.slice(0, -2) } : {}) });
  return curve;
}

// ------------------------------------------------------------------------------- 5. built-in suite, 6. CLI

function cliStep(): void {
  log('built-in suite through the CLI');
  const suite = suiteThroughCli(suiteRuns, log);
  figure({ name: 'built-in suite scenarios', value: suite.scenarios, unit: 'scenarios', target: '>= 150', met: suite.scenarios >= 150, note: `${suite.passed} passed` });
  figure({ name: 'built-in suite wall time', value: suite.ms / 1000, unit: 's', target: '<= 5 s', met: suite.ms <= 5000 });
  log('cold start');
  const help = coldStart(['bin/nimbus-sim.js', '--help'], coldStartRuns);
  const bareNode = coldStart(['-e', '0'], coldStartRuns);
  figure({ name: 'nimbus-sim --help', value: help, unit: 'ms', target: '<= 400 ms', met: help <= 400 });
  figure({ name: 'node -e 0', value: bareNode, unit: 'ms', target: 'baseline', met: null });
  figure({ name: '--help / node -e 0', value: help / bareNode, unit: '×', target: 'information', met: null });
}

// ------------------------------------------------------------------------------------------------ main

const started = machine();
const from = cliFrom();
log(`nimbus-sim benchmark on ${started.cpu} × ${started.cores}, ${started.memoryGb} GB, ${started.platform}, Node ${started.node}, load average ${started.loadAverage.join(' ')}`);
log(`CLI runs from ${from}`);
// Taken before anything runs: the figures belong to the code as it was when the run started.
const date = new Date().toISOString();
const ranOn = commit();
const day = dayStep();
perEventStep(day?.run ?? null);
layerStep(day);
await mockStep();
const curve = curveStep(day);
cliStep();

const d = day?.run.result ?? null;
const report: BenchReport = {
  date,
  commit: ranOn,
  machine: started,
  cliFrom: from,
  loadAverageAtEnd: loadAverage(),
  dayScale,
  curveScale,
  roundsScale,
  day: d === null ? null : { options: d.options, run: d.run, totals: d.totals },
  curve,
  figures,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
// The Markdown goes to stdout alone, so `npm run bench -- --markdown > table.md` holds nothing else.
if (values.markdown === true) {
  process.stdout.write(markdownReport(report));
  log(`written: ${outFile}`);
} else process.stdout.write(`${plainTable(figures, curve)}\nwritten: ${outFile}\n`);
