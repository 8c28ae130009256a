/**
 * Plain text for terminals and CI logs. No timing, no wall clock: the same result prints the same text.
 * Colour only with `color: true` and never when `NO_COLOR` is set (see color.ts).
 */
import { formatClock, formatDuration } from '../../src/domain/duration.js';
import type { AssertionResult, CallResult, Decision, ScenarioResult, StepResult, SuiteResult } from '../result.js';
import { paletteFor, type ColorOptions, type Palette } from './color.js';
import { faultRate, faultRateText, suiteFaultRate } from './faultRate.js';
import {
  compact,
  decisionChecks,
  failureLocation,
  formatInputs,
  formatVerdict,
  maxOf,
  oneLine,
  plural,
  portablePath,
  ruleLabel,
  safeLines,
} from './text.js';

export interface PrettyOptions extends ColorOptions {
  /** Pad scenario names to this width in {@link formatScenarioLine} so columns line up. */
  nameWidth?: number;
  /** Longest rule title printed beside an id (cut with `…`). Default 100. */
  titleWidth?: number;
  /** Failures in {@link formatSuite} as {@link formatFailureBrief} (the console default); full otherwise. */
  brief?: boolean;
}

const indent = (lines: readonly string[], by: string): string[] => lines.map((l) => (l === '' ? l : by + l));

/**
 * A scenario that stopped on a harness error (bad input found while running, or a defect) has no verdict:
 * it gets `!`, never the pass or the fail mark.
 */
const statusMark = (result: ScenarioResult, c: Palette): string =>
  result.status === 'passed' ? c.green('✓') : result.status === 'failed' ? c.red('✗') : c.yellow('!');

/** `✓ name  file  N assertions  virtual 1m30s` (failed and error scenarios say so). */
export function formatScenarioLine(result: ScenarioResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const name = oneLine(result.name);
  const padded = options.nameWidth !== undefined ? name.padEnd(options.nameWidth) : name;
  const total = result.assertions.passed + result.assertions.failed;
  let assertions = plural(total, 'assertion');
  if (result.assertions.failed > 0) assertions += c.red(` (${result.assertions.failed} failed)`);
  const parts = [
    `${statusMark(result, c)} ${result.status === 'passed' ? padded : c.bold(padded)}`,
    c.dim(portablePath(result.file)),
    assertions,
    `virtual ${formatDuration(result.virtualDurationMs)}`,
  ];
  if (result.status === 'error') parts.push(c.red(`error: ${oneLine(result.error?.message ?? 'unknown harness error')}`));
  return parts.join('  ');
}

/** A decision as lines: `question → verdict: summary  [ids]`, each check `✓/✗ RULE-ID title — detail`, then inputs. */
export function formatDecision(decision: Decision<unknown>, options: PrettyOptions = {}): string[] {
  const c = paletteFor(options);
  const verdict = formatVerdict(decision.verdict);
  const head = `${oneLine(decision.question)} → ${decision.verdict === false ? c.red(verdict) : verdict}: ${oneLine(decision.summary)}`;
  const lines = [decision.because.length > 0 ? `${head}  ${c.dim(`[${decision.because.join(', ')}]`)}` : head];
  for (const check of decisionChecks(decision)) {
    const mark = check.passed ? c.green('✓') : c.red('✗');
    const detail = check.detail === '' ? '' : ` — ${oneLine(check.detail)}`;
    lines.push(`  ${mark} ${ruleLabel(check.rule, options.titleWidth)}${detail}`);
  }
  const inputs = formatInputs(decision.inputs);
  if (inputs.length > 0) lines.push(`  ${c.dim('inputs:')} ${inputs.join(' · ')}`);
  return lines;
}

/** One failed (or passed) assertion: what was checked, expected vs actual, then "Why:" with the decisions. */
export function formatFailure(failure: AssertionResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const mark = failure.passed ? c.green('✓') : c.red('✗');
  const lines = [`${mark} expect ${c.bold(oneLine(failure.key))}: ${oneLine(failure.subject)}  ${c.dim(`(line ${failure.line})`)}`];
  lines.push(...indent(safeLines(failure.message), '  '));
  lines.push(`  expected: ${c.green(compact(failure.expected))}`);
  lines.push(`  actual:   ${failure.passed ? compact(failure.actual) : c.red(compact(failure.actual))}`);
  if (failure.explanation.length === 0) {
    lines.push(`  Why: ${c.dim('no decision was recorded for this value')}`);
  } else {
    lines.push('  Why:');
    for (const d of failure.explanation) lines.push(...indent(formatDecision(d, options), '    '));
  }
  return lines.join('\n');
}

/** Decisions shown in a brief failure; the rest are counted and left to --verbose and the reports. */
const BRIEF_DECISIONS = 8;

/** A path or id as one shell word, quoted only when it needs to be. */
const shellWord = (text: string): string => (/^[\w./:@+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);

/** The `why` command that explains an assertion's subject, when the subject names a call or a user and service. */
function whyCommand(failure: AssertionResult, result: ScenarioResult): string | undefined {
  const file = shellWord(portablePath(result.file));
  const call = result.calls.find((c) => failure.subject === c.id || failure.subject.startsWith(`${c.id} `));
  if (call !== undefined) return `npx nimbus-sim why ${file} --call ${shellWord(call.id)}`;
  const pair = /^([^\s/]+) \/ ([^\s/]+)$/.exec(failure.subject);
  if (pair !== null) return `npx nimbus-sim why ${file} --user ${shellWord(pair[1] ?? '')} --service ${shellWord(pair[2] ?? '')}`;
  return undefined;
}

/**
 * One failed expectation in at most 20 lines, for the default console output: where, expected and actual,
 * each deciding decision once on one line with its rules and inputs, and the commands that show more.
 * The full explanation (every check of every rule) is {@link formatFailure}, printed with --verbose.
 */
function formatFailureBrief(failure: AssertionResult, result: ScenarioResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const lines = [`${c.red('✗')} ${portablePath(result.file)}:${failure.line}  expect ${c.bold(oneLine(failure.key))}: ${oneLine(failure.subject)}`];
  lines.push(...indent(safeLines(failure.message).slice(0, 2), '  '));
  lines.push(`  expected: ${c.green(compact(failure.expected))}`, `  actual:   ${c.red(compact(failure.actual))}`);
  if (failure.explanation.length === 0) lines.push(`  deciding rules: ${c.dim('none recorded for this value')}`);
  else lines.push('  deciding rules:');
  for (const d of failure.explanation.slice(0, BRIEF_DECISIONS)) {
    const verdict = formatVerdict(d.verdict);
    const rules = d.because.length > 0 ? ` [${d.because.join(', ')}]` : '';
    const inputs = formatInputs(d.inputs, 40);
    lines.push(`    ${oneLine(d.question)} → ${d.verdict === false ? c.red(verdict) : verdict}${rules}${inputs.length > 0 ? c.dim(`  ${inputs.join(' · ')}`) : ''}`);
  }
  const hidden = failure.explanation.length - BRIEF_DECISIONS;
  if (hidden > 0) lines.push(`    … ${plural(hidden, 'more decision')} with --verbose`);
  const more = [`npx nimbus-sim run ${shellWord(portablePath(result.file))} --verbose`];
  const why = whyCommand(failure, result);
  if (why !== undefined) more.push(why);
  lines.push(`  more: ${more.join('\n        ')}`);
  return lines.join('\n');
}

function stepLines(step: StepResult, verbWidth: number, options: PrettyOptions): string[] {
  const c = paletteFor(options);
  const mark = step.ok === true ? c.green('✓') : step.ok === false ? c.red('✗') : ' ';
  const text = safeLines(step.text);
  const head = `${formatClock(step.at)}  ${c.dim(`L${step.line}`.padEnd(5))} ${step.verb.padEnd(verbWidth)} ${mark} ${text[0] ?? ''}`;
  const body: string[] = text.slice(1);
  if (step.decision !== undefined) {
    if (step.ok === false) {
      body.push(`${c.red('refused:')} ${oneLine(step.decision.summary)}  ${c.dim(`[${step.decision.because.join(', ')}]`)}`);
      body.push(...formatDecision(step.decision, options).slice(1));
    } else if (step.decision.because.length > 0) {
      body.push(c.dim(`allowed: ${step.decision.because.join(', ')}`));
    }
  }
  for (const a of step.assertions ?? []) {
    body.push(...(a.passed ? [`${c.green('✓')} ${oneLine(a.key)}: ${oneLine(a.subject)} — ${oneLine(a.message)}`] : formatFailure(a, options).split('\n')));
  }
  // Details line up under the step text's time column.
  return [head, ...indent(body, ' '.repeat(formatClock(0).length + 2))];
}

function callLines(call: CallResult, options: PrettyOptions): string[] {
  const c = paletteFor(options);
  const lines = [`${c.bold(oneLine(call.id))}  ${oneLine(call.type)}  ${oneLine(call.from)} → ${oneLine(call.to)}  state ${oneLine(call.state)}`];
  const facts = [`services: ${call.services.length > 0 ? call.services.map(oneLine).join(' → ') : 'none'}`];
  facts.push(`first responding service: ${call.firstRespondingService === null ? 'none' : oneLine(call.firstRespondingService)}`);
  facts.push(`PSTN license from: ${call.pstnLicenseFrom === null ? 'none' : oneLine(call.pstnLicenseFrom)}`);
  lines.push(`  ${facts.join(' · ')}`);
  if (call.pstnLicense !== null) {
    const [head = '', ...rest] = formatDecision(call.pstnLicense, options);
    lines.push(`  PSTN license: ${head}`, ...indent(rest, '  '));
  }
  for (const t of call.transfers) {
    const mark = t.ok ? c.green('✓') : c.red('✗');
    const because = t.because.length > 0 ? `  ${c.dim(`[${t.because.join(', ')}]`)}` : '';
    lines.push(`  ${formatClock(t.at)} transfer ${mark} ${oneLine(t.by)} → ${oneLine(t.to)} (${oneLine(t.mode)}): ${oneLine(t.message)}${because}`);
  }
  for (const s of call.serviceSessions) {
    const because = s.because.length > 0 ? `  ${c.dim(`[${s.because.join(', ')}]`)}` : '';
    lines.push(`  session ${oneLine(s.service)}: ${s.outcome === null ? 'open' : oneLine(s.outcome)}${because}`);
  }
  return lines;
}

/** Everything `nimbus-sim run <one file>` prints: header, every step with its virtual time, the calls, the error. */
export function formatScenarioDetail(result: ScenarioResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const lines = [formatScenarioLine(result, options)];
  const meta = [`seed ${result.seed}`, faultRateText(faultRate([result]))];
  if (result.tags.length > 0) meta.push(`tags ${result.tags.map(oneLine).join(', ')}`);
  if (result.because.length > 0) meta.push(`covers ${result.because.join(', ')}`);
  lines.push(`  ${c.dim(meta.join(' · '))}`);
  const verbWidth = maxOf(result.steps.map((s) => s.verb.length), 0);
  for (const step of result.steps) lines.push(...indent(stepLines(step, verbWidth, options), '  '));
  if (result.calls.length > 0) {
    lines.push('  Calls:');
    for (const call of result.calls) lines.push(...indent(callLines(call, options), '    '));
  }
  if (result.error !== undefined) lines.push(...indent(formatError(result, options).split('\n'), '  '));
  return lines.join('\n');
}

/** A harness error: `Error at file:line:column: message`, then the hint. */
export function formatError(result: ScenarioResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const e = result.error;
  if (e === undefined) return '';
  let where = portablePath(result.file);
  if (e.line !== undefined) where += `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}`;
  const [first = '', ...rest] = safeLines(e.message);
  const lines = [`${c.red('Error')} at ${where}: ${first}`, ...indent(rest, '  ')];
  if (e.hint !== undefined) lines.push(`  ${c.yellow('hint:')} ${oneLine(e.hint)}`);
  return lines.join('\n');
}

/** `3 scenarios: 1 passed, 1 failed, 1 error · 9 assertions, 1 failed · seed 42` */
export function formatSummary(suite: SuiteResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const t = suite.totals;
  const failed = t.failed > 0 ? c.red(`${t.failed} failed`) : `${t.failed} failed`;
  const errors = t.errors > 0 ? c.red(plural(t.errors, 'error')) : plural(t.errors, 'error');
  const passed = t.passed > 0 ? c.green(`${t.passed} passed`) : `${t.passed} passed`;
  const assertionsFailed = t.assertionsFailed > 0 ? c.red(`${t.assertionsFailed} failed`) : `${t.assertionsFailed} failed`;
  const parts = [`${plural(t.scenarios, 'scenario')}: ${passed}, ${failed}, ${errors}`, `${plural(t.assertions, 'assertion')}, ${assertionsFailed}`];
  if (suite.seed !== null) parts.push(`seed ${suite.seed}`);
  const rate = suiteFaultRate(suite);
  if (rate.faulted > 0) parts.push(faultRateText(rate));
  return parts.join(' · ');
}

/**
 * A whole suite: one line per scenario (the lines `run` streams while it works, so exactly one per scenario,
 * first), then the errors and the failures, each under its own heading, then the summary that counts both.
 */
export function formatSuite(suite: SuiteResult, options: PrettyOptions = {}): string {
  const c = paletteFor(options);
  const nameWidth = maxOf(suite.scenarios.map((s) => oneLine(s.name).length), 0);
  const out = suite.scenarios.map((s) => formatScenarioLine(s, { ...options, nameWidth }));
  const errored = suite.scenarios.filter((s) => s.status === 'error');
  if (errored.length > 0) {
    out.push('', c.bold(`Errors (${errored.length}): stopped before the end, so no verdict; fix the input or report the defect:`));
    for (const s of errored) {
      out.push('', `${c.yellow('!')} ${c.bold(oneLine(s.name))}  ${c.dim(failureLocation(s))}`);
      out.push(...indent(formatError(s, options).split('\n'), '  '));
      // Expectations that failed before the stop still say something about the tenant.
      for (const f of s.failures) out.push(...indent((options.brief === true ? formatFailureBrief(f, s, options) : formatFailure(f, options)).split('\n'), '  '));
    }
  }
  const failed = suite.scenarios.filter((s) => s.status === 'failed');
  if (failed.length > 0) {
    out.push('', c.bold(`Failures (${failed.length}):`));
    for (const s of failed) {
      out.push('', `${c.red('✗')} ${c.bold(oneLine(s.name))}  ${c.dim(failureLocation(s))}`);
      for (const f of s.failures) out.push(...indent((options.brief === true ? formatFailureBrief(f, s, options) : formatFailure(f, options)).split('\n'), '  '));
    }
  }
  out.push('', formatSummary(suite, options));
  return out.join('\n');
}
