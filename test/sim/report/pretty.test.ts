import { describe, expect, it } from 'vitest';
import {
  formatDecision,
  formatFailure,
  formatScenarioDetail,
  formatScenarioLine,
  formatSuite,
  formatSummary,
} from '../../../sim/report/pretty.js';
import { colorEnabled } from '../../../sim/report/color.js';
import { lastResultFailure, NASTY, nastyScenario, scenarioA, scenarioB, scenarioError, suite } from '../../fixtures/results.js';

const ANSI = /\u001b\[/;

describe('formatFailure', () => {
  it('shows expected, actual and why, with rule ids and titles', () => {
    const text = formatFailure(lastResultFailure());
    expect(text.split('\n')).toEqual([
      '✗ expect lastResult: transfer c1 → pstn:+41795550199  (line 24)',
      '  The transfer was refused, expected it to succeed.',
      '  expected: {"ok":true}',
      '  actual:   {"ok":false,"because":["XFER-03"]}',
      '  Why:',
      '    pstnTransfer → no: PSTN transfer refused: first responding service B has no PSTN license  [XFER-03]',
      '      ✓ XFER-01 Service-to-service transfers are free — transfers between Nimbus services need no license',
      '      ✓ XFER-02 The first answering service\'s PSTN license counts — first responding service B answered c1; its PSTN license is used',
      '      ✗ XFER-03 Unlicensed first service, failed PSTN transfer — resource account of first responding service B has no PSTN license (service C is licensed)',
      '      inputs: call=c1 · currentService=C · firstRespondingService=B · target=+41795550199 · resourceAccountLicenses=[]',
    ]);
  });

  it('says so when no decision explains the value', () => {
    const f = lastResultFailure();
    f.explanation = [];
    expect(formatFailure(f)).toContain('Why: no decision was recorded for this value');
  });

  it('prints full titles up to titleWidth and ids unknown to the rulebook', () => {
    const f = lastResultFailure();
    const d = f.explanation[0];
    if (d === undefined) throw new Error('fixture');
    const lines = formatDecision({ ...d, checks: [], because: ['XFER-03'] }, { titleWidth: 500 });
    expect(lines[1]).toBe('  ✗ XFER-03 Unlicensed first service, failed PSTN transfer');
    expect(formatDecision({ ...d, checks: [], because: ['XFER-03'] }, { titleWidth: 20 })[1]).toBe('  ✗ XFER-03 Unlicensed first se…');
    expect(formatDecision({ ...d, checks: [{ rule: 'NOPE-01' as 'XFER-01', passed: false, detail: 'x' }] })[1]).toBe('  ✗ NOPE-01 (not in the rulebook) — x');
  });
});

describe('formatScenarioLine', () => {
  it('prints status, name, file, assertions and virtual time', () => {
    expect(formatScenarioLine(scenarioA())).toBe(
      '✓ Scenario A - licensed first service transfers to PSTN  scenarios/licensing/scenario-a.yaml  4 assertions  virtual 1m30s',
    );
    expect(formatScenarioLine(scenarioB())).toBe(
      '✗ Scenario B - PSTN transfer after internal transfer  scenarios/licensing/scenario-b.yaml  3 assertions (1 failed)  virtual 30s250ms',
    );
    expect(formatScenarioLine(scenarioError())).toBe(
      '! Scenario E - typo in a user id  scenarios/errors/typo.yaml  0 assertions  virtual 0s  error: unknown user "baa" in step answer',
    );
  });

  it('never lets control characters of user strings reach the terminal', () => {
    const line = formatScenarioLine(nastyScenario());
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line).toContain('\\x1b[31m');
    expect(line).toContain(NASTY.slice(0, 20));
  });
});

describe('formatScenarioDetail', () => {
  it('shows every step with its virtual time, and why a refused action was refused', () => {
    const text = formatScenarioDetail(scenarioB());
    for (const clock of ['00:00:00.000', '00:00:02.000', '00:00:10.000', '00:00:12.500', '00:00:30.250']) expect(text).toContain(clock);
    expect(text).toContain('00:00:30.250  L22   transfer    ✗ transfer refused: carl cannot transfer c1 to +41795550199');
    expect(text).toContain('refused: PSTN transfer refused: first responding service B has no PSTN license  [XFER-03]');
    expect(text).toContain('✗ XFER-03 Unlicensed first service, failed PSTN transfer');
    expect(text).toContain('resource account of first responding service B has no PSTN license');
    expect(text).toContain('services: B → C · first responding service: B · PSTN license from: B');
    expect(text).toContain('transfer ✗ carl → +41795550199 (blind): first responding service B has no PSTN license  [XFER-03]');
    expect(text).toContain('session C: Transfer Failed  [XFER-03]');
    expect(formatScenarioDetail(scenarioB())).toBe(text);
  });

  it('shows a harness error with location and hint', () => {
    const text = formatScenarioDetail(scenarioError());
    expect(text).toContain('Error at scenarios/errors/typo.yaml:9:15: unknown user "baa" in step answer');
    expect(text).toContain('hint: did you mean "bea"?');
  });
});

describe('formatSummary and formatSuite', () => {
  it('counts scenarios and assertions', () => {
    expect(formatSummary(suite())).toBe('3 scenarios: 1 passed, 1 failed, 1 error · 7 assertions, 1 failed · seed 7');
  });

  it('lines up names, then lists failures and ends with the summary', () => {
    const lines = formatSuite(suite()).split('\n');
    expect(lines[0]?.indexOf('scenarios/')).toBe(lines[1]?.indexOf('scenarios/'));
    expect(lines).toContain('Failures (1):');
    expect(lines).toContain('✗ Scenario B - PSTN transfer after internal transfer  scenarios/licensing/scenario-b.yaml:24');
    expect(lines.at(-1)).toBe(formatSummary(suite()));
  });

  it('lists a scenario stopped by a harness error under Errors, apart from passes and failures, never with a pass mark', () => {
    const text = formatSuite(suite());
    const lines = text.split('\n');
    const errors = lines.indexOf('Errors (1): stopped before the end, so no verdict; fix the input or report the defect:');
    const failures = lines.indexOf('Failures (1):');
    expect(errors).toBeGreaterThan(2);
    expect(failures).toBeGreaterThan(errors);
    const errorSection = lines.slice(errors, failures);
    expect(errorSection).toContain('! Scenario E - typo in a user id  scenarios/errors/typo.yaml:9');
    expect(errorSection.join('\n')).toContain('Error at scenarios/errors/typo.yaml:9:15: unknown user "baa" in step answer');
    expect(errorSection.join('\n')).not.toContain('Scenario B');
    expect(lines.slice(failures).join('\n')).not.toContain('Scenario E');
    expect(lines.filter((l) => l.includes('Scenario E')).every((l) => !l.startsWith('✓') && !l.startsWith('✗'))).toBe(true);
    expect(lines.at(-1)).toContain('1 error');
  });

  it('keeps exactly one first line per scenario, in run order (run streams them and prints the rest after)', () => {
    const lines = formatSuite(suite()).split('\n');
    expect(lines.slice(0, suite().scenarios.length).map((l) => l.slice(2, 12))).toEqual(suite().scenarios.map((s) => s.name.slice(0, 10)));
    expect(lines[suite().scenarios.length]).toBe('');
  });
});

describe('colour', () => {
  it('is off by default, on with color: true, and off whenever NO_COLOR is set', () => {
    expect(formatSuite(suite())).not.toMatch(ANSI);
    expect(formatSuite(suite(), { color: true, env: {} })).toMatch(ANSI);
    expect(formatSuite(suite(), { color: true, env: { NO_COLOR: '1' } })).not.toMatch(ANSI);
    expect(colorEnabled({ color: true, env: { NO_COLOR: '' } })).toBe(true);
    const stripped = formatSuite(suite(), { color: true, env: {} }).replace(/\u001b\[\d+m/g, '');
    expect(stripped).toBe(formatSuite(suite()));
  });
});
