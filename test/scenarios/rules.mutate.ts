/**
 * The scenario half of the mutation run (`npm run mutate`, vitest.mutate.config.ts; not part of `npm test`,
 * whose suite.test.ts already runs these files). The XFER, LIC and COB scenarios decide transfers and PSTN
 * licensing end to end, through the engine and the Graph mock, so a mutant of their rules or of the call
 * session machine that only a whole call can reveal is caught here. The other families stay out: every
 * scenario a mutant reaches is re-run for it, and the whole suite made the run hours long on two cores.
 */
import { describe, expect, it } from 'vitest';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario } from '../../sim/runner.js';

const files = discoverScenarioFiles(['scenarios/rules/XFER', 'scenarios/rules/LIC', 'scenarios/rules/COB']);

describe('XFER, LIC and COB scenarios', () => {
  for (const file of files) {
    it(file, async () => {
      const result = await runScenario(loadScenarioFile(file));
      expect(result.failures.map((f) => f.message)).toEqual([]);
      expect(result.status).toBe('passed');
    });
  }
});
