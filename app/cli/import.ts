/**
 * `nimbus-sim import <exports-folder> [--out F] [--redact] [--tenant-name N]`: customer exports (Graph JSON,
 * Teams PowerShell JSON, a service sheet) to a scenario tenant fragment, and what was missing or odd.
 * `--from-graph <base-url>` reads the Graph part from a live Graph instead (token in NIMBUS_SIM_GRAPH_TOKEN);
 * the folder, then optional, still gives the service sheet and PowerShell exports.
 */
import { readFileSync } from 'node:fs';
import { ExportReadError, formatFinding, readExportFolder, renderTenantYaml, writeValidatedFragment } from '../../sim/support/exportFolder.js';
import { GRAPH_TOKEN_VARIABLE, GraphImportError, readTenantFromGraph } from '../../sim/support/graphImport.js';
import { importTenant, type ExportSources } from '../../sim/support/importTenant.js';
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import type { ParsedArgs } from './args.js';
import { requirePath, writeOutputOrFail } from './output.js';

const USAGE = 'usage: nimbus-sim import <exports-folder> [--out _tenant.yaml] [--redact] [--tenant-name NAME]\n       nimbus-sim import --from-graph <base-url> [<exports-folder>] [--out _tenant.yaml] [--redact] [--tenant-name NAME]\n';

/** The sources and the names they came from: the folder's files, with Graph's reads replacing its Graph exports. */
async function readSources(args: ParsedArgs): Promise<{ sources: ExportSources; files: string[] } | number> {
  const fromGraph = args.values['from-graph'];
  const dir = args.positionals[0];
  if (args.positionals.length > 1 || fromGraph === true || (dir === undefined && fromGraph === undefined)) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const folder = dir === undefined ? { sources: {}, files: [] } : readExportFolder(dir);
    if (typeof fromGraph !== 'string') return folder;
    const graph = await readTenantFromGraph(fromGraph, process.env[GRAPH_TOKEN_VARIABLE]);
    return { sources: { ...folder.sources, ...graph }, files: [...folder.files, `Graph ${fromGraph}`] };
  } catch (err) {
    if (err instanceof ExportReadError || err instanceof GraphImportError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

export async function importCommand(args: ParsedArgs): Promise<number> {
  const read = await readSources(args);
  if (typeof read === 'number') return read;
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
        // The import wrote something its own loader refuses: a defect in nimbus-sim, not bad input (exit 3).
        process.stderr.write(`the imported tenant does not validate, so ${out} was not written (a nimbus-sim defect, please report it):\n${err.format()}\n`);
        return 3;
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
