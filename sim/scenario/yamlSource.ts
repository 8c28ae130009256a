/**
 * YAML text to plain data that remembers where every value came from. zod validates plain data; to report
 * `file:line:col` for a zod issue path we keep, for every map and list we build, the source position of
 * the container itself and of each key and item (`originOf`). Merging `extends` files copies these
 * positions along, so a merged value still points into the file that wrote it.
 *
 * Input is bounded before the YAML library sees it: size, flow nesting (the parser can run out of memory
 * on a few million unclosed `[`), alias expansion and total node count.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { fileProblem, ScenarioLoadError, type ScenarioProblem } from './errors.js';

export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** Deeper than any scenario needs (the deepest real path is about 8) and far below the stack limit. */
const MAX_NESTING_DEPTH = 64;
/** Alias dereferences per document; the YAML library's own default for `maxAliasCount`. */
const MAX_ALIAS_COUNT = 100;
/** Values built per document, aliases expanded; bounds alias bombs that stay under the alias count. */
const MAX_VALUES = 200_000;
/** Lines plus flow-list entries; far above any real scenario, and parsed in about two seconds. */
const MAX_ENTRIES = 100_000;

export type Path = (string | number)[];

export interface YamlSource {
  /** The file name as problems print it. */
  file: string;
  lines: LineCounter;
}

/** A place in a source file: the value and, for map entries, its key. */
export interface SourceRef {
  source: YamlSource;
  valueOffset: number;
  keyOffset?: number;
}

export interface ContainerOrigin {
  self: SourceRef;
  /** Map keys or list indexes to where that entry was written. */
  entries: Map<string | number, SourceRef>;
}

const origins = new WeakMap<object, ContainerOrigin>();

export const originOf = (value: unknown): ContainerOrigin | undefined =>
  typeof value === 'object' && value !== null ? origins.get(value) : undefined;

export const recordOrigin = (value: object, origin: ContainerOrigin): void => {
  origins.set(value, origin);
};

export type PlainMap = Record<string, unknown>;
export const isPlainMap = (value: unknown): value is PlainMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function position(ref: SourceRef, which: 'key' | 'value' = 'value'): { line: number; column: number } {
  const offset = which === 'key' && ref.keyOffset !== undefined ? ref.keyOffset : ref.valueOffset;
  const { line, col } = ref.source.lines.linePos(offset);
  return { line, column: col };
}

export function problemAt(
  ref: SourceRef,
  path: Path,
  message: string,
  extra: { expected?: string | undefined; hint?: string | undefined; at?: 'key' | 'value' } = {},
): ScenarioProblem {
  const { line, column } = position(ref, extra.at ?? 'value');
  const problem: ScenarioProblem = { file: ref.source.file, line, column, message, path };
  if (extra.expected) problem.expected = extra.expected;
  if (extra.hint) problem.hint = extra.hint;
  return problem;
}

export interface Located {
  /** Where the deepest reachable part of the path was written. */
  ref: SourceRef;
  /** Whether the whole path exists in the data (false: a missing key, `ref` is its map). */
  found: boolean;
  value: unknown;
  /** The path as written: without the list indexes of "one item or a list" fields given one item. */
  written: Path;
}

/**
 * Follows a zod issue path through the plain data. A numeric step into a map is skipped rather than
 * failing: fields that take "one item or a list" report issues at `[..., 0, ...]` when one item was written.
 */
export function locate(root: unknown, rootRef: SourceRef, path: Path): Located {
  let value = root;
  let ref = rootRef;
  const written: Path = [];
  for (const step of path) {
    const origin = originOf(value);
    if (Array.isArray(value) && typeof step === 'number' && step < value.length) {
      ref = origin?.entries.get(step) ?? ref;
      value = value[step];
    } else if (isPlainMap(value) && Object.hasOwn(value, String(step))) {
      ref = origin?.entries.get(String(step)) ?? ref;
      value = value[String(step)];
    } else if (typeof step === 'number' && !Array.isArray(value)) {
      continue;
    } else {
      return { ref, found: false, value: undefined, written: [...written, step] };
    }
    written.push(step);
  }
  return { ref, found: true, value, written };
}

/** Reads a scenario file as text, refusing what cannot be a scenario before parsing it. */
export function readScenarioText(absPath: string, file: string): string {
  let size: number;
  try {
    const stat = statSync(absPath);
    if (!stat.isFile()) throw new ScenarioLoadError([fileProblem(file, 'is not a file', { hint: 'name a .yaml file, or a folder when running a suite' })]);
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioLoadError) throw error;
    throw new ScenarioLoadError([fileProblem(file, 'no such file', { hint: `looked for ${absPath}` })]);
  }
  if (size > MAX_SCENARIO_BYTES) throw tooLarge(file, size);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read';
    throw new ScenarioLoadError([fileProblem(file, reason, { hint: error instanceof Error ? error.message : undefined })]);
  }
  return decodeUtf8(bytes, file);
}

const tooLarge = (file: string, size: number): ScenarioLoadError =>
  new ScenarioLoadError([
    fileProblem(file, `is ${(size / 1024 / 1024).toFixed(1)} MB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`, {
      hint: 'split the scenario, or move shared tenant, services and users into a file it extends',
    }),
  ]);

function decodeUtf8(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ScenarioLoadError([fileProblem(file, 'is UTF-16 text', { hint: 'save the file as UTF-8' })]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioLoadError([fileProblem(file, 'is not UTF-8 text', { hint: 'save the file as UTF-8' })]);
  }
}

export interface ParsedYaml {
  source: YamlSource;
  /** Plain data (maps, lists, strings, numbers, booleans, null); null for an empty file. */
  value: unknown;
  /** Where the document's top-level value starts (line 1 for an empty file). */
  rootRef: SourceRef;
}

/** Parses one YAML document; throws ScenarioLoadError for anything that is not well-formed YAML. */
export function parseYamlText(rawText: string, file: string): ParsedYaml {
  if (Buffer.byteLength(rawText, 'utf8') > MAX_SCENARIO_BYTES) throw tooLarge(file, Buffer.byteLength(rawText, 'utf8'));
  // The byte order mark is not content; dropping it keeps columns on line 1 as editors show them.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const source: YamlSource = { file, lines: new LineCounter() };
  checkStructure(text, file);

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: source.lines, prettyErrors: false, merge: true, uniqueKeys: true });
  } catch (error) {
    // The parser reports most trouble as document errors; anything thrown is resource exhaustion.
    throw new ScenarioLoadError([fileProblem(file, `could not be parsed as YAML (${error instanceof Error ? error.message : String(error)})`)]);
  }
  if (doc.errors.length > 0) throw new ScenarioLoadError(syntaxProblems(doc, source));
  const prototypeKeys = prototypeKeyProblems(doc, source);
  if (prototypeKeys.length > 0) throw new ScenarioLoadError(prototypeKeys);

  const rootRef: SourceRef = { source, valueOffset: doc.contents?.range[0] ?? 0 };
  const builder = new PlainBuilder(doc, source);
  const value = doc.contents === null ? null : builder.build(doc.contents, rootRef, 0);
  if (builder.problems.length > 0) throw new ScenarioLoadError(builder.problems);
  return { source, value, rootRef };
}

/**
 * `__proto__` is no scenario key, and as a plain object's key it would silently replace the map's prototype
 * instead of becoming an entry: the key and everything under it would vanish without a word. Refused at
 * any depth, where it is written.
 */
function prototypeKeyProblems(doc: Document.Parsed, source: YamlSource): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || key.value !== '__proto__') return;
      const offset = key.range?.[0] ?? 0;
      problems.push(
        problemAt({ source, valueOffset: offset }, [], 'the key "__proto__" is not allowed', {
          expected: 'a scenario key (name, tenant, services, users, steps, ...)',
          hint: 'remove it; "__proto__" is never part of a scenario and would be silently dropped',
        }),
      );
    },
  });
  return problems;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'holds more than one YAML document (a line with ---); write one scenario per file',
  DUPLICATE_KEY: 'this key is written twice in the same map',
  TAB_AS_INDENT: 'tabs are not allowed for indentation in YAML; indent with spaces',
  RESOURCE_EXHAUSTION: `nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`,
};

function syntaxProblems(doc: Document.Parsed, source: YamlSource): ScenarioProblem[] {
  // One error often cascades into several at the same place; the first per line is the useful one.
  const seenLines = new Set<number>();
  const problems: ScenarioProblem[] = [];
  for (const error of doc.errors) {
    const { line, col } = source.lines.linePos(error.pos[0]);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    const message = SYNTAX_MESSAGES[error.code] ?? error.message;
    const problem: ScenarioProblem = { file: source.file, line, column: col, message: `YAML syntax error: ${message}`, path: [] };
    // The parser notices an unclosed bracket where the next line starts, not where it was opened.
    if (/end with an? [\]}]/.test(error.message)) problem.hint = 'a [ or { opened on an earlier line is not closed';
    problems.push(problem);
    if (problems.length >= 10) break;
  }
  return problems;
}

/**
 * Rejects, before the parser runs, input whose structure alone would exhaust it: flow collections (`[`,
 * `{`) nested beyond MAX_NESTING_DEPTH (a few million unclosed `[` run the parser out of memory) and more
 * entries than MAX_ENTRIES (the parser needs seconds per hundred thousand). Counts only brackets where a
 * YAML node can start and skips quoted text and comments, so it never fires on ordinary text.
 */
function checkStructure(text: string, file: string): void {
  let depth = 0;
  let entries = 0;
  let tokenStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === ',' && depth > 0)) {
      if (++entries > MAX_ENTRIES) throw structureError(text, i, file, `more than ${MAX_ENTRIES} lines and list entries; a scenario file is never this long`);
      tokenStart = true;
      continue;
    }
    if (tokenStart && (c === '"' || c === "'")) {
      i = skipQuoted(text, i);
      tokenStart = false;
      continue;
    }
    if (c === '#' && (tokenStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
      continue;
    }
    if (tokenStart && (c === '[' || c === '{')) {
      if (++depth > MAX_NESTING_DEPTH) throw structureError(text, i, file, `YAML nested too deeply (more than ${MAX_NESTING_DEPTH} levels of [ ] or { })`);
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
    tokenStart = c === ' ' || c === '\t' || c === '[' || c === '{' || c === ':' || c === '-' || c === '?' || c === '\r';
  }
}

function structureError(text: string, offset: number, file: string, message: string): ScenarioLoadError {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  const { line, col } = lines.linePos(offset);
  return new ScenarioLoadError([{ file, line, column: col, message, path: [] }]);
}

function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/** Builds plain data from the YAML tree, recording origins, within the depth, alias and size budgets. */
class PlainBuilder {
  readonly problems: ScenarioProblem[] = [];
  private aliases = 0;
  private values = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly source: YamlSource,
  ) {}

  build(node: YamlNode, ref: SourceRef, depth: number): unknown {
    if (this.problems.length > 0) return null;
    if (++this.values > MAX_VALUES) return this.fail(ref, `the document expands to more than ${MAX_VALUES} values (check anchors and aliases)`);
    if (depth > MAX_NESTING_DEPTH) return this.fail(ref, `YAML nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`);
    if (isAlias(node)) return this.buildAlias(node, ref, depth);
    if (isScalar(node)) return node.value === undefined ? null : node.value;
    if (isSeq(node)) {
      const list: unknown[] = [];
      const entries = new Map<number, SourceRef>();
      node.items.forEach((item, index) => {
        const itemRef = this.ref(item as YamlNode | null, ref.valueOffset);
        entries.set(index, itemRef);
        list.push(item === null ? null : this.build(item as YamlNode, itemRef, depth + 1));
      });
      recordOrigin(list, { self: ref, entries });
      return list;
    }
    if (isMap(node)) return this.buildMap(node, ref, depth);
    return this.fail(ref, 'unsupported YAML node');
  }

  private buildAlias(node: Alias, ref: SourceRef, depth: number): unknown {
    if (++this.aliases > MAX_ALIAS_COUNT) return this.fail(ref, `more than ${MAX_ALIAS_COUNT} aliases (*name); this looks like an alias bomb`);
    const target = node.resolve(this.doc);
    if (!target) return this.fail(ref, `alias *${node.source} has no anchor &${node.source} before it`);
    return this.build(target, ref, depth + 1);
  }

  private buildMap(node: YAMLMap, ref: SourceRef, depth: number): PlainMap {
    const map: PlainMap = {};
    const entries = new Map<string, SourceRef>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (keyNode !== null && isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        this.mergeInto(map, entries, pair.value as YamlNode | null, ref, depth);
        continue;
      }
      if (keyNode !== null && !isScalar(keyNode)) {
        this.fail(this.ref(keyNode, ref.valueOffset), 'a key must be a plain name, not a list or map');
        continue;
      }
      const key = keyNode === null || keyNode.value === null ? '' : String(keyNode.value);
      if (key === '__proto__') {
        // Assigning it would replace the map's prototype: the entry would vanish and its keys leak into lookups.
        this.fail(this.ref(keyNode, ref.valueOffset), 'the key "__proto__" is not allowed', 'it is reserved by JavaScript; no scenario key is named so; remove it or rename it');
        continue;
      }
      const valueNode = pair.value as YamlNode | null;
      const keyOffset = keyNode?.range?.[0] ?? ref.valueOffset;
      const valueRef: SourceRef = { source: this.source, valueOffset: valueNode?.range?.[0] ?? keyOffset, keyOffset };
      // Explicit keys win over merged ones, whatever the order they are written in.
      map[key] = valueNode === null ? null : this.build(valueNode, valueRef, depth + 1);
      entries.set(key, valueRef);
    }
    recordOrigin(map, { self: ref, entries });
    return map;
  }

  /** YAML merge keys (`<<: *defaults`): entries not written in the map itself are copied in. */
  private mergeInto(map: PlainMap, entries: Map<string, SourceRef>, valueNode: YamlNode | null, ref: SourceRef, depth: number): void {
    const sources = valueNode !== null && isSeq(valueNode) ? (valueNode.items as YamlNode[]) : valueNode === null ? [] : [valueNode];
    for (const sourceNode of sources) {
      const merged = this.build(sourceNode, this.ref(sourceNode, ref.valueOffset), depth + 1);
      if (!isPlainMap(merged)) {
        this.fail(this.ref(sourceNode, ref.valueOffset), 'a merge key (<<) takes a map or a list of maps');
        continue;
      }
      const origin = originOf(merged);
      for (const [key, value] of Object.entries(merged)) {
        if (Object.hasOwn(map, key)) continue;
        map[key] = value;
        const mergedRef = origin?.entries.get(key);
        if (mergedRef) entries.set(key, mergedRef);
      }
    }
  }

  private ref(node: YamlNode | null, fallback: number): SourceRef {
    return { source: this.source, valueOffset: node?.range?.[0] ?? fallback };
  }

  private fail(ref: SourceRef, message: string, hint?: string): null {
    this.problems.push(problemAt(ref, [], message, hint === undefined ? {} : { hint }));
    return null;
  }
}
