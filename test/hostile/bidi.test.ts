/**
 * Issue 15: bidi control characters in a scenario's strings reorder what a reader of the Markdown or HTML
 * report sees ("Trojan Source"); the reports show each one as its code point instead.
 */
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../sim/report/html.js';
import { toMarkdown } from '../../sim/report/markdown.js';
import { scenarioB, suiteOf } from '../fixtures/results.js';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const RAW = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

function trojanSuite() {
  const s = scenarioB();
  const hidden = CONTROLS.join('x');
  s.name = `transfer ${hidden} passes`;
  s.failures[0]!.message = `refused \u202Edesserp\u202C ok`;
  s.calls[0]!.id = `c1\u2067evil\u2069`;
  s.timeline[0]!.text = `rings \u202Eevil\u202C`;
  return suiteOf([s]);
}

describe('bidi control characters in reports', () => {
  for (const [format, render] of [
    ['Markdown', toMarkdown],
    ['HTML', toHtml],
  ] as const) {
    it(`${format} shows each one as its code point, none raw`, () => {
      const text = render(trojanSuite());
      expect(text).not.toMatch(RAW);
      for (const c of CONTROLS) expect(text).toContain(`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    });
  }
});
