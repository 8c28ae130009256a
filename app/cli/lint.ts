/** `nimbus-sim lint <scenario or tenant fragment> [--json]`: licensing preflight; exit 1 when there are errors. */
import { formatLint, lintScenario } from '../../sim/support/lint.js';
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import { loadOneForCommand } from './load.js';
import type { ParsedArgs } from './args.js';

export async function lintCommand(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) {
    process.stderr.write('usage: nimbus-sim lint <scenario.yaml | _tenant.yaml>... [--json]\n');
    return 2;
  }
  let errors = 0;
  const reports = [];
  for (const path of args.positionals) {
    const scenario = loadOneForCommand(path, loadTenantOrScenario);
    if (scenario === 2) return 2;
    const report = await lintScenario(scenario);
    report.scenario = path;
    errors += report.counts.error;
    reports.push(report);
    if (args.values.json !== true) process.stdout.write(`${args.positionals.length > 1 ? `${path}\n` : ''}${formatLint(report)}`);
  }
  if (args.values.json === true) {
    const plain = reports.map((r) => ({ ...r, findings: r.findings.map(({ decision: _d, ...f }) => f) }));
    process.stdout.write(`${JSON.stringify(plain.length === 1 ? plain[0] : plain, null, 2)}\n`);
  }
  return errors > 0 ? 1 : 0;
}
