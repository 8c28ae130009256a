/**
 * Call on Behalf (rulebook 3.10): is the COB button enabled for a user and service, is the dial pad, and
 * may this target be called? Unlike distribution, COB ignores DND and the Busy/Away opt-ins (COB-05).
 */
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { Membership, ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { isOnline, presenceAsSeenByNimbus, presenceLabel } from './presence.js';
import { checkTeamsPhone, isMemberOf, teamsPhoneInputs } from './selectability.js';
import { evaluatePstnLicense } from './pstn.js';
import { checkTenantNotSuspended, hasCcLicense, plural, refusal, replay, svc, tierAtLeast, tpLimit, usr } from './common.js';

export const callOnBehalfRules: readonly RuleId[] = [
  'SVC-11',
  'COB-01',
  'COB-02',
  'COB-03',
  'COB-10',
  'PRES-09',
  'COB-04',
  'COB-05',
  'COB-07',
  'COB-08',
  'COB-09',
  'RONA-11',
  'ACW-09',
  'PAR-03',
  'PAR-04',
  'PAR-14',
  'PAR-16',
  'COB-06',
  'OUT-04',
];

export interface CallOnBehalfArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  user: UserFacts;
  membership?: Membership | undefined;
}

/** The target of a Call on Behalf: a PSTN number, a UPN typed in, or a modelled user. */
export type CallOnBehalfTarget = { pstn: string } | { upn: string; isModelledUser: boolean } | { user: string; upn: string };

function cobInputs({ tenant, service, user, membership }: CallOnBehalfArgs) {
  const flags = user.flags;
  return {
    tenant: {
      state: tenant.state,
      enhancedPresencePrivacy: tenant.enhancedPresencePrivacy,
      notAvailableReasonBlocksCallOnBehalf: tenant.behavior.notAvailableReasonBlocksCallOnBehalf,
    },
    service: {
      id: service.id,
      license: service.license,
      assignment: service.assignment,
      outbound: service.modalities.outbound,
      pstnNumber: service.pstn?.number ?? null,
    },
    user: {
      id: user.id,
      presence: presenceLabel(user.presence.availability, user.presence.activity),
      contactCenterLicense: hasCcLicense(user),
      ...teamsPhoneInputs(user),
      flags: [
        ...(flags.notAvailableReason ? ['Not Available Reason'] : []),
        ...(flags.ringing ? ['Ringing'] : []),
        ...(flags.connected ? ['Connected'] : []),
        ...(flags.onHold ? ['On Hold'] : []),
        ...(flags.acw ? [flags.acw.extended ? 'extended ACW' : 'ACW'] : []),
        ...(flags.rona ? [flags.rona.persistent ? 'persistent RONA' : 'RONA'] : []),
      ],
      parkedTasks: user.parkedTasks,
      taskParallelization: user.taskParallelization.enabled,
    },
    member: isMemberOf(membership, service, user),
  };
}

/** The checks of the COB button, shared by callOnBehalfButton and dialPad. */
function buttonChecks(b: DecisionBuilder, args: CallOnBehalfArgs): void {
  checkTenantNotSuspended(b, args.tenant, 'every outbound call');
  checkServiceOffersCallOnBehalf(b, args);
  checkTeamsPhone(b, args.user, 'to handle calls, Call on Behalf included');
  checkPresence(b, args);
  const failedBefore = b.failedCount;
  checkBlockingStates(b, args);
  checkParallelTasks(b, args);
  const { user } = args;
  if (b.failedCount === failedBefore) {
    b.check('COB-08', true, `${usr(user)} has no blocking Nimbus state (Ringing, Connected, Hold, ACW, RONA${user.flags.notAvailableReason ? '' : ', Not Available Reason'})`);
  }
}

/** Service preconditions (COB-01..03) and the user's services (COB-10). */
function checkServiceOffersCallOnBehalf(b: DecisionBuilder, { service, user, membership }: CallOnBehalfArgs): void {
  const where = svc(service);
  b.check('COB-01', tierAtLeast(service.license, 'Enterprise Routing'), `${where} is ${service.license} (needs Enterprise Routing or Contact Center)`);
  b.check(
    'COB-02',
    service.assignment !== 'None',
    service.assignment === 'None'
      ? `${where} has user assignment None, so it never appears in the COB service selection`
      : `${where} has user assignment ${service.assignment}`,
  );
  b.check(
    'COB-03',
    service.modalities.outbound,
    service.modalities.outbound ? `${where} has Outbound Conversations enabled` : `${where} has Outbound Conversations disabled in its Modalities Service Settings`,
  );
  const member = isMemberOf(membership, service, user);
  b.check(
    'COB-10',
    member,
    member ? `${usr(user)} is a member of ${where}` : `${usr(user)} is not a member of ${where}, so it is not among the services they can call on behalf of`,
  );
}

/** Presence: online only (COB-04); nothing else is evaluated (COB-05). */
function checkPresence(b: DecisionBuilder, { tenant, service, user }: CallOnBehalfArgs): void {
  const who = usr(user);
  const seen = presenceAsSeenByNimbus(tenant, user.presence.availability, user.presence.activity);
  if (tenant.enhancedPresencePrivacy) b.check('PRES-09', false, `tenant.enhancedPresencePrivacy is on: Nimbus sees ${who} as Offline`);
  const online = isOnline(seen);
  b.check('COB-04', online, online ? `${who} is online in Teams (${seen.availability})` : `${who} is ${seen.availability} in Teams, not online`);
  const availability = user.presence.availability;
  b.note(
    'COB-05',
    availability === 'Do Not Disturb'
      ? `${who} is Do Not Disturb, which does not disable COB; ${svc(service)}'s Busy/Away available opt-ins are not evaluated`
      : `presence ${availability} is only checked for being online; ${svc(service)}'s Busy/Away available opt-ins are not evaluated`,
  );
}

/** Blocking states (COB-07, COB-08): ringing, connected (PAR-03), on hold (PAR-04), ACW (ACW-09), RONA (RONA-11), NAR. */
function checkBlockingStates(b: DecisionBuilder, { tenant, user }: CallOnBehalfArgs): void {
  const who = usr(user);
  const flags = user.flags;
  if (flags.ringing) b.check('COB-08', false, `${who} has an incoming task ringing (service ${flags.ringing.service})`);
  checkConnected(b, user);
  if (flags.onHold) {
    b.check('COB-08', false, `${who} has a task on hold (service ${flags.onHold.service})`);
    b.check('PAR-04', false, `hold keeps ${who} in the conference and always blocks`);
  }
  checkAcwAndRona(b, user);
  if (flags.notAvailableReason) {
    const blocks = tenant.behavior.notAvailableReasonBlocksCallOnBehalf;
    b.check(
      'COB-08',
      !blocks,
      `${who} has a pending Not Available Reason, which ${blocks ? 'disables' : 'does not disable'} COB (behavior.notAvailableReasonBlocksCallOnBehalf is ${String(blocks)})`,
    );
  }
}

/** COB-08, PAR-03: Connected to a task, or through a parked task without Task Parallelization. */
function checkConnected(b: DecisionBuilder, user: UserFacts): void {
  const who = usr(user);
  const heldByParking = !user.taskParallelization.enabled && user.parkedTasks > 0;
  const connected = user.flags.connected;
  if (connected && !(heldByParking && !user.activeTask)) {
    b.check('COB-08', false, `${who} is Connected to a task (service ${connected.service})`);
  } else if (heldByParking) {
    b.check('COB-08', false, `${who} is Connected through ${plural(user.parkedTasks, 'parked task')}`);
    b.check('PAR-03', false, `without Task Parallelization a parked task keeps ${who} Connected`);
  }
}

/** COB-07 names Contact Center users in ACW (ACW-09) or persistent RONA (RONA-11); for others both are COB-08 blocking states. */
function checkAcwAndRona(b: DecisionBuilder, user: UserFacts): void {
  const who = usr(user);
  const cc = hasCcLicense(user);
  const { acw, rona } = user.flags;
  if (acw) {
    const label = acw.extended ? 'extended ACW' : 'ACW';
    if (cc) {
      b.check('COB-07', false, `${who} (Contact Center license) is in ${label}`);
      b.check('ACW-09', false, `a Contact Center user in ACW or extended ACW cannot start COB`);
    } else {
      b.check('COB-08', false, `${who} is in ${label}, a blocking state`);
    }
  }
  if (rona) {
    if (rona.persistent && cc) {
      b.check('COB-07', false, `${who} (Contact Center license) is in persistent RONA`);
      b.check('RONA-11', false, `a Contact Center user in persistent RONA cannot start outbound service calls`);
    } else if (rona.persistent) {
      b.check('COB-08', false, `${who} is in persistent RONA without a Contact Center license; COB-07 names CC users only, but RONA is a blocking state anyway`);
    } else {
      b.check('COB-08', false, `${who} is flagged RONA, a blocking state`);
    }
  }
}

/** COB-09, PAR-16: with Task Parallelization parked tasks block COB only at the limit (PAR-14). */
function checkParallelTasks(b: DecisionBuilder, { tenant, user }: CallOnBehalfArgs): void {
  if (!user.taskParallelization.enabled || user.parkedTasks === 0) return;
  const who = usr(user);
  const { max } = tpLimit(tenant, user);
  if (user.parkedTasks >= max) {
    b.check('PAR-14', false, `${who} already has ${plural(user.parkedTasks, 'parked task')}, the Task Parallelization limit of ${max}`);
  } else {
    b.note('COB-09', `${who} has Task Parallelization, so ${plural(user.parkedTasks, 'parked task')} does not block COB`);
    b.note('PAR-16', `with Task Parallelization ${who} may start COB while another task is parked`);
  }
}

/** COB-01..05, COB-07..10, LIC-05, RONA-11, ACW-09, PAR-16, SVC-11: is the Call on Behalf button enabled? */
export function callOnBehalfButton(args: CallOnBehalfArgs): Decision<boolean> {
  const b = new DecisionBuilder('callOnBehalfButton', cobInputs(args));
  buttonChecks(b, args);
  const subject = `Call on Behalf for ${svc(args.service)} is`;
  return b.done(`${subject} enabled for ${usr(args.user)}`, refusal(`${subject} disabled for ${usr(args.user)}`, b));
}

/** COB-06: the dial pad needs the button and a PSTN number on the service. */
export function dialPad(args: CallOnBehalfArgs): Decision<boolean> {
  const b = new DecisionBuilder('dialPad', cobInputs(args));
  buttonChecks(b, args);
  const { service } = args;
  const where = svc(service);
  b.check(
    'COB-06',
    service.pstn !== undefined,
    service.pstn
      ? `${where} has PSTN number ${service.pstn.number}`
      : `${where} has no PSTN number: the dial pad is disabled and only UPN targets (internal users and services) can be called`,
  );
  const subject = `the COB dial pad for ${where} is`;
  return b.done(`${subject} enabled for ${usr(args.user)}`, refusal(`${subject} disabled for ${usr(args.user)}`, b));
}

export interface CallOnBehalfTargetArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  target: CallOnBehalfTarget;
  /** Which outbound call dials the target: a user's Call on Behalf (default) or a scheduled outbound call (OUT-01). */
  call?: 'callOnBehalf' | 'scheduledOutbound' | undefined;
}

export const domainOf = (upn: string): string => upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();

/** OUT-04: is this UPN in one of the tenant's own domains? */
export function checkNotFederated(b: DecisionBuilder, tenant: TenantFacts, upn: string, label: string, internalNote = ''): boolean {
  const domain = domainOf(upn);
  const own = tenant.domains.map((d) => d.toLowerCase());
  const internal = own.includes(domain);
  return b.check(
    'OUT-04',
    internal,
    internal
      ? `${label} is in the tenant's domain ${domain}${internalNote}`
      : `${label} is in domain ${domain}, not one of the tenant's domains (${own.join(', ') || 'none'}): outbound calls to federated users are not supported`,
  );
}

/** OUT-04, COB-06, LIC-02..06: may a COB call (or a scheduled outbound call) from this service reach this target? */
export function callOnBehalfTarget({ tenant, service, target, call = 'callOnBehalf' }: CallOnBehalfTargetArgs): Decision<boolean> {
  const where = svc(service);
  const what = call === 'callOnBehalf' ? `COB from ${where}` : `a scheduled outbound call from ${where}`;
  const question = call === 'callOnBehalf' ? 'callOnBehalfTarget' : 'scheduledOutboundTarget';
  if ('pstn' in target) {
    const b = new DecisionBuilder(question, {
      service: { id: service.id, pstnNumber: service.pstn?.number ?? null, connectivity: service.pstn?.connectivity ?? null },
      target: { pstn: target.pstn },
      directRoutingLicensing: tenant.behavior.directRoutingLicensing,
    });
    const hasNumber = b.check(
      'COB-06',
      service.pstn !== undefined,
      service.pstn
        ? `${where} has PSTN number ${service.pstn.number}, so PSTN targets can be dialled`
        : `${where} has no PSTN number: PSTN target ${target.pstn} cannot be dialled, only UPN targets`,
    );
    if (hasNumber) replay(b, evaluatePstnLicense(tenant, service, 'outbound').checks);
    return b.done(`${what} may call PSTN number ${target.pstn}`, refusal(`${what} cannot call PSTN number ${target.pstn}`, b));
  }
  const label = 'user' in target ? `user ${target.user} (${target.upn})` : target.upn;
  const b = new DecisionBuilder(question, {
    service: { id: service.id },
    target: 'user' in target ? { user: target.user, upn: target.upn } : { upn: target.upn, isModelledUser: target.isModelledUser },
    tenantDomains: tenant.domains,
  });
  const modelledNote = 'isModelledUser' in target && !target.isModelledUser ? ' (not a modelled user: nobody answers in the simulation)' : '';
  checkNotFederated(b, tenant, target.upn, label, modelledNote);
  b.note('COB-06', `UPN targets need no PSTN number on ${where}`);
  return b.done(`${what} may call ${label}`, refusal(`${what} cannot call ${label}`, b));
}
