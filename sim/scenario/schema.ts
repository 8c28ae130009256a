/**
 * The scenario file contract (docs/reference/scenario-format.md) as zod schemas. Core vocabulary exactly as the
 * spec writes it; nimbus-sim extensions are marked `extension`. Steps are validated one verb at a time
 * (`stepVerbs`) so that an error names the verb and its field; `StepSpec` is the union used for types and
 * the JSON Schema.
 */
import { z } from 'zod';
import { SupervisionMode, TaskState, UserStatus, ServiceSessionOutcome, UserSessionOutcome, Availability, Activity, DutyState } from '../../src/domain/enums.js';
import { ServiceSpec, TenantSpec, UserSpec } from '../../src/domain/model.js';
import { RULE_IDS, type RuleId } from '../../src/rules/catalogue.data.js';
import { durationField, e164Field, enumField, idField, upnField } from '../../src/domain/schemaKit.js';
import { ScenarioFaults } from './faults.js';

const KNOWN_RULES = new Set<string>(RULE_IDS);
/** A rulebook id such as XFER-03; unknown ids are an error so a typo cannot make an assertion vacuous. */
const ruleIdField = () =>
  z
    .string()
    .refine((id) => KNOWN_RULES.has(id), { message: 'not a rule id of the rulebook (ids look like XFER-03; see nimbus-sim rules)' })
    .transform((id) => id as RuleId);

/** `to` of transfers and outbound calls: exactly one of service, user, pstn, upn. */
export const TargetSpec = z.union([
  z.strictObject({ service: idField() }),
  z.strictObject({ user: idField() }),
  z.strictObject({ pstn: e164Field() }),
  z.strictObject({ upn: upnField() }),
]);
export type TargetSpec = z.output<typeof TargetSpec>;

/** Outbound targets answer at once unless told otherwise (spec section 3). */
const outboundAnswer = {
  targetAnswers: z.boolean().optional(),
  answerAfter: durationField().optional(),
};

const callRef = idField;
const userRef = idField;
const serviceRef = idField;

export const stepVerbs = {
  wait: durationField(),
  presence: z.strictObject({
    user: userRef(),
    availability: enumField(Availability),
    activity: enumField(Activity).optional(),
  }),
  duty: z.strictObject({ user: userRef(), state: enumField(DutyState) }),
  inboundCall: z.strictObject({
    call: callRef(),
    from: e164Field().or(upnField()),
    to: serviceRef(),
    /** extension: time before the workflow reaches its Accept activity (task Establishing; REP-02). */
    acceptAfter: durationField().optional(),
    /** extension: time in IVR activities between Accept and Queue (task In IVR; REP-03). */
    ivrTime: durationField().optional(),
    /** extension: the Queue activity's maximum wait; then the task leaves the queue for the IVR (In IVR After Queue; TASK-03). */
    queueTimeout: durationField().optional(),
  }),
  answer: z.strictObject({ user: userRef(), call: callRef() }),
  decline: z.strictObject({ user: userRef(), call: callRef() }),
  ignore: z.strictObject({ user: userRef(), call: callRef() }),
  transfer: z.strictObject({
    call: callRef(),
    by: userRef(),
    to: TargetSpec,
    mode: z.enum(['blind', 'safe']).default('blind'),
    /** extension: `manual` marks an Attendant Console transfer (open question 14). */
    via: z.enum(['workflow', 'manual']).optional(),
    ...outboundAnswer,
  }),
  callOnBehalf: z.strictObject({
    call: callRef(),
    user: userRef(),
    service: serviceRef(),
    to: TargetSpec,
    ...outboundAnswer,
  }),
  scheduleOutbound: z.strictObject({
    call: callRef(),
    service: serviceRef(),
    to: TargetSpec,
    withWorkflow: z.boolean().default(false),
    /** extension: a preferred user named by the flow; ignored for outbound tasks (OUT-06, DIST-08). */
    preferredUser: userRef().optional(),
    ...outboundAnswer,
  }),
  park: z.strictObject({ user: userRef(), call: callRef() }),
  unpark: z.strictObject({ user: userRef(), call: callRef() }),
  hold: z.strictObject({ user: userRef(), call: callRef() }),
  resume: z.strictObject({ user: userRef(), call: callRef() }),
  /** extension: an administrator changes a service's RONA settings at run time (RONA-10). */
  ronaSettings: z.strictObject({ service: serviceRef(), persistentRona: z.boolean().optional(), ronaResetTime: durationField().optional() }),
  /**
   * extension: the user asks to start a consultation call from this task (PAR-17; the consultation itself,
   * XFER-09, is not simulated), optionally with a user of the file, who must hold Teams Phone (LIC-05).
   */
  consult: z.strictObject({ user: userRef(), call: callRef(), to: z.strictObject({ user: userRef() }).optional() }),
  hangup: z.strictObject({ call: callRef(), by: z.string().min(1).default('customer') }),
  endAcw: z.strictObject({ user: userRef() }),
  extendAcw: z.strictObject({ user: userRef() }),
  resetRona: z.strictObject({ user: userRef() }),
  supervise: z.strictObject({ supervisor: userRef(), call: callRef(), mode: enumField(SupervisionMode) }),
  graphFault: z.strictObject({
    endpoint: z.enum(['presence', 'users', 'licenseDetails', 'calls', '*']),
    status: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal('network')]),
    count: z.number().int().min(1).default(1),
    retryAfter: durationField().optional(),
    latency: durationField().optional(),
  }),
  /** extension: set or clear a user's pending Not Available Reason (PRES-11). */
  notAvailableReason: z.strictObject({ user: userRef(), pending: z.boolean().default(true) }),
  /** extension: toggle a member's per-service Active flag (SVC-08). */
  setActive: z.strictObject({ user: userRef(), service: serviceRef(), active: z.boolean() }),
  expect: z.lazy(() => ExpectSpec),
} as const;

export type StepVerb = keyof typeof stepVerbs;
export const STEP_VERBS = Object.keys(stepVerbs) as StepVerb[];
export const TIMING_KEYS = ['at', 'after', 'note'] as const;

const many = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const because = z.array(ruleIdField()).optional();

const UserExpect = z.strictObject({
  id: userRef(),
  state: enumField(UserStatus).optional(),
  /** extension: Teams availability as Nimbus last read it through Graph. */
  presence: enumField(Availability).optional(),
  /** extension: Nimbus user statuses that must all be set (the user can hold several at once). */
  flags: z.array(enumField(UserStatus)).optional(),
});
const SelectableExpect = z.strictObject({ user: userRef(), service: serviceRef(), value: z.boolean(), because });
const ButtonExpect = z.strictObject({ user: userRef(), service: serviceRef(), enabled: z.boolean(), because });
const TaskExpect = z.strictObject({ call: callRef(), state: enumField(TaskState) });
const SessionExpect = z.strictObject({
  call: callRef(),
  service: serviceRef(),
  outcome: enumField(ServiceSessionOutcome).optional(),
  /** extension: the session's outcome group (2.9). */
  group: z.string().optional(),
});
/** extension: the reporting figures of a service session (2.19, REP-05, REP-08). */
const SessionFiguresExpect = z.strictObject({
  call: callRef(),
  service: serviceRef(),
  /** null: the session is still open (no outcome yet). */
  outcomeId: z.union([z.number().int(), z.null()]).optional(),
  queueTime: durationField().optional(),
  connectedTime: durationField().optional(),
  holdTime: durationField().optional(),
  holdCount: z.number().int().min(0).optional(),
  acwTime: durationField().optional(),
  isUnderSla: z.union([z.boolean(), z.null()]).optional(),
  distributionAlgorithm: z.string().optional(),
  /** How many user sessions the service session has. */
  userSessions: z.number().int().min(0).optional(),
  /** Rule ids that must all appear in the reason for the session's outcome. */
  because,
});
const UserSessionExpect = z.strictObject({ call: callRef(), user: userRef(), outcome: enumField(UserSessionOutcome) });
const PstnLicenseExpect = z.strictObject({ call: callRef(), service: serviceRef() });
const SupervisionExpect = z.strictObject({
  call: callRef(),
  supervisor: userRef(),
  mode: z.union([enumField(SupervisionMode), z.literal('none'), z.null()]).optional(),
  /** extension: whether this supervisor is on the call at all. */
  active: z.boolean().optional(),
});
const ReportedExpect = z.strictObject({ call: callRef(), value: z.boolean() });
const LastResultExpect = z.strictObject({
  ok: z.boolean(),
  because,
  /** extension: a substring of the result's message (for example "Transfer failed"). */
  message: z.string().optional(),
});

export const ExpectSpec = z.strictObject({
  user: many(UserExpect).optional(),
  selectable: many(SelectableExpect).optional(),
  callOnBehalf: many(ButtonExpect).optional(),
  dialPad: many(ButtonExpect).optional(),
  task: many(TaskExpect).optional(),
  session: many(SessionExpect).optional(),
  userSession: many(UserSessionExpect).optional(),
  /** extension: reporting figures of a service session. */
  sessionFigures: many(SessionFiguresExpect).optional(),
  pstnLicenseFrom: many(PstnLicenseExpect).optional(),
  supervision: many(SupervisionExpect).optional(),
  reported: many(ReportedExpect).optional(),
  lastResult: LastResultExpect.optional(),
});
export type ExpectSpec = z.output<typeof ExpectSpec>;
export const EXPECT_KEYS = Object.keys(ExpectSpec.shape) as (keyof ExpectSpec)[];

const timing = {
  at: durationField().optional(),
  after: durationField().optional(),
  /** extension: free text shown in timelines and reports. */
  note: z.string().optional(),
};

type VerbSchemas = typeof stepVerbs;
export type StepOf<V extends StepVerb> = { verb: V; args: z.output<VerbSchemas[V]>; at?: number; after?: number; note?: string };
export type Step = { [V in StepVerb]: StepOf<V> }[StepVerb];

/** Union of `{ <verb>: args, at?, after?, note? }` objects: types and JSON Schema. */
const StepSpec = z.union(
  STEP_VERBS.map((verb) => z.strictObject({ [verb]: stepVerbs[verb], ...timing })) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

/** Top-level scenario keys. `steps` items are checked verb by verb by the loader. */
export const ScenarioSpec = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** extension: rule ids this scenario proves (see `nimbus-sim rules`). */
  because: z.array(ruleIdField()).default([]),
  seed: z.number().int().default(1),
  extends: z.string().optional(),
  tenant: TenantSpec,
  services: z.array(ServiceSpec).default([]),
  users: z.array(UserSpec).default([]),
  /** extension: Graph faults armed for the whole run, by count or seeded rate (sim/scenario/faults.ts). */
  faults: ScenarioFaults,
  steps: z.array(StepSpec).min(1),
});

export type ScenarioFile = Omit<z.output<typeof ScenarioSpec>, 'steps'> & { steps: Step[] };

/** A loaded, validated scenario with source positions for error messages and reports. */
export interface Scenario extends Omit<ScenarioFile, '$schema' | 'extends'> {
  file: string;
  /**
   * The file's path relative to the suite root (the folder the command's paths share), forward slashes: the
   * same from any working directory, so shards and `diff` match scenarios by it.
   */
  suitePath: string;
  /** 1-based source line of each step, for failures that point at the file. */
  stepLines: number[];
}
