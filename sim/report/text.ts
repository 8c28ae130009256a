/**
 * Helpers shared by the reporters: rule titles, verdicts, compact values, safe single-line text and
 * portable paths. Everything here is pure and deterministic.
 */
import path from 'node:path';
import { RULEBOOK } from '../../src/rules/catalogue.data.js';
import type { Decision, Json, ScenarioResult } from '../result.js';

const TITLES: ReadonlyMap<string, string> = new Map(RULEBOOK.map((r) => [r.id, r.title]));

/** The catalogue title of a rule id, or undefined for an id the catalogue does not know. */
export function ruleTitle(id: string): string | undefined {
  return TITLES.get(id);
}

/** Cut `text` to at most `max` characters, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** `XFER-03 Unlicensed first service, failed PSTN transfer` (title cut to `max`). */
export function ruleLabel(id: string, max = 100): string {
  const title = ruleTitle(id);
  return title === undefined ? `${id} (not in the rulebook)` : `${id} ${truncate(title, max)}`;
}

/**
 * One line of text that is safe to print to a terminal: line breaks and tabs become spaces and other
 * control characters (ESC included, so user strings cannot inject escape sequences) become `\xNN`.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Multi-line variant of {@link oneLine}: keeps line breaks (normalised to `\n`), escapes other controls. */
export function safeLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/).map(oneLine);
}

/** A JSON-ish value, compact, on one line: `{"ok":false,"because":["XFER-03"]}`, `"Transfer Failed"`. */
export function compact(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return oneLine(JSON.stringify(value) ?? String(value));
  } catch {
    return oneLine(String(value));
  }
}

/** A decision verdict for people: booleans as yes/no, strings bare, anything else as compact JSON. */
export function formatVerdict(verdict: unknown): string {
  if (verdict === true) return 'yes';
  if (verdict === false) return 'no';
  if (verdict === null) return 'none';
  if (typeof verdict === 'string') return oneLine(verdict);
  return compact(verdict);
}

/** `key=value` pairs of a decision's inputs, strings bare, values cut to `max` characters. */
export function formatInputs(inputs: Record<string, Json>, max = 60): string[] {
  return Object.entries(inputs).map(([k, v]) => `${oneLine(k)}=${truncate(typeof v === 'string' ? oneLine(v) : compact(v), max)}`);
}

/** Forward slashes, and relative to `cwd` if a path ever arrives absolute (reports must not leak them). */
export function portablePath(file: string, cwd: string = process.cwd()): string {
  const forward = file.replace(/\\/g, '/');
  const absolute = path.posix.isAbsolute(forward) || /^[A-Za-z]:\//.test(forward);
  if (!absolute) return forward;
  const rel = path.relative(cwd, file).replace(/\\/g, '/');
  return rel === '' ? '.' : rel;
}

/** `file:line` of a scenario's first failure (or error), `file` alone when no line is known. */
export function failureLocation(result: ScenarioResult): string {
  const file = portablePath(result.file);
  const line = result.failures[0]?.line ?? result.error?.line;
  return line === undefined ? file : `${file}:${line}`;
}

/** Checks to show for a decision: every evaluated rule; if none were recorded, its `because` as passed/failed by verdict. */
export function decisionChecks(decision: Decision<unknown>): { rule: string; passed: boolean; detail: string }[] {
  if (decision.checks.length > 0) return decision.checks;
  return decision.because.map((rule) => ({ rule, passed: decision.verdict !== false, detail: '' }));
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The largest of `values`, at least `floor`. `Math.max(...values)` passes every value as an argument, which
 * overflows the stack on run-sized lists (more than ~10k calls or steps); this loops instead.
 */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/**
 * Bidirectional control characters (embeddings, overrides, isolates, marks, the Arabic letter mark) reorder
 * the text around them when shown, so a scenario name or message could make a report say something else
 * than its bytes ("Trojan Source"). Reports meant for people show them as their code point instead.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** `text` with every bidi control character written visibly as `<U+202E>`. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
