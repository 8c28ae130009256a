/**
 * Reporting (rulebook 3.14): the outcome of a user session (also one still open when the task ends for it,
 * and a transferring user's), the outcome of a service session from a small summary of what happened in it,
 * outcome groups, and IsUnderSla. The service session outcome is decided here once, as the typed
 * ServiceSessionOutcome; everything downstream reads that value and its group (outcomeInfo).
 *
 * The "last outcome" rule (REP-05) as modelled here: the user sessions are walked in the order they ended;
 * a session that accepted the task from the queue sets `User Accepted`, a transfer sets the transfer's
 * outcome, and a transfer target's plain `Accepted` does not overwrite the transfer's success (that is what
 * makes REP-06's "A transfers to B, B accepts" end as `User Internal Transfer Success`). Declined, Cancelled
 * and RONA sessions never change it.
 */
import { OutcomeGroup, outcomeInfo, type ServiceSessionOutcome, type UserSessionOutcome } from '../domain/enums.js';
import { DecisionBuilder, valueDecision, type Decision, type Json, type RuleCheck, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts } from './facts.js';
import { dur, refusal, svc } from './common.js';
import { outboundReported } from './outbound.js';
import { describeTransferredBy, type TransferredBy } from './pstn.js';

export const reportingRules: readonly RuleId[] = [
  'REP-01',
  'REP-02',
  'REP-03',
  'REP-04',
  'REP-05',
  'REP-06',
  'REP-08',
  'RONA-03',
  'RONA-13',
  'XFER-03',
  'XFER-04',
  'XFER-05',
  'XFER-06',
  'WF-02',
  'WF-06',
  'OUT-07',
  'OUT-09',
];

/** How the task reached the user: from the queue (or a COB/outbound invitation), or handed over by another user. */
export type UserSessionOrigin = 'queue' | 'invitation' | 'blindTransfer' | 'safeTransfer' | 'consultation';

/** What the user did with the offer; `cancelled` = the offer was withdrawn before they answered. */
export type UserResponse = 'accepted' | 'declined' | 'ignored' | 'timeout' | 'cancelled';

export interface UserTransferSummary {
  kind: 'blind' | 'safe' | 'consultation';
  to: 'user' | 'service' | 'pstn';
  succeeded: boolean;
  /** A PSTN transfer that failed because the first responding service has no PSTN license (XFER-03). */
  firstServiceUnlicensed?: boolean | undefined;
}

export interface UserSessionSummary {
  user: string;
  origin: UserSessionOrigin;
  response: UserResponse;
  /** The user accepted and then handed the task on (a consultation without transfer or merge has none). */
  transfer?: UserTransferSummary | undefined;
  /** For an ignored or rung-out offer: whether it set a RONA flag (never with Broadcast, RONA-03). */
  ronaApplied?: boolean | undefined;
}

export interface UserSessionOutcomeArgs {
  tenant: TenantFacts;
  session: UserSessionSummary;
}

const handedOver = (origin: UserSessionOrigin): boolean => origin === 'blindTransfer' || origin === 'safeTransfer' || origin === 'consultation';

/** REP-04, REP-06, RONA-13 (+ behavior.ronaUserSessionOutcome, open question 20): the outcome of one user session. */
export function userSessionOutcome({ tenant, session }: UserSessionOutcomeArgs): Decision<UserSessionOutcome> {
  const checks: RuleCheck[] = [];
  const inputs = {
    user: session.user,
    origin: session.origin,
    response: session.response,
    transfer: session.transfer
      ? { kind: session.transfer.kind, to: session.transfer.to, succeeded: session.transfer.succeeded, firstServiceUnlicensed: session.transfer.firstServiceUnlicensed ?? false }
      : null,
    ronaUserSessionOutcome: tenant.behavior.ronaUserSessionOutcome,
  };
  const who = `user ${session.user}`;
  const decide = (outcome: UserSessionOutcome, rule: RuleId, detail: string, extra: RuleId[] = []): Decision<UserSessionOutcome> => {
    checks.push({ rule, passed: true, detail });
    return valueDecision('userSessionOutcome', outcome, [rule, ...extra], inputs, checks, `${who}'s session: ${outcome}`);
  };

  switch (session.response) {
    case 'declined':
      return decide('Declined', 'REP-06', `${who} declined the offer: Declined`);
    case 'cancelled':
      return decide('Cancelled', 'REP-06', `the offer to ${who} was withdrawn before they answered: Cancelled`);
    case 'ignored':
    case 'timeout': {
      if (handedOver(session.origin)) {
        return decide('Cancelled', 'REP-06', `${who} did not answer a ${session.origin === 'consultation' ? 'consultation' : 'transfer'}: Cancelled (as when B ignores a blind transfer)`);
      }
      if (session.ronaApplied === false) {
        return decide('Cancelled', 'RONA-03', `${who} let a queue offer ring out without a RONA flag (Broadcast never sets one): Cancelled`);
      }
      const outcome = tenant.behavior.ronaUserSessionOutcome;
      return decide(outcome, 'RONA-13', `${who} let a queue offer ring out: ${outcome} (behavior.ronaUserSessionOutcome)`);
    }
    case 'accepted':
      break;
  }
  const t = session.transfer;
  if (!t) return decide('Accepted', 'REP-04', `${who} accepted and handled the task${session.origin === 'consultation' ? ' (consultation without merge or transfer)' : ''}: Accepted`);
  if (t.succeeded) {
    if (t.to === 'pstn') return decide('Transferred Externally', 'REP-06', `${who} transferred the task to a PSTN number: Transferred Externally`);
    return decide('Transferred Internally', 'REP-06', `${who} transferred the task to a ${t.to}${t.kind === 'consultation' ? ' after a consultation' : ''}: Transferred Internally`);
  }
  if (t.kind === 'blind') {
    const external = t.to === 'pstn' ? ' (no separate outcome for a failed external transfer is documented)' : '';
    return decide('Internal Transfer Failed', 'REP-06', `${who}'s blind transfer to a ${t.to} failed and did not come back to them: Internal Transfer Failed${external}`, ['XFER-06']);
  }
  return decide('Accepted', 'REP-06', `${who}'s ${t.kind} transfer to a ${t.to} failed and the call returned to them: Accepted`, ['XFER-05']);
}

export interface OpenUserSessionArgs {
  user: string;
  /** The task was still ringing this user (an offer or invitation not yet answered). */
  stillRinging: boolean;
}

/**
 * REP-04, REP-06: the outcome of a user session still open when the task ends or the user leaves it. A user
 * who was connected handled the task (Accepted); an offer still ringing was withdrawn (Cancelled).
 */
export function openUserSessionOutcome({ user, stillRinging }: OpenUserSessionArgs): Decision<UserSessionOutcome> {
  const inputs = { user, stillRinging };
  const [outcome, rule, detail]: [UserSessionOutcome, RuleId, string] = stillRinging
    ? ['Cancelled', 'REP-06', `the task ended while still ringing user ${user}: Cancelled`]
    : ['Accepted', 'REP-04', `user ${user} was connected to the task when it ended for them: Accepted`];
  return valueDecision('openUserSessionOutcome', outcome, [rule], inputs, [{ rule, passed: true, detail }], `user ${user}'s session: ${outcome}`);
}

export interface TransferringUserArgs {
  tenant: TenantFacts;
  user: string;
  /** How the task reached the transferring user. */
  origin: UserSessionOrigin;
  transfer: UserTransferSummary;
}

/**
 * REP-06 (+ XFER-05, XFER-06): the outcome of the user session of a user who accepted the task and handed it
 * on: the same decision as every other user session (userSessionOutcome), asked at the moment the transfer settles
 * (taken over, moved to a service or number, or missed by its target).
 */
export function transferringUserOutcome({ tenant, user, origin, transfer }: TransferringUserArgs): Decision<UserSessionOutcome> {
  return userSessionOutcome({ tenant, session: { user, origin, response: 'accepted', transfer } });
}

/** XFER-06: a blind transfer to another user removes the transferring user, whose session ends Transferred Internally. */
export function blindTransferUserOutcome({ user, to }: { user: string | null; to: string }): Decision<UserSessionOutcome> {
  const who = user === null ? 'the transferring user' : `user ${user}`;
  const detail = `${who} handed the task to user ${to} and left the session: Transferred Internally`;
  return valueDecision('blindTransferUserOutcome', 'Transferred Internally', ['XFER-06'], { user, to }, [{ rule: 'XFER-06', passed: true, detail }], detail);
}

/** XFER-05: a safe transfer succeeds when its target takes the call; it is theirs from then on. */
export function safeTransferTakenOver({ user }: { user: string }): Decision<boolean> {
  const b = new DecisionBuilder('safeTransferTakenOver', { user });
  b.check('XFER-05', true, `user ${user} took the call over from the transferring user`);
  return b.done(`taken over by ${user}`);
}

/** Where the customer was when they hung up (the engine's task state, simplified). */
export type HangupPlace = 'ivr' | 'queue' | 'ivrAfterQueue' | 'ringing' | 'connected';

export type ServiceSessionEnd =
  /** The customer hung up. */
  | { by: 'customer'; where: HangupPlace }
  /** A user ended the call after handling it. */
  | { by: 'user' }
  /**
   * A transfer on the workflow's path moved the call to another service or a PSTN number: a Transfer activity,
   * or a user's transfer that takes that path (`transferredBy` names who, when known).
   */
  | { by: 'workflowTransfer'; to: 'service' | 'pstn'; succeeded: boolean; firstServiceUnlicensed?: boolean | undefined; transferredBy?: TransferredBy | undefined }
  /** The caller left a voice message. */
  | { by: 'voiceMessage' }
  /** The workflow ended the call (Disconnect, no Queue, rejected). */
  | { by: 'system' }
  | { by: 'error' };

export interface ServiceSessionSummary {
  service: string;
  direction: 'inbound' | 'outbound' | 'outboundWithWorkflow' | 'callOnBehalf';
  /** The workflow passed its Accept activity (WF-01). */
  passedAccept: boolean;
  /** The user sessions of this service session, in the order they ended. */
  userSessions: readonly UserSessionSummary[];
  end: ServiceSessionEnd;
  /** Outbound only: did a user accept the invitation, was the target reached? */
  outbound?: { userAccepted: boolean; reachedTarget: boolean } | undefined;
}

export interface ServiceSessionOutcomeArgs {
  tenant: TenantFacts;
  session: ServiceSessionSummary;
}

const serviceOutcomeOfUser: Partial<Record<UserSessionOutcome, ServiceSessionOutcome>> = {
  Accepted: 'User Accepted',
  'Transferred Internally': 'User Internal Transfer Success',
  'Transferred Externally': 'User External Transfer Success',
  'Internal Transfer Failed': 'User Internal Transfer Failed',
};

/** The reporting rules' decision on a service session: its outcome, or null when it is not reported (OUT-07). */
export type ServiceSessionOutcomeDecision = Decision<ServiceSessionOutcome | null>;

/** What one step of the service session rules found: the outcome (null: not reported), its rules, a sentence. */
interface OutcomeFinding {
  outcome: ServiceSessionOutcome | null;
  because: RuleId[];
  summary: string;
}

const sessionName = (session: ServiceSessionSummary): string => `service ${session.service}`;

const found = (session: ServiceSessionSummary, outcome: ServiceSessionOutcome, because: RuleId[], note = ''): OutcomeFinding => ({
  outcome,
  because,
  summary: `${sessionName(session)}: ${outcome}${note}`,
});

function serviceSessionInputs(tenant: TenantFacts, session: ServiceSessionSummary): Record<string, Json> {
  return {
    service: session.service,
    direction: session.direction,
    passedAccept: session.passedAccept,
    userSessions: session.userSessions.map((u) => `${u.user}:${u.origin}:${u.response}${u.transfer ? `:${u.transfer.kind}-${u.transfer.to}-${u.transfer.succeeded ? 'ok' : 'failed'}` : ''}`),
    end: session.end.by,
    ...(session.end.by === 'workflowTransfer' && session.end.transferredBy ? { transferredBy: describeTransferredBy(session.end.transferredBy) } : {}),
    firstServiceRuleForManualTransfers: tenant.behavior.firstServiceRuleForManualTransfers,
  };
}

/**
 * REP-01..06, XFER-03/04, WF-06, OUT-07, OUT-09: the outcome of one service session, or null when the session
 * is not written to reporting (a terminated outbound call, OUT-07). The first step that finds one decides: a
 * PSTN transfer refused by the first-service rule (XFER-03, whatever kind of call it is, so a Call on Behalf
 * or scheduled outbound call ends "Transfer Failed" as an inbound call does), then outbound sessions apart,
 * the last user outcome, then how the session ended.
 */
export function serviceSessionOutcome({ tenant, session }: ServiceSessionOutcomeArgs): ServiceSessionOutcomeDecision {
  const checks: RuleCheck[] = [];
  const finding =
    workflowPstnTransferFailure(session, checks) ??
    (session.direction !== 'inbound'
      ? (userPstnTransferRefused(tenant, session, checks) ?? outboundSessionOutcome(tenant, session, checks))
      : (lastUserOutcome(tenant, session, checks) ?? sessionEndOutcome(session, checks)));
  const { outcome, because, summary } = finding;
  if (outcome !== null) checks.push({ rule: 'REP-01', passed: true, detail: `${outcome} belongs to outcome group ${outcomeGroupOf(outcome)}` });
  return valueDecision('serviceSessionOutcome', outcome, because, serviceSessionInputs(tenant, session), checks, summary);
}

/** OUT-09, OUT-07: outbound calls are grouped apart and not reported when terminated. */
function outboundSessionOutcome(tenant: TenantFacts, session: ServiceSessionSummary, checks: RuleCheck[]): OutcomeFinding {
  const o = session.outbound ?? { userAccepted: session.userSessions.some((u) => u.response === 'accepted'), reachedTarget: false };
  const reported = outboundReported({ tenant, reachedTarget: o.reachedTarget, userAccepted: o.userAccepted });
  checks.push(...reported.checks);
  if (!reported.verdict) return { outcome: null, because: ['OUT-07'], summary: `the ${session.direction} session of ${sessionName(session)} ends as terminated and is not reported` };
  return found(session, o.reachedTarget ? 'Outbound Accepted' : 'Outbound Not Accepted', ['OUT-09', 'OUT-07']);
}

/** XFER-03, WF-06: a workflow PSTN transfer refused by the first-service rule leaves through the Exit route. */
function workflowPstnTransferFailure(session: ServiceSessionSummary, checks: RuleCheck[]): OutcomeFinding | undefined {
  const end = session.end;
  if (end.by !== 'workflowTransfer' || end.to !== 'pstn' || end.succeeded) return undefined;
  checks.push({
    rule: 'XFER-03',
    passed: false,
    detail: `${end.transferredBy ? `the PSTN transfer by ${describeTransferredBy(end.transferredBy)}` : "the workflow's PSTN transfer"} failed${end.firstServiceUnlicensed ? ' (the first responding service has no PSTN license)' : ''}: Transfer Failed`,
  });
  checks.push({ rule: 'WF-06', passed: false, detail: 'the workflow left through the Exit announcement route' });
  return found(session, 'Transfer Failed', ['XFER-03', 'WF-06']);
}

/** XFER-03: a user's PSTN transfer failed on the first-service rule, which applies to it (open question 14). */
const refusedByFirstServiceRule = (tenant: TenantFacts, t: UserTransferSummary | undefined): boolean =>
  t !== undefined && !t.succeeded && t.to === 'pstn' && t.firstServiceUnlicensed === true && tenant.behavior.firstServiceRuleForManualTransfers;

const refusedTransferCheck = (u: UserSessionSummary): RuleCheck => ({
  rule: 'XFER-03',
  passed: false,
  detail: `user ${u.user}'s PSTN transfer failed on the first-service rule (behavior.firstServiceRuleForManualTransfers is true): Transfer Failed`,
});

/** XFER-03, REP-05: an outbound session whose last transfer is a user's PSTN transfer refused by the first-service rule. */
function userPstnTransferRefused(tenant: TenantFacts, session: ServiceSessionSummary, checks: RuleCheck[]): OutcomeFinding | undefined {
  const last = session.userSessions.findLast((u) => u.transfer !== undefined);
  if (last === undefined || !refusedByFirstServiceRule(tenant, last.transfer)) return undefined;
  checks.push(refusedTransferCheck(last));
  return found(session, 'Transfer Failed', ['REP-05', 'XFER-03'], ' (last user outcome)');
}

/** REP-05: the last outcome of the user sessions, walked in the order they ended (see the module comment). */
function lastUserOutcome(tenant: TenantFacts, session: ServiceSessionSummary, checks: RuleCheck[]): OutcomeFinding | undefined {
  let last: { outcome: ServiceSessionOutcome; because: RuleId[] } | undefined;
  for (const u of session.userSessions) {
    const t = u.transfer;
    if (refusedByFirstServiceRule(tenant, t)) {
      last = { outcome: 'Transfer Failed', because: ['REP-05', 'XFER-03'] };
      checks.push(refusedTransferCheck(u));
      continue;
    }
    const d = userSessionOutcome({ tenant, session: u });
    const mapped = serviceOutcomeOfUser[d.verdict];
    if (mapped === undefined) {
      checks.push({ rule: 'REP-05', passed: true, detail: `user ${u.user}'s ${d.verdict} does not change the service outcome` });
      continue;
    }
    if (d.verdict === 'Accepted' && handedOver(u.origin) && !t && last !== undefined) {
      checks.push({ rule: 'REP-05', passed: true, detail: `user ${u.user} accepted a handed-over task: the service outcome stays ${last.outcome}` });
      continue;
    }
    last = { outcome: mapped, because: ['REP-05', ...d.because] };
    checks.push({ rule: 'REP-05', passed: true, detail: `user ${u.user}'s ${d.verdict} makes the service outcome ${mapped}` });
  }
  return last && found(session, last.outcome, last.because, ' (last user outcome)');
}

/** REP-01..03, XFER-04, WF-02: no user outcome decided, so how the session ended does (Error when nothing fits). */
function sessionEndOutcome(session: ServiceSessionSummary, checks: RuleCheck[]): OutcomeFinding {
  const end = session.end;
  switch (end.by) {
    case 'workflowTransfer':
      if (end.succeeded) {
        checks.push({ rule: 'XFER-04', passed: true, detail: `the workflow transferred the call to a ${end.to === 'pstn' ? 'PSTN number' : 'service'}: handled for ${sessionName(session)}` });
        return found(session, 'System Transfer Success', ['XFER-04']);
      }
      checks.push({ rule: 'XFER-04', passed: false, detail: `the workflow's transfer to a service failed: Transfer Failed` });
      return found(session, 'Transfer Failed', ['XFER-04']);
    case 'voiceMessage':
      checks.push({ rule: 'REP-01', passed: true, detail: 'the caller left a voice message' });
      return found(session, 'Voice Message', ['REP-01']);
    case 'system':
      checks.push({ rule: 'WF-02', passed: true, detail: 'the workflow ended the call' });
      return found(session, 'Disconnected By System', ['WF-02']);
    case 'customer': {
      const hangup = customerHangupOutcome(session, end.where, checks);
      if (hangup) return hangup;
      break;
    }
    case 'user':
    case 'error':
      break;
  }
  checks.push({ rule: 'REP-01', passed: false, detail: `no outcome fits the summary (end: ${end.by}, no user handled the task): Error` });
  return found(session, 'Error', ['REP-01']);
}

/** Where a hang-up puts the session (REP-03) and how the check says it; a connected hang-up has no outcome of its own. */
const HANGUP: Record<HangupPlace, { outcome: ServiceSessionOutcome | undefined; text: string }> = {
  ivr: { outcome: 'Customer Hangup In Ivr', text: 'in the IVR before ever being queued' },
  queue: { outcome: 'Customer Hangup In Queue', text: 'while queued' },
  ringing: { outcome: 'Customer Hangup In Queue', text: 'while queued and offered to a user' },
  ivrAfterQueue: { outcome: 'Customer Hangup In Ivr After Queue', text: 'in the IVR after having been queued' },
  connected: { outcome: undefined, text: 'while connected' },
};

/** REP-02, REP-03: the customer hung up before the workflow's Accept, or in the IVR or queue after it. */
function customerHangupOutcome(session: ServiceSessionSummary, where: HangupPlace, checks: RuleCheck[]): OutcomeFinding | undefined {
  if (!session.passedAccept) {
    checks.push({ rule: 'REP-02', passed: true, detail: 'the customer hung up before the workflow passed its Accept activity' });
    return found(session, 'Customer Hangup Before Accept', ['REP-02']);
  }
  const { outcome, text } = HANGUP[where];
  if (!outcome) return undefined;
  checks.push({ rule: 'REP-03', passed: true, detail: `the customer hung up ${text}` });
  return found(session, outcome, ['REP-03']);
}

/** REP-01, 2.9: the outcome group of a service session outcome. */
export function outcomeGroupOf(outcome: ServiceSessionOutcome): OutcomeGroup {
  return outcomeInfo(outcome).group;
}

/** The rulebook's id (2.9) of an outcome group: 1 Handled By User ... 7 Outbound Not Accepted. */
export function outcomeGroupId(group: OutcomeGroup): number {
  return OutcomeGroup.values.indexOf(group) + 1;
}

export interface SlaArgs {
  service: ServiceFacts;
  /** TotalQueueTime of the session in milliseconds. */
  queueTimeMs: number;
}

/** REP-08: IsUnderSla is true when the queue time is below the service's SLA time. */
export function isUnderSla({ service, queueTimeMs }: SlaArgs): Decision<boolean> {
  const sla = service.distribution.slaTime;
  const b = new DecisionBuilder('isUnderSla', { service: service.id, slaTime: sla, queueTimeMs });
  const under = queueTimeMs < sla;
  const where = svc(service);
  b.check('REP-08', under, () => `queue time ${dur(queueTimeMs)} is ${under ? 'below' : 'not below'} the SLA time ${dur(sla)} of ${where}`);
  return b.done(`IsUnderSla is true for ${where}`, refusal(`IsUnderSla is false for ${where}`, b));
}
