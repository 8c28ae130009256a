import { describe, expect, it } from 'vitest';
import { escapeHtml, timelineHtml, toHtml } from '../../../sim/report/html.js';
import { NASTY, nastyScenario, scenarioA, scenarioB, suite, suiteOf } from '../../fixtures/results.js';

/** Every URL-bearing attribute and every element that would load something from outside the file. */
function externalReferences(html: string): string[] {
  const refs = [...html.matchAll(/\b(?:src|href|srcset|action|poster|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? '').filter((u) => !u.startsWith('#'));
  const tags = [...html.matchAll(/<(script|link|iframe|img|object|embed|base)\b/gi)].map((m) => `<${m[1]}>`);
  const cssUrls = [...html.matchAll(/url\(|@import/gi)].map((m) => m[0]);
  return [...refs, ...tags, ...cssUrls];
}

describe('toHtml', () => {
  it('is one self-contained document: no scripts, no external assets, only in-page links', () => {
    const html = toHtml(suite());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(externalReferences(html)).toEqual([]);
  });

  it('puts the failed and errored scenarios first and open, passed ones collapsed', () => {
    const html = toHtml(suite());
    const b = html.indexOf('<details class="scenario" open id="s-scenarios/licensing/scenario-b.yaml">');
    const a = html.indexOf('<details class="scenario" id="s-scenarios/licensing/scenario-a.yaml">');
    expect(b).toBeGreaterThan(0);
    expect(a).toBeGreaterThan(b);
    expect(html).toContain('3 scenarios: <b class="passed">1 passed</b>, <b class="failed">1 failed</b>');
  });

  it('lists scenarios stopped by a harness error under their own heading, first, never among the passes', () => {
    const html = toHtml(suite());
    const errors = html.indexOf('<h2 class="error">Errors (1)</h2>');
    const table = html.indexOf('<h2>Scenarios</h2>');
    expect(errors).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(errors);
    const section = html.slice(errors, table);
    expect(section).toContain('<a href="#s-scenarios/errors/typo.yaml">Scenario E - typo in a user id</a> <code>scenarios/errors/typo.yaml:9:15</code>');
    expect(section).toContain('Hint: did you mean &quot;bea&quot;?');
    expect(section).not.toContain('Scenario A');
    const statuses = [...html.slice(table, html.indexOf("<h2>Details</h2>")).matchAll(/<tr><td class="(\w+)">/g)].map((m) => m[1]);
    expect(statuses).toEqual(['error', 'failed', 'passed']);
    expect(toHtml(suiteOf([scenarioA()]))).not.toContain('Errors (');
  });

  it('shows a failure with file:line, expected vs actual, and the decision trail with rule ids and titles', () => {
    const b = scenarioB();
    const html = toHtml(suiteOf([b]));
    const failure = b.failures[0];
    if (failure === undefined) throw new Error('fixture has a failure');
    expect(html).toContain(`<code>scenarios/licensing/scenario-b.yaml:${failure.line}</code>`);
    expect(html).toContain('<span>Expected</span>');
    expect(html).toContain(escapeHtml(JSON.stringify(failure.expected)));
    expect(html).toContain(escapeHtml(JSON.stringify(failure.actual)));
    expect(html).toMatch(/<b>XFER-03<\/b><\/abbr>/);
    expect(html).toContain('class="ck-no">✗</span>');
    expect(html).toContain('PSTN transfer refused: first responding service B has no PSTN license');
  });

  it('draws a timeline lane per subject with every entry placed at its virtual time', () => {
    const a = scenarioA();
    const html = toHtml(suiteOf([a]));
    const subjects = new Set(a.timeline.map((t) => t.subject));
    for (const s of subjects) expect(html).toContain(`<span class="name" title="${escapeHtml(s)}">`);
    expect((html.match(/class="ev k-/g) ?? []).length).toBe(a.timeline.length);
    const lane = timelineHtml([{ at: 500, subject: 'call:c1', kind: 'task', text: 'half way' }], 1000);
    expect(lane).toContain('style="left:50.00%"');
  });

  it('lists each call with the services visited, the PSTN license holder and the outcomes', () => {
    const b = scenarioB();
    const html = toHtml(suiteOf([b]));
    const call = b.calls[0];
    if (call === undefined) throw new Error('fixture has a call');
    expect(html).toContain(`<td>${escapeHtml(call.services.join(' → '))}</td><td>${call.firstRespondingService}</td>`);
  });

  it('escapes hostile user strings everywhere (no markup from scenario text)', () => {
    const html = toHtml(suiteOf([nastyScenario()]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('\u0001');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(externalReferences(html)).toEqual([]);
    expect(NASTY).toContain('<script>');
  });

  it('is deterministic', () => {
    expect(toHtml(suite())).toBe(toHtml(suite()));
  });
});
