/**
 * Issue 15: a run with more than 10k calls goes through every reporter. Spreading a large array into a call
 * (`Math.max(...xs)`, `push(...xs)`) puts every element on the stack and overflows it at around 10^5
 * arguments (less when the stack is already deep), so the reporters must not do that with run-sized lists.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../sim/result.js';
import { toJsonReport } from '../../sim/report/json.js';
import { toJUnitXml } from '../../sim/report/junit.js';
import { toMarkdown } from '../../sim/report/markdown.js';
import { toHtml } from '../../sim/report/html.js';
import { formatScenarioDetail, formatSuite } from '../../sim/report/pretty.js';
import { scenarioA, scenarioB, suiteOf } from '../fixtures/results.js';

/** Far past the ~10k where the overflow was first seen, and past V8's argument limit on any stack. */
const CALLS = 200_000;

/** Scenario B with its one call, step, timeline entry and user repeated CALLS times. */
function hugeScenario(): ScenarioResult {
  const b = scenarioB();
  const [call] = b.calls;
  const [step] = b.steps;
  const [entry] = b.timeline;
  return {
    ...b,
    // Lean calls (no sessions or transfers) keep the reports under V8's string limit at this count.
    calls: Array.from({ length: CALLS }, (_, i) => ({ ...call!, id: `c${i}`, serviceSessions: [], userSessions: [], transfers: [] })),
    steps: Array.from({ length: CALLS }, (_, i) => ({ ...step!, index: i, at: i * 10, text: `c${i} rings service B` })),
    timeline: Array.from({ length: CALLS }, (_, i) => ({ ...entry!, at: i * 10, subject: `call:c${i}` })),
    virtualDurationMs: CALLS * 10,
  };
}

describe('reporters on a run with more than 10k calls', () => {
  const big = hugeScenario();
  const many = Array.from({ length: CALLS }, (_, i) => ({ ...scenarioA(), name: `scenario ${i}`, file: `scenarios/s${i}.yaml` }));
  const suites = { 'one scenario with 200k calls': suiteOf([big]), '200k scenarios': suiteOf(many) };

  for (const [what, suite] of Object.entries(suites)) {
    it(`${what}: JSON, JUnit, Markdown, HTML and the console summary render`, () => {
      expect(JSON.parse(toJsonReport(suite)).scenarios).toHaveLength(suite.scenarios.length);
      expect(toJUnitXml(suite)).toContain('</testsuites>');
      expect(toMarkdown(suite).length).toBeGreaterThan(100);
      expect(toHtml(suite)).toContain('</html>');
      expect(formatSuite(suite).length).toBeGreaterThan(100);
    }, 120_000);
  }

  it('the detail of a 200k-call scenario lists every step', () => {
    const detail = formatScenarioDetail(big);
    expect(detail).toContain(`c${CALLS - 1} rings service B`);
  }, 120_000);
});
