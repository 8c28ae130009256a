/** One line of a run's timeline: what happened, to whom, when, and the rules behind it. */
import type { RuleId } from '../../src/rules/decision.js';

export interface TimelineEntry {
  at: number;
  /** `user:<id>`, `call:<id>`, `service:<id>` or `graph`. */
  subject: string;
  kind: 'step' | 'presence' | 'status' | 'task' | 'decision' | 'graph' | 'timer' | 'session' | 'supervision';
  text: string;
  /** Rules behind this entry, if a decision caused it. */
  because?: RuleId[];
}
