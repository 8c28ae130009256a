/**
 * Loads a scenario file or a tenant fragment (no name, no steps, as `nimbus-sim import` writes) for the
 * support commands. A fragment is loaded through a one-step wrapper that `extends` it, so it gets exactly the
 * loader's validation, defaults and error positions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadScenarioFile, parseScenarioText } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

function isFragmentFile(path: string): boolean {
  if (basename(path).startsWith('_')) return true;
  try {
    const data: unknown = parseYaml(readFileSync(path, 'utf8'));
    return typeof data === 'object' && data !== null && !('steps' in data);
  } catch {
    return false;
  }
}

/** A scenario (steps and all) or, for a fragment, a scenario with the fragment's tenant and one `wait`. */
export function loadTenantOrScenario(path: string): Scenario {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new Error(`${path}: no such file`);
  if (!isFragmentFile(absolute)) return loadScenarioFile(path, { root: dirname(absolute) });
  const wrapper = `name: ${JSON.stringify(basename(path))}\nextends: ${JSON.stringify(`./${basename(absolute)}`)}\nsteps:\n  - wait: 1ms\n`;
  return parseScenarioText(wrapper, join(dirname(absolute), `.${basename(absolute)}.support.yaml`), { root: dirname(absolute) });
}
