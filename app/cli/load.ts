/** Finds and loads scenario files for a command; any bad file stops the command before anything runs. */
import { discoverScenarioFiles, suiteRoot } from '../../sim/scenario/discover.js';
import { ScenarioLoadError, type ScenarioProblem } from '../../sim/scenario/errors.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/schema.js';

export interface Loaded {
  scenarios: Scenario[];
  problems: ScenarioProblem[];
}

export function loadAll(paths: string[], opts: { allowOutsideRoot?: boolean } = {}): Loaded {
  const given = paths.length > 0 ? paths : ['scenarios'];
  const files = discoverScenarioFiles(given);
  const root = suiteRoot(given);
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    try {
      scenarios.push(loadScenarioFile(file, { root, allowOutsideRoot: opts.allowOutsideRoot ?? false }));
    } catch (err) {
      if (err instanceof ScenarioLoadError) problems.push(...err.problems);
      else throw err;
    }
  }
  return { scenarios, problems };
}

export function printProblems(problems: ScenarioProblem[]): void {
  process.stderr.write(`${new ScenarioLoadError(problems).format()}\n`);
  const files = new Set(problems.map((p) => p.file)).size;
  process.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was run.\n`);
}

/** Every scenario of `paths` for a command; on any problem they are printed and the exit code is 2. */
export function loadForCommand(paths: string[], opts: { allowOutsideRoot?: boolean } = {}): Scenario[] | 2 {
  try {
    const { scenarios, problems } = loadAll(paths, opts);
    if (problems.length === 0) return scenarios;
    printProblems(problems);
    return 2;
  } catch (err) {
    if (!(err instanceof ScenarioLoadError)) throw err;
    printProblems(err.problems);
    return 2;
  }
}

/** One file (a scenario or a tenant fragment) for a command; a problem is printed and the exit code is 2. */
export function loadOneForCommand(path: string, load: (path: string) => Scenario): Scenario | 2 {
  try {
    return load(path);
  } catch (err) {
    if (err instanceof ScenarioLoadError) printProblems(err.problems);
    else process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
