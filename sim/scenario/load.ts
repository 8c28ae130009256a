/**
 * Loads a scenario file into the `Scenario` the engine runs: YAML with positions, `extends` merged in,
 * validated against the zod schemas (top level, then each step), references checked, durations in
 * milliseconds. Every user mistake becomes a ScenarioLoadError listing all problems found in one pass
 * through the stage that failed (syntax, then schema, then references).
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ScenarioLoadError, type ScenarioProblem } from './errors.js';
import { duplicateIdentityProblems } from './identities.js';
import { describeValue, problemsFromIssues } from './issues.js';
import { checkReferences, duplicateIdProblems } from './references.js';
import { settingBoundProblems } from './ruleBounds.js';
import { ScenarioSpec, type Scenario } from './schema.js';
import { validateSteps } from './steps.js';
import {
  isPlainMap,
  originOf,
  parseYamlText,
  problemAt,
  readScenarioText,
  recordOrigin,
  type PlainMap,
  type SourceRef,
} from './yamlSource.js';

export interface LoadOptions {
  /** Folder that `extends` may not leave. Default: the folder of the file being loaded. */
  root?: string;
  /** Let `extends` name files outside `root` (the CLI's --allow-outside-root). */
  allowOutsideRoot?: boolean;
}

/** Top level of a runnable scenario; steps are validated one by one afterwards (see steps.ts). */
const TopLevel = ScenarioSpec.extend({ steps: z.array(z.unknown()).min(1) });
/** A file named by `extends` only contributes tenant, services and users, so it needs neither name nor steps. */
const BaseLevel = ScenarioSpec.extend({ name: z.string().min(1).optional(), steps: z.array(z.unknown()).optional() });

/** Keys an extending file takes from the file it extends (spec section 1). */
const INHERITED_KEYS = ['tenant', 'services', 'users'] as const;

export function loadScenarioFile(path: string, opts: LoadOptions = {}): Scenario {
  const text = readScenarioText(resolve(path), path);
  return parseScenarioText(text, path, opts);
}

export function parseScenarioText(text: string, file: string, opts: LoadOptions = {}): Scenario {
  const absolute = resolve(file);
  const ctx: LoadContext = {
    root: resolve(opts.root ?? dirname(absolute)),
    allowOutsideRoot: opts.allowOutsideRoot ?? false,
    chain: [realOrResolved(absolute)],
  };
  const layer = readLayer(text, file, absolute, ctx, 'scenario');
  return { ...toScenario(layer, file), suitePath: suiteRelative(ctx.root, absolute) };
}

/** Where the file is inside the suite, with forward slashes on every system. */
function suiteRelative(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

interface LoadContext {
  root: string;
  allowOutsideRoot: boolean;
  /** Real paths of the files being loaded, outermost first, to detect `extends` cycles. */
  chain: string[];
}

/** One file's data with everything it extends merged in. */
interface Layer {
  data: PlainMap;
  rootRef: SourceRef;
}

function readLayer(text: string, file: string, absolute: string, ctx: LoadContext, role: 'scenario' | 'base'): Layer {
  const parsed = parseYamlText(text, file);
  if (parsed.value === null) {
    const what = role === 'base' ? 'the extended file is empty' : 'the file is empty; a scenario needs at least "name" and "steps"';
    throw new ScenarioLoadError([problemAt(parsed.rootRef, [], what)]);
  }
  if (!isPlainMap(parsed.value)) {
    throw new ScenarioLoadError([
      problemAt(parsed.rootRef, [], `the top level must be a map of keys (name, steps, ...), got ${describeValue(parsed.value)}`),
    ]);
  }
  const own: Layer = { data: parsed.value, rootRef: parsed.rootRef };
  const duplicates = duplicateIdProblems(own.data, own.rootRef);
  if (duplicates.length > 0) throw new ScenarioLoadError(duplicates);
  let layer = own;
  if (own.data['extends'] !== undefined) {
    const base = loadBase(own, file, absolute, ctx);
    layer = { data: mergeLayers(base.data, own.data), rootRef: own.rootRef };
  }
  if (role === 'base') validateBase(layer);
  return layer;
}

function validateBase(layer: Layer): void {
  const parsed = BaseLevel.safeParse(withoutScratchKeys(layer.data), { reportInput: true });
  if (!parsed.success) {
    throw new ScenarioLoadError(problemsFromIssues(parsed.error.issues, { root: layer.data, rootRef: layer.rootRef, base: [], schema: BaseLevel }));
  }
}

function toScenario(layer: Layer, file: string): Omit<Scenario, 'suitePath'> {
  const problems: ScenarioProblem[] = [];
  const top = TopLevel.safeParse(withoutScratchKeys(layer.data), { reportInput: true });
  if (!top.success) {
    for (const p of problemsFromIssues(top.error.issues, { root: layer.data, rootRef: layer.rootRef, base: [], schema: TopLevel })) problems.push(p);
  }
  const steps = validateSteps(layer.data, layer.rootRef);
  for (const p of steps.problems) problems.push(p); // a file may have a problem in each of 100k steps
  if (!top.success || problems.length > 0) throw new ScenarioLoadError(problems);

  const { $schema: _schema, extends: _extends, steps: _rawSteps, ...rest } = top.data;
  const references = checkReferences({ services: rest.services, users: rest.users, steps: steps.steps, faults: rest.faults }, layer.data, layer.rootRef);
  if (references.length > 0) throw new ScenarioLoadError(references);
  const bounds = settingBoundProblems(rest, layer.data, layer.rootRef);
  if (bounds.length > 0) throw new ScenarioLoadError(bounds);
  const identities = duplicateIdentityProblems(rest, layer.data, layer.rootRef);
  if (identities.length > 0) throw new ScenarioLoadError(identities);
  return { ...rest, steps: steps.steps, file, stepLines: steps.stepLines };
}

/**
 * Top-level keys starting with `x-` are scratch space for YAML anchors (`x-agent: &agent {...}` reused as
 * `<<: *agent`), as in docker-compose; they are not part of the scenario.
 */
const isScratchKey = (key: string): boolean => key.startsWith('x-');

function withoutScratchKeys(data: PlainMap): PlainMap {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !isScratchKey(key)));
}

// --- extends ---------------------------------------------------------------------------------------

/**
 * Files an `extends` chain may hold, the scenario included. Real suites use two or three (scenario ->
 * tenant -> company defaults); each level costs stack, so a chain thousands of files deep would otherwise
 * end in a stack overflow instead of a message.
 */
export const MAX_EXTENDS_DEPTH = 32;

function loadBase(own: Layer, file: string, absolute: string, ctx: LoadContext): Layer {
  const ref = originOf(own.data)?.entries.get('extends') ?? own.rootRef;
  const fail = (message: string, hint?: string): never => {
    throw new ScenarioLoadError([problemAt(ref, ['extends'], message, { hint })]);
  };
  const target = own.data['extends'];
  if (typeof target !== 'string' || target.trim() === '') {
    return fail(`extends: expected the path of a scenario file, got ${describeValue(target)}`, 'write it relative to this file, for example extends: ../common/tenant.yaml');
  }
  const baseAbsolute = resolve(dirname(absolute), target);
  const baseFile = join(dirname(file), target);
  if (!ctx.allowOutsideRoot && isOutside(ctx.root, baseAbsolute)) {
    fail(`extends "${target}" leaves the suite root ${displayRoot(ctx.root)}`, 'keep shared files inside the suite folder, or pass --allow-outside-root to npx nimbus-sim run or check to allow it');
  }
  if (!existsSync(baseAbsolute)) fail(`extends "${target}": no such file`, `looked for ${baseAbsolute}`);
  const real = realOrResolved(baseAbsolute);
  if (!ctx.allowOutsideRoot && isOutside(realOrResolved(ctx.root), real)) {
    fail(`extends "${target}" leaves the suite root ${displayRoot(ctx.root)} through a symbolic link`, 'pass --allow-outside-root (loader option allowOutsideRoot) to allow it');
  }
  if (ctx.chain.length >= MAX_EXTENDS_DEPTH) {
    fail(`extends "${target}": the extends chain is more than ${MAX_EXTENDS_DEPTH} files deep`, `shorten it: ${relative(ctx.root, ctx.chain[0] ?? absolute) || file} extends ${MAX_EXTENDS_DEPTH - 1} files before this one; merge the shared parts into fewer files`);
  }
  if (ctx.chain.includes(real)) {
    const names = [...ctx.chain, real].map((p) => relative(ctx.root, p) || p);
    fail(`extends cycle: ${names.join(' -> ')}`, 'a file cannot extend itself, directly or through the files it extends');
  }

  let text: string;
  try {
    text = readScenarioText(baseAbsolute, baseFile);
  } catch (error) {
    // "is not a file" or "too large" about the base means little without the line that named it.
    if (error instanceof ScenarioLoadError && error.problems.every((p) => p.line === 0)) {
      const [first] = error.problems;
      fail(`extends "${target}": ${first?.message ?? 'cannot be read'}`, first?.hint);
    }
    throw error;
  }
  return readLayer(text, baseFile, baseAbsolute, { ...ctx, chain: [...ctx.chain, real] }, 'base');
}

function isOutside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

const displayRoot = (root: string): string => relative(process.cwd(), root) || '.';

/**
 * The base's tenant, services and users under the extending file's keys: later keys win, services and
 * users merge by id. Source positions travel with the values, so errors still point into the file that
 * wrote the offending value.
 */
function mergeLayers(base: PlainMap, own: PlainMap): PlainMap {
  const merged: PlainMap = { ...own };
  const ownOrigin = originOf(own);
  const baseOrigin = originOf(base);
  const entries = new Map(ownOrigin?.entries ?? []);
  for (const key of INHERITED_KEYS) {
    if (!Object.hasOwn(base, key)) continue;
    if (!Object.hasOwn(own, key)) {
      merged[key] = base[key];
      const ref = baseOrigin?.entries.get(key);
      if (ref) entries.set(key, ref);
      continue;
    }
    merged[key] = key === 'tenant' ? deepMerge(base[key], own[key]) : mergeById(base[key], own[key]);
  }
  if (ownOrigin) recordOrigin(merged, { self: ownOrigin.self, entries });
  return merged;
}

function deepMerge(earlier: unknown, later: unknown): unknown {
  if (!isPlainMap(earlier) || !isPlainMap(later)) return later;
  const merged: PlainMap = { ...earlier };
  const earlierOrigin = originOf(earlier);
  const laterOrigin = originOf(later);
  const entries = new Map(earlierOrigin?.entries ?? []);
  for (const [key, value] of Object.entries(later)) {
    merged[key] = Object.hasOwn(earlier, key) ? deepMerge(earlier[key], value) : value;
    const ref = laterOrigin?.entries.get(key);
    if (ref) entries.set(key, ref);
  }
  const self = laterOrigin?.self ?? earlierOrigin?.self;
  if (self) recordOrigin(merged, { self, entries });
  return merged;
}

const idOf = (item: unknown): string | undefined =>
  isPlainMap(item) && (typeof item['id'] === 'string' || typeof item['id'] === 'number') ? String(item['id']) : undefined;

function mergeById(earlier: unknown, later: unknown): unknown {
  if (!Array.isArray(earlier) || !Array.isArray(later)) return later;
  const merged: unknown[] = [...earlier];
  const earlierOrigin = originOf(earlier);
  const laterOrigin = originOf(later);
  const entries = new Map(earlierOrigin?.entries ?? []);
  later.forEach((item, index) => {
    const id = idOf(item);
    const existing = id === undefined ? -1 : merged.findIndex((candidate) => idOf(candidate) === id);
    const at = existing >= 0 ? existing : merged.length;
    merged[at] = existing >= 0 ? deepMerge(merged[existing], item) : item;
    const ref = laterOrigin?.entries.get(index);
    if (ref) entries.set(at, ref);
  });
  const self = laterOrigin?.self ?? earlierOrigin?.self;
  if (self) recordOrigin(merged, { self, entries });
  return merged;
}
