/**
 * Issue 15, silent wrong results in `import`: with --redact, names and numbers from free-text cells reached the
 * header comments and findings; a line break inside a CSV cell ended a header comment and became a live YAML
 * key; an import that failed validation still left its file at --out.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-import-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/nimbus-sim.js', 'import', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

/** An export folder: one Graph user and a service sheet whose cells hold names, numbers and line breaks. */
function exportsWith(name: string, sheet: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'users.json'), JSON.stringify({ value: [{ id: 'a1b2c3d4-0000-4000-8000-000000000001', displayName: 'Anna Muster', userPrincipalName: 'anna.muster@contoso.com', assignedLicenses: [] }] }));
  writeFileSync(join(dir, 'services.csv'), sheet);
  return dir;
}

const HOSTILE_SHEET = [
  'service,license,assignment,members,resourceAccount,workflow,nimbusLicense',
  // Shifted columns: the license cell holds a person, the workflow names people and a national number.
  'Sales,Anna Muster,Bob Builder +41 79 123 45 67,anna.muster@contoso.com,,Accept; Transfer: Bob Builder; Transfer: 079 123 45 67; Call Carla Meier,Carla Meier',
  // A line break in quoted cells: it must not end a comment line of the header.
  '"Front\nDesk","Enterprise\nservices: [{ id: pwned }]\nx",MS Teams-based,anna.muster@contoso.com,,Accept',
  '',
].join('\n');
const SECRETS = ['Anna', 'Muster', 'Bob', 'Builder', 'Carla', 'Meier', '123 45 67', '791234567', 'contoso', 'Front', 'Desk'];

describe('import --redact keeps names and numbers out of the file and the findings', () => {
  it('header comments, findings on stderr and the fragment name none of them', () => {
    const dir = exportsWith('redact', HOSTILE_SHEET);
    const out = join(scratch, 'redact-out', '_tenant.yaml');
    const r = cli(dir, '--redact', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const written = readFileSync(out, 'utf8');
    for (const secret of SECRETS) {
      expect(written, `"${secret}" in the written file`).not.toContain(secret);
      expect(r.stderr, `"${secret}" in the findings`).not.toContain(secret);
    }
    // The findings are still there, saying what was wrong and where.
    expect(written).toMatch(/#\s+odd\s+service Service [0-9A-F]{6}: license tier \(redacted text of 11 characters\)/);
  });
});

describe('a line break inside a CSV cell', () => {
  it('stays inside its comment line: the fragment holds exactly tenant, services and users, and validates', () => {
    const dir = exportsWith('newline', HOSTILE_SHEET);
    const out = join(scratch, 'newline-out', '_tenant.yaml');
    const r = cli(dir, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const written = readFileSync(out, 'utf8');
    const header = written.slice(0, written.indexOf('\ntenant:'));
    for (const line of header.split('\n')) expect(line).toMatch(/^#/);
    expect(header).toContain('Enterprise\\nservices: [{ id: pwned }]\\nx');
    const data = parse(written) as { services: { id: string }[] };
    expect(Object.keys(data)).toEqual(['tenant', 'services', 'users']);
    expect(data.services.map((s) => s.id)).not.toContain('pwned');
  });
});

describe('an import that fails validation', () => {
  it('leaves nothing at --out (nor a temporary file next to it) and says so', () => {
    // Members written as display names, not UPNs: the fragment cannot validate.
    const dir = exportsWith('invalid', 'service,members\nSales,Anna Muster\n');
    const folder = join(scratch, 'invalid-out');
    const out = join(folder, '_tenant.yaml');
    const r = cli(dir, '--out', out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${out} was not written`);
    expect(r.stderr).toContain(`${out}:`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a good import into the same folder still writes its file, and only that file', () => {
    const folder = join(scratch, 'good-out');
    cpSync('examples/support/fabrikam', join(scratch, 'fabrikam'), { recursive: true });
    const r = cli(join(scratch, 'fabrikam'), '--out', join(folder, '_tenant.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual(['_tenant.yaml']);
  });
});

describe('a resource account named by two services of the sheet', () => {
  it('fronts the first service only; the second gets none and a finding, and the fragment validates', () => {
    const dir = exportsWith('shared-account', 'service,members,resourceAccount\nSales,anna.muster@contoso.com,ra-desk@contoso.com\nSupport,anna.muster@contoso.com,ra-desk@contoso.com\n');
    const out = join(scratch, 'shared-out', '_tenant.yaml');
    const r = cli(dir, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('service Support: resource account ra-desk@contoso.com is already used by a service above it in the sheet; this service gets none');
    const data = parse(readFileSync(out, 'utf8')) as { services: { id: string; resourceAccount: { upn?: string } }[] };
    expect(data.services.map((s) => s.resourceAccount.upn)).toEqual(['ra-desk@contoso.com', undefined]);
  });
});
