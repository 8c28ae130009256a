/**
 * Test folders mirror source folders: the tests of `sim/engine/x.ts` live in `test/sim/engine/`, so the tests of
 * a module are where its path says. Tests of the whole tool rather than of one module live in the few
 * cross-cutting folders declared here, each with the reason it exists. Any other folder under test/ is an
 * error, which is what keeps new tests from drifting back into ad-hoc folders.
 * Usage: npx tsx scripts/check-test-layout.ts (test/layout.test.ts runs the same check in `npm test`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The layers whose folders test/ mirrors. */
export const SOURCE_ROOTS = ['src', 'mocks', 'sim', 'app'] as const;

/** Folders of test/ that mirror no source folder on purpose, and why. */
export const CROSS_CUTTING: Readonly<Record<string, string>> = {
  bench: 'the benchmark (bench/ is no source layer): a tiny-scale run writes every figure of bench.json',
  docs: 'the documentation: every relative link resolves and the format reference names every schema key',
  e2e: 'the CLI and its terminal UI driven from outside, in tmux',
  hostile: 'malformed input, fault storms, report safety and run determinism across the whole tool',
  model: 'model-based tests of the machines: generated paths and mutations of the rules they must catch',
  property: 'property-based runs of the engine and the machines over generated tenants',
  scenarios: 'the built-in scenario suite and its explanations',
  fixtures: 'scenario files and data shared by tests in several folders',
  helpers: 'test helpers shared by tests in several folders',
};

const TEST_FILE = /\.test\.tsx?$/;

export interface LayoutProblem {
  path: string;
  message: string;
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name));
}

/** A folder under test/ is in place when its path below test/ is a source folder or lies in a cross-cutting one. */
function folderProblem(root: string, folder: string): LayoutProblem | undefined {
  const below = relative(join(root, 'test'), folder).split(sep);
  const top = below[0] ?? '';
  if (top in CROSS_CUTTING) return undefined;
  const mirrored = below.join('/');
  const isSourceLayer = (SOURCE_ROOTS as readonly string[]).includes(top);
  const source = join(root, ...below);
  if (isSourceLayer && existsSync(source) && statSync(source).isDirectory()) return undefined;
  const path = `test/${mirrored}`;
  return isSourceLayer
    ? { path, message: `mirrors no source folder: there is no ${mirrored}/ (move the tests next to the folder of the module they test)` }
    : {
        path,
        message: `is neither a mirror of ${SOURCE_ROOTS.map((r) => `${r}/`).join(', ')} nor a cross-cutting folder (${Object.keys(CROSS_CUTTING).join(', ')})`,
      };
}

/** Only tests of the whole repository (like the layout check itself) sit directly in test/. */
function rootFileProblems(root: string): LayoutProblem[] {
  return readdirSync(join(root, 'test'), { withFileTypes: true })
    .filter((e) => e.isFile() && !TEST_FILE.test(e.name))
    .map((e) => ({ path: `test/${e.name}`, message: 'is not a test: shared helpers go to test/helpers, fixtures to test/fixtures' }));
}

export function testLayoutProblems(root: string): LayoutProblem[] {
  const problems = rootFileProblems(root);
  const pending = subfolders(join(root, 'test'));
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const problem = folderProblem(root, folder);
    if (problem) problems.push(problem);
    else pending.push(...subfolders(folder));
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const problems = testLayoutProblems(root);
  for (const p of problems) console.error(`${p.path} ${p.message}`);
  if (problems.length > 0) process.exit(1);
  console.log('test/ mirrors the source folders');
}
