/**
 * The figures of one benchmark run, each with its target, and the two ways they are shown: the plain table
 * `npm run bench` prints and the Markdown table of docs/performance.md (`--markdown`, or
 * `tsx bench/markdown.ts reports/bench.json` for a run already written).
 */

export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  /** The target of issue #19 (or an earlier one), `information` when there is none, `baseline` for a reference. */
  target: string;
  /** null when the figure has no target or was not measured. */
  met: boolean | null;
  note?: string;
}

/** One day of the growth curve, as its child process reported it. */
export interface CurvePoint {
  /** 1, 2 or 4: agents, services, calls and Call on Behalf multiplied by it. */
  factor: number;
  options: { agents: number; services: number; calls: number; cob: number; hours: number; seed: number };
  /** The day's own wall time (`run.wallMs`), without the child's start and tenant generation. */
  wallMs: number;
  /** The child process from spawn to exit. */
  processWallMs: number;
  events: number;
  eventsPerSecond: number;
  graphRequests: number;
  peakRssBytes: number;
  /** True when this point is the day step's run (same options), not a run of its own. */
  reusedDayStep: boolean;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  node: string;
  /** The 1, 5 and 15-minute load averages when the benchmark started: other work on the machine slows every figure. */
  loadAverage: number[];
}

/** What reports/bench.json holds. */
export interface BenchReport {
  date: string;
  commit: string;
  machine: Machine;
  cliFrom: string;
  loadAverageAtEnd: number[];
  dayScale: number;
  curveScale: number | null;
  /** The in-process rounds' length: 1 unless `--rounds-scale` shortened them. */
  roundsScale: number;
  day: unknown;
  curve: CurvePoint[];
  figures: Figure[];
}

const formatValue = (value: number | null): string => {
  if (value === null) return 'n/a';
  return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : value >= 10 ? 1 : 2 });
};

const verdict = (met: boolean | null): string => (met === null ? '' : met ? '✓' : '✗ missed');

/** The line printed as each figure is measured, so a long run shows progress. */
export function figureLine(f: Figure): string {
  return `  ${f.name}: ${formatValue(f.value)} ${f.unit}  (target ${f.target}${f.met === null ? '' : f.met ? ', met' : ', MISSED'})`;
}

const mb = (bytes: number): string => `${formatValue(bytes / 1024 ** 2)} MB`;

function curveRows(curve: CurvePoint[]): string[][] {
  return curve.map((p) => [
    `${p.factor}×`,
    `${p.options.agents} agents, ${p.options.services} services, ${p.options.calls} calls, ${p.options.cob} COB, ${p.options.hours} h`,
    `${formatValue(p.wallMs / 1000)} s`,
    formatValue(p.events),
    formatValue(p.eventsPerSecond),
    mb(p.peakRssBytes),
    p.reusedDayStep ? 'the day step' : 'own child process',
  ]);
}

const CURVE_HEAD = ['scale', 'day', 'wall', 'actor events', 'events/s', 'peak RSS', 'run'];

/** The plain table: figures with their targets, then the growth curve's days. */
export function plainTable(figures: Figure[], curve: CurvePoint[]): string {
  const rows = figures.map(
    (f) => `${f.name.padEnd(46)}${formatValue(f.value).padStart(12)}  ${f.unit.padEnd(10)}${f.target}${f.met === null ? '' : `  ${verdict(f.met)}`}${f.note ? `  (${f.note})` : ''}`,
  );
  const lines = [`${'figure'.padEnd(46)}${'value'.padStart(12)}  ${'unit'.padEnd(10)}target`, ...rows];
  if (curve.length === 0) return lines.join('\n');
  const table = [CURVE_HEAD, ...curveRows(curve)];
  const widths = CURVE_HEAD.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const curveLines = table.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  return [...lines, '', 'growth curve (each day in its own child process; targets on the growth rows above):', ...curveLines].join('\n');
}

const markdownRow = (cells: string[]): string => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;

/** The Markdown of docs/performance.md: when and where it ran, the figures, the curve. */
export function markdownReport(report: BenchReport): string {
  const m = report.machine;
  const scales = [
    report.dayScale === 1 ? 'the whole day' : `day scale ${report.dayScale}`,
    report.curveScale === null ? 'no growth curve' : report.curveScale === 1 ? 'the whole curve' : `curve scale ${report.curveScale}`,
    ...(report.roundsScale === 1 ? [] : [`in-process rounds ${report.roundsScale}`]),
  ];
  const head = [
    `Measured on ${report.date.slice(0, 10)} at commit ${report.commit} with \`npm run bench\` (${scales.join(', ')}), CLI from ${report.cliFrom};`,
    `${m.cpu} × ${m.cores}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load average ${m.loadAverage.join(' ')} at the start, ${report.loadAverageAtEnd.join(' ')} at the end.`,
  ];
  const figureRows = report.figures.map((f) =>
    markdownRow([f.name, `${formatValue(f.value)} ${f.unit}`.trim(), f.target, verdict(f.met), f.note ?? '']),
  );
  const lines = [...head, '', markdownRow(['figure', 'value', 'target', 'met', 'note']), '| --- | --- | --- | --- | --- |', ...figureRows];
  if (report.curve.length === 0) return `${lines.join('\n')}\n`;
  const curve = [markdownRow(CURVE_HEAD), `|${' --- |'.repeat(CURVE_HEAD.length)}`, ...curveRows(report.curve).map(markdownRow)];
  return `${[...lines, '', ...curve].join('\n')}\n`;
}
