/** `nimbus-sim run`: load, run in virtual time, print, write reports; with --watch, again on every change. */
import { runScenario, suiteOf } from '../../sim/runner.js';
import type { ScenarioResult } from '../../sim/result.js';
import { formatScenarioDetail, formatScenarioLine, formatSuite } from '../../sim/report/pretty.js';
import { toJsonReport } from '../../sim/report/json.js';
import type { ReportFormat } from '../../sim/report/write.js';
import type { WallTimes } from '../../sim/report/junit.js';
import { colorEnabled } from '../../sim/report/color.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { CONSOLE_REPORTERS, FILE_REPORTERS } from '../../sim/config.js';
import { loadForCommand } from './load.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';
import { seedOption } from './numbers.js';
import { requirePath, writeReportsOrFail } from './output.js';
import { withConfig } from './config.js';
import { watchRuns } from './watch.js';
import { resolve } from 'node:path';
import { parseShard, selectShard, shardKey, type Shard } from '../../sim/shard.js';
import { mentions } from '../../sim/scenario/select.js';

/** Written when no --reporter is given (html only on request: it is the largest). */
const DEFAULT_FILES: readonly ReportFormat[] = ['json', 'junit', 'md'];
/** `--out -`: the JSON report goes to stdout, so the human output goes to stderr. */
const STDOUT = '-';

interface RunOptions {
  tty: boolean;
  consoleMode: 'pretty' | 'plain';
  fileFormats: ReportFormat[];
  /** A folder, or undefined when the JSON report goes to stdout (`--out -`). */
  outDir: string | undefined;
  /** Where the human output goes: stdout, or stderr when stdout carries the JSON report. */
  humanOut: NodeJS.WritableStream;
  seed: number | undefined;
  shard: Shard | undefined;
  /** Lower-case text a scenario's name, file or tags must contain. */
  filter: string | undefined;
  allowOutsideRoot: boolean;
  /** The live Ink view may draw (not while watching, where the view would wait for a key after each run). */
  liveView: boolean;
  /** Re-runs on changes: one re-run scenario gets its line, not the step-by-step detail of a lone run. */
  watching: boolean;
}

export async function runCommand(given: ParsedArgs): Promise<number> {
  const args = withConfig(given);
  if (args === 2) return 2;
  const options = runOptions(args);
  const verbose = args.values.verbose === true;
  if (args.values.watch !== true) return runOnce(args.positionals, options, verbose, undefined);
  const paths = args.positionals.length > 0 ? args.positionals : ['scenarios'];
  return watchRuns(paths, (only) => runOnceShowingUsage(paths, options, verbose, only), { humanOut: options.humanOut });
}

/** One run while watching: a usage mistake (nothing matched the filter) is shown, and the watch goes on. */
async function runOnceShowingUsage(paths: string[], options: RunOptions, verbose: boolean, only: ReadonlySet<string> | undefined): Promise<number> {
  try {
    return await runOnce(paths, options, verbose, only);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    options.humanOut.write(`nimbus-sim: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`);
    return 2;
  }
}

/** Loads, selects, runs and reports the scenarios of `paths`; `only` (absolute files) narrows a watch re-run. */
async function runOnce(paths: string[], options: RunOptions, verbose: boolean, only: ReadonlySet<string> | undefined): Promise<number> {
  const loaded = loadForCommand(paths, { allowOutsideRoot: options.allowOutsideRoot });
  if (loaded === 2) return 2;
  const { filter, shard, seed, humanOut } = options;
  const matched = filter ? loaded.filter((s) => mentions(s, filter)) : loaded;
  if (matched.length === 0) throw new UsageError('no scenario matched', filter ? `nothing contains "${filter}"` : 'give a scenario file or folder');
  // Sharding comes after filtering, so every shard of a filtered matrix sees the same candidate set; the key is
  // the suite-relative path, so a matrix whose jobs start in different folders still covers every scenario once.
  const sharded = shard === undefined ? matched : selectShard(matched, shard, (s) => shardKey(s.suitePath, s.name));
  const scenarios = only === undefined ? sharded : sharded.filter((s) => only.has(resolve(s.file)));
  if (shard !== undefined) {
    humanOut.write(`shard ${shard.index}/${shard.count}: ${scenarios.length} of ${matched.length} scenarios\n`);
    if (scenarios.length === 0) {
      // An empty shard of a CI matrix is not an error: it passes and writes empty reports.
      await writeReports(suiteOf([], seed ?? null), new Map(), options);
      return 0;
    }
  }
  const color = options.consoleMode === 'pretty' && colorEnabled({ color: options.tty });
  const { results, wallMs, linesShown } = await runAll(scenarios, options, color);
  return report(results, options, { color, verbose, linesShown, wallMs });
}

/** The command line's choices, checked before anything loads. */
function runOptions(args: ParsedArgs): RunOptions {
  const toStdout = args.values.out === STDOUT;
  const humanOut = toStdout ? process.stderr : process.stdout;
  const tty = (toStdout ? process.stderr.isTTY : process.stdout.isTTY) === true;
  const reporters: readonly string[] = [...CONSOLE_REPORTERS, ...FILE_REPORTERS];
  const requested = typeof args.values.reporter === 'string' ? args.values.reporter.split(',').map((r) => r.trim()).filter(Boolean) : [];
  for (const r of requested) {
    if (!reporters.includes(r)) throw new UsageError(`unknown reporter "${r}"`, `reporters: ${reporters.join(', ')}`);
  }
  const consoleMode = requested.includes('pretty') ? 'pretty' : requested.includes('plain') ? 'plain' : tty ? 'pretty' : 'plain';
  const fileFormats = requested.length > 0 ? FILE_REPORTERS.filter((f) => requested.includes(f)) : [...DEFAULT_FILES];
  if (toStdout) {
    const others = fileFormats.filter((f) => f !== 'json');
    if (requested.length > 0 && others.length > 0) throw new UsageError(`--out - writes only the json report to stdout, but --reporter also asks for ${others.join(', ')}`, 'give --out a folder for those reports, or leave them out');
  }
  const outDir = toStdout ? undefined : typeof args.values.out === 'string' ? requirePath('--out', args.values.out) : 'reports';
  const seed = seedOption(args.values.seed);
  let shard: Shard | undefined;
  if (typeof args.values.shard === 'string') {
    const parsed = parseShard(args.values.shard);
    if (typeof parsed === 'string') throw new UsageError(parsed, 'shards are numbered from 1: --shard 1/4 ... --shard 4/4');
    shard = parsed;
  }
  const filter = typeof args.values.filter === 'string' ? args.values.filter.toLowerCase() : undefined;
  const allowOutsideRoot = args.values['allow-outside-root'] === true;
  const watching = args.values.watch === true;
  const liveView = !toStdout && !watching;
  return { tty, consoleMode, fileFormats: toStdout ? ['json'] : fileFormats, outDir, humanOut, seed, shard, filter, allowOutsideRoot, liveView, watching };
}

/** The report files into --out, or the JSON report on stdout for `--out -`. */
async function writeReports(suite: ReturnType<typeof suiteOf>, wallMs: WallTimes, { outDir, fileFormats, humanOut }: RunOptions): Promise<void> {
  if (outDir === undefined) {
    process.stdout.write(toJsonReport(suite));
    return;
  }
  if (fileFormats.length === 0) return;
  humanOut.write(`reports: ${(await writeReportsOrFail(suite, { outDir, formats: fileFormats, wallMs })).join(', ')}\n`);
}

/** Runs every scenario, drawn live by Ink on a terminal, else one line per scenario as it finishes. */
async function runAll(scenarios: Scenario[], { consoleMode, tty, seed, humanOut, liveView }: RunOptions, color: boolean): Promise<{ results: ScenarioResult[]; wallMs: WallTimes; linesShown: boolean }> {
  // Ink (and React) load only when there is a terminal to draw on.
  const view = consoleMode === 'pretty' && tty && liveView ? (await import('../tui/renderRun.js')).startRunView(scenarios.length) : null;
  const results: ScenarioResult[] = [];
  const wallMs = new Map<ScenarioResult, number>();
  const linesShown = view !== null || scenarios.length > 1;
  for (const scenario of scenarios) {
    const started = performance.now();
    const result = await runScenario(scenario, seed !== undefined ? { seed } : {});
    wallMs.set(result, performance.now() - started);
    results.push(result);
    if (view?.active) view.update({ total: scenarios.length, done: [...results], ...(scenarios[results.length] ? { running: scenarios[results.length]!.name } : {}) });
    else if (scenarios.length > 1) humanOut.write(`${formatScenarioLine(result, { color })}\n`);
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
async function report(results: ScenarioResult[], options: RunOptions, { color, verbose, linesShown, wallMs }: ConsoleChoices): Promise<number> {
  const { humanOut } = options;
  const suite = suiteOf(results, options.seed ?? null);
  // One passing scenario is shown step by step: that is how a newcomer reads why Scenario B is refused.
  const detailed = verbose || (results.length === 1 && results[0]?.status === 'passed' && !options.watching);
  if (detailed) {
    for (const r of results) humanOut.write(`${formatScenarioDetail(r, { color })}\n\n`);
  }
  const text = formatSuite(suite, { color, brief: !verbose }).split('\n');
  const rest = detailed || linesShown ? text.slice(suite.scenarios.length) : text;
  humanOut.write(`${rest.join('\n').replace(/^\n+/, '')}\n`);
  await writeReports(suite, wallMs, options);
  return suite.totals.failed > 0 || suite.totals.errors > 0 ? 1 : 0;
}
