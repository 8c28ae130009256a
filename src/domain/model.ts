/**
 * The tenant model: tenant, services and users as a scenario declares them (scenario contract section 2),
 * with every default applied. The zod schemas here are the single source of the model's types, of
 * scenario validation and of the generated JSON Schema.
 *
 * Open questions of the rulebook (section 4) are `tenant.behavior` settings; see docs/settings.md.
 */
import { z } from 'zod';
import {
  AssignmentType,
  Availability,
  Activity,
  DistributionType,
  DutyState,
  PstnConnectivity,
  ServiceLicenseTier,
  TenantState,
  UserSessionOutcome,
  WorkflowActivity,
} from './enums.js';
import { durationDefault, durationField, e164Field, enumField, idField, licenseField, upnField } from './schemaKit.js';

/** Rulebook section 4, one setting per open question; defaults documented in docs/settings.md. */
export const BehaviorSettings = z
  .strictObject({
    /** OQ1 / PAR-15: parallel task limit used when a user does not set `taskParallelization.max`. */
    taskParallelizationMax: z.number().int().min(1).max(4).default(2),
    /** OQ2 / ACW-13: `activeSession` = newer docs (ACW after an active A/V session); `never` = older docs. */
    acwUnderTaskParallelization: z.enum(['activeSession', 'never']).default('activeSession'),
    /** OQ3 / RONA-07: the upper bound for `ronaResetTime` ("320 min (8h)"). */
    ronaResetTimeMax: durationDefault(320 * 60_000),
    /**
     * OQ4 / RONA-14: how long a non-persistent RONA blocks: a short fixed time (the following distribution
     * cycles), or only the single next distribution attempt.
     */
    nonPersistentRona: z.enum(['fixedTime', 'nextAttempt']).default('fixedTime'),
    nonPersistentRonaTime: durationDefault(10_000),
    /** How often a task that found nobody selectable is offered again (the distribution cycle). */
    queueRetryInterval: durationDefault(10_000),
    /** OQ5 / ACW-06: how many times one ACW may be extended. */
    acwExtensionsAllowed: z.number().int().min(0).max(10).default(1),
    /** OQ7 / PRES-05: whether Be right back follows the Away opt-in (Appear Away always does). */
    beRightBackFollowsAwayOptIn: z.boolean().default(true),
    /** OQ9: may a supervised session be put on hold? */
    holdDuringSupervision: z.enum(['allowed', 'refused']).default('allowed'),
    /** OQ10 / SUP-11: Barge In ends like Whisper (default) or like Listen. */
    bargeInEndsLike: z.enum(['Whisper', 'Listen']).default('Whisper'),
    /** OQ11 / PAR-17: which task handling disables consultation. */
    consultationBlockedBy: z.enum(['park', 'hold', 'parkOrHold']).default('park'),
    /** OQ12 / US-13: whether Ringing, Connected and RONA block a user in all services or only the causing one. */
    blockingFlagScope: z.enum(['allServices', 'causingService']).default('allServices'),
    /** OQ13 / COB-08: whether a pending Not Available Reason disables Call on Behalf. */
    notAvailableReasonBlocksCallOnBehalf: z.boolean().default(true),
    /** OQ14 / XFER-03: whether the first-service PSTN rule also applies to manual (Attendant Console) transfers. */
    firstServiceRuleForManualTransfers: z.boolean().default(true),
    /** OQ15 / OUT-07: whether an outbound call whose target was never reached counts as terminated (not reported). */
    unreachedOutboundIsTerminated: z.boolean().default(true),
    /** OQ16 / DIST-06: time a queued task waits on one distribution policy level before escalating. */
    distributionLevelEscalation: durationDefault(30_000),
    /** OQ18 / DIST-03: what "longest idle" measures from. */
    longestIdleSince: z.enum(['lastTaskEnd', 'lastSelectable']).default('lastTaskEnd'),
    /** OQ19 / LIC-03, LIC-06: license wording for Direct Routing / Operator Connect resource accounts. */
    directRoutingLicensing: z.enum(['resourceAccount', 'legacyPhoneSystem']).default('resourceAccount'),
    /** OQ20: the user session outcome written for a queue RONA. */
    ronaUserSessionOutcome: enumField(UserSessionOutcome).default('RONA'),
    /** XFER-07: how long a PSTN transfer target rings before the transfer counts as failed. */
    pstnRingLimit: durationDefault(120_000),
    /** The modelled Graph client's retry policy for 429/5xx (see the `graphFault` verb). */
    graphMaxRetries: z.number().int().min(0).max(10).default(3),
    graphRetryBase: durationDefault(1_000),
  })
  .prefault({});
export type BehaviorSettings = z.output<typeof BehaviorSettings>;

export const TenantSpec = z
  .strictObject({
    name: z.string().default('Contoso'),
    /** Tenant's own domains; default: the domains of the users' UPNs (OUT-04). */
    domains: z.array(z.string().min(1).transform((d) => d.toLowerCase())).optional(),
    state: enumField(TenantState).default('Active'),
    /** Tenant-wide admin consents (COB-14, PERM-*). */
    consents: z.array(z.string().min(1)).default([]),
    extendedPresence: z.boolean().default(false),
    enhancedPresencePrivacy: z.boolean().default(false),
    optimizedOutboundAudio: z.boolean().default(false),
    maxScheduledOutboundPerService: z.number().int().min(1).max(50).default(20),
    behavior: BehaviorSettings,
  })
  .prefault({});
export type TenantSpec = z.output<typeof TenantSpec>;

const AcwSettings = z
  .strictObject({
    enabled: z.boolean().default(false),
    duration: durationDefault(20_000),
    allowEarlyEnd: z.boolean().default(true),
    extension: durationDefault(60_000),
  })
  .prefault({});

const DistributionSettings = z
  .strictObject({
    type: enumField(DistributionType).default('Direct Conference'),
    ringTimeout: durationDefault(30_000),
    persistentRona: z.boolean().default(false),
    ronaResetTime: durationDefault(600_000),
    busyAvailable: z.boolean().default(false),
    awayAvailable: z.boolean().default(false),
    acw: AcwSettings,
    /** SLA time for IsUnderSla (REP-08). */
    slaTime: durationDefault(20_000),
  })
  .prefault({});

const ModalitySettings = z
  .strictObject({
    inbound: z.boolean().default(true),
    outbound: z.boolean().default(false),
    outboundWithWorkflow: z.boolean().default(false),
    voiceMessagesChannel: z.boolean().default(false),
    transferOnUserExit: z.boolean().default(false),
  })
  .prefault({});

const MemberSpec = z.union([
  idField().transform((user) => ({ user, active: true, role: 'Agent' as const })),
  z.strictObject({
    user: idField(),
    active: z.boolean().default(true),
    role: z.enum(['Agent', 'Owner']).default('Agent'),
  }),
]);
export type MemberSpec = z.output<typeof MemberSpec>;

/** extension: the target of a workflow `Transfer` activity: another service or a PSTN number. */
const WorkflowTransferTarget = z.union([z.strictObject({ service: idField() }), z.strictObject({ pstn: e164Field() })]);
export type WorkflowTransferTarget = z.output<typeof WorkflowTransferTarget>;

/**
 * A workflow item: an activity name, or (extension) an object naming the activity and its settings, e.g.
 * `{ Transfer: { to: { pstn: "+41..." } } }`. Objects come out as `{ activity, to, ... }`.
 */
export const WorkflowItem = z.union([
  enumField(WorkflowActivity),
  z
    .strictObject({
      Transfer: z.strictObject({
        to: WorkflowTransferTarget,
        /** A PSTN target that never answers rings until behavior.pstnRingLimit (XFER-07). */
        targetAnswers: z.boolean().optional(),
        answerAfter: durationField().optional(),
      }),
    })
    .transform((v) => ({ activity: 'Transfer' as const, ...v.Transfer })),
]);
export type WorkflowItem = z.output<typeof WorkflowItem>;

/** The activity name of a workflow item. */
export const activityOf = (item: WorkflowItem): WorkflowActivity => (typeof item === 'string' ? item : item.activity);

export const ServiceSpec = z.strictObject({
  id: idField(),
  name: z.string().optional(),
  license: enumField(ServiceLicenseTier),
  assignment: enumField(AssignmentType),
  modalities: ModalitySettings,
  pstn: z
    .strictObject({
      number: e164Field(),
      connectivity: enumField(PstnConnectivity).default('Direct Routing'),
    })
    .optional(),
  resourceAccount: z
    .strictObject({
      upn: upnField().optional(),
      licenses: z.array(licenseField()).default([]),
    })
    .prefault({}),
  distribution: DistributionSettings,
  workflow: z.array(WorkflowItem).default(['Accept', 'Queue']),
  members: z.array(MemberSpec).default([]),
  supervisors: z.array(idField()).default([]),
});
export type ServiceSpec = z.output<typeof ServiceSpec>;

const NimbusUserLicense = z.enum(['Contact Center', 'Attendant Console', 'Assistant']);

export const UserSpec = z.strictObject({
  id: idField(),
  upn: upnField(),
  displayName: z.string().optional(),
  licenses: z.array(licenseField()).default([]),
  /** Per-user Nimbus license(s) (LIC-07); one name or a list. */
  nimbusLicense: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().transform((s) => NimbusUserLicense.options.find((o) => o.toLowerCase().replace(/\s/g, '') === s.toLowerCase().replace(/[\s\-_]/g, '')) ?? s).pipe(NimbusUserLicense)))
    .default([]),
  presence: enumField(Availability).default('Available'),
  activity: enumField(Activity).optional(),
  duty: enumField(DutyState).default('On Duty'),
  taskParallelization: z
    .strictObject({ enabled: z.boolean().default(false), max: z.number().int().min(1).max(4).optional() })
    .prefault({}),
  /** Delegated permissions this user consented to (PERM-01). Default: the required ones. */
  consents: z.array(z.string()).optional(),
  /** Start with a pending Not Available Reason request (PRES-11). */
  notAvailableReason: z.boolean().default(false),
});
export type UserSpec = z.output<typeof UserSpec>;
