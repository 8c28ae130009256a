/** The test folders mirror the source folders, and every file the vitest projects name exists. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testLayoutProblems } from '../scripts/check-test-layout.js';
import { SCENARIO, TERMINAL } from '../vitest.config.js';

describe('test layout', () => {
  it('every folder under test/ mirrors a source folder or is a declared cross-cutting one', () => {
    expect(testLayoutProblems(process.cwd())).toEqual([]);
  });

  // A file the scenario or terminal project names but that moved away would silently fall back to the unit
  // project and its short timeout.
  it('every single file the vitest projects name exists', () => {
    const files = [...SCENARIO, ...TERMINAL].filter((glob) => !glob.includes('*'));
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
  });

  describe('the check itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'nimbus-sim-layout-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const touch = (path: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), '');
    };
    for (const f of ['sim/engine/world.ts', 'src/rules/rona.ts', 'test/sim/engine/world.test.ts', 'test/src/rules/rona.test.ts']) touch(f);
    for (const f of ['test/hostile/anything/deep.test.ts', 'test/layout.test.ts', 'test/fixtures/a.yaml']) touch(f);

    it('accepts mirrors, cross-cutting folders and tests directly in test/', () => {
      expect(testLayoutProblems(root)).toEqual([]);
    });

    it('names a folder that mirrors nothing, a source folder that does not exist and a helper in test/', () => {
      for (const f of ['test/report/json.test.ts', 'test/sim/engines/x.test.ts', 'test/sim/engines/deeper/y.test.ts', 'test/util.ts']) touch(f);
      expect(testLayoutProblems(root).map((p) => p.path)).toEqual(['test/report', 'test/sim/engines', 'test/util.ts']);
    });
  });
});
