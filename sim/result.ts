/**
 * What one run produces. Reporters (pretty, JSON, JUnit, Markdown), the TUI and the assertions all read
 * these plain objects; nothing here holds actors or functions, so a result serialises as it is.
 * Times are virtual milliseconds from scenario start; no wall-clock value ever enters a result.
 */
import type { OutcomeGroup, ServiceSessionOutcome, UserSessionOutcome } from '../src/domain/enums.js';
import type { Decision, Json, RuleId } from '../src/rules/decision.js';
import type { ReportingModel } from './reporting.js';

export type { Decision, Json, RuleId };

import type { TimelineEntry } from './engine/timeline.js';

export type { TimelineEntry };

export interface AssertionResult {
  /** The `expect` key: `user`, `session`, `lastResult`, ... */
  key: string;
  /** What was checked, e.g. `c1 in C`, `alice`, `alice / A`. */
  subject: string;
  passed: boolean;
  expected: Json;
  actual: Json;
  /** One sentence: what differed (or what held). */
  message: string;
  /** The decisions that explain the actual value (rule ids, inputs, verdict). */
  explanation: Decision<unknown>[];
  /** 1-based line of the `expect` step in the scenario file. */
  line: number;
}

export interface StepResult {
  index: number;
  line: number;
  verb: string;
  /** Virtual time at which the step ran. */
  at: number;
  /** One readable line, e.g. `bea answers c1 (service B)` or `transfer refused: ...`. */
  text: string;
  /** For action steps: did the modelled product carry it out? Null for wait and expect. */
  ok: boolean | null;
  /** The decision that allowed or refused the action, when the verb has one. */
  decision?: Decision<unknown>;
  assertions?: AssertionResult[];
}

export interface ServiceSessionResult {
  service: string;
  startedAt: number;
  endedAt: number | null;
  /** The reporting rules' outcome (null while open or not reported); id, group and handled follow from it. */
  outcome: ServiceSessionOutcome | null;
  outcomeId: number | null;
  outcomeGroup: OutcomeGroup | null;
  handled: boolean | null;
  because: RuleId[];
  queueTime: number;
  connectedTime: number;
  holdTime: number;
  holdCount: number;
  acwTime: number;
  isUnderSla: boolean | null;
  distributionAlgorithm: string | null;
}

export interface UserSessionResult {
  service: string;
  user: string;
  startedAt: number;
  endedAt: number | null;
  outcome: UserSessionOutcome | null;
  because: RuleId[];
}

export interface CallResult {
  id: string;
  /** `Inbound Service`, `Call On Behalf`, `Outbound Call`, `Outbound Call (With Workflow)`. */
  type: string;
  from: string;
  to: string;
  state: string;
  /** Services in the order the call visited them. */
  services: string[];
  firstRespondingService: string | null;
  /** XFER-02: the service whose PSTN license this call uses, and what that license check found. */
  pstnLicenseFrom: string | null;
  pstnLicense: Decision<unknown> | null;
  reported: boolean;
  unifiedConversationId: string;
  serviceSessions: ServiceSessionResult[];
  userSessions: UserSessionResult[];
  transfers: { at: number; by: string; to: string; mode: string; ok: boolean; because: RuleId[]; message: string }[];
  supervision: { supervisor: string; mode: string | null; startedAt: number; endedAt: number | null; endedBecause: RuleId[] }[];
}

export interface UserResult {
  id: string;
  upn: string;
  /** Headline Nimbus status at the end, and every status that held. */
  state: string;
  statuses: string[];
  availability: string;
  activity: string;
}

export interface ScenarioResult {
  name: string;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** Path relative to the suite root, with forward slashes: the same from any working directory. */
  suitePath: string;
  tags: string[];
  because: RuleId[];
  seed: number;
  status: 'passed' | 'failed' | 'error';
  /** Virtual time the scenario took. */
  virtualDurationMs: number;
  assertions: { passed: number; failed: number };
  steps: StepResult[];
  failures: AssertionResult[];
  /** A harness error (bad input found while running, or a defect): never a user's assertion failure. */
  error?: { message: string; line?: number; column?: number; hint?: string };
  timeline: TimelineEntry[];
  calls: CallResult[];
  users: UserResult[];
  graph: { requests: number; faultsInjected: number; retries: number; byEndpoint: Record<string, number> };
  /** Rules that decided anything in this run, for coverage. */
  rulesExercised: RuleId[];
  /** The run's reporting model (unified conversations → service sessions → user sessions), docs/report-json.md. */
  reporting?: ReportingModel;
}

export interface SuiteResult {
  tool: { name: 'nimbus-sim'; version: string };
  seed: number | null;
  scenarios: ScenarioResult[];
  totals: { scenarios: number; passed: number; failed: number; errors: number; assertions: number; assertionsFailed: number };
}
