/**
 * Runs share nothing: scenarios played side by side in one process, some of them inspected for coverage at
 * the same time, give exactly the reports they give alone, and an inspector sees its own run's actors only.
 */
import type { InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { suiteRecorders } from '../../../sim/modelling/coverage.js';
import { toJsonReport } from '../../../sim/report/json.js';
import { runScenario, suiteOf } from '../../../sim/runner.js';
import { discoverScenarioFiles } from '../../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import type { Scenario } from '../../../sim/scenario/schema.js';

/** Twenty different built-in scenarios, spread over the whole suite. */
function twentyScenarios(): Scenario[] {
  const files = discoverScenarioFiles(['scenarios']).sort();
  const step = files.length / 20;
  return Array.from({ length: 20 }, (_, i) => loadScenarioFile(files[Math.floor(i * step)] as string));
}

const jsonOf = async (scenario: Scenario, inspect?: (e: InspectionEvent) => void): Promise<string> =>
  toJsonReport(suiteOf([await runScenario(scenario, inspect ? { inspect } : {})], null));

/** An inspector that counts the events it sees, by actor machine. */
function counter(): { inspect: (e: InspectionEvent) => void; seen: Record<string, number> } {
  const seen: Record<string, number> = {};
  return {
    seen,
    inspect: (e) => {
      const id = (e.actorRef as { logic?: { id?: string } }).logic?.id ?? '?';
      const key = `${id} ${e.type}`;
      seen[key] = (seen[key] ?? 0) + 1;
    },
  };
}

const covered = (recs: Awaited<ReturnType<typeof suiteRecorders>>) => ({
  agent: [...recs.agent.transitions].sort(),
  session: [...recs.session.transitions].sort(),
});

describe('runs side by side in one process', () => {
  it('20 scenarios run concurrently, with coverage inspection at the same time, give the JSON they give alone', async () => {
    const scenarios = twentyScenarios();
    expect(new Set(scenarios.map((s) => s.file)).size).toBe(20);
    const inspected = scenarios.slice(0, 3);

    const alone: string[] = [];
    for (const s of scenarios) alone.push(await jsonOf(s));
    const aloneCounts: Record<string, number>[] = [];
    for (const s of inspected) {
      const c = counter();
      await jsonOf(s, c.inspect);
      aloneCounts.push(c.seen);
    }
    const aloneCoverage = covered(await suiteRecorders(inspected));

    const counters = inspected.map(() => counter());
    const [together, inspectedTogether, coverageTogether] = await Promise.all([
      Promise.all(scenarios.map((s) => jsonOf(s))),
      Promise.all(inspected.map((s, i) => jsonOf(s, counters[i]?.inspect))),
      suiteRecorders(inspected),
    ]);

    together.forEach((json, i) => expect(json, scenarios[i]?.file).toBe(alone[i]));
    inspectedTogether.forEach((json, i) => expect(json, inspected[i]?.file).toBe(alone[i]));
    // Each inspector saw exactly its own run: the same events as alone, none of the other runs'.
    expect(counters.map((c) => c.seen)).toEqual(aloneCounts);
    expect(aloneCounts.every((c) => Object.keys(c).length > 0)).toBe(true);
    expect(covered(coverageTogether)).toEqual(aloneCoverage);
  }, 300_000);
});
