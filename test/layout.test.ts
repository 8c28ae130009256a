/** The test folders mirror the source folders, and every file the vitest projects name exists. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testLayoutProblems } from '../scripts/check-test-layout.js';
import { OWN_MODULE_GRAPH, SCENARIO, TERMINAL } from '../vitest.config.js';

/** The kind the project globs give a test file (a glob is a folder's `/**` or one file). */
function kindOf(file: string): keyof typeof OWN_MODULE_GRAPH {
  const matches = (glob: string) => (glob.endsWith('/**') ? file.startsWith(glob.slice(0, -2)) : file === glob);
  if (TERMINAL.some(matches)) return 'terminal';
  return SCENARIO.some(matches) ? 'scenario' : 'unit';
}

describe('test layout', () => {
  it('every folder under test/ mirrors a source folder or is a declared cross-cutting one', () => {
    expect(testLayoutProblems(process.cwd())).toEqual([]);
  });

  // A file the scenario or terminal project names but that moved away would silently fall back to the unit
  // project and its short timeout.
  it('every single file the vitest projects name exists', () => {
    const files = [...SCENARIO, ...TERMINAL, ...Object.values(OWN_MODULE_GRAPH).flat()].filter((glob) => !glob.includes('*'));
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
  });

  // The projects share one module graph per worker; a vi.mock there would miss modules other files imported
  // first, or leak into the files after it.
  it('every test file that replaces a module with vi.mock runs with a module graph of its own, in its kind', () => {
    const tests = readdirSync('test', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.test\.tsx?$/.test(f))
      .map((f) => `test/${f.split('\\').join('/')}`);
    const mocking = tests.filter((f) => /\bvi\.(mock|doMock)\(/.test(readFileSync(f, 'utf8'))).sort();
    expect(mocking.length).toBeGreaterThan(0);
    const listed = Object.entries(OWN_MODULE_GRAPH).flatMap(([kind, files]) => files.map((f) => `${kind} ${f}`));
    expect(listed.sort()).toEqual(mocking.map((f) => `${kindOf(f)} ${f}`).sort());
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
