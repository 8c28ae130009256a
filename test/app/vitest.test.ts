/** The exported helper: scenario files as vitest tests (this file itself is such a suite). */
import { describe, expect, it } from 'vitest';
import { scenarioTestFiles, scenarioTests } from '../../app/vitest.js';

const results: string[] = [];
scenarioTests(['scenarios/scenario-a.yaml', 'scenarios/scenario-b.yaml'], { title: 'helper-registered scenarios', onResult: (r) => results.push(`${r.file} ${r.status}`) });

describe('scenarioTestFiles', () => {
  it('lists scenario files relative to the working directory, fragments excluded, in suite order', () => {
    const files = scenarioTestFiles(['scenarios/cob']);
    expect(files.length).toBeGreaterThanOrEqual(16);
    expect(files.every((f) => f.startsWith('scenarios/cob/') && !f.split('/').pop()?.startsWith('_'))).toBe(true);
    expect(files).toEqual([...files].sort());
    expect(scenarioTestFiles(['scenarios/cob'], '11-acw')).toEqual(['scenarios/cob/11-acw.yaml']);
  });

  it('ran one test per registered scenario file (vitest runs tests in order)', () => {
    expect(results).toEqual(['scenarios/scenario-a.yaml passed', 'scenarios/scenario-b.yaml passed']);
  });
});
