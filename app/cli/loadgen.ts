/**
 * `nimbus-sim load`: a contact-center day through the engine (sim/load/day.ts). A progress bar on stderr
 * while it runs, then KPIs per service and the run's own figures; `--json FILE` also writes them as JSON.
 */
import { runDay, type DayOptions, type DayProgress, type DayResult } from '../../sim/load/day.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';
import { decimalOption, SEED_RANGE, wholeNumberOption, type NumberRange } from './numbers.js';
import { requirePath, writeOutputOrFail } from './output.js';

const DEFAULTS = { agents: 300, services: 12, calls: 30_000, cob: 3_000, hours: 8, seed: 1 } as const;

/** What a day can hold: beyond these the engine would need more memory than a machine has, or weeks. */
const RANGES: Readonly<Record<keyof typeof DEFAULTS, NumberRange>> = {
  agents: { min: 1, max: 100_000 },
  services: { min: 1, max: 10_000 },
  calls: { min: 0, max: 10_000_000 },
  cob: { min: 0, max: 10_000_000 },
  hours: { min: 0.01, max: 24 },
  seed: SEED_RANGE,
};

function numberOption(args: ParsedArgs, name: keyof typeof DEFAULTS, integer: boolean): number {
  const raw = args.values[name];
  if (raw === undefined) return DEFAULTS[name];
  const text = typeof raw === 'string' ? raw : '';
  return integer ? wholeNumberOption(name, text, RANGES[name], String(DEFAULTS[name])) : decimalOption(name, text, RANGES[name], String(DEFAULTS[name]));
}

export function parseDayOptions(args: ParsedArgs): Omit<DayOptions, 'onProgress'> {
  return {
    agents: numberOption(args, 'agents', true),
    services: numberOption(args, 'services', true),
    calls: numberOption(args, 'calls', true),
    cob: numberOption(args, 'cob', true),
    hours: numberOption(args, 'hours', false),
    seed: numberOption(args, 'seed', true),
  };
}

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function bar(p: DayProgress): string {
  const width = 30;
  const done = Math.min(1, p.virtualMs / p.dayMs);
  const filled = Math.round(done * width);
  const h = Math.floor(p.virtualMs / 3_600_000);
  const m = Math.floor((p.virtualMs % 3_600_000) / 60_000);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(done * 100).toFixed(0).padStart(3)}%  ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')} virtual  ${p.callsStarted} calls, ${p.cobStarted} COB  ${(p.wallMs / 1000).toFixed(1)} s`;
}

export function formatDay(r: DayResult): string {
  const head = ['service', 'offered', 'handled', 'abandoned', 'SL', 'RONA', 'transfers', 'xfer failed', 'COB', 'COB refused', 'outcomes by group'];
  const rows = r.services.map((k) => [
    k.service,
    String(k.offered),
    String(k.handled),
    String(k.abandoned),
    pct(k.serviceLevel),
    String(k.ronaCount),
    String(k.transfers),
    String(k.transferFailures),
    String(k.cobPlaced),
    String(k.cobRefused),
    Object.entries(k.outcomesByGroup).map(([g, n]) => `${g} ${n}`).join(', '),
  ]);
  const t = r.totals;
  rows.push(['total', String(t.offered), String(t.handled), String(t.abandoned), pct(t.serviceLevel), String(t.ronaCount), String(t.transfers), String(t.transferFailures), String(t.cobPlaced), String(t.cobRefused), Object.entries(t.outcomesByGroup).map(([g, n]) => `${g} ${n}`).join(', ')]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const o = r.options;
  const run = r.run;
  // Refusals first (a failed transfer tells support more than a caller who gave up), three at most.
  const explained = r.unhandled.filter((u) => u.why.length > 0).slice(0, 3);
  const why = explained.flatMap((u) => [`  ${u.call}  ${u.sessions.join(' → ')}`, ...u.why.map((w) => `      ${w.question} [${w.because.join(', ')}]: ${w.summary}`)]);
  return [
    `contact-center day: ${o.agents} agents, ${o.services} services, ${o.calls} calls, ${o.cob} Call on Behalf, ${o.hours} h, seed ${o.seed}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    `PSTN transfers ${t.pstnTransfers}, presence changes ${t.presenceChanges}, actions that came too late ${t.skippedActions}`,
    ...(why.length > 0 ? ['', `not handled: ${r.unhandled.length} calls (all in --json with their decisions); the first refusals:`, ...why] : []),
    ...(r.cobRefusals.length > 0
      ? ['', `Call on Behalf refused: ${r.cobRefusals.length} (all in --json); the first:`, ...r.cobRefusals.slice(0, 2).map((c) => `  ${c.call}  ${c.user} as ${c.service}: ${c.why.question} [${c.why.because.join(', ')}]: ${c.why.summary}`)]
      : []),
    `virtual ${(run.virtualMs / 3_600_000).toFixed(2)} h in ${(run.wallMs / 1000).toFixed(2)} s wall (×${Math.round(run.speedUp)}) · ${run.events} actor events, ${Math.round(run.eventsPerSecond)}/s · ${run.timersFired} generator timers · ${run.graphRequests} Graph requests · ${run.decisionTrailsKept} decision trails kept (calls not handled) · peak RSS ${mb(run.peakRssBytes)}, heap ${mb(run.peakHeapUsedBytes)}`,
  ].join('\n');
}

export async function loadCommand(args: ParsedArgs): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`load takes no paths, got "${args.positionals.join(' ')}"`, 'nimbus-sim load --agents 300 --calls 30000');
  const options = parseDayOptions(args);
  // A --json path that cannot be written is found after the day has run; an empty one is a slip, caught now.
  if (typeof args.values.json === 'string') requirePath('--json', args.values.json);
  const tty = process.stderr.isTTY === true && args.values.quiet !== true;
  let lastLine = 0;
  const result = await runDay({
    ...options,
    onProgress: (p) => {
      if (args.values.quiet === true) return;
      if (tty) process.stderr.write(`\r${bar(p)}`);
      else if (p.wallMs - lastLine >= 2_000 || p.virtualMs >= p.dayMs) {
        lastLine = p.wallMs;
        process.stderr.write(`${bar(p)}\n`);
      }
    },
  });
  if (tty) process.stderr.write('\n');
  process.stdout.write(`${formatDay(result)}\n`);
  if (typeof args.values.json === 'string') {
    writeOutputOrFail('--json', args.values.json, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`written: ${args.values.json}\n`);
  }
  return 0;
}
