/**
 * The documentation is read from a clone, so every relative link in it must land on a file of the
 * repository (and on a heading there, when it names one), and no file may send the reader to a sibling
 * folder that only existed next to the project while it was written. The scenario format
 * reference is the only description of the format a user has, so it must name every key the tool accepts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** Folders that hold no documentation of ours: dependencies, build output, VCS data, Stryker's sandboxes. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage', '.stryker-tmp']);

function markdownFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : markdownFilesUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The guides whose links a reader follows: the front door, the architecture page and docs/. */
const linkedDocs = [join(root, 'README.md'), join(root, 'ARCHITECTURE.md'), ...markdownFilesUnder(join(root, 'docs'))].filter((f) => existsSync(f));

/** Every Markdown file of ours; run outputs under reports/ are generated, only its README is written by hand. */
const allMarkdown = markdownFilesUnder(root).filter((f) => {
  const rel = relative(root, f).split(sep).join('/');
  return !rel.startsWith('reports/') || rel === 'reports/README.md';
});

/** Fenced code blocks blanked out, line count kept so that problems point at the right line. */
const withoutFences = (markdown: string): string =>
  markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ''));

/** Text outside fenced code blocks and inline code spans: links are only links there. */
const proseOf = (markdown: string): string => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

interface Link {
  target: string;
  line: number;
}

function linksIn(markdown: string): Link[] {
  const prose = proseOf(markdown);
  const links: Link[] = [];
  const lineAt = (index: number) => prose.slice(0, index).split('\n').length;
  for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
    links.push({ target: (m[1] ?? '').replace(/^<|>$/g, ''), line: lineAt(m.index) });
  }
  for (const m of prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(\S+)/gm)) {
    links.push({ target: m[1] ?? '', line: lineAt(m.index) });
  }
  return links;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (m[1] ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1] ?? '');
  return anchors;
}

/**
 * ARCHITECTURE.md is written on another branch of the same change; until it lands, links to it cannot be
 * checked, and once it exists they are checked like any other.
 */
const WRITTEN_ELSEWHERE = new Set([join(root, 'ARCHITECTURE.md')]);

/** What is wrong with one relative link of `file`, or undefined when it resolves. */
function brokenLink(file: string, target: string): string | undefined {
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart);
  const resolved = path === '' ? file : resolve(dirname(file), path);
  const rel = relative(root, resolved);
  if (rel.startsWith('..') || resolve(root, rel) !== resolved) return 'points outside the repository';
  if (!existsSync(resolved)) return WRITTEN_ELSEWHERE.has(resolved) ? undefined : 'no such file in the repository';
  if (anchor === undefined || anchor === '' || !resolved.endsWith('.md') || statSync(resolved).isDirectory()) return undefined;
  return anchorsOf(readFileSync(resolved, 'utf8')).has(anchor.toLowerCase()) ? undefined : `no heading #${anchor} in ${relative(root, resolved)}`;
}

describe('documentation links', () => {
  it('finds the documentation to check', () => {
    expect(linkedDocs.map((f) => relative(root, f))).toContain('README.md');
    expect(linkedDocs.length).toBeGreaterThan(1);
  });

  it.each(linkedDocs.map((f) => [relative(root, f), f] as const))('every relative link in %s resolves in the repository', (_name, file) => {
    const problems = linksIn(readFileSync(file, 'utf8'))
      .filter((link) => !isExternal(link.target))
      .flatMap((link) => {
        const problem = brokenLink(file, link.target);
        return problem === undefined ? [] : [`${relative(root, file)}:${link.line} ${link.target}: ${problem}`];
      });
    expect(problems).toEqual([]);
  });

  it('no Markdown file names a path under a shared/ folder outside the repository', () => {
    const problems = allMarkdown.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:^|[^\w./-])((?:\.\.\/|\/[\w.-]+\/)*shared\/[\w./-]+)/gm)]
        .map((m) => m[1] ?? '')
        .filter((path) => path.startsWith('/') || path.startsWith('..') || !existsSync(resolve(dirname(file), path)))
        .map((path) => `${relative(root, file)}: ${path}`);
    });
    expect(problems).toEqual([]);
  });
});

/** Every text file of ours a clone carries: sources, tests, scripts, docs, schemas, scenarios. */
function textFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) || entry.name === 'reports' ? [] : textFilesUnder(path);
    return /\.(ts|tsx|mjs|cjs|js|json|jsonc|ya?ml|md)$/.test(entry.name) ? [path] : [];
  });
}

describe('the repository carries its own sources', () => {
  // The one hand-run script that compares the catalogue with a rulebook kept beside a clone.
  const allowed = new Set(['scripts/compare-rulebook.ts']);

  it('no file names or reads a sibling folder of the clone', () => {
    const outside = /\bshared\/(?:domain|spec|reference)\b|nimbus-rules\.md/;
    const problems = textFilesUnder(root)
      .map((file) => relative(root, file).split(sep).join('/'))
      .filter((rel) => !allowed.has(rel) && rel !== 'package-lock.json')
      .flatMap((rel) =>
        readFileSync(join(root, rel), 'utf8')
          .split('\n')
          .flatMap((line, i) => (outside.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(problems).toEqual([]);
  });
});

describe('anchorsOf', () => {
  it('makes GitHub-style heading anchors', () => {
    const anchors = anchorsOf('# Exit codes\n## `tenant.behavior`: settings\n## Exit codes\n```\n# not a heading\n```\n');
    expect([...anchors]).toEqual(['exit-codes', 'tenantbehavior-settings', 'exit-codes-1']);
  });
});

/** Every property name anywhere in the generated JSON Schema of scenario files: keys, verbs, expect kinds, settings. */
function schemaKeys(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) schemaKeys(item, into);
  else if (node !== null && typeof node === 'object') {
    const properties = (node as { properties?: unknown }).properties;
    if (properties !== null && typeof properties === 'object') for (const key of Object.keys(properties)) into.add(key);
    for (const value of Object.values(node)) schemaKeys(value, into);
  }
  return into;
}

describe('docs/reference/scenario-format.md', () => {
  it('names every key, verb, assertion and setting of the scenario JSON Schema', () => {
    const reference = readFileSync(join(root, 'docs/reference/scenario-format.md'), 'utf8');
    const keys = schemaKeys(JSON.parse(readFileSync(join(root, 'schema/scenario.schema.json'), 'utf8')));
    const named = (key: string) => reference.includes(`\`${key}\``) || new RegExp(`[\\s{,(]${key.replace(/[$]/g, '\\$&')}:`).test(reference);
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((key) => !named(key))).toEqual([]);
  });
});
