/**
 * US-01: is a user Selectable for a service right now? Three layers, all evaluated so the explanation is
 * complete: (1) Teams presence (presence.ts), (2) the service gate (Active toggle, or CC license + duty
 * state), (3) blocking status flags, parked and held tasks. A user who cannot handle calls at all (no Teams
 * Phone, LIC-05) is never selectable. Also which statuses keep a user from showing as
 * Available (US-08), which the agent's status projection asks.
 */
import type { UserStatus } from '../domain/enums.js';
import { findMicrosoftLicense } from '../domain/licenses.js';
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { FlagSource, Membership, ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { evaluatePresence, presenceLabel } from './presence.js';
import { checkTenantNotSuspended, hasCcLicense, listOrNone, plural, refusal, replay, svc, tpLimit, usr } from './common.js';

export const selectabilityRules: readonly RuleId[] = [
  'US-01',
  'SVC-11',
  'LIC-05',
  'PRES-10',
  'SVC-04',
  'US-03',
  'SVC-08',
  'US-12',
  'SVC-10',
  'US-04',
  'US-05',
  'US-08',
  'US-09',
  'US-10',
  'US-13',
  'RONA-04',
  'RONA-12',
  'ACW-04',
  'PAR-03',
  'PAR-04',
  'PAR-14',
  'PAR-15',
  'PAR-11',
];

export interface SelectabilityArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  user: UserFacts;
  /** The user's membership in this service, if any. */
  membership?: Membership | undefined;
}

/** The licenses and service plans LIC-05 reads, as a decision's inputs. */
export interface TeamsPhoneInputs {
  /** Display names, whatever spelling was stored. */
  licenses: string[];
  /** Their service plans, without repeats, in first-seen order. */
  plans: string[];
}

/** LIC-05's inputs: each license resolved once (a decision reads them for its inputs and its check). */
export function teamsPhoneInputs(user: UserFacts): TeamsPhoneInputs {
  const licenses: string[] = [];
  const plans: string[] = [];
  for (const name of user.licenses) {
    const license = findMicrosoftLicense(name);
    licenses.push(license?.displayName ?? name);
    for (const plan of license?.servicePlans ?? []) if (!plans.includes(plan)) plans.push(plan);
  }
  return { licenses, plans };
}

/** The service plan that grants Teams Phone to a user (grantsTeamsPhone in the domain). */
const TEAMS_PHONE_PLAN = 'MCOEV';

/**
 * LIC-05: users who handle calls, and transfer or consultation targets, need Teams Phone Standard or a
 * license whose plans include it (MCOEV, e.g. Microsoft 365 E5). `role` says who needs it, for the detail.
 * `phone` is the user's teamsPhoneInputs when the caller has them already.
 */
export function checkTeamsPhone(b: DecisionBuilder, user: UserFacts, role: string, phone = teamsPhoneInputs(user)): boolean {
  const has = phone.plans.includes(TEAMS_PHONE_PLAN);
  const who = usr(user);
  const licenses = listOrNone(phone.licenses);
  const plans = listOrNone(phone.plans);
  return b.check('LIC-05', has, `${who} ${has ? 'has' : 'lacks'} Teams Phone Standard (licenses: ${licenses}; plans: ${plans}), needed ${role}`);
}

/** Is `membership` this user's membership of this service? */
export const isMemberOf = (membership: Membership | undefined, service: ServiceFacts, user: UserFacts): membership is Membership =>
  membership !== undefined && membership.service === service.id && membership.user === user.id;

/** Layer 2, the service gate (SVC-04, US-03, SVC-08, US-12, SVC-10, US-04, US-05). Returns whether it passed. */
function serviceGate(b: DecisionBuilder, service: ServiceFacts, user: UserFacts, membership: Membership | undefined): boolean {
  const who = usr(user);
  const where = svc(service);
  const member = isMemberOf(membership, service, user);
  let ok = true;
  switch (service.assignment) {
    case 'None':
      ok = b.check('SVC-04', false, `${where} has user assignment None: it has no users to distribute to`);
      break;
    case 'MS Teams-based': {
      ok = b.check('US-03', member, member ? `${who} is a member of MS Teams-based ${where}` : `${who} is not a member of MS Teams-based ${where}`);
      if (member) {
        const active = membership.active;
        ok = b.check('SVC-08', active, `${who}'s Active toggle for ${where} is ${active ? 'on' : 'off'}`) && ok;
        if (!active) b.check('US-12', false, `an inactive user is not selectable for that MS Teams-based service (${where})`);
      }
      if (user.duty === 'Off Duty') b.note('US-05', `${who} is Off Duty, which excludes only Skill-based (Contact Center) distribution; ${where} is MS Teams-based`);
      break;
    }
    case 'Skill-based': {
      ok = b.check(
        'SVC-10',
        service.license === 'Contact Center',
        service.license === 'Contact Center'
          ? `Skill-based ${where} is Contact Center licensed`
          : `Skill-based ${where} is ${service.license}; skill-based routing needs a Contact Center service license`,
      );
      ok = b.check('US-04', member, member ? `${who} is assigned to Skill-based ${where} as ${membership.role}` : `${who} is not assigned to Skill-based ${where}`) && ok;
      const cc = hasCcLicense(user);
      ok = b.check('US-04', cc, cc ? `${who} has a Contact Center Nimbus license` : `${who} has no Contact Center Nimbus license (needed for Skill-based distribution)`) && ok;
      b.check(
        'SVC-10',
        cc,
        cc ? `skill-based routing: both ${where} and ${who} are Contact Center licensed` : `skill-based routing needs a Contact Center license on the user too; ${who} has none`,
      );
      const onDuty = user.duty === 'On Duty';
      ok = b.check('US-05', onDuty, onDuty ? `${who} is On Duty` : `${who} is Off Duty: excluded from all Contact Center (Skill-based) distribution`) && ok;
      if (onDuty) b.note('US-04', `skills and responsibility levels are not modelled: ${who}'s On Duty profile is taken to satisfy ${where}'s distribution policy`);
      break;
    }
  }
  return ok;
}

/**
 * US-08: the statuses that stop a user showing as Available: the blocking flags (Not Available Reason, RONA,
 * Ringing, Connected and its On Hold, ACW), and being Offline in Teams. A parked task alone does not.
 */
const BLOCKS_AVAILABLE: readonly UserStatus[] = ['Offline', 'Ringing', 'Connected', 'On Hold', 'ACW', 'RONA', 'Not Available'];

/** US-08: does a user holding these statuses show as Available? */
export const showsAvailable = (held: ReadonlySet<UserStatus>): boolean => !BLOCKS_AVAILABLE.some((s) => held.has(s));

/** Layer 3, blocking flags and parked / held tasks (US-08..10, US-13, RONA-04, RONA-12, ACW-04, PAR-03/04/14/15). */
function blockingFlags(b: DecisionBuilder, tenant: TenantFacts, service: ServiceFacts, user: UserFacts): void {
  const who = usr(user);
  const where = svc(service);
  const scope = tenant.behavior.blockingFlagScope;
  const flags = user.flags;
  const tp = user.taskParallelization.enabled;
  const parkedWithoutTp = !tp && user.parkedTasks > 0;
  const failedBefore = b.failedCount;

  if (flags.notAvailableReason) b.check('US-08', false, `${who} has a pending Not Available Reason`);

  /** A flag that follows behavior.blockingFlagScope. Returns whether it blocks this service. */
  const scoped = (source: FlagSource | undefined, rule: RuleId, label: string): boolean => {
    if (!source) return false;
    if (source.service === service.id) {
      b.check(rule, false, `${who} is ${label} for ${where}`);
      return true;
    }
    if (scope === 'causingService') {
      b.check('US-13', true, `${who} is ${label} for service ${source.service}; behavior.blockingFlagScope is causingService, so it does not block ${where}`);
      return false;
    }
    b.check(rule, false, `${who} is ${label} for service ${source.service}`);
    b.check('US-13', false, `behavior.blockingFlagScope is allServices: a flag caused by service ${source.service} blocks ${where} too`);
    return true;
  };

  scoped(flags.ringing, 'US-09', 'Ringing (reserved for an offered task)');
  const connectedBlocks = scoped(flags.connected, 'US-10', 'Connected');
  if (parkedWithoutTp && (connectedBlocks || !flags.connected)) {
    b.check('PAR-03', false, `${who} has ${plural(user.parkedTasks, 'parked task')} without Task Parallelization, so they stay Connected`);
  }
  if (flags.rona) {
    const persistent = flags.rona.persistent;
    const blocks = scoped(flags.rona, 'RONA-04', persistent ? 'in persistent RONA' : 'flagged RONA');
    if (blocks && persistent && tp) b.check('RONA-12', false, `persistent RONA applies to ${who} even with Task Parallelization`);
  }
  if (flags.acw) {
    const cause = flags.acw.service === service.id ? '' : ` (caused by service ${flags.acw.service})`;
    b.check('ACW-04', false, `${who} is in ${flags.acw.extended ? 'extended ' : ''}ACW${cause}: ACW blocks tasks of all Nimbus services`);
  }
  if (flags.onHold) b.check('PAR-04', false, `${who} has a task on hold (service ${flags.onHold.service}): hold always blocks, with or without Task Parallelization`);
  if (tp && user.parkedTasks > 0) {
    const { max, source } = tpLimit(tenant, user);
    b.note('PAR-15', `${who}'s Task Parallelization limit is ${max} (${source})`);
    const below = user.parkedTasks < max;
    b.check(
      'PAR-14',
      below,
      below
        ? `${who} has ${plural(user.parkedTasks, 'parked task')}, below the Task Parallelization limit of ${max}: parking does not block`
        : `${who} has ${plural(user.parkedTasks, 'parked task')}, the Task Parallelization limit of ${max}`,
    );
  }
  if (b.failedCount === failedBefore) b.check('US-08', true, `${who} has no blocking flag for ${where} (Not Available Reason, RONA, Ringing, Connected, ACW)`);
}

/** US-01: the layered selectability check of one user for one service. */
export function isSelectable({ tenant, service, user, membership }: SelectabilityArgs): Decision<boolean> {
  const who = usr(user);
  const where = svc(service);
  const member = isMemberOf(membership, service, user);
  const phone = teamsPhoneInputs(user);
  const b = new DecisionBuilder('isSelectable', {
    tenant: { state: tenant.state, blockingFlagScope: tenant.behavior.blockingFlagScope },
    service: { id: service.id, license: service.license, assignment: service.assignment },
    user: {
      id: user.id,
      presence: presenceLabel(user.presence.availability, user.presence.activity),
      duty: user.duty,
      contactCenterLicense: hasCcLicense(user),
      licenses: phone.licenses,
      plans: phone.plans,
      flags: flagLabels(user.flags),
      parkedTasks: user.parkedTasks,
      taskParallelization: user.taskParallelization.enabled,
    },
    membership: member ? { active: membership.active, role: membership.role } : null,
  });
  b.note('US-01', `layered check of ${who} for ${where}: Teams presence, then service assignment, then blocking flags`);
  checkTenantNotSuspended(b, tenant, 'task distribution');
  const presence = evaluatePresence({ tenant, service, user });
  replay(b, presence.checks);
  checkTeamsPhone(b, user, 'by users who handle calls: without it Nimbus offers them no task', phone);
  const gate = serviceGate(b, service, user, membership);
  if (presence.eligible) {
    const seen = presenceLabel(presence.seen.availability, presence.seen.activity);
    b.check('PRES-10', gate, gate ? `eligible presence plus the service gate of ${where}` : `eligible presence ${seen} does not replace the service gate of ${where}`);
  }
  blockingFlags(b, tenant, service, user);
  return b.done(`${who} is Selectable for ${where}`, refusal(`${who} is Not Selectable for ${where}`, b));
}

/** The user's blocking flags as isSelectable's inputs name them, with the service that caused each. */
function flagLabels(flags: UserFacts['flags']): string[] {
  const labels: string[] = [];
  if (flags.notAvailableReason) labels.push('Not Available Reason');
  if (flags.ringing) labels.push(`Ringing(${flags.ringing.service})`);
  if (flags.connected) labels.push(`Connected(${flags.connected.service})`);
  if (flags.onHold) labels.push(`On Hold(${flags.onHold.service})`);
  if (flags.acw) labels.push(`ACW(${flags.acw.service})`);
  if (flags.rona) labels.push(`${flags.rona.persistent ? 'persistent ' : ''}RONA(${flags.rona.service})`);
  return labels;
}

export interface OnTheCallArgs {
  /** What the user asks to do, for the explanation (`park`, `hang up`, ...). */
  action: string;
  user: string;
  call: string;
  /** The user connected to the call now, if any. */
  connectedUser: string | null;
  /** The user who parked the call, while it is parked. */
  parkedBy: string | null;
  /** Whether a user who parked the call may do this too (PAR-11: the parking user resumes it). */
  parkedUserMay: boolean;
}

/**
 * US-10, PAR-11: is the user on this call, so that they can act on it (hold, park, hang up, consult)? Only
 * the user Connected to the task (US-10), or for some actions the user who parked it (PAR-11), is.
 */
export function onTheCall({ action, user, call, connectedUser, parkedBy, parkedUserMay }: OnTheCallArgs): Decision<boolean> {
  const b = new DecisionBuilder('onTheCall', { action, user, call, connectedUser, parkedBy, parkedUserMay });
  const who = `user ${user}`;
  const parked = parkedUserMay && parkedBy === user;
  if (parked) {
    b.check('PAR-11', true, `${who} parked ${call} and may ${action} it`);
  } else {
    b.check('US-10', connectedUser === user, connectedUser === user ? `${who} is Connected to ${call}` : `${who} is not Connected to ${call} (its user is ${connectedUser ?? 'nobody'})`);
    if (parkedUserMay && parkedBy !== null) b.check('PAR-11', false, `${call} is parked by user ${parkedBy}; only they may ${action} it`);
  }
  return b.done(`${who} may ${action} ${call}`, refusal(`${who} cannot ${action} ${call}`, b));
}
