/**
 * The project's nimbus-sim settings: `nimbus-sim.config.yaml` (or `.yml`), or a `nimbus-sim` key in
 * package.json. It says where the suites are, which reporters run, where reports go and the defaults of the
 * run command's options; a flag on the command line overrides it. Validated like a scenario file: a
 * mistake is a problem with file:line:column, what was expected and a hint (a ScenarioLoadError).
 *
 * Found from the working directory upwards: the first folder holding a config file or a package.json with
 * a `nimbus-sim` key wins; the search stops at the first folder holding a package.json or .git (the
 * project's root) or at the file system's root, so a suite never picks up a neighbouring project's settings.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { ScenarioLoadError } from './scenario/errors.js';
import { problemsFromIssues } from './scenario/issues.js';
import { isPlainMap, parseYamlText, problemAt, readScenarioText } from './scenario/yamlSource.js';

/** Console reporters (one of them draws the run) and report files, as `--reporter` names them. */
export const CONSOLE_REPORTERS = ['pretty', 'plain'] as const;
export const FILE_REPORTERS = ['json', 'junit', 'md', 'html'] as const;
const Reporter = z.enum([...CONSOLE_REPORTERS, ...FILE_REPORTERS]);

/** Seeds are unsigned 32-bit integers, as `--seed` takes them. */
const SEED_MAX = 4_294_967_295;

export const NimbusSimConfig = z.strictObject({
  /** Files and folders `run` uses when none is given (default `scenarios`), relative to the config's folder. */
  suites: z.array(z.string().min(1)).min(1).optional(),
  /** As `--reporter`: console and file reporters. */
  reporters: z.array(Reporter).min(1).optional(),
  /** As `--out`: the reports folder, relative to the config's folder. */
  out: z.string().min(1).optional(),
  /** As `--seed`. */
  seed: z.number().int().min(0).max(SEED_MAX).optional(),
  /** As `--filter`. */
  filter: z.string().min(1).optional(),
  /** As `--verbose`. */
  verbose: z.boolean().optional(),
  /** As `--allow-outside-root`. */
  allowOutsideRoot: z.boolean().optional(),
});
export type NimbusSimConfig = z.output<typeof NimbusSimConfig>;

const CONFIG_FILES = ['nimbus-sim.config.yaml', 'nimbus-sim.config.yml'] as const;
/** The package.json key that may hold the same settings. */
const PACKAGE_KEY = 'nimbus-sim';

export interface FoundConfig {
  /** The file the settings came from, as problems name it. */
  file: string;
  /** The folder its relative paths are relative to. */
  folder: string;
  config: NimbusSimConfig;
}

/** Where the settings are for a command started in `cwd`, or undefined when the project has none. */
export function findConfigFile(cwd: string): { file: string; packageKey: boolean } | undefined {
  let folder = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      if (existsSync(join(folder, name))) return { file: join(folder, name), packageKey: false };
    }
    const pkg = join(folder, 'package.json');
    if (existsSync(pkg)) return packageHasKey(pkg) ? { file: pkg, packageKey: true } : undefined;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
    folder = dirname(folder);
  }
}

function packageHasKey(pkg: string): boolean {
  try {
    const parsed = parseYamlText(readScenarioText(pkg, pkg), pkg).value;
    return isPlainMap(parsed) && Object.hasOwn(parsed, PACKAGE_KEY);
  } catch {
    // A package.json that cannot be read is npm's to complain about; it holds no settings for us.
    return false;
  }
}

/**
 * Reads and validates the settings in `file` (a config file, or package.json's `nimbus-sim` key when
 * `packageKey`); problems are named relative to `cwd`.
 */
export function loadConfigFile(file: string, packageKey: boolean, cwd: string = process.cwd()): FoundConfig {
  const shown = relative(cwd, file) || file;
  const parsed = parseYamlText(readScenarioText(file, shown), shown);
  let value: unknown = parsed.value;
  const base = packageKey ? [PACKAGE_KEY] : [];
  if (packageKey) {
    if (!isPlainMap(value)) throw new ScenarioLoadError([problemAt(parsed.rootRef, [], 'package.json must be a JSON object')]);
    value = value[PACKAGE_KEY];
  }
  // An empty config file is a project that has not set anything yet.
  if (value === null && !packageKey) return { file: shown, folder: dirname(file), config: {} };
  const result = NimbusSimConfig.safeParse(value, { reportInput: true });
  if (!result.success) {
    const problems = problemsFromIssues(result.error.issues, { root: parsed.value, rootRef: parsed.rootRef, base, schema: NimbusSimConfig });
    for (const p of problems) p.hint ??= CONFIG_HINT;
    throw new ScenarioLoadError(problems);
  }
  return { file: shown, folder: dirname(file), config: result.data };
}

const CONFIG_HINT = 'the config keys are suites, reporters, out, seed, filter, verbose and allowOutsideRoot (see npx nimbus-sim help run)';
