/**
 * Every Mermaid diagram the Markdown reporter writes must render where CI job summaries show it (GitHub
 * renders ```mermaid blocks with Mermaid itself). Mermaid's own parser checks each diagram of the built-in
 * suite's report and of hostile names; a diagram Mermaid cannot parse shows on GitHub as an error box.
 */
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../../app/cli/load.js';
import { runSuite } from '../../../sim/runner.js';
import { toMarkdown } from '../../../sim/report/markdown.js';
import { nastyScenario, suiteOf } from '../../fixtures/results.js';

function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '');
}

async function parseAll(blocks: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const block of blocks) {
    try {
      const parsed = await mermaid.parse(block);
      if (parsed.diagramType !== 'sequence') problems.push(`not a sequence diagram:\n${block}`);
    } catch (err) {
      problems.push(`${String(err)}\n--- diagram ---\n${block}`);
    }
  }
  return problems;
}

describe('Markdown report diagrams parse with Mermaid', () => {
  it('every call of the built-in suite', async () => {
    const { scenarios, problems } = loadAll(['scenarios']);
    expect(problems).toEqual([]);
    const suite = await runSuite(scenarios);
    const blocks = mermaidBlocks(toMarkdown(suite, { maxCallDiagrams: 10_000 }));
    expect(blocks.length).toBe(suite.scenarios.reduce((n, s) => n + s.calls.length, 0));
    expect(await parseAll(blocks)).toEqual([]);
  }, 120_000);

  it('names with Markdown, Mermaid and HTML syntax in them', async () => {
    const blocks = mermaidBlocks(toMarkdown(suiteOf([nastyScenario()])));
    expect(blocks.length).toBeGreaterThan(0);
    expect(await parseAll(blocks)).toEqual([]);
  });

  it('the check can fail: a broken diagram is reported', async () => {
    expect(await parseAll(['sequenceDiagram\n    C->>: nothing to call'])).toHaveLength(1);
  });
});
