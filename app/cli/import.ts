/**
 * `nimbus-sim import <exports-folder> [--out F] [--redact] [--tenant-name N]`: customer exports (Graph JSON,
 * Teams PowerShell JSON, a service sheet) to a scenario tenant fragment, and what was missing or odd.
 */
import { readFileSync } from 'node:fs';
import { ExportReadError, formatFinding, readExportFolder, renderTenantYaml, writeValidatedFragment } from '../../sim/support/exportFolder.js';
import { importTenant } from '../../sim/support/importTenant.js';
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import type { ParsedArgs } from './args.js';
import { requirePath, writeOutputOrFail } from './output.js';

export function importCommand(args: ParsedArgs): number {
  const dir = args.positionals[0];
  if (!dir || args.positionals.length > 1) {
    process.stderr.write('usage: nimbus-sim import <exports-folder> [--out _tenant.yaml] [--redact] [--tenant-name NAME]\n');
    return 2;
  }
  let read;
  try {
    read = readExportFolder(dir);
  } catch (err) {
    if (err instanceof ExportReadError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const redact = args.values.redact === true;
  const tenantName = typeof args.values['tenant-name'] === 'string' ? args.values['tenant-name'] : undefined;
  const result = importTenant(read.sources, { redact, ...(tenantName ? { tenantName } : {}) });
  const yaml = renderTenantYaml(result, read.files, redact);
  const out = typeof args.values.out === 'string' ? args.values.out : undefined;
  if (out !== undefined) {
    requirePath('--out', out);
    // The file must load as it is: it is validated with the scenario loader before it appears at `out`.
    try {
      writeValidatedFragment(out, yaml, loadTenantOrScenario, (staged) => writeOutputOrFail('--out', out, readFileSync(staged, 'utf8')));
    } catch (err) {
      if (err instanceof ScenarioLoadError) {
        process.stderr.write(`the imported tenant does not validate, so ${out} was not written (a nimbus-sim defect, please report it):\n${err.format()}\n`);
        return 1;
      }
      throw err;
    }
    process.stderr.write(`wrote ${out}: ${result.tenant.services.length} services, ${result.tenant.users.length} users\n`);
  } else {
    process.stdout.write(yaml);
  }
  for (const f of result.findings) process.stderr.write(`${formatFinding(f)}\n`);
  process.stderr.write(`${result.findings.length} finding(s): ${result.findings.filter((f) => f.kind === 'missing').length} missing, ${result.findings.filter((f) => f.kind === 'odd').length} odd\n`);
  return 0;
}
