/** Shared helpers for the loader tests: fixture paths and "this must fail with these problems". */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ScenarioLoadError, type ScenarioProblem } from '../../../sim/scenario/errors.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const fixture = (relativePath: string): string => `${FIXTURES}${relativePath}`;
export const invalid = (name: string): string => fixture(`invalid/${name}`);
export const valid = (name: string): string => fixture(`valid/${name}`);

/** The ScenarioLoadError `run` throws; fails the test if it throws something else or nothing. */
export function loadError(run: () => unknown): ScenarioLoadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioLoadError);
    return error as ScenarioLoadError;
  }
  throw new Error('expected a ScenarioLoadError, but loading succeeded');
}

export const problemsOfFile = (path: string): ScenarioProblem[] => loadError(() => loadScenarioFile(path)).problems;

export interface ExpectedProblem {
  line: number;
  column: number;
  message: string;
  hint?: string;
  expected?: string;
}

/** Asserts one problem at exactly this position whose texts contain the given substrings. */
export function expectProblem(problems: ScenarioProblem[], wanted: ExpectedProblem): ScenarioProblem {
  const at = problems.filter((p) => p.line === wanted.line && p.column === wanted.column);
  const summary = problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n');
  const match = at.find((p) => p.message.includes(wanted.message));
  expect(match, `no problem at ${wanted.line}:${wanted.column} containing "${wanted.message}"; got:\n${summary}`).toBeDefined();
  const problem = match as ScenarioProblem;
  if (wanted.hint !== undefined) expect(problem.hint ?? '').toContain(wanted.hint);
  if (wanted.expected !== undefined) expect(problem.expected ?? '').toContain(wanted.expected);
  return problem;
}
