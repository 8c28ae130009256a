/** The shape every step verb handler returns (the table of handlers is verbs/index.ts). */
import type { Decision } from '../../../src/rules/decision.js';

/** What a verb handler reports about its step. */
export interface VerbOutcome {
  /** One readable line for the timeline and the step list. */
  text: string;
  /** Did the modelled product carry the action out? Null for steps that are not actions. */
  ok: boolean | null;
  decision?: Decision<unknown>;
}
