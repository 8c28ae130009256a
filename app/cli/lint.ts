/** `nimbus-sim lint <scenario or tenant fragment> [--json]`: licensing preflight; exit 1 when there are errors. */
import { ScenarioLoadError, type ScenarioProblem } from '../../sim/scenario/errors.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { formatLint, lintScenario } from '../../sim/support/lint.js';
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import type { ParsedArgs } from './args.js';

/**
 * Every named file, loaded before any is linted: a file that cannot be loaded is a problem of the input,
 * listed on its own with the other problems, never between the findings of the files that loaded.
 */
function loadEach(paths: readonly string[]): { loaded: { path: string; scenario: Scenario }[]; problems: ScenarioProblem[]; missing: string[] } {
  const loaded: { path: string; scenario: Scenario }[] = [];
  const problems: ScenarioProblem[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    try {
      loaded.push({ path, scenario: loadTenantOrScenario(path) });
    } catch (err) {
      if (err instanceof ScenarioLoadError) problems.push(...err.problems);
      else if (err instanceof Error) missing.push(err.message);
      else throw err;
    }
  }
  return { loaded, problems, missing };
}

export async function lintCommand(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) {
    process.stderr.write('usage: nimbus-sim lint <scenario.yaml | _tenant.yaml>... [--json]\n');
    return 2;
  }
  const { loaded, problems, missing } = loadEach(args.positionals);
  if (problems.length > 0 || missing.length > 0) {
    for (const message of missing) process.stderr.write(`${message}\n`);
    if (problems.length > 0) process.stderr.write(`${new ScenarioLoadError(problems).format()}\n`);
    const count = problems.length + missing.length;
    const bad = new Set(problems.map((p) => p.file)).size + missing.length;
    process.stderr.write(`\n${count} problem${count === 1 ? '' : 's'} in ${bad} file${bad === 1 ? '' : 's'}; ${loaded.length} loaded; nothing was linted.\n`);
    return 2;
  }
  let errors = 0;
  const reports = [];
  for (const { path, scenario } of loaded) {
    const report = await lintScenario(scenario);
    report.scenario = path;
    errors += report.counts.error;
    reports.push(report);
    if (args.values.json !== true) process.stdout.write(`${loaded.length > 1 ? `${path}\n` : ''}${formatLint(report)}`);
  }
  if (args.values.json === true) {
    const plain = reports.map((r) => ({ ...r, findings: r.findings.map(({ decision: _d, ...f }) => f) }));
    process.stdout.write(`${JSON.stringify(plain.length === 1 ? plain[0] : plain, null, 2)}\n`);
  }
  return errors > 0 ? 1 : 0;
}
