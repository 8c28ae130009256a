/**
 * The built-in suite as tests: every scenario file under scenarios/ must pass. A failing scenario prints its
 * failures with expected vs actual and the decision trail, so the test log alone says why.
 */
import { describe, expect, it } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario } from '../../sim/runner.js';
import { formatScenarioDetail, formatSuite } from '../../sim/report/pretty.js';
import { suiteOf } from '../../sim/runner.js';

const files = discoverScenarioFiles(['scenarios']);

describe('built-in scenarios', () => {
  it('finds the suite', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  for (const file of files) {
    it(file, async () => {
      const scenario = loadScenarioFile(file);
      const result = await runScenario(scenario);
      const explanation = result.status === 'passed' ? '' : `${formatSuite(suiteOf([result], null))}\n\n${formatScenarioDetail(result)}`;
      expect(result.status, explanation).toBe('passed');
      expect(result.assertions.passed, 'a scenario must assert something').toBeGreaterThan(0);
    });
  }
});
