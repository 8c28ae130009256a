/**
 * Steps are checked one at a time rather than against the union of all verbs: a union error cannot say
 * which verb was meant, while "steps[3].answer.user: expected text" can. Each step is a map with exactly
 * one verb key plus optional `at` / `after` / `note`.
 */
import { z } from 'zod';
import { durationField } from '../../src/domain/schemaKit.js';
import type { ScenarioProblem } from './errors.js';
import { describeValue, displayPath, problemsFromIssues } from './issues.js';
import { EXPECT_KEYS, STEP_VERBS, TIMING_KEYS, stepVerbs, type Step, type StepVerb } from './schema.js';
import { didYouMean, listOf } from './suggest.js';
import { isPlainMap, locate, position, problemAt, type Path, type PlainMap, type SourceRef } from './yamlSource.js';

const StepTiming = z.strictObject({
  at: durationField().optional(),
  after: durationField().optional(),
  note: z.string().optional(),
});

const isVerb = (key: string): key is StepVerb => Object.hasOwn(stepVerbs, key);
const isTimingKey = (key: string): boolean => (TIMING_KEYS as readonly string[]).includes(key);

export interface StepsResult {
  steps: Step[];
  /** 1-based line of each step's list item. */
  stepLines: number[];
  problems: ScenarioProblem[];
}

/** Validates `root.steps` (already known to be a list) step by step. */
export function validateSteps(root: PlainMap, rootRef: SourceRef): StepsResult {
  const rawSteps = root['steps'];
  const result: StepsResult = { steps: [], stepLines: [], problems: [] };
  if (!Array.isArray(rawSteps)) return result;
  rawSteps.forEach((raw, index) => {
    const path: Path = ['steps', index];
    const located = locate(root, rootRef, path);
    result.stepLines.push(position(located.ref).line);
    const step = validateStep(raw, index, { root, rootRef, problems: result.problems });
    if (step) result.steps.push(step);
  });
  return result;
}

interface StepContext {
  root: PlainMap;
  rootRef: SourceRef;
  problems: ScenarioProblem[];
}

function validateStep(raw: unknown, index: number, ctx: StepContext): Step | undefined {
  const path: Path = ['steps', index];
  const report: Report = (at, message, extra = {}) => {
    ctx.problems.push(problemAt(locate(ctx.root, ctx.rootRef, at).ref, at, `${displayPath(path)}: ${message}`, extra));
  };

  if (!isPlainMap(raw)) {
    const bareVerb = typeof raw === 'string' && isVerb(raw);
    report(path, `a step is a map with one verb, got ${describeValue(raw)}`, {
      expected: `a verb such as "- answer: { user: alice, call: c1 }"`,
      ...optionalHint(bareVerb ? `write "- ${raw}: ..." with the verb's fields` : undefined),
    });
    return undefined;
  }

  const { verbs, unknown } = checkStepKeys(raw, path, report);
  const timing = validateTiming(raw, path, ctx);
  const [verb] = verbs;
  if (verb === undefined || verbs.length > 1 || unknown.length > 0) return undefined;
  const args = validateArgs(verb, raw[verb], path, ctx);
  if (!args.ok || !timing) return undefined;
  if (verb === 'expect' && isPlainMap(args.value) && Object.keys(args.value).length === 0) {
    // An expect that checks nothing always passes, which hides a mistake rather than testing anything.
    report([...path, verb], 'this expect lists no assertions', { expected: `one or more of: ${EXPECT_KEYS.join(', ')}` });
    return undefined;
  }
  const step = { verb, args: args.value } as Step;
  if (timing.at !== undefined) step.at = timing.at;
  if (timing.after !== undefined) step.after = timing.after;
  if (timing.note !== undefined) step.note = timing.note;
  return step;
}

type Report = (at: Path, message: string, extra?: { expected?: string; hint?: string; at?: 'key' | 'value' }) => void;

/** The step's keys: exactly one verb, only timing keys beside it, not both `at` and `after`. */
function checkStepKeys(raw: PlainMap, path: Path, report: Report): { verbs: StepVerb[]; unknown: string[] } {
  const keys = Object.keys(raw);
  const verbs = keys.filter(isVerb);
  const unknown = keys.filter((key) => !isVerb(key) && !isTimingKey(key));
  for (const key of unknown) {
    const candidates = verbs.length > 0 ? [...TIMING_KEYS, ...STEP_VERBS] : STEP_VERBS;
    report([...path, key], verbs.length > 0 ? `unknown key "${key}" next to the verb "${verbs[0]}"` : `unknown verb "${key}"`, {
      expected: verbs.length > 0 ? `one verb plus optional ${TIMING_KEYS.join(', ')}` : `one of: ${listOf(STEP_VERBS, 40)}`,
      ...optionalHint(didYouMean(key, candidates)),
      at: 'key',
    });
  }
  if (verbs.length === 0 && unknown.length === 0) {
    report(path, 'this step has no verb', { expected: `one of: ${listOf(STEP_VERBS, 40)}` });
  }
  if (verbs.length > 1) {
    report([...path, verbs[1] as string], `a step takes exactly one verb, found ${verbs.map((v) => `"${v}"`).join(' and ')}`, {
      hint: 'put each verb in its own list item (a new "- " line)',
      at: 'key',
    });
  }
  if (raw['at'] !== undefined && raw['after'] !== undefined) {
    report([...path, 'after'], 'a step takes either "at" (time from scenario start) or "after" (delay after the previous step), not both', {
      at: 'key',
    });
  }
  return { verbs, unknown };
}

const optionalHint = (hint: string | undefined): { hint?: string } => (hint === undefined ? {} : { hint });

function validateTiming(raw: PlainMap, path: Path, ctx: StepContext): z.output<typeof StepTiming> | undefined {
  const picked: PlainMap = {};
  for (const key of TIMING_KEYS) if (raw[key] !== undefined) picked[key] = raw[key];
  const parsed = StepTiming.safeParse(picked, { reportInput: true });
  if (parsed.success) return parsed.data;
  ctx.problems.push(...problemsFromIssues(parsed.error.issues, { root: ctx.root, rootRef: ctx.rootRef, base: path, schema: StepTiming }));
  return undefined;
}

function validateArgs(verb: StepVerb, raw: unknown, path: Path, ctx: StepContext): { ok: true; value: unknown } | { ok: false } {
  const schema: z.ZodType = stepVerbs[verb];
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  ctx.problems.push(...problemsFromIssues(parsed.error.issues, { root: ctx.root, rootRef: ctx.rootRef, base: [...path, verb], schema }));
  return { ok: false };
}
