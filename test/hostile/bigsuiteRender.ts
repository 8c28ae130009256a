/**
 * The child process of bigsuite.test.ts: renders one scenario with `count` calls, or a suite of `count`
 * scenarios, through every reporter and prints one JSON line of outcomes. The test starts it with a stack an
 * eighth of Node's default, so a reporter that spreads a run-sized list into a call (`Math.max(...xs)`,
 * `push(...xs)`) overflows at a count where it would pass on the default stack (about 125k elements there).
 * Usage: node --stack-size=<kilobytes> --import tsx test/hostile/bigsuiteRender.ts calls|scenarios <count>
 */
import type { ScenarioResult, SuiteResult } from '../../sim/result.js';
import { toJsonReport } from '../../sim/report/json.js';
import { toJUnitXml } from '../../sim/report/junit.js';
import { toMarkdown } from '../../sim/report/markdown.js';
import { toHtml } from '../../sim/report/html.js';
import { formatScenarioDetail, formatSuite } from '../../sim/report/pretty.js';
import { scenarioA, scenarioB, suiteOf } from '../fixtures/results.js';

/** What one rendering did: the check it passed, or the error it threw. */
export interface RenderOutcome {
  what: string;
  passed: boolean;
  error?: string;
}

/** Scenario B with its one call, step, timeline entry and user repeated `calls` times. */
function hugeScenario(calls: number): ScenarioResult {
  const b = scenarioB();
  const [call] = b.calls;
  const [step] = b.steps;
  const [entry] = b.timeline;
  return {
    ...b,
    // Lean calls (no sessions or transfers) keep the reports small enough to render in a few seconds.
    calls: Array.from({ length: calls }, (_, i) => ({ ...call!, id: `c${i}`, serviceSessions: [], userSessions: [], transfers: [] })),
    steps: Array.from({ length: calls }, (_, i) => ({ ...step!, index: i, at: i * 10, text: `c${i} rings service B` })),
    timeline: Array.from({ length: calls }, (_, i) => ({ ...entry!, at: i * 10, subject: `call:c${i}` })),
    virtualDurationMs: calls * 10,
  };
}

function attempt(what: string, check: () => boolean): RenderOutcome {
  try {
    return { what, passed: check() };
  } catch (e) {
    return { what, passed: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function everyReporter(name: string, suite: SuiteResult): RenderOutcome[] {
  return [
    attempt(`${name}: JSON`, () => (JSON.parse(toJsonReport(suite)) as SuiteResult).scenarios.length === suite.scenarios.length),
    attempt(`${name}: JUnit`, () => toJUnitXml(suite).includes('</testsuites>')),
    attempt(`${name}: Markdown`, () => toMarkdown(suite).length > 100),
    attempt(`${name}: HTML`, () => toHtml(suite).includes('</html>')),
    attempt(`${name}: console summary`, () => formatSuite(suite).length > 100),
  ];
}

/** The two shapes of a big run; the test renders them in two processes at once. */
export type BigRun = 'calls' | 'scenarios';

function render(run: BigRun, size: number): RenderOutcome[] {
  if (run === 'scenarios') {
    const many = Array.from({ length: size }, (_, i) => ({ ...scenarioA(), name: `scenario ${i}`, file: `scenarios/s${i}.yaml` }));
    return everyReporter(`${size} scenarios`, suiteOf(many));
  }
  const big = hugeScenario(size);
  return [
    ...everyReporter(`one scenario with ${size} calls`, suiteOf([big])),
    attempt(`the detail of a ${size}-call scenario lists every step`, () => formatScenarioDetail(big).includes(`c${size - 1} rings service B`)),
  ];
}

const [run, size] = [process.argv[2] as BigRun, Number(process.argv[3])];
// The control first: spreading a list of the run's size into a call must overflow this process's stack, or the
// renderings would prove nothing.
const control = attempt('control: Math.max(...a list of the run size)', () => Math.max(...Array.from({ length: size }, (_, i) => i)) === size - 1);
process.stdout.write(`${JSON.stringify([control, ...render(run, size)])}\n`);
