/**
 * Reads a folder of customer exports (file names as `nimbus-sim import --help` and the README list them),
 * parses the service sheet (CSV or YAML) and writes the imported tenant as a YAML fragment with the findings
 * as comments on top.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { ScenarioLoadError } from '../scenario/errors.js';
import type { ExportSources, ImportFinding, ImportResult, Json, ServiceSheetRow } from './importTenant.js';

/** Export file names (compared case-insensitively, `.json`) to the source they feed. */
const FILES: Record<string, keyof Omit<ExportSources, 'licenseDetails' | 'serviceSheet'>> = {
  'users.json': 'graphUsers',
  'subscribedskus.json': 'subscribedSkus',
  'presence.json': 'presence',
  'presences.json': 'presence',
  'get-csonlineuser.json': 'csOnlineUser',
  'get-csonlineapplicationinstance.json': 'csApplicationInstance',
  'get-csphonenumberassignment.json': 'csPhoneNumberAssignment',
};

export class ExportReadError extends Error {}

/** An export file's text; a folder or an unreadable file where a file belongs is the user's to fix. */
const readText = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new ExportReadError(`${file}: ${code === 'EISDIR' ? 'is a folder; an export file was expected here' : `cannot be read (${String(code ?? err)})`}`);
  }
};

const readJson = (file: string): Json => {
  const text = readText(file).replace(/^\uFEFF/, ''); // PowerShell's Out-File writes a BOM
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    throw new ExportReadError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
};

export function readExportFolder(dir: string): { sources: ExportSources; files: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ExportReadError(`${dir}: not a folder of exports`);
  const sources: ExportSources = {};
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const key = FILES[name.toLowerCase()];
    if (key) {
      sources[key] = readJson(path);
      files.push(name);
    } else if (/^licensedetails\.json$/i.test(name)) {
      const all = readJson(path);
      if (typeof all !== 'object' || all === null || Array.isArray(all)) throw new ExportReadError(`${path}: expected an object keyed by user id or UPN`);
      sources.licenseDetails = { ...sources.licenseDetails, ...all };
      files.push(name);
    } else if (/^licensedetails$/i.test(name) && statSync(path).isDirectory()) {
      for (const f of readdirSync(path).sort().filter((f) => f.toLowerCase().endsWith('.json'))) {
        sources.licenseDetails = { ...sources.licenseDetails, [basename(f, '.json')]: readJson(join(path, f)) };
        files.push(`${name}/${f}`);
      }
    } else if (/^services\.(csv|ya?ml)$/i.test(name)) {
      sources.serviceSheet = parseServiceSheet(readText(path), name);
      files.push(name);
    }
  }
  if (files.length === 0) throw new ExportReadError(`${dir}: no known export files (users.json, Get-CsOnlineUser.json, services.csv, ...)`);
  return { sources, files };
}

const SHEET_COLUMNS: Record<string, keyof ServiceSheetRow> = {
  service: 'service',
  name: 'service',
  servicename: 'service',
  license: 'license',
  licensetier: 'license',
  tier: 'license',
  assignment: 'assignment',
  assignmenttype: 'assignment',
  userassignmenttype: 'assignment',
  inbound: 'inbound',
  outbound: 'outbound',
  members: 'members',
  resourceaccount: 'resourceAccount',
  resourceaccountupn: 'resourceAccount',
  nimbuslicense: 'nimbusLicense',
  memberlicense: 'nimbusLicense',
  workflow: 'workflow',
  avworkflow: 'workflow',
};

/** CSV with a header row (quotes allowed), or YAML: a list of rows or `{ services: [...] }`. */
export function parseServiceSheet(text: string, name: string): ServiceSheetRow[] {
  const rows: Record<string, unknown>[] = [];
  if (/\.ya?ml$/i.test(name)) {
    let data: unknown;
    try {
      // The library's own alias limit stops a YAML alias bomb; it throws, which is the file's fault, not ours.
      data = parseYaml(text);
    } catch (err) {
      throw new ExportReadError(`${name}: not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
    const items: unknown = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['services'] : undefined;
    if (!Array.isArray(items)) throw new ExportReadError(`${name}: expected a list of services`);
    for (const item of items) if (typeof item === 'object' && item !== null) rows.push(item as Record<string, unknown>);
  } else {
    const lines = csvRows(text.replace(/^\uFEFF/, ''));
    const header = lines.shift() ?? [];
    for (const cells of lines) rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }
  return rows.map((raw, i) => {
    const row: Partial<Record<keyof ServiceSheetRow, unknown>> = {};
    for (const [k, v] of Object.entries(raw)) {
      const col = SHEET_COLUMNS[k.toLowerCase().replace(/[\s_-]/g, '')];
      if (col) row[col] = v;
    }
    if (typeof row.service !== 'string' || row.service.trim() === '') throw new ExportReadError(`${name}: row ${i + 1} has no service name`);
    const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
    const out: ServiceSheetRow = { service: row.service };
    const set = <K extends keyof ServiceSheetRow>(k: K, v: ServiceSheetRow[K] | undefined) => {
      if (v !== undefined) out[k] = v;
    };
    set('license', text(row.license));
    set('assignment', text(row.assignment));
    set('inbound', typeof row.inbound === 'boolean' ? row.inbound : text(row.inbound));
    set('outbound', typeof row.outbound === 'boolean' ? row.outbound : text(row.outbound));
    set('members', Array.isArray(row.members) ? row.members.map(String) : text(row.members));
    set('resourceAccount', text(row.resourceAccount));
    set('nimbusLicense', text(row.nimbusLicense));
    set('workflow', Array.isArray(row.workflow) ? row.workflow.map(String).join('; ') : text(row.workflow));
    return out;
  });
}

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell.trim());
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

export function formatFinding(f: ImportFinding): string {
  return `${f.kind === 'missing' ? 'missing' : 'odd    '}  ${f.subject}: ${f.message}`;
}

/**
 * Text that stays inside one `#` comment line. A finding quotes export data, and a line break in it (a CSV
 * cell may hold one) would end the comment and turn the rest into live YAML keys of the fragment. Line
 * breaks and other control characters are written as visible escapes instead.
 */
function commentText(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => {
    if (c === '\t') return ' ';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Writes the fragment to `out` only once it validates: it is written and loaded under a temporary name in a
 * private folder next to `out`, then renamed into place, so an import that fails validation (or is
 * interrupted) leaves nothing at `out`. The loader's problems name `out`, not the temporary file.
 */
export function writeValidatedFragment(
  out: string,
  yaml: string,
  validate: (path: string) => unknown,
  publish: (staged: string) => void = (staged) => renameSync(staged, out),
): void {
  const home = resolve(dirname(out));
  mkdirSync(home, { recursive: true });
  const folder = mkdtempSync(join(home, '.nimbus-sim-import-'));
  const staged = join(folder, basename(out));
  try {
    writeFileSync(staged, yaml);
    try {
      validate(staged);
    } catch (error) {
      if (!(error instanceof ScenarioLoadError)) throw error;
      throw new ScenarioLoadError(error.problems.map((p) => ({ ...p, file: p.file.split(folder).join(home) })));
    }
    publish(staged);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The fragment file: a header naming the sources and findings, then tenant, services and users. */
export function renderTenantYaml(result: ImportResult, sourceFiles: string[], redacted: boolean): string {
  // Per-user file names carry UPNs: a redacted file names only how many there were.
  const perUser = sourceFiles.filter((f) => f.includes('/'));
  const sources = redacted && perUser.length > 0 ? [...sourceFiles.filter((f) => !f.includes('/')), `licenseDetails/ (${perUser.length} files)`] : sourceFiles;
  const head = [
    '# Tenant imported by `nimbus-sim import` (a fragment: scenarios use it with `extends:`).',
    `# Sources: ${sources.join(', ')}${redacted ? ' (redacted: names, UPNs and numbers are stable pseudonyms)' : ''}`,
    ...(result.findings.length > 0 ? ['#', `# ${result.findings.length} finding(s) while importing:`, ...result.findings.map((f) => `#   ${commentText(formatFinding(f))}`)] : ['# Nothing was missing or odd.']),
    '',
  ];
  return `${head.join('\n')}${stringify(result.tenant, { lineWidth: 0, flowCollectionPadding: true })}`;
}
