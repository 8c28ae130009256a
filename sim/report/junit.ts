/**
 * JUnit XML (`junit.xml`) for CI test tabs: GitHub (test-reporter actions), GitLab `artifacts:reports:junit`
 * and Jenkins `junit`. One `<testsuite>` per scenario folder, one `<testcase>` per scenario.
 *
 * `time` attributes are WALL-CLOCK seconds, what a CI test tab shows and sums: how long each scenario took to
 * run, measured by the caller (`run`) and passed in, since results hold no wall-clock value (the JSON report
 * stays byte-identical). The simulated duration is the test case's `nimbus-sim.virtualSeconds` property; each
 * suite's `time.unit` property says so. Without measured times, `time` is 0. An assertion failure is a
 * `<failure type="AssertionFailed">` with expected vs actual and the decision trail; a harness error (bad
 * input found while running, or a defect) is an `<error type="HarnessError">`.
 */
import path from 'node:path';
import type { ScenarioResult, SuiteResult } from '../result.js';
import { formatError, formatFailure, formatScenarioDetail } from './pretty.js';
import { compact, oneLine, portablePath } from './text.js';
import { el, escapeXmlText } from './xml.js';
import { faultRateText, suiteFaultRate } from './faultRate.js';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** Wall-clock milliseconds each scenario took to run, as `run` measured them. */
export type WallTimes = ReadonlyMap<ScenarioResult, number>;

/** Folder of a scenario file, `.` for files at the top level. */
function scenarioFolder(result: ScenarioResult): string {
  const dir = path.posix.dirname(portablePath(result.file));
  return dir === '' ? '.' : dir;
}

/** `scenarios.licensing.scenario-b`: folders as packages, the file (without extension) as class. */
export function junitClassname(result: ScenarioResult): string {
  const file = portablePath(result.file);
  const dir = path.posix.dirname(file);
  const base = path.posix.basename(file).replace(/\.(ya?ml|json)$/i, '').replace(/\./g, '_');
  const pkg = dir === '.' || dir === '' ? [] : dir.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  return [...pkg.map((p) => p.replace(/\./g, '_')), base].join('.');
}

function testcase(result: ScenarioResult, wallMs: WallTimes): string {
  const plain = { color: false } as const;
  const children: string[] = [el('properties', {}, [el('property', { name: 'nimbus-sim.virtualSeconds', value: seconds(result.virtualDurationMs) })])];
  if (result.failures.length > 0) {
    const first = result.failures[0];
    const more = result.failures.length > 1 ? ` (and ${result.failures.length - 1} more)` : '';
    const message = first === undefined ? 'assertion failed' : `${first.key} ${first.subject}: expected ${compact(first.expected)}, actual ${compact(first.actual)}${more}`;
    const text = result.failures.map((f) => `${portablePath(result.file)}:${f.line}\n${formatFailure(f, plain)}`).join('\n\n');
    children.push(el('failure', { message: oneLine(message), type: 'AssertionFailed' }, escapeXmlText(text)));
  } else if (result.status === 'failed') {
    children.push(el('failure', { message: 'scenario failed', type: 'AssertionFailed' }, escapeXmlText('The scenario is marked failed but records no failed assertion.')));
  }
  if (result.error !== undefined) {
    children.push(el('error', { message: oneLine(result.error.message), type: 'HarnessError' }, escapeXmlText(formatError(result, plain))));
  }
  if (result.status !== 'passed') {
    children.push(el('system-out', {}, escapeXmlText(formatScenarioDetail(result, plain))));
  }
  const line = result.failures[0]?.line ?? result.error?.line;
  return el(
    'testcase',
    {
      classname: junitClassname(result),
      name: oneLine(result.name),
      time: seconds(wallMs.get(result) ?? 0),
      file: portablePath(result.file),
      line,
      assertions: result.assertions.passed + result.assertions.failed,
    },
    children,
  );
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  ms: number;
}

function counts(results: readonly ScenarioResult[], wallMs: WallTimes): Counts {
  return {
    tests: results.length,
    // A scenario with both failed assertions and a harness error counts as an error only.
    failures: results.filter((r) => r.status === 'failed').length,
    errors: results.filter((r) => r.status === 'error').length,
    ms: results.reduce((n, r) => n + (wallMs.get(r) ?? 0), 0),
  };
}

export function toJUnitXml(suite: SuiteResult, wallMs: WallTimes = new Map()): string {
  const groups = new Map<string, ScenarioResult[]>();
  for (const s of suite.scenarios) {
    const folder = scenarioFolder(s);
    const group = groups.get(folder);
    if (group === undefined) groups.set(folder, [s]);
    else group.push(s);
  }
  const properties = el(
    'properties',
    {},
    [
      ['time.unit', "wall-clock seconds; the simulated time is each test case's nimbus-sim.virtualSeconds property"],
      ['nimbus-sim.version', suite.tool.version],
      ['nimbus-sim.seed', suite.seed === null ? 'per scenario' : String(suite.seed)],
      ['nimbus-sim.graphFaultRate', faultRateText(suiteFaultRate(suite))],
    ].map(([name, value]) => el('property', { name, value })),
  );
  const suites = [...groups].map(([folder, results]) => {
    const c = counts(results, wallMs);
    return el(
      'testsuite',
      { name: folder, tests: c.tests, failures: c.failures, errors: c.errors, skipped: 0, time: seconds(c.ms) },
      [properties, ...results.map((r) => testcase(r, wallMs))],
    );
  });
  const all = counts(suite.scenarios, wallMs);
  const root = el('testsuites', { name: 'nimbus-sim', tests: all.tests, failures: all.failures, errors: all.errors, time: seconds(all.ms) }, suites);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
