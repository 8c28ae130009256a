/**
 * The one shape every rule decision takes: a verdict, the rule ids that decided it, the inputs it saw, and
 * every rule it evaluated on the way. The CLI, TUI, reports and assertions all read these objects.
 */
import type { RuleId } from './catalogue.data.js';

export type { RuleId } from './catalogue.data.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

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
 * Collects checks for a boolean decision. A decision is allowed when every check passed; its `because`
 * lists the failed checks, or, when all passed, every rule that was checked.
 */
export class DecisionBuilder {
  private readonly checks: RuleCheck[] = [];
  constructor(
    private readonly question: string,
    private readonly inputs: Record<string, Json>,
  ) {}

  check(rule: RuleId, passed: boolean, detail: string): boolean {
    this.checks.push({ rule, passed, detail });
    return passed;
  }

  /** A rule that was consulted and informs the result without being a condition (e.g. XFER-02 binding). */
  note(rule: RuleId, detail: string): void {
    this.checks.push({ rule, passed: true, detail });
  }

  get failed(): RuleCheck[] {
    return this.checks.filter((c) => !c.passed);
  }

  done(allowedSummary: string, refusedSummary?: string): Decision<boolean> {
    const failed = this.failed;
    const verdict = failed.length === 0;
    const because = unique((verdict ? this.checks : failed).map((c) => c.rule));
    const summary = verdict ? allowedSummary : (refusedSummary ?? failed.map((c) => c.detail).join('; '));
    return { question: this.question, verdict, because, inputs: this.inputs, checks: [...this.checks], summary };
  }
}

export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** A decision whose verdict is not a plain yes/no (e.g. which service holds the PSTN license). */
export function valueDecision<V>(
  question: string,
  verdict: V,
  because: RuleId[],
  inputs: Record<string, Json>,
  checks: RuleCheck[],
  summary: string,
): Decision<V> {
  return { question, verdict, because: unique(because), inputs, checks, summary };
}
