/**
 * Canonical product strings of the Nimbus / Teams vocabulary (rulebook section 2) and the matching rule of
 * the scenario contract: values compare ignoring case, spaces, hyphens and underscores, so
 * `DoNotDisturb`, `do-not-disturb` and `Do Not Disturb` are one value. Reports print the canonical string.
 */

export const normalizeEnumKey = (value: string): string => value.toLowerCase().replace(/[\s\-_]+/g, '');

export interface EnumSpec<T extends string> {
  readonly name: string;
  readonly values: readonly T[];
  /** Extra spellings (Graph names, legacy names) that resolve to a canonical value. */
  readonly aliases?: Readonly<Record<string, T>>;
}

const defineEnum = <const T extends string>(
  name: string,
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): EnumSpec<T> => ({ name, values, aliases });

const lookupCache = new WeakMap<EnumSpec<string>, Map<string, string>>();

function lookupTable<T extends string>(spec: EnumSpec<T>): Map<string, T> {
  let table = lookupCache.get(spec) as Map<string, T> | undefined;
  if (!table) {
    table = new Map<string, T>();
    for (const v of spec.values) table.set(normalizeEnumKey(v), v);
    for (const [alias, v] of Object.entries(spec.aliases ?? {})) table.set(normalizeEnumKey(alias), v as T);
    lookupCache.set(spec, table);
  }
  return table;
}

/** The canonical value for any accepted spelling, or undefined. */
export function canonicalEnum<T extends string>(spec: EnumSpec<T>, raw: string): T | undefined {
  return lookupTable(spec).get(normalizeEnumKey(raw));
}

// --- Services (2.1, 2.2, 2.7, 2.13) ---------------------------------------------------------------
export const ServiceLicenseTier = defineEnum('service license', ['Advanced Routing', 'Enterprise Routing', 'Contact Center'], {
  AR: 'Advanced Routing',
  ER: 'Enterprise Routing',
  CC: 'Contact Center',
});
export type ServiceLicenseTier = (typeof ServiceLicenseTier.values)[number];

/** Tier order for the cumulative feature sets of SVC-02. */
export const tierRank = (tier: ServiceLicenseTier): number => ServiceLicenseTier.values.indexOf(tier);

export const AssignmentType = defineEnum('user assignment type', ['MS Teams-based', 'Skill-based', 'None'], {
  'Microsoft Teams Based': 'MS Teams-based',
  'Teams-based': 'MS Teams-based',
  Teams: 'MS Teams-based',
  Skills: 'Skill-based',
});
export type AssignmentType = (typeof AssignmentType.values)[number];

export const DistributionType = defineEnum('distribution type', ['Broadcast', 'Direct', 'Direct Conference', 'Pickup']);
export type DistributionType = (typeof DistributionType.values)[number];

export const PstnConnectivity = defineEnum('PSTN connectivity', ['Direct Routing', 'Operator Connect', 'Calling Plan'], {
  DR: 'Direct Routing',
  OC: 'Operator Connect',
});
export type PstnConnectivity = (typeof PstnConnectivity.values)[number];

export const TenantState = defineEnum('tenant state', ['Active', 'Trial', 'Suspended', 'Expired', 'Canceled', 'Lab'], {
  Cancelled: 'Canceled',
});
export type TenantState = (typeof TenantState.values)[number];

// --- Teams presence (2.3) --------------------------------------------------------------------------
/** Teams availability as the rulebook names it; Graph's spellings are aliases. */
export const Availability = defineEnum(
  'Teams availability',
  ['Available', 'Busy', 'Do Not Disturb', 'Away', 'Be right back', 'Appear Away', 'Offline', 'Appear Offline'],
  { AvailableIdle: 'Available', BusyIdle: 'Busy', DND: 'Do Not Disturb', BRB: 'Be right back', PresenceUnknown: 'Offline' },
);
export type Availability = (typeof Availability.values)[number];

/** Graph presence activities, printed in display spelling. */
export const Activity = defineEnum(
  'Teams activity',
  [
    'Available',
    'Away',
    'Be right back',
    'Busy',
    'Do Not Disturb',
    'In a call',
    'In a conference',
    'In a meeting',
    'Inactive',
    'Offline',
    'Off work',
    'Out of office',
    'Presence unknown',
    'Presenting',
    'Urgent interruptions only',
  ],
  { InAConferenceCall: 'In a conference', DND: 'Do Not Disturb' },
);
export type Activity = (typeof Activity.values)[number];

/** Graph `availability` / `activity` wire values, for the mock Graph and its client. */
export const graphAvailability: Record<Availability, string> = {
  Available: 'Available',
  Busy: 'Busy',
  'Do Not Disturb': 'DoNotDisturb',
  Away: 'Away',
  'Be right back': 'BeRightBack',
  'Appear Away': 'Away',
  Offline: 'Offline',
  'Appear Offline': 'Offline',
};
export const graphActivity = (activity: Activity): string =>
  activity === 'In a conference' ? 'InAConferenceCall' : activity.replace(/(^|\s)(\w)/g, (_m, _s: string, c: string) => c.toUpperCase()).replace(/\s/g, '');

// --- Nimbus user side (2.4, 2.5) -------------------------------------------------------------------
export const DutyState = defineEnum('duty state', ['On Duty', 'Off Duty']);
export type DutyState = (typeof DutyState.values)[number];

/**
 * Nimbus user status as shown to a user and asserted with `expect: { user: { state } }`. A user can be in
 * several at once (for example Connected and RONA with Task Parallelization); the first in this order is
 * the headline.
 */
export const UserStatus = defineEnum(
  'user status',
  ['Offline', 'Ringing', 'Connected', 'On Hold', 'ACW', 'RONA', 'Parked', 'Not Available', 'Available'],
  { AfterCallWork: 'ACW', 'After Call Work': 'ACW', Held: 'On Hold', Hold: 'On Hold', 'Not Available Reason': 'Not Available', Idle: 'Available' },
);
export type UserStatus = (typeof UserStatus.values)[number];

// --- Tasks (2.6, TASK-01) --------------------------------------------------------------------------
export const TaskState = defineEnum('task state', [
  'Establishing',
  'In IVR',
  'In Queue',
  'Ringing',
  'Connected',
  'Parked',
  'Transferring',
  'Dialing Out',
  'In IVR After Queue',
  'In ACW',
  'Terminated',
  'Blocked',
  'On Hold',
  'Ended',
], { Queued: 'In Queue', Held: 'On Hold', Hold: 'On Hold' });
export type TaskState = (typeof TaskState.values)[number];

export const SupervisionMode = defineEnum('supervision mode', ['Listen', 'Whisper', 'Barge In'], { Barge: 'Barge In' });
export type SupervisionMode = (typeof SupervisionMode.values)[number];

// --- Reporting (2.9, 2.10, 2.11) -------------------------------------------------------------------
export const OutcomeGroup = defineEnum('outcome group', [
  'Handled By User',
  'Handled By System',
  'Hangup By Customer',
  'Not Handled',
  'Error',
  'Outbound Accepted',
  'Outbound Not Accepted',
]);
export type OutcomeGroup = (typeof OutcomeGroup.values)[number];

/**
 * Service session outcomes. Ids 1-7 are the rulebook's confirmed table (2.10). The rest are the names the
 * documentation uses without a confirmed id (open question 6); nimbus-sim gives them ids from 100 up so a
 * report never pretends to know Nimbus's real numbering. See docs/outcomes.md.
 */
export const serviceSessionOutcomes = [
  { id: 1, outcome: 'Customer Hangup Before Accept', group: 'Hangup By Customer', handled: false },
  { id: 2, outcome: 'Customer Hangup In Ivr', group: 'Hangup By Customer', handled: false },
  { id: 3, outcome: 'Customer Hangup In Ivr After Queue', group: 'Hangup By Customer', handled: false },
  { id: 4, outcome: 'Customer Hangup In Queue', group: 'Hangup By Customer', handled: false },
  { id: 5, outcome: 'User Accepted', group: 'Handled By User', handled: true },
  { id: 6, outcome: 'User Internal Transfer Success', group: 'Handled By User', handled: true },
  { id: 7, outcome: 'User External Transfer Success', group: 'Handled By User', handled: true },
  { id: 100, outcome: 'User Internal Transfer Failed', group: 'Not Handled', handled: false },
  { id: 101, outcome: 'Transfer Failed', group: 'Error', handled: false },
  { id: 102, outcome: 'System Transfer Success', group: 'Handled By System', handled: true },
  { id: 103, outcome: 'Outbound Accepted', group: 'Outbound Accepted', handled: true },
  { id: 104, outcome: 'Outbound Not Accepted', group: 'Outbound Not Accepted', handled: false },
  { id: 105, outcome: 'Error', group: 'Error', handled: false },
  { id: 106, outcome: 'Voice Message', group: 'Handled By System', handled: true },
  { id: 107, outcome: 'Disconnected By System', group: 'Handled By System', handled: true },
] as const satisfies readonly { id: number; outcome: string; group: OutcomeGroup; handled: boolean }[];

export type ServiceSessionOutcome = (typeof serviceSessionOutcomes)[number]['outcome'];
export const ServiceSessionOutcome = defineEnum(
  'service session outcome',
  serviceSessionOutcomes.map((o) => o.outcome),
  {
    'User Internal Transfer Successful': 'User Internal Transfer Success',
    'User External Transfer Successful': 'User External Transfer Success',
  },
);

type ServiceSessionOutcomeInfo = (typeof serviceSessionOutcomes)[number];

/** Reporting asks this for every service session: a map, not a scan of the table. */
const outcomeInfoByName = new Map<string, ServiceSessionOutcomeInfo>(serviceSessionOutcomes.map((o) => [o.outcome, o]));

export const outcomeInfo = (outcome: ServiceSessionOutcome): ServiceSessionOutcomeInfo => {
  const info = outcomeInfoByName.get(outcome);
  if (!info) throw new Error(`unknown outcome ${outcome}`);
  return info;
};

export const UserSessionOutcome = defineEnum('user session outcome', [
  'Accepted',
  'Declined',
  'Cancelled',
  'RONA',
  'Transferred Internally',
  'Transferred Externally',
  'Internal Transfer Failed',
], { Canceled: 'Cancelled' });
export type UserSessionOutcome = (typeof UserSessionOutcome.values)[number];

// --- Outbound (2.12) -------------------------------------------------------------------------------
const OutboundCallType = defineEnum('outbound call type', ['Outbound Call', 'Outbound Call (With Workflow)', 'Call On Behalf'], {
  COB: 'Call On Behalf',
  'Call As': 'Call On Behalf',
});
export type OutboundCallType = (typeof OutboundCallType.values)[number];

// --- Workflows (2.16) ------------------------------------------------------------------------------
export const WorkflowActivity = defineEnum('workflow activity', [
  'Accept',
  'Announcement',
  'Availability Based Routing',
  'Cancel Task',
  'Check Opening Hours',
  'Check Parameter',
  'Check Task',
  'Disconnect',
  'Queue',
  'Queue Task',
  'Transfer',
  'Voice Message',
  'Record Consent',
  'Message',
  'Add Virtual User',
]);
export type WorkflowActivity = (typeof WorkflowActivity.values)[number];

export const Modality = defineEnum('modality', ['Audio / Video', 'Instant Messaging', 'Email', 'External Task'], {
  AV: 'Audio / Video',
  'A/V': 'Audio / Video',
  Audio: 'Audio / Video',
  IM: 'Instant Messaging',
});
export type Modality = (typeof Modality.values)[number];
