/**
 * The one shape every rule decision takes: a verdict, the rule ids that decided it, the inputs it saw, and
 * every rule it evaluated on the way. The CLI, TUI, reports and assertions all read these objects.
 *
 * Sentences (a check's `detail`, a decision's `summary`) are for people, and a contact-center day reads
 * almost none of them: a rule may give one as a function, rendered the first time someone reads it and then
 * kept as a plain string property. Such a function must only use values fixed when the decision was made
 * (strings, numbers, arrays built for it), never objects that change afterwards, so the text is the same
 * whenever it is read.
 */
import type { RuleId } from './catalogue.data.js';

export type { RuleId } from './catalogue.data.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A sentence as text, or as a function that renders it when it is first read (see the module comment). */
export type Sentence = string | (() => string);

export interface RuleCheck {
  rule: RuleId;
  /** Did this rule's condition hold in favour of the action? */
  passed: boolean;
  /** Why, in one short sentence with the concrete values. */
  detail: string;
}

export interface Decision<V = boolean> {
  /** What was asked, e.g. `callOnBehalfButton`, `pstnTransfer`, `isSelectable`. */
  question: string;
  verdict: V;
  /** The rules that decided the verdict (for a refusal: the failed checks). */
  because: RuleId[];
  /** The facts the decision read, JSON-safe and stable in key order. */
  inputs: Record<string, Json>;
  /** Every rule evaluated, in order. */
  checks: RuleCheck[];
  /** One readable sentence for humans. */
  summary: string;
}

/**
 * Renders a lazy sentence on first read and keeps the text: the property is an own, enumerable getter, so
 * JSON, spread and deep equality read the string as they would a plain property. One shared getter keeps
 * the objects on one hidden class (turning it into a data property on first read would cost V8 several
 * times the render itself); the render function and the text sit in private fields, invisible to all of
 * those.
 */
class LazySentence {
  #render: (() => string) | undefined;
  #text: string | undefined;

  protected constructor(render: () => string) {
    this.#render = render;
  }

  /** Is the sentence still waiting for its first read? */
  static pending(owner: LazySentence): boolean {
    return owner.#render !== undefined;
  }

  static text(owner: LazySentence): string {
    if (owner.#render !== undefined) {
      owner.#text = owner.#render();
      owner.#render = undefined;
    }
    return owner.#text ?? '';
  }
}

const renderOnRead: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazySentence): string {
    return LazySentence.text(this);
  },
};

/** A check whose detail is rendered when read; its own keys come in the order of a plain RuleCheck. */
class LazyRuleCheck extends LazySentence implements RuleCheck {
  readonly rule: RuleId;
  readonly passed: boolean;
  declare readonly detail: string;

  constructor(rule: RuleId, passed: boolean, render: () => string) {
    super(render);
    this.rule = rule;
    this.passed = passed;
    Object.defineProperty(this, 'detail', renderOnRead);
  }
}

/** A decision whose summary is rendered when read; its own keys come in the order of a plain Decision. */
class LazyDecision<V> extends LazySentence implements Decision<V> {
  readonly question: string;
  readonly verdict: V;
  readonly because: RuleId[];
  readonly inputs: Record<string, Json>;
  readonly checks: RuleCheck[];
  declare readonly summary: string;

  constructor(question: string, verdict: V, because: RuleId[], inputs: Record<string, Json>, checks: RuleCheck[], render: () => string) {
    super(render);
    this.question = question;
    this.verdict = verdict;
    this.because = because;
    this.inputs = inputs;
    this.checks = checks;
    Object.defineProperty(this, 'summary', renderOnRead);
  }
}

/** A check; a detail given as a function is rendered when first read. */
export const ruleCheck = (rule: RuleId, passed: boolean, detail: Sentence): RuleCheck =>
  typeof detail === 'string' ? { rule, passed, detail } : new LazyRuleCheck(rule, passed, detail);

/**
 * A sentence quoting a check's detail (e.g. a candidate's reason to be excluded): rendered when read while
 * that detail is itself unrendered, so quoting it does not render it; plain text when the detail is text.
 */
export const quoting = (check: RuleCheck, sentence: (detail: string) => string): Sentence =>
  check instanceof LazyRuleCheck && LazySentence.pending(check) ? () => sentence(check.detail) : sentence(check.detail);

/** A decision; a summary given as a function is rendered when first read. */
function decision<V>(question: string, verdict: V, because: RuleId[], inputs: Record<string, Json>, checks: RuleCheck[], summary: Sentence): Decision<V> {
  return typeof summary === 'string'
    ? { question, verdict, because, inputs, checks, summary }
    : new LazyDecision(question, verdict, because, inputs, checks, summary);
}

/** The failed checks' details joined, the usual body of a refusal. */
export const failedDetails = (failed: readonly RuleCheck[]): string => failed.map((c) => c.detail).join('; ');

/**
 * Collects checks for a boolean decision. A decision is allowed when every check passed; its `because`
 * lists the failed checks, or, when all passed, every rule that was checked. A builder makes one decision:
 * after `done` it takes no more checks, so a refusal rendered later reads the checks the decision had.
 */
export class DecisionBuilder {
  private readonly checks: RuleCheck[] = [];
  private decided = false;
  private failures = 0;
  constructor(
    private readonly question: string,
    private readonly inputs: Record<string, Json>,
  ) {}

  check(rule: RuleId, passed: boolean, detail: Sentence): boolean {
    return this.add(ruleCheck(rule, passed, detail));
  }

  /** A check made elsewhere (another decision's, an evaluation's), taken as it is: its detail stays unread. */
  add(check: RuleCheck): boolean {
    if (this.decided) throw new Error(`${this.question}: check ${check.rule} after the decision was made`);
    this.checks.push(check);
    if (!check.passed) this.failures++;
    return check.passed;
  }

  /** A rule that was consulted and informs the result without being a condition (e.g. XFER-02 binding). */
  note(rule: RuleId, detail: Sentence): void {
    this.check(rule, true, detail);
  }

  get failed(): RuleCheck[] {
    return this.checks.filter((c) => !c.passed);
  }

  /** How many checks failed so far (what `failed.length` says, without building the list). */
  get failedCount(): number {
    return this.failures;
  }

  /** The refused summary defaults to the failed checks' details, joined when read. */
  done(allowedSummary: Sentence, refusedSummary?: Sentence): Decision<boolean> {
    this.decided = true;
    const checks = [...this.checks];
    if (this.failures === 0) return decision(this.question, true, unique(checks.map((c) => c.rule)), this.inputs, checks, allowedSummary);
    const failed = checks.filter((c) => !c.passed);
    const because = unique(failed.map((c) => c.rule));
    return decision(this.question, false, because, this.inputs, checks, refusedSummary ?? (() => failedDetails(failed)));
  }
}

/** The items without repeats, in first-seen order. Lists of rule ids are short: a scan beats building a Set. */
export function unique<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}

/** A decision whose verdict is not a plain yes/no (e.g. which service holds the PSTN license). */
export function valueDecision<V>(
  question: string,
  verdict: V,
  because: RuleId[],
  inputs: Record<string, Json>,
  checks: RuleCheck[],
  summary: Sentence,
): Decision<V> {
  return decision(question, verdict, unique(because), inputs, checks, summary);
}
