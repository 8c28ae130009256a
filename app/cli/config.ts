/**
 * The project's config file (sim/config.ts) applied to `run`'s command line: what the command line leaves
 * out comes from the config, and a flag always wins. Paths in the config are relative to its folder; they
 * are handed on relative to the working directory, as if typed there.
 */
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { findConfigFile, loadConfigFile, type FoundConfig } from '../../sim/config.js';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import type { ParsedArgs } from './args.js';

/** `args` with the config's settings filled in where the command line gave none; 2 when the config is bad. */
export function withConfig(args: ParsedArgs, cwd: string = process.cwd()): ParsedArgs | 2 {
  if (args.values['no-config'] === true) return args;
  let found: FoundConfig | undefined;
  try {
    found = configFor(args.values.config, cwd);
  } catch (err) {
    if (!(err instanceof ScenarioLoadError)) throw err;
    process.stderr.write(`${err.format()}\n\nthe config file has ${err.problems.length === 1 ? 'a problem' : `${err.problems.length} problems`}; nothing was run.\n`);
    return 2;
  }
  return found === undefined ? args : applyConfig(args, found, cwd);
}

function configFor(named: string | boolean | undefined, cwd: string): FoundConfig | undefined {
  if (typeof named === 'string') return loadConfigFile(resolve(cwd, named), basename(named) === 'package.json', cwd);
  const at = findConfigFile(cwd);
  return at === undefined ? undefined : loadConfigFile(at.file, at.packageKey, cwd);
}

/** The config's settings under the command line's. */
export function applyConfig(args: ParsedArgs, { folder, config }: FoundConfig, cwd: string): ParsedArgs {
  const fromConfig = (path: string): string => (isAbsolute(path) ? path : relative(cwd, resolve(folder, path)) || '.');
  const defaults: ParsedArgs['values'] = {
    reporter: config.reporters?.join(','),
    out: config.out === undefined || config.out === '-' ? config.out : fromConfig(config.out),
    seed: config.seed === undefined ? undefined : String(config.seed),
    filter: config.filter,
    verbose: config.verbose,
    'allow-outside-root': config.allowOutsideRoot,
  };
  const values = { ...args.values };
  for (const [key, value] of Object.entries(defaults)) {
    if (value !== undefined && values[key] === undefined) values[key] = value;
  }
  const positionals = args.positionals.length > 0 || config.suites === undefined ? args.positionals : config.suites.map(fromConfig);
  return { positionals, values };
}
