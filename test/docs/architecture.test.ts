// @vitest-environment happy-dom
/**
 * ARCHITECTURE.md is read by someone about to change the code: it must stay true as the code moves. Every file
 * it names exists, every dependency rule it explains is one dependency-cruiser enforces, its "where to add"
 * table answers the seven cases, and its diagrams parse with Mermaid (GitHub renders them with Mermaid).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';

// Paths, not URL objects: under happy-dom (which Mermaid's flowchart parser needs) URL is the DOM's class.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** Repository paths written in backticks, without placeholders (`<area>`), globs or trailing punctuation. */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  const paths = spans.filter((s) => /^(\.?[\w-]+\/)+[\w.-]*$|^\.[\w-]+\.cjs$/.test(s) && !/[<>*]/.test(s));
  return [...new Set(paths.map((p) => p.replace(/\/$/, '')))];
}

describe('ARCHITECTURE.md', () => {
  it('names only files and folders that exist', () => {
    const paths = namedPaths(text);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('the check can fail: a missing path is found', () => {
    const paths = namedPaths('see `sim/engine/nowhere.ts` and `src/rules/<area>.ts`');
    expect(paths).toEqual(['sim/engine/nowhere.ts']);
    expect(existsSync(join(root, paths[0] ?? ''))).toBe(false);
  });

  it('explains exactly the dependency rules CI enforces', () => {
    const config = createRequire(join(root, 'package.json'))('./.dependency-cruiser.cjs') as { forbidden: { name: string }[] };
    const explained = [...text.matchAll(/^\| `([\w-]+)`(?:, `([\w-]+)`)? \|/gm)].flatMap((m) => [m[1], m[2]].filter(Boolean));
    expect(explained.sort()).toEqual(config.forbidden.map((r) => r.name).sort());
  });

  it('answers where to add each of the seven things', () => {
    const rows = [...text.matchAll(/^\| \*\*(an? [\w ]+)\*\* \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(['a rule', 'a step verb', 'an expect key', 'a Graph endpoint', 'a reporter', 'a TUI view', 'a CLI command']);
  });

  it('draws diagrams Mermaid can parse', async () => {
    const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '');
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect((await mermaid.parse(block)).diagramType).toMatch(/^flowchart/);
    await expect(mermaid.parse('flowchart TB\n  a -->')).rejects.toThrow();
  }, 60_000);
});
