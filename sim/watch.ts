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

/**
 * The scenarios to run again after the `changed` files (absolute paths): of the scenarios there are now
 * (`after`, read once the change happened), those that read a changed file before or after the change (an
 * edit may also have changed their `extends`), and those that are new (a scenario file added or renamed).
 * In the order of `after`; a removed scenario is not run.
 */
export function planRerun(before: ScenarioReads, after: ScenarioReads, changed: Iterable<string>): string[] {
  const changedFiles = new Set(changed);
  const readsChanged = (files: readonly string[] | undefined): boolean => files?.some((f) => changedFiles.has(f)) === true;
  return [...after.keys()].filter((s) => !before.has(s) || readsChanged(before.get(s)) || readsChanged(after.get(s)));
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
