import { describe, expect, it } from 'vitest';
import { callDiagram, codeSpan, escapeMarkdown, escapeMermaid, mermaidLabel, toMarkdown } from '../../../sim/report/markdown.js';
import { nastyScenario, scenarioA, scenarioB, scenarioError, suite, suiteOf } from '../../fixtures/results.js';

/** The bodies of all ```mermaid blocks. */
function mermaidBlocks(md: string): string[][] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => (m[1] ?? '').split('\n'));
}

/** Pipes that split a table row (not escaped with a backslash). */
const cellPipes = (row: string): number => (row.match(/(?<!\\)\|/g) ?? []).length;

describe('toMarkdown', () => {
  it('draws the calls of passed scenarios too, collapsed after the table, within a budget', () => {
    const a = scenarioA();
    a.calls = scenarioB().calls;
    const md = toMarkdown(suiteOf([a]));
    const calls = md.indexOf('### Calls of passed scenarios');
    expect(calls).toBeGreaterThan(md.indexOf('### Scenarios'));
    const section = md.slice(calls);
    expect(section).toContain(`<details><summary>${a.name} (`);
    expect(mermaidBlocks(section)).toHaveLength(a.calls.length);
    expect(section.trimEnd().endsWith('</details>')).toBe(true);
    const none = toMarkdown(suiteOf([a]), { maxCallDiagrams: 0 });
    expect(mermaidBlocks(none)).toHaveLength(0);
    expect(none).toContain('diagrams of 1 more scenarios left out');
  });

  it('starts with the totals, lists failures before the table of all scenarios', () => {
    const md = toMarkdown(suite());
    const lines = md.split('\n');
    expect(lines[0]).toBe('## ❌ nimbus-sim 0.1.0');
    expect(md).toContain('**3 scenarios: 1 passed, 1 failed, 1 error** · 7 assertions, 1 failed · seed 7');
    const failures = md.indexOf('### Failures');
    const table = md.indexOf('### Scenarios');
    expect(failures).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(failures);
    expect(md.slice(table)).toContain('| ✅ passed | Scenario A - licensed first service transfers to PSTN | `scenarios/licensing/scenario-a.yaml` | 4/4 | 1m30s |');
    expect(md.slice(table)).toContain('| ❌ failed | Scenario B - PSTN transfer after internal transfer | `scenarios/licensing/scenario-b.yaml` | 2/3 | 30s250ms |');
    const afterTable = md.slice(table).split('\n\n')[1] ?? '';
    expect(afterTable.trimEnd().split('\n').every((l) => l.startsWith('|'))).toBe(true);
    expect(toMarkdown(suite())).toBe(md);
  });

  it('shows each failure with file:line, expected vs actual and the deciding rules with titles', () => {
    const md = toMarkdown(suite());
    const section = md.slice(md.indexOf('### Failures'), md.indexOf('### Scenarios'));
    expect(section).toContain('`scenarios/licensing/scenario-b.yaml:24`');
    expect(section).toContain('- Expected: `{"ok":true}`');
    expect(section).toContain('- Actual: `{"ok":false,"because":["XFER-03"]}`');
    expect(section).toContain('→ **no**: PSTN transfer refused: first responding service B has no PSTN license (**XFER-03**)');
    expect(section).toContain('✗ **XFER-03** Unlicensed first service, failed PSTN transfer');
    expect(section).toContain("✓ **XFER-02** The first answering service's PSTN license counts");
    expect(section).not.toContain('Harness error');
  });

  it('lists a scenario stopped by a harness error under its own heading, before the failures, never as a pass', () => {
    const md = toMarkdown(suite());
    const errors = md.indexOf('### Errors');
    const failures = md.indexOf('### Failures');
    expect(errors).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(errors);
    const section = md.slice(errors, failures);
    expect(section).toContain('#### ⚠️ Scenario E - typo in a user id');
    expect(section).toContain('**Harness error** at `scenarios/errors/typo.yaml:9:15`');
    expect(section).toContain('Hint: did you mean "bea"?');
    expect(section).not.toContain('Scenario B');
    const rows = md.slice(md.indexOf('### Scenarios')).split('\n').filter((l) => /^\| \S+ (error|failed|passed) \|/.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| ⚠️ error', '| ❌ failed', '| ✅ passed']);
  });

  it('draws one sequence diagram per call under each failure, passed calls only after the table', () => {
    const passing = scenarioA();
    passing.calls = scenarioB().calls;
    const md = toMarkdown(suiteOf([passing, scenarioB(), scenarioError()]));
    const blocks = mermaidBlocks(md.slice(0, md.indexOf('### Scenarios')));
    expect(blocks).toHaveLength(1);
    expect(mermaidBlocks(md)).toHaveLength(2);
    const diagram = blocks[0] ?? [];
    expect(diagram[0]).toBe('sequenceDiagram');
    expect(diagram).toContain('    participant P1 as Customer +41791110000');
    expect(diagram).toContain('    participant P2 as Service B');
    expect(diagram).toContain('    participant P3 as Service C');
    expect(diagram).toContain('    participant P4 as PSTN +41795550199');
    expect(diagram).toContain('    P1->>P2: c1 inbound call');
    expect(diagram).toContain('    Note over P2: first responding service · PSTN license holder (XFER-02)');
    expect(diagram).toContain('    P2->>P3: transfer (blind) by bea [XFER-01]');
    // Long labels wrap (Mermaid scales a diagram to its widest label).
    expect(diagram).toContain('    P3-xP4: transfer (blind) by carl FAILED: first responding service B has<br/>no PSTN license [XFER-03]');
    expect(diagram).toContain('    Note over P3: session: Transfer Failed [XFER-03]');
    expect(diagram.at(-1)).toBe('    Note over P1,P3: call c1: Connected');
  });

  it('draws services reached without a recorded transfer and outbound calls', () => {
    const call = scenarioB().calls[0];
    if (call === undefined) throw new Error('fixture');
    call.transfers = [];
    call.type = 'Outbound Call';
    const lines = callDiagram(call).split('\n');
    expect(lines).toContain('    participant P1 as From +41791110000');
    expect(lines).toContain('    P2-->>P3: routed');
  });

  it('understands the transfer targets the engine writes and prefixed ones', () => {
    const call = scenarioB().calls[0];
    if (call === undefined) throw new Error('fixture');
    const [first, second] = call.transfers;
    if (first === undefined || second === undefined) throw new Error('fixture');
    call.transfers = [
      { ...first, to: 'service:C' },
      { ...second, to: 'user carl', ok: true },
      { ...second, to: 'pstn:+41795550199' },
      { ...second, to: 'dana@fabrikam.com' },
    ];
    const lines = callDiagram(call).split('\n');
    expect(lines.filter((l) => l.includes('participant'))).toEqual([
      '    participant P1 as Customer +41791110000',
      '    participant P2 as Service B',
      '    participant P3 as Service C',
      '    participant P4 as User carl',
      '    participant P5 as PSTN +41795550199',
      '    participant P6 as dana@fabrikam.com',
    ]);
    expect(lines.some((l) => l.startsWith('    P2->>P3: transfer'))).toBe(true);
    expect(lines.some((l) => l.startsWith('    P3->>P4: transfer'))).toBe(true);
    expect(lines.some((l) => l.startsWith('    P3-xP5: transfer'))).toBe(true);
  });

  it('escapes table pipes, markup and Mermaid syntax in user strings', () => {
    const md = toMarkdown(suiteOf([nastyScenario()]));
    // Raw markup only inside code spans (rendered literally): the Expected/Actual lines.
    const raw = md.split('\n').filter((l) => l.includes('<script'));
    expect(raw).toHaveLength(2);
    for (const l of raw) {
      // One code span whose fence (two backticks) is longer than any backtick run inside it.
      const m = /^- (?:Expected|Actual): (``)(.*)``$/.exec(l);
      expect(m?.[2]).not.toContain('``');
    }
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows.length).toBe(3);
    for (const row of rows) expect(cellPipes(row)).toBe(6);
    // A heading stays one heading: nothing after the scenario name starts a new line.
    expect(md).toContain('#### ❌ Nasty a &lt;script&gt;alert("x")&lt;/script&gt; &amp; \\]\\]&gt; \'q\' \\| b; \\#c');
    for (const block of mermaidBlocks(md)) {
      for (const line of block.slice(1)) {
        expect(line.startsWith('    ')).toBe(true);
        // The user-controlled part: a participant's label, or the text of a message or note.
        const m = /^    (participant P\d+ as |(?:Note over |P\d+-\S+P\d+)[^:]*: )(.*)$/.exec(line);
        expect(m, line).not.toBeNull();
        // Line breaks are the one piece of markup the reporter writes itself (mermaidLabel).
        expect((m?.[2] ?? '').replace(/#\w+;/g, '').replace(/<br\/>/g, ' ')).not.toMatch(/[#;<>%`"&]/);
      }
    }
  });

  it('caps the number of failed scenarios written out in full', () => {
    const md = toMarkdown(suiteOf([scenarioB(), scenarioB(), scenarioB()]), { maxFailureDetails: 1 });
    expect(md.match(/^#### ❌/gm)).toHaveLength(1);
    expect(md).toContain('…and 2 more failed scenarios');
  });
});

describe('Markdown escaping helpers', () => {
  it('escapes inline Markdown', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<b>x</b> & *y* _z_ [l](u) `c` ~s~ #h')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\_z\\_ \\[l\\](u) \\`c\\` \\~s\\~ \\#h');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
    expect(escapeMarkdown('- item', true)).toBe('\\- item');
    expect(escapeMarkdown('1. item', true)).toBe('1\\. item');
    expect(escapeMarkdown('1. item')).toBe('1. item');
  });

  it('fences code spans around backticks and escapes pipes in tables', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a|b', true)).toBe('`a\\|b`');
  });

  it('writes Mermaid-special characters as entity codes', () => {
    expect(escapeMermaid('a;b#c<d>e&f"g%%h`i')).toBe('a#59;b#35;c#lt;d#gt;e#amp;f#quot;g#37;#37;h#96;i');
    expect(escapeMermaid('wrap: x')).toBe('wrap#58; x');
    expect(escapeMermaid('two\nlines')).toBe('two lines');
  });
});

describe('mermaidLabel', () => {
  it('wraps at word boundaries, splits over-long words, and cuts after the last line', () => {
    expect(mermaidLabel('short text')).toBe('short text');
    expect(mermaidLabel('aaaa bbbb cccc', 9)).toBe('aaaa bbbb<br/>cccc');
    expect(mermaidLabel('x'.repeat(12), 5)).toBe('xxxxx<br/>xxxxx<br/>xx');
    const cut = mermaidLabel(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), 10, 3).split('<br/>');
    expect(cut).toHaveLength(3);
    expect(cut[2]?.endsWith('…')).toBe(true);
  });

  it('escapes each line for Mermaid', () => {
    expect(mermaidLabel('a;b <c>')).toBe(escapeMermaid('a;b <c>'));
  });
});
