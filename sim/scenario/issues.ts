/**
 * zod issues to ScenarioProblems a QA engineer can act on: positioned at the YAML key or value, worded in
 * the scenario's terms ("unknown key", "expected a list", "is not a duty state") with what was expected
 * and a "did you mean" hint. zod's own messages are the fallback, not the rule.
 */
import type { z } from 'zod';
import type { NimbusFieldMeta } from '../../src/domain/schemaKit.js';
import type { ScenarioProblem } from './errors.js';
import { knownKeysAt, nimbusMetaAt, objectAlternativesAt } from './schemaWalk.js';
import { closest, didYouMean, listOf } from './suggest.js';
import { isPlainMap, locate, originOf, problemAt, type Path, type SourceRef } from './yamlSource.js';

type Issue = z.core.$ZodIssue;

/** Marks a missing key that is explained by a misspelled key next to it. */
const MISSPELLED = Symbol('misspelled');

export interface IssueContext {
  /** The whole scenario's plain data and where it starts, to locate any path. */
  root: unknown;
  rootRef: SourceRef;
  /** Where the validated value sits inside `root` (`[]`, or `['steps', 3, 'answer']`). */
  base: Path;
  /** The schema that produced the issues, to learn what was expected along a path. */
  schema: z.core.$ZodType;
}

export function problemsFromIssues(issues: readonly Issue[], ctx: IssueContext): ScenarioProblem[] {
  const explainer = new IssueExplainer(ctx);
  return issues.flatMap((issue) => explainer.explain(issue, []));
}

/** `steps[3].answer.user`, as a reader finds it in the file. */
export function displayPath(path: Path): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
  return out;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (the value is empty)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  null: 'nothing',
};
const typeName = (expected: string): string => TYPE_NAMES[expected] ?? expected;

const DURATION_EXAMPLE = 'a duration such as 500ms, 20s, 10m, 1h30m or 00:10:00';

function describeKind(meta: NimbusFieldMeta): string {
  switch (meta.kind) {
    case 'enum':
      return `one of: ${listOf(meta.values ?? [], 20)}`;
    case 'duration':
      return DURATION_EXAMPLE;
    case 'e164':
      return 'an E.164 phone number such as "+41445550100"';
    case 'upn':
      return 'a user principal name such as alice@contoso.com';
    case 'license':
      return 'a Microsoft license display name or SKU part number, such as Teams Phone Standard or MCOEV';
  }
}

const UNIT_WORDS: [RegExp, string][] = [
  [/^(ms|msecs?|millis|milliseconds?)$/, 'ms'],
  [/^(s|secs?|seconds?)$/, 's'],
  [/^(m|mins?|minutes?)$/, 'm'],
  [/^(h|hrs?|hours?)$/, 'h'],
];

/** `10 seconds` -> `10s`: the most common way to get a duration wrong. */
function durationHint(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(raw);
  if (!match) return undefined;
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test((match[2] ?? '').toLowerCase()))?.[1];
  return unit ? `write ${match[1]}${unit}` : undefined;
}

function phoneHint(raw: unknown): string | undefined {
  if (typeof raw === 'number') return `YAML read this as a number and dropped the leading +; quote it: "+${raw}"`;
  if (typeof raw === 'string' && !raw.trim().startsWith('+')) return 'start with + and the country code, for example "+41445550100"';
  return undefined;
}

/** Distinguishes "no input reported" from an input that is itself undefined or null. */
const NO_INPUT = Symbol('no input');
const inputOf = (issue: Issue): unknown => ('input' in issue ? issue.input : NO_INPUT);

const paramsOf = (issue: Issue): Record<string, unknown> =>
  issue.code === 'custom' && isPlainMap(issue.params) ? issue.params : {};

class IssueExplainer {
  constructor(private readonly ctx: IssueContext) {}

  explain(issue: Issue, prefix: Path): ScenarioProblem[] {
    const here = [...prefix, ...issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step))];
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => this.unknownKey(here, key));
      case 'invalid_union':
        return this.union(issue, here);
      case 'invalid_type': {
        const missing = this.missingKey(here);
        return missing === MISSPELLED ? [] : [missing ?? this.wrongType(here, [issue.expected], inputOf(issue))];
      }
      case 'invalid_value':
        return [this.notAllowed(here, issue.values.map((v) => String(v)), inputOf(issue))];
      case 'custom':
        return [this.custom(issue, here)];
      case 'too_small':
        return [this.at(here, this.sizeMessage(issue.origin, 'at least', issue.minimum, issue.inclusive))];
      case 'too_big':
        return [this.at(here, this.sizeMessage(issue.origin, 'at most', issue.maximum, issue.inclusive))];
      default:
        return [this.at(here, issue.message)];
    }
  }

  private full(here: Path): Path {
    return [...this.ctx.base, ...here];
  }

  private at(here: Path, text: string, extra: { expected?: string | undefined; hint?: string | undefined; at?: 'key' | 'value' } = {}): ScenarioProblem {
    const full = this.full(here);
    const { ref, written } = locate(this.ctx.root, this.ctx.rootRef, full);
    const where = displayPath(written);
    return problemAt(ref, full, where === '' ? text : `${where}: ${text}`, extra);
  }

  private valueAt(here: Path): unknown {
    return locate(this.ctx.root, this.ctx.rootRef, this.full(here)).value;
  }

  private unknownKey(here: Path, key: string): ScenarioProblem {
    const full = [...this.full(here), key];
    const known = knownKeysAt(this.ctx.schema, here).filter((k) => k !== '$schema');
    const { ref } = locate(this.ctx.root, this.ctx.rootRef, full);
    const text = full.length === 1 ? `unknown top-level key "${key}"` : `${displayPath(this.full(here))}: unknown key "${key}"`;
    return problemAt(ref, full, text, { expected: `one of: ${listOf(known, 30)}`, hint: didYouMean(key, known), at: 'key' });
  }

  /**
   * A required key that is not written at all: reported at the map that lacks it, unless the map holds a
   * misspelling of it, whose "unknown key ... did you mean" problem already says what to fix.
   */
  private missingKey(here: Path): ScenarioProblem | typeof MISSPELLED | undefined {
    const full = this.full(here);
    const found = locate(this.ctx.root, this.ctx.rootRef, full);
    if (found.found || here.length === 0) return undefined;
    const key = full[full.length - 1];
    const parent = full.slice(0, -1);
    const { ref: parentRef, value: parentValue } = locate(this.ctx.root, this.ctx.rootRef, parent);
    if (isPlainMap(parentValue)) {
      const known = knownKeysAt(this.ctx.schema, here.slice(0, -1));
      const misspelled = Object.keys(parentValue).some((written) => !known.includes(written) && closest(written, known) === key);
      if (misspelled) return MISSPELLED;
    }
    const where = displayPath(parent);
    const text = `${where === '' ? '' : `${where}: `}missing required key "${String(key)}"`;
    return problemAt(parentRef, full, text);
  }

  private wrongType(here: Path, expected: string[], input: unknown): ScenarioProblem {
    const value = input === NO_INPUT ? this.valueAt(here) : input;
    const meta = nimbusMetaAt(this.ctx.schema, here);
    const wanted = meta ? describeKind(meta) : [...new Set(expected.map(typeName))].join(' or ');
    const hint = value === null && typeof here[here.length - 1] === 'string' ? 'write a value after the key, or remove the key to use the default' : undefined;
    return this.at(here, `expected ${wanted}, got ${describeValue(value)}`, { hint });
  }

  private notAllowed(here: Path, values: string[], input: unknown): ScenarioProblem {
    const value = input === NO_INPUT ? this.valueAt(here) : input;
    return this.at(here, `${describeValue(value)} is not allowed here`, {
      expected: `one of: ${listOf(values, 20)}`,
      hint: typeof value === 'string' ? didYouMean(value, values) : undefined,
    });
  }

  private custom(issue: Issue, here: Path): ScenarioProblem {
    const params = paramsOf(issue);
    const input = inputOf(issue);
    const got = 'got' in params ? params['got'] : input === NO_INPUT ? this.valueAt(here) : input;
    const values = Array.isArray(params['values']) ? params['values'].map((v) => String(v)) : [];
    switch (params['nimbus']) {
      case 'enum':
        return this.at(here, `${describeValue(got)} is not a ${String(params['enumName'] ?? 'known value')}`, {
          expected: `one of: ${listOf(values, 20)}`,
          hint: didYouMean(String(got), values) ?? 'case, spaces, hyphens and underscores do not matter',
        });
      case 'license':
        return this.at(here, `${describeValue(got)} is not a known Microsoft license`, {
          expected: describeKind({ kind: 'license' }),
          hint: didYouMean(String(got), values),
        });
      case 'duration':
        return this.at(here, `${describeValue(got)} is not a duration`, { expected: DURATION_EXAMPLE, hint: durationHint(got) });
      case 'e164':
        return this.at(here, `${describeValue(got)} is not an E.164 phone number`, { expected: describeKind({ kind: 'e164' }), hint: phoneHint(got) });
      case 'upn':
        return this.at(here, `${describeValue(got)} is not a user principal name`, { expected: describeKind({ kind: 'upn' }) });
      default:
        return this.at(here, issue.message);
    }
  }

  private sizeMessage(origin: string, bound: 'at least' | 'at most', limit: number | bigint, inclusive: boolean | undefined): string {
    const n = Number(limit);
    switch (origin) {
      case 'array':
      case 'set':
        return bound === 'at least' && n === 1 ? 'must not be an empty list' : `needs ${bound} ${n} item${n === 1 ? '' : 's'}`;
      case 'string':
        return bound === 'at least' && n === 1 ? 'must not be empty' : `needs ${bound} ${n} character${n === 1 ? '' : 's'}`;
      default: {
        const strict = inclusive === false ? (bound === 'at least' ? 'more than' : 'less than') : bound;
        return `must be ${strict} ${n}`;
      }
    }
  }

  /**
   * A value that matched no alternative of a union. Alternatives that rejected the value's very shape
   * (a list where a map was wanted) are dropped; if one remains, its issues are the explanation.
   */
  private union(issue: Extract<Issue, { code: 'invalid_union' }>, here: Path): ScenarioProblem[] {
    const missing = this.missingKey(here);
    if (missing === MISSPELLED) return [];
    if (missing) return [missing];
    const branches = issue.errors;
    if (branches.length === 0) return [this.at(here, issue.message)];
    const viable = branches.filter((branch) => !isShapeMismatch(branch));
    if (viable.length === 0) return [this.wrongType(here, branches.flatMap(expectedTypes), inputOf(issue))];
    if (viable.length === 1) return (viable[0] ?? []).flatMap((i) => this.explain(i, here));
    if (viable.every((branch) => branch.every((i) => i.path.length === 0 && (i.code === 'invalid_value' || i.code === 'custom')))) {
      return [this.noAlternative(here, viable, inputOf(issue))];
    }
    const keyless = viable.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
    if (keyless.length > 0) {
      const fewest = keyless.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return fewest.flatMap((i) => this.explain(i, here));
    }
    return this.keyConflict(here);
  }

  /** `from: "12345"` is neither a phone number nor a UPN: say what each alternative wanted. */
  private noAlternative(here: Path, branches: Issue[][], input: unknown): ScenarioProblem {
    const value = input === NO_INPUT ? this.valueAt(here) : input;
    const wanted: string[] = [];
    const allowedValues: string[] = [];
    for (const branch of branches) {
      for (const i of branch) {
        const params = paramsOf(i);
        const kind = params['nimbus'];
        if (i.code === 'invalid_value') allowedValues.push(...i.values.map((v) => String(v)));
        else if ((kind === 'enum' || kind === 'license') && Array.isArray(params['values'])) allowedValues.push(...params['values'].map((v) => String(v)));
        else if (typeof kind === 'string') wanted.push(describeKind({ kind: kind as NimbusFieldMeta['kind'] }));
        else wanted.push(i.message);
      }
    }
    if (allowedValues.length > 0) wanted.unshift(`one of: ${allowedValues.join(', ')}`);
    return this.at(here, `${describeValue(value)} is not accepted here`, {
      expected: [...new Set(wanted)].join(', or '),
      hint: typeof value === 'string' && allowedValues.length > 0 ? didYouMean(value, allowedValues) : phoneHintIfPhone(wanted, value),
    });
  }

  /** A map whose keys fit no single alternative: misspelled keys, or keys of two alternatives mixed. */
  private keyConflict(here: Path): ScenarioProblem[] {
    const value = this.valueAt(here);
    const alternativesKeys = objectAlternativesAt(this.ctx.schema, here);
    const known = [...new Set(alternativesKeys.flat())];
    const written = isPlainMap(value) ? Object.keys(value) : [];
    const unknown = written.filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      return unknown.map((key) => {
        const full = [...this.full(here), key];
        const { ref } = locate(this.ctx.root, this.ctx.rootRef, full);
        return problemAt(ref, full, `${displayPath(this.full(here))}: unknown key "${key}"`, {
          expected: `one of: ${known.join(', ')}`,
          hint: didYouMean(key, known),
          at: 'key',
        });
      });
    }
    const forms = alternativesKeys.map((keys) => `{ ${keys[0] ?? ''}${keys.length > 1 ? ', ...' : ''} }`).join(', ');
    const second = written[1] ?? written[0] ?? '';
    const full = [...this.full(here), second];
    const ref = originOf(value)?.entries.get(second) ?? locate(this.ctx.root, this.ctx.rootRef, this.full(here)).ref;
    return [
      problemAt(ref, full, `${displayPath(this.full(here))}: ${written.map((k) => `"${k}"`).join(' and ')} cannot be used together`, {
        expected: `exactly one of these forms: ${forms}`,
        at: 'key',
      }),
    ];
  }
}

function phoneHintIfPhone(wanted: string[], value: unknown): string | undefined {
  return wanted.some((w) => w.includes('E.164')) ? phoneHint(value) : undefined;
}

/** An alternative that failed only because the value has the wrong basic type for it. */
function isShapeMismatch(branch: Issue[]): boolean {
  if (branch.length !== 1) return false;
  const [only] = branch;
  if (!only || only.path.length > 0) return false;
  if (only.code === 'invalid_type') return true;
  return only.code === 'invalid_union' && only.errors.length > 0 && only.errors.every(isShapeMismatch);
}

function expectedTypes(branch: Issue[]): string[] {
  return branch.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : i.code === 'invalid_union' ? i.errors.flatMap(expectedTypes) : []));
}
