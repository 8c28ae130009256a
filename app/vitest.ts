/**
 * Run scenario files inside your own vitest suite: one vitest test per scenario file, so vitest's workers,
 * `--shard`, filters, watch mode and reporters apply to scenarios like to any test.
 *
 * ```ts
 * // test/nimbus.test.ts
 * import { scenarioTests } from 'nimbus-sim/vitest';
 * scenarioTests(['scenarios']);
 * ```
 *
 * A failing scenario fails its test with the pretty report (expected vs actual and the decision trail) as
 * the assertion message; a file that does not load fails its own test with file:line:column and a hint.
 */
import { describe, expect, it } from 'vitest';
import { relative, sep } from 'node:path';
import { formatScenarioDetail } from '../sim/report/pretty.js';
import { runScenario } from '../sim/runner.js';
import type { ScenarioResult } from '../sim/result.js';
import { discoverScenarioFiles, suiteRoot } from '../sim/scenario/discover.js';
import { ScenarioLoadError } from '../sim/scenario/errors.js';
import { loadScenarioFile } from '../sim/scenario/load.js';

export interface ScenarioTestOptions {
  /** Title of the surrounding `describe` (default: `nimbus-sim scenarios`). */
  title?: string;
  /** Override every scenario's seed. */
  seed?: number;
  /** Only files whose relative path contains this text. */
  filter?: string;
  /** Called with every result (to collect them for a report of your own). */
  onResult?: (result: ScenarioResult) => void;
}

/** The scenario files `scenarioTests` would register, relative to the working directory, in suite order. */
export function scenarioTestFiles(paths: readonly string[] = ['scenarios'], filter?: string): string[] {
  const files = discoverScenarioFiles([...paths]).map((f) => relative(process.cwd(), f).split(sep).join('/'));
  return filter === undefined ? files : files.filter((f) => f.includes(filter));
}

/** Registers one vitest test per scenario file under `paths` (files and folders, default `scenarios`). */
export function scenarioTests(paths: readonly string[] = ['scenarios'], options: ScenarioTestOptions = {}): void {
  const root = suiteRoot([...paths]);
  const files = scenarioTestFiles(paths, options.filter);
  describe(options.title ?? 'nimbus-sim scenarios', () => {
    if (files.length === 0) {
      it('finds scenario files', () => {
        expect.fail(`no scenario files under ${paths.join(', ')}${options.filter === undefined ? '' : ` matching "${options.filter}"`}`);
      });
    }
    for (const file of files) {
      it(file, async () => {
        let scenario;
        try {
          scenario = loadScenarioFile(file, { root });
        } catch (err) {
          if (err instanceof ScenarioLoadError) expect.fail(err.format());
          throw err;
        }
        const result = await runScenario(scenario, options.seed === undefined ? {} : { seed: options.seed });
        options.onResult?.(result);
        const detail = result.status === 'passed' ? '' : formatScenarioDetail(result, { color: false });
        expect(result.status, detail).toBe('passed');
      });
    }
  });
}
