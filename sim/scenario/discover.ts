/**
 * Which scenario files a command runs: files as named, folders searched recursively for `.yaml` / `.yml`.
 * The order is deterministic (by path, segment by segment) so suites and reports are reproducible on
 * every machine. In folders, names starting with `_` or `.` are skipped: `_base.yaml` files that only
 * exist to be extended are not scenarios of their own, and `.git` is not a suite.
 *
 * Nothing else is skipped in silence: a folder that cannot be read, a symbolic link loop or a dangling link
 * (whatever its name: it may have been a folder of scenarios) is a problem naming the path, and the
 * command runs nothing. A run that quietly left part of a suite out would report "all passed".
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileProblem, ScenarioUsageError, type ScenarioProblem } from './errors.js';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml'];

const isScenarioFileName = (name: string): boolean => SCENARIO_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

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
    } else if (kind === 'unreadable') {
      problems.push(unreadableProblem(given, path));
    } else if (kind === 'file') {
      if (isScenarioFileName(path)) found.set(resolve(path), path);
      else problems.push(fileProblem(given, 'is not a scenario file', { expected: 'a .yaml or .yml file, or a folder' }));
    } else {
      for (const file of walk(path, new Set(), problems)) found.set(resolve(file), file);
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

/** `missing`: nothing at all under that name; `unreadable`: something is there (a dangling or looping link, a locked folder). */
function kindOf(path: string): 'file' | 'folder' | 'missing' | 'unreadable' {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    return errorCode(error) === 'ENOENT' && !isLink(path) ? 'missing' : 'unreadable';
  }
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Why `path` cannot be read, in words, with what to do about it. */
function unreadableProblem(shown: string, path: string, cause?: unknown): ScenarioProblem {
  let code = errorCode(cause);
  if (code === undefined) {
    try {
      statSync(path);
    } catch (error) {
      code = errorCode(error);
    }
  }
  if (code === 'ELOOP') return fileProblem(shown, 'is a symbolic link loop', { hint: 'the links point at each other; remove one or point it at a real file or folder' });
  if (code === 'ENOENT' && isLink(path)) {
    return fileProblem(shown, `is a dangling symbolic link (to "${readLink(path)}", which does not exist)`, {
      hint: 'remove the link or point it at an existing file or folder; to keep it out of the suite, start its name with _ or .',
    });
  }
  if (code === 'EACCES' || code === 'EPERM') return fileProblem(shown, 'cannot be read: permission denied', { hint: 'give the user running nimbus-sim read access, or move it out of the suite' });
  return fileProblem(shown, `cannot be read (${code ?? String(cause)})`, { hint: 'fix the file or folder, or move it out of the suite' });
}

function readLink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

/**
 * Scenario files under `folder`; what cannot be read goes to `problems`. `visited` holds real paths, so a
 * link back to a folder already being searched is searched once (its files are all found, once each).
 */
function walk(folder: string, visited: Set<string>, problems: ScenarioProblem[]): string[] {
  let real: string;
  let names: string[];
  try {
    real = realpathSync(folder);
    if (visited.has(real)) return [];
    visited.add(real);
    names = readdirSync(folder);
  } catch (error) {
    problems.push(unreadableProblem(folder, folder, error));
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    if (isSkipped(name)) continue;
    const path = join(folder, name);
    const kind = kindOf(path);
    if (kind === 'folder') for (const f of walk(path, visited, problems)) files.push(f); // no spread: a folder may hold 100k files
    else if (kind === 'file' && isScenarioFileName(name)) files.push(path);
    else if (kind === 'unreadable') problems.push(unreadableProblem(path, path));
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
