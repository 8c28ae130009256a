/** RONA-07: a RONA Reset Time outside 10s .. behavior.ronaResetTimeMax is a loader error (exit code 2). */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { expectProblem, fixture, problemsOfFile } from './helpers.js';

describe('settings bounded by the rulebook', () => {
  it('RONA Reset Time below 10s is rejected at the value, naming RONA-07', () => {
    const problems = problemsOfFile(fixture('bounds/rona-reset-too-short.yaml'));
    expect(problems).toHaveLength(1);
    expectProblem(problems, { line: 6, column: 58, message: 'below the minimum RONA Reset Time of 10s [RONA-07]', hint: 'ronaResetTimeMax' });
  });

  it('RONA Reset Time above the default maximum (320m) is rejected', () => {
    const problems = problemsOfFile(fixture('bounds/rona-reset-too-long.yaml'));
    expect(problems).toHaveLength(1);
    expectProblem(problems, { line: 8, column: 22, message: 'above the maximum of 5h20m (behavior.ronaResetTimeMax) [RONA-07]' });
  });

  it('8h is allowed once behavior.ronaResetTimeMax is 8h (open question 3)', () => {
    const scenario = loadScenarioFile(fixture('bounds/rona-reset-8h-allowed.yaml'));
    expect(scenario.services[0]?.distribution.ronaResetTime).toBe(8 * 3_600_000);
  });
});
