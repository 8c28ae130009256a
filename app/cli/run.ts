/** `nimbus-sim run`: load, run in virtual time, print, write reports. */
import { runScenario, suiteOf } from '../../sim/runner.js';
import type { ScenarioResult } from '../../sim/result.js';
import { formatScenarioDetail, formatScenarioLine, formatSuite } from '../../sim/report/pretty.js';
import type { ReportFormat } from '../../sim/report/write.js';
import type { WallTimes } from '../../sim/report/junit.js';
import { colorEnabled } from '../../sim/report/color.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { loadForCommand } from './load.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';
import { seedOption } from './numbers.js';
import { requirePath, writeReportsOrFail } from './output.js';
import { relative, sep } from 'node:path';
import { parseShard, selectShard, shardKey, type Shard } from '../../sim/shard.js';
import { mentions } from '../../sim/scenario/select.js';

const CONSOLE = ['pretty', 'plain'] as const;
const FILES: readonly ReportFormat[] = ['json', 'junit', 'md', 'html'];
/** Written when no --reporter is given (html only on request: it is the largest). */
const DEFAULT_FILES: readonly ReportFormat[] = ['json', 'junit', 'md'];

interface RunOptions {
  tty: boolean;
  consoleMode: 'pretty' | 'plain';
  fileFormats: ReportFormat[];
  outDir: string;
  seed: number | undefined;
  shard: Shard | undefined;
  /** Lower-case text a scenario's name, file or tags must contain. */
  filter: string | undefined;
}

export async function runCommand(args: ParsedArgs): Promise<number> {
  const options = runOptions(args);
  const loaded = loadForCommand(args.positionals, { allowOutsideRoot: args.values['allow-outside-root'] === true });
  if (loaded === 2) return 2;
  const { filter, shard, seed, fileFormats, outDir } = options;
  const matched = filter ? loaded.filter((s) => mentions(s, filter)) : loaded;
  if (matched.length === 0) throw new UsageError('no scenario matched', filter ? `nothing contains "${filter}"` : 'give a scenario file or folder');
  // Sharding comes after filtering, so every shard of a filtered matrix sees the same candidate set; the key is
  // the suite-relative path, so a matrix whose jobs start in different folders still covers every scenario once.
  const scenarios = shard === undefined ? matched : selectShard(matched, shard, (s) => shardKey(s.suitePath, s.name));
  if (shard !== undefined) {
    process.stdout.write(`shard ${shard.index}/${shard.count}: ${scenarios.length} of ${matched.length} scenarios\n`);
    if (scenarios.length === 0) {
      // An empty shard of a CI matrix is not an error: it passes and writes empty reports.
      if (fileFormats.length > 0) process.stdout.write(`reports: ${(await writeReportsOrFail(suiteOf([], seed ?? null), { outDir, formats: fileFormats })).join(', ')}\n`);
      return 0;
    }
  }
  const color = options.consoleMode === 'pretty' && colorEnabled({ color: options.tty });
  const { results, wallMs, linesShown } = await runAll(scenarios, options, color);
  return report(results, options, { color, verbose: args.values.verbose === true, linesShown, wallMs });
}

/** The command line's choices, checked before anything loads. */
function runOptions(args: ParsedArgs): RunOptions {
  const tty = process.stdout.isTTY === true;
  const requested = typeof args.values.reporter === 'string' ? args.values.reporter.split(',').map((r) => r.trim()).filter(Boolean) : [];
  for (const r of requested) {
    if (![...CONSOLE, ...FILES].includes(r as never)) throw new UsageError(`unknown reporter "${r}"`, `reporters: ${[...CONSOLE, ...FILES].join(', ')}`);
  }
  const consoleMode = requested.includes('pretty') ? 'pretty' : requested.includes('plain') ? 'plain' : tty ? 'pretty' : 'plain';
  const fileFormats = requested.length > 0 ? FILES.filter((f) => requested.includes(f)) : [...DEFAULT_FILES];
  const outDir = typeof args.values.out === 'string' ? requirePath('--out', args.values.out) : 'reports';
  const seed = seedOption(args.values.seed);
  let shard: Shard | undefined;
  if (typeof args.values.shard === 'string') {
    const parsed = parseShard(args.values.shard);
    if (typeof parsed === 'string') throw new UsageError(parsed, 'shards are numbered from 1: --shard 1/4 ... --shard 4/4');
    shard = parsed;
  }
  const filter = typeof args.values.filter === 'string' ? args.values.filter.toLowerCase() : undefined;
  return { tty, consoleMode, fileFormats, outDir, seed, shard, filter };
}

/** Runs every scenario, drawn live by Ink on a terminal, else one line per scenario as it finishes. */
async function runAll(scenarios: Scenario[], { consoleMode, tty, seed }: RunOptions, color: boolean): Promise<{ results: ScenarioResult[]; wallMs: WallTimes; linesShown: boolean }> {
  // Ink (and React) load only when there is a terminal to draw on.
  const view = consoleMode === 'pretty' && tty ? (await import('../tui/renderRun.js')).startRunView(scenarios.length) : null;
  const results: ScenarioResult[] = [];
  const wallMs = new Map<ScenarioResult, number>();
  const linesShown = view !== null || scenarios.length > 1;
  for (const scenario of scenarios) {
    const started = performance.now();
    const result = await runScenario(scenario, seed !== undefined ? { seed } : {});
    wallMs.set(result, performance.now() - started);
    results.push(result);
    if (view?.active) view.update({ total: scenarios.length, done: [...results], ...(scenarios[results.length] ? { running: scenarios[results.length]!.name } : {}) });
    else if (scenarios.length > 1) process.stdout.write(`${formatScenarioLine(result, { color })}\n`);
  }
  await view?.finish();
  return { results, wallMs, linesShown };
}

interface ConsoleChoices {
  color: boolean;
  verbose: boolean;
  /** The scenario lines were already on screen (streamed, or drawn by Ink). */
  linesShown: boolean;
  /** Wall-clock time per scenario, for JUnit only. */
  wallMs: WallTimes;
}

/**
 * Details, failures and summary on stdout, the report files; the exit code: 1 when a scenario failed or
 * errored. By default a failure is brief (where, expected and actual, the deciding rules once, the command
 * that shows more); --verbose prints every step and every rule check, as the reports keep them.
 */
async function report(results: ScenarioResult[], { seed, fileFormats, outDir }: RunOptions, { color, verbose, linesShown, wallMs }: ConsoleChoices): Promise<number> {
  const suite = suiteOf(results, seed ?? null);
  // One passing scenario is shown step by step: that is how a newcomer reads why Scenario B is refused.
  const detailed = verbose || (results.length === 1 && results[0]?.status === 'passed');
  if (detailed) {
    for (const r of results) process.stdout.write(`${formatScenarioDetail(r, { color })}\n\n`);
  }
  const text = formatSuite(suite, { color, brief: !verbose }).split('\n');
  const rest = detailed || linesShown ? text.slice(suite.scenarios.length) : text;
  process.stdout.write(`${rest.join('\n').replace(/^\n+/, '')}\n`);

  if (fileFormats.length > 0) {
    const written = await writeReportsOrFail(suite, { outDir, formats: fileFormats, wallMs });
    process.stdout.write(`reports: ${written.join(', ')}\n`);
  }
  return suite.totals.failed > 0 || suite.totals.errors > 0 ? 1 : 0;
}
