import { describe, expect, it } from 'vitest';
import { junitClassname, toJUnitXml } from '../../../sim/report/junit.js';
import { escapeXmlAttr, escapeXmlText, stripIllegalXmlChars } from '../../../sim/report/xml.js';
import { NASTY, nastyScenario, scenarioB, suite, suiteOf } from '../../fixtures/results.js';
import { findAll, parseXml } from './xmlCheck.js';

describe('toJUnitXml', () => {
  it('is well-formed with one testsuite per folder and one testcase per scenario', () => {
    const xml = toJUnitXml(suite());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ name: 'nimbus-sim', tests: '3', failures: '1', errors: '1', time: '0.000' });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attrs['name'])).toEqual(['scenarios/licensing', 'scenarios/errors']);
    expect(suites[0]?.attrs).toMatchObject({ tests: '2', failures: '1', errors: '0', skipped: '0', time: '0.000' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => [c.attrs['classname'], c.attrs['name'], c.attrs['time']])).toEqual([
      ['scenarios.licensing.scenario-a', 'Scenario A - licensed first service transfers to PSTN', '0.000'],
      ['scenarios.licensing.scenario-b', 'Scenario B - PSTN transfer after internal transfer', '0.000'],
      ['scenarios.errors.typo', 'Scenario E - typo in a user id', '0.000'],
    ]);
    expect(cases[1]?.attrs).toMatchObject({ file: 'scenarios/licensing/scenario-b.yaml', line: '24' });
  });

  it("writes each scenario's wall time as time (summed per suite) and its virtual time as a property", () => {
    const s = suite();
    const [a, b, e] = s.scenarios;
    const xml = toJUnitXml(s, new Map([[a!, 1250], [b!, 40], [e!, 5]]));
    const root = parseXml(xml);
    expect(root.attrs['time']).toBe('1.295');
    expect(findAll(root, 'testsuite').map((t) => t.attrs['time'])).toEqual(['1.290', '0.005']);
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs['time'])).toEqual(['1.250', '0.040', '0.005']);
    const virtual = cases.map((c) => findAll(c, 'property').find((p) => p.attrs['name'] === 'nimbus-sim.virtualSeconds')?.attrs['value']);
    expect(virtual).toEqual(['90.000', '30.250', '0.000']);
    expect(findAll(root, 'property').find((p) => p.attrs['name'] === 'time.unit')?.attrs['value']).toMatch(/^wall-clock seconds/);
    expect(xml).not.toMatch(/timestamp=|hostname=/);
  });

  it('writes an assertion failure with expected, actual and the decision trail', () => {
    const root = parseXml(toJUnitXml(suite()));
    const [failure] = findAll(root, 'failure');
    expect(failure?.attrs['type']).toBe('AssertionFailed');
    expect(failure?.attrs['message']).toBe(
      'lastResult transfer c1 → pstn:+41795550199: expected {"ok":true}, actual {"ok":false,"because":["XFER-03"]}',
    );
    const text = failure?.text ?? '';
    expect(text).toContain('scenarios/licensing/scenario-b.yaml:24');
    expect(text).toContain('expected: {"ok":true}');
    expect(text).toContain('actual:   {"ok":false,"because":["XFER-03"]}');
    expect(text).toContain('Why:');
    expect(text).toContain('pstnTransfer → no: PSTN transfer refused: first responding service B has no PSTN license');
    expect(text).toContain('✓ XFER-02 The first answering service\'s PSTN license counts');
    expect(text).toContain('✗ XFER-03 Unlicensed first service, failed PSTN transfer');
    expect(text).toContain('inputs: call=c1');
    expect(text).not.toMatch(/\u001b\[/);
    // The whole detail goes to system-out for failed scenarios only.
    const outs = findAll(root, 'system-out');
    expect(outs).toHaveLength(2);
    expect(outs[0]?.text).toContain('00:00:30.250');
  });

  it('writes a harness error as <error> with its location and hint', () => {
    const [error] = findAll(parseXml(toJUnitXml(suite())), 'error');
    expect(error?.attrs).toMatchObject({ type: 'HarnessError', message: 'unknown user "baa" in step answer' });
    expect(error?.text).toContain('scenarios/errors/typo.yaml:9:15');
    expect(error?.text).toContain('hint: did you mean "bea"?');
  });

  it('escapes markup, ]]>, &, quotes and control characters in every user string', () => {
    const xml = toJUnitXml(suiteOf([nastyScenario()]));
    const root = parseXml(xml);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('CDATA');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const [testcase] = findAll(root, 'testcase');
    expect(testcase?.attrs['name']).toContain(`<script>alert("x")</script> & ]]> 'q' | b; #c %%d`);
    expect(testcase?.attrs['name']).not.toMatch(/[\r\n]/);
    const [failure] = findAll(root, 'failure');
    expect(failure?.attrs['message']).toContain(`<script>alert("x")</script> & ]]> 'q'`);
    expect(failure?.text).toContain(`<script>alert("x")</script> & ]]> 'q'`);
    // The ESC of an ANSI sequence in a user string is shown, not sent to the reader's terminal.
    expect(failure?.text).toContain('\\x1b[31m');
  });

  it('escapes text and attributes, stripping characters XML 1.0 forbids', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uFFFFh\uD800i\uDC00j')).toBe('abcdefghij');
    expect(stripIllegalXmlChars('tab\there\nnl 😀 é')).toBe('tab\there\nnl 😀 é');
    expect(escapeXmlText('a < b && c > d ]]> \r')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt; &#13;');
    expect(escapeXmlAttr(`"q" 'a'\n\t<x>&`)).toBe('&quot;q&quot; &apos;a&apos;&#10;&#9;&lt;x&gt;&amp;');
    const root = parseXml(`<r a="${escapeXmlAttr(NASTY)}">${escapeXmlText(NASTY)}</r>`);
    const expected = stripIllegalXmlChars(NASTY);
    expect(root.attrs['a']).toBe(expected);
    expect(root.text).toBe(expected);
  });

  it('makes Jenkins-friendly class names from file paths', () => {
    const s = scenarioB();
    s.file = 'scenarios/v1.2/my.scenario.yml';
    expect(junitClassname(s)).toBe('scenarios.v1_2.my_scenario');
    s.file = 'top.yaml';
    expect(junitClassname(s)).toBe('top');
  });
});

describe('parseXml (the checker itself)', () => {
  it.each([
    ['<a><b></a></b>', /does not close/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a>a & b</a>', /bare &/],
    ['<a>]]></a>', /]]>/],
    ['<a x="<"/>', /bad attribute|< in attribute/],
    ['<a>\u0001</a>', /illegal XML character/],
    ['<a/><b/>', /second root/],
  ])('rejects %j', (xml, error) => {
    expect(() => parseXml(xml)).toThrow(error);
  });
});
