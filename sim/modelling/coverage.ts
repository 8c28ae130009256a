/**
 * Machine coverage: for each machine, the states and transitions of its graph, how many the generated
 * model paths take, and how many the scenario suite takes (recorded from the engine's actors through
 * `inspect` while the suite runs).
 */
import type { ScenarioResult } from '../result.js';
import { runSuite } from '../runner.js';
import type { Scenario } from '../scenario/schema.js';
import { machineGraph, TransitionRecorder } from './machineGraph.js';
import { MACHINES, runAgentModels, runSessionModels, type MachineName } from './modelRun.js';

export interface CoverageCount {
  states: number;
  transitions: number;
}

export interface MachineCoverage {
  machine: MachineName;
  id: string;
  total: CoverageCount;
  generated: CoverageCount & { paths: number; steps: number; failures: number; uncoveredTransitions: string[]; uncoveredStates: string[] };
  suite: (CoverageCount & { scenarios: number; uncoveredTransitions: string[]; uncoveredStates: string[] }) | null;
}

export interface CoverageReport {
  machines: MachineCoverage[];
  /** Suite scenarios a harness error stopped: their transitions count only up to the stop. */
  stopped: { file: string; line: number | null; message: string }[];
}

function counts(rec: TransitionRecorder) {
  const g = rec.graph;
  const tr = g.transitions.filter((t) => rec.transitions.has(t.key));
  const st = g.states.filter((s) => rec.states.has(s.id));
  return {
    states: st.length,
    transitions: tr.length,
    uncoveredTransitions: g.transitions.filter((t) => !rec.transitions.has(t.key)).map((t) => t.label),
    uncoveredStates: g.states.filter((s) => !rec.states.has(s.id)).map((s) => s.path),
  };
}

/** Runs the scenarios with the engine's actors inspected; returns one recorder per machine. */
export async function suiteRecorders(scenarios: Scenario[], onResult?: (r: ScenarioResult) => void): Promise<Record<MachineName, TransitionRecorder>> {
  const recs: Record<MachineName, TransitionRecorder> = {
    agent: new TransitionRecorder(machineGraph(MACHINES.agent)),
    session: new TransitionRecorder(machineGraph(MACHINES.session)),
  };
  await runSuite(scenarios, {
    inspect: (e) => {
      recs.agent.inspect(e);
      recs.session.inspect(e);
    },
    ...(onResult ? { onResult } : {}),
  });
  return recs;
}

export async function coverageReport(scenarios: Scenario[] | null): Promise<CoverageReport> {
  const generated = { agent: runAgentModels(), session: runSessionModels() };
  const stopped: CoverageReport['stopped'] = [];
  const noteStop = (r: ScenarioResult): void => {
    if (r.error) stopped.push({ file: r.file, line: r.error.line ?? null, message: r.error.message });
  };
  const suite = scenarios ? await suiteRecorders(scenarios, noteStop) : null;
  const machines: MachineCoverage[] = (['agent', 'session'] as const).map((name) => {
    const g = generated[name];
    const graph = g.recorder.graph;
    const gen = counts(g.recorder);
    const s = suite ? counts(suite[name]) : null;
    return {
      machine: name,
      id: graph.machineId,
      total: { states: graph.states.length, transitions: graph.transitions.length },
      generated: { ...gen, paths: g.paths, steps: g.steps, failures: g.failures.length },
      suite: s && scenarios ? { ...s, scenarios: scenarios.length } : null,
    };
  });
  return { machines, stopped };
}

const pct = (n: number, d: number): string => `${d === 0 ? 100 : Math.floor((1000 * n) / d) / 10}%`;

export function formatCoverage(report: CoverageReport): string {
  const lines: string[] = [];
  for (const m of report.machines) {
    // The names users see everywhere (CLI options, docs, the explorer): the agent and the call session machine.
    lines.push(`${m.machine === 'agent' ? 'agent' : 'call session'} machine: ${m.total.states} states, ${m.total.transitions} transitions`);
    lines.push(
      `  generated paths   ${String(m.generated.transitions).padStart(3)}/${m.total.transitions} transitions (${pct(m.generated.transitions, m.total.transitions)})  ${m.generated.states}/${m.total.states} states  from ${m.generated.paths} paths, ${m.generated.steps} steps, ${m.generated.failures} failing`,
    );
    if (m.suite) {
      lines.push(
        `  scenario suite    ${String(m.suite.transitions).padStart(3)}/${m.total.transitions} transitions (${pct(m.suite.transitions, m.total.transitions)})  ${m.suite.states}/${m.total.states} states  from ${m.suite.scenarios} scenarios`,
      );
    }
    for (const t of m.generated.uncoveredTransitions) lines.push(`    not taken by generated paths: ${t}`);
    for (const s of m.generated.uncoveredStates) lines.push(`    not reached by generated paths: ${s}`);
    if (m.suite) {
      for (const t of m.suite.uncoveredTransitions) lines.push(`    not taken by the suite: ${t}`);
      for (const s of m.suite.uncoveredStates) lines.push(`    not reached by the suite: ${s}`);
    }
    lines.push('');
  }
  if (report.stopped.length > 0) {
    lines.push(`Stopped by a harness error (${report.stopped.length}; the suite figures above count their transitions only up to the stop):`);
    for (const s of report.stopped) lines.push(`  ${s.file}${s.line === null ? '' : `:${s.line}`}: ${s.message}`);
    lines.push('');
  }
  return lines.join('\n');
}
