/**
 * Which scenario files a command runs: files as named, folders searched recursively for `.yaml` / `.yml`.
 * The order is deterministic (by path, segment by segment) so suites and reports are reproducible on
 * every machine. In folders, names starting with `_` or `.` are skipped: `_base.yaml` files that only
 * exist to be extended are not scenarios of their own, and `.git` is not a suite.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileProblem, ScenarioUsageError, type ScenarioProblem } from './errors.js';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml'];

export const isScenarioFileName = (name: string): boolean => SCENARIO_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Folder entries that discovery never descends into or picks up. */
const isSkipped = (name: string): boolean => name.startsWith('_') || name.startsWith('.') || name === 'node_modules';

export function discoverScenarioFiles(paths: string[]): string[] {
  const problems: ScenarioProblem[] = [];
  const found = new Map<string, string>();
  for (const given of paths) {
    const path = normalize(given);
    const kind = kindOf(path);
    if (kind === 'missing') {
      problems.push(fileProblem(given, 'no such file or folder', { hint: 'name scenario files (.yaml, .yml) or folders that contain them' }));
    } else if (kind === 'file') {
      if (isScenarioFileName(path)) found.set(resolve(path), path);
      else problems.push(fileProblem(given, 'is not a scenario file', { expected: 'a .yaml or .yml file, or a folder' }));
    } else {
      for (const file of walk(path, new Set())) found.set(resolve(file), file);
    }
  }
  if (problems.length > 0) throw new ScenarioUsageError(problems);
  return [...found.values()].sort(comparePaths);
}

/**
 * The folder `extends` may not leave when running these paths: the deepest folder containing all of them
 * (a folder argument counts as itself, a file as its folder). Pass it as `root` to loadScenarioFile so a
 * suite's files may share bases anywhere inside the suite.
 */
export function suiteRoot(paths: string[]): string {
  const folders = paths.map((p) => {
    const absolute = resolve(p);
    return kindOf(absolute) === 'folder' ? absolute : dirname(absolute);
  });
  if (folders.length === 0) return process.cwd();
  let common = (folders[0] as string).split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

function kindOf(path: string): 'file' | 'folder' | 'missing' {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Scenario files under `folder`; `visited` holds real paths so a symlinked folder loop ends. */
function walk(folder: string, visited: Set<string>): string[] {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return [];
  }
  if (visited.has(real)) return [];
  visited.add(real);
  const files: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  for (const name of names) {
    if (isSkipped(name)) continue;
    const path = join(folder, name);
    const kind = kindOf(path);
    if (kind === 'folder') for (const f of walk(path, visited)) files.push(f); // no spread: a folder may hold 100k files
    else if (kind === 'file' && isScenarioFileName(name)) files.push(path);
  }
  return files;
}

/** Segment by segment, so `a/b.yaml` sorts with `a/` and not between `a-b.yaml` and `a.yaml`. */
function comparePaths(a: string, b: string): number {
  const left = a.split(sep);
  const right = b.split(sep);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const l = left[i] as string;
    const r = right[i] as string;
    if (l !== r) return l < r ? -1 : 1;
  }
  return left.length - right.length;
}
