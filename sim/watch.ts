/**
 * Planning for `run --watch`: which scenarios a change of files touches. A scenario reads its own file and
 * every file its `extends` chain names (sim/scenario/load.ts merges them), so a saved fragment re-runs every
 * scenario built on it and nothing else. `planRerun` is the pure decision; `scenarioReads` gathers what each
 * scenario reads from the files as they are now (the watcher calls it again after every run, since an edit
 * may change an `extends`).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { MAX_EXTENDS_DEPTH } from './scenario/load.js';

/** Scenario file (absolute) -> the files it reads (absolute): itself first, then its `extends` chain in order. */
export type ScenarioReads = ReadonlyMap<string, readonly string[]>;

export interface RerunPlan {
  /** Known scenarios to run again, in the order of `reads`. */
  rerun: string[];
  /**
   * Changed scenario-like files (`.yaml`/`.yml`) that no known scenario reads: a new scenario, a renamed one,
   * or a fragment nothing extends yet. The watcher looks for scenarios again when there is any.
   */
  unknown: string[];
}

const isYaml = (path: string): boolean => /\.ya?ml$/i.test(path);

/** Which scenarios the `changed` files (absolute paths) touch, and which changed files no scenario reads. */
export function planRerun(reads: ScenarioReads, changed: Iterable<string>): RerunPlan {
  const readers = new Map<string, Set<string>>();
  for (const [scenario, files] of reads) {
    for (const file of files) {
      const set = readers.get(file) ?? new Set<string>();
      set.add(scenario);
      readers.set(file, set);
    }
  }
  const touched = new Set<string>();
  const unknown = new Set<string>();
  for (const file of changed) {
    const by = readers.get(file);
    if (by) for (const scenario of by) touched.add(scenario);
    else if (isYaml(file)) unknown.add(file);
  }
  return { rerun: [...reads.keys()].filter((s) => touched.has(s)), unknown: [...unknown].sort() };
}

/**
 * What each scenario file reads now. A chain that cannot be followed (a file that does not parse, an
 * `extends` that is not a path, a cycle) stops where it breaks: the run reports the problem itself, and
 * saving the broken file is still a change of a file the scenario reads.
 */
export function scenarioReads(scenarioFiles: readonly string[]): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const file of scenarioFiles) reads.set(resolve(file), extendsChain(resolve(file)));
  return reads;
}

function extendsChain(file: string): string[] {
  const chain = [file];
  let current = file;
  while (chain.length < MAX_EXTENDS_DEPTH) {
    const target = extendsOf(current);
    if (target === undefined) break;
    const next = resolve(dirname(current), target);
    if (chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

function extendsOf(file: string): string | undefined {
  try {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null || !('extends' in data)) return undefined;
    return typeof data.extends === 'string' && data.extends.trim() !== '' ? data.extends : undefined;
  } catch {
    return undefined;
  }
}
