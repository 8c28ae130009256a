/**
 * Problems found while loading scenario files. Every user mistake (syntax, schema, references, extends,
 * missing paths) ends up here so that the CLI prints `file:line:col: message` lines a QA engineer can act
 * on, never a stack trace.
 */

export interface ScenarioProblem {
  file: string;
  /** 1-based; 0 when the problem concerns the file as a whole (missing file, too large). */
  line: number;
  /** 1-based; 0 together with line 0. */
  column: number;
  message: string;
  /** What would have been accepted at this place. */
  expected?: string;
  /** How to fix it, including "did you mean" suggestions. */
  hint?: string;
  /** Where in the scenario data the problem is (`['steps', 3, 'answer', 'user']`); empty for the file itself. */
  path: (string | number)[];
}

const byPosition = (a: ScenarioProblem, b: ScenarioProblem): number =>
  a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;

export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const lines = [`${where}: ${problem.message}`];
  if (problem.expected) lines.push(`    expected: ${problem.expected}`);
  if (problem.hint) lines.push(`    hint: ${problem.hint}`);
  return lines.join('\n');
}

export class ScenarioLoadError extends Error {
  readonly problems: ScenarioProblem[];

  constructor(problems: ScenarioProblem[]) {
    // Sorted once here so every consumer (CLI, reports, tests) sees problems in file order.
    const sorted = [...problems].sort(byPosition);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'ScenarioLoadError';
    this.problems = sorted;
  }

  format(): string {
    return this.problems.map(formatProblem).join('\n');
  }
}

/**
 * The command line named something that is not a scenario (missing path, wrong extension). Kept a
 * ScenarioLoadError so callers handle one error type, but distinguishable for a usage exit code.
 */
export class ScenarioUsageError extends ScenarioLoadError {
  constructor(problems: ScenarioProblem[]) {
    super(problems);
    this.name = 'ScenarioUsageError';
  }
}

/** A problem about a whole file rather than a place in it. */
export const fileProblem = (file: string, message: string, extra: { expected?: string; hint?: string } = {}): ScenarioProblem => ({
  file,
  line: 0,
  column: 0,
  message,
  ...extra,
  path: [],
});
