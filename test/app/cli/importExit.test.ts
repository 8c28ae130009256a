/**
 * `import --out` validates what it wrote with the scenario loader. A fragment its own loader refuses is a
 * defect in nimbus-sim, not bad input: exit 3 (internal error, docs/reference/cli.md), and `--out` untouched.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ScenarioLoadError } from '../../../sim/scenario/errors.js';

vi.mock('../../../sim/support/loadTenant.js', () => ({
  loadTenantOrScenario: (path: string) => {
    throw new ScenarioLoadError([{ file: path, line: 1, column: 1, path: [], message: 'a defect the import did not catch' }]);
  },
}));

const { importCommand } = await import('../../../app/cli/import.js');

const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-import-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import: its own output does not validate', () => {
  it('exits 3, says it is a nimbus-sim defect and writes nothing at --out', async () => {
    writeFileSync(join(dir, 'services.yaml'), 'services:\n  - { service: Front Desk, license: Enterprise Routing, assignment: MS Teams-based }\n');
    const out = join(dir, '_tenant.yaml');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await importCommand({ positionals: [dir], values: { out } });
    const written = stderr.mock.calls.map((c) => String(c[0])).join('');
    stderr.mockRestore();
    expect(code).toBe(3);
    expect(written).toContain('a nimbus-sim defect');
    expect(written).toContain('a defect the import did not catch');
    expect(existsSync(out)).toBe(false);
  });
});
