/**
 * Supervision (rulebook 3.9): may a supervisor join a session, and which events end a running supervision.
 */
import { canonicalEnum, normalizeEnumKey, SupervisionMode } from '../domain/enums.js';
import { DecisionBuilder, valueDecision, type Decision, type RuleCheck, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { checkTenantNotSuspended, hasCcLicense, refusal, svc, usr } from './common.js';

export const supervisionRules: readonly RuleId[] = ['SVC-11', 'SUP-01', 'SUP-02', 'SUP-03', 'SUP-04', 'SUP-08', 'SUP-09', 'SUP-10', 'SUP-11', 'PAR-08'];

/** The call types of the call session machine; other spellings are matched ignoring case and spaces. */
export type SupervisedCallKind = 'Inbound Service' | 'Call On Behalf' | 'Outbound Call' | 'Outbound Call (With Workflow)';

const outboundKinds: Record<string, string> = {
  [normalizeEnumKey('Call On Behalf')]: 'a Call on Behalf session',
  [normalizeEnumKey('callOnBehalf')]: 'a Call on Behalf session',
  [normalizeEnumKey('COB')]: 'a Call on Behalf session',
  [normalizeEnumKey('Outbound Call')]: 'a scheduled Outbound Call',
  [normalizeEnumKey('scheduledOutbound')]: 'a scheduled Outbound Call',
  [normalizeEnumKey('outbound')]: 'a scheduled Outbound Call',
  [normalizeEnumKey('Outbound Call (With Workflow)')]: 'an Outbound Call with Workflow',
  [normalizeEnumKey('outboundWithWorkflow')]: 'an Outbound Call with Workflow',
};

export interface CanSuperviseArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  supervisor: UserFacts;
  /** The supervisor holds the Service Supervisor role for this service (SUP-01). */
  supervisorIsServiceSupervisor: boolean;
  /** Nimbus has distributed the session to a user (SUP-03). */
  sessionDistributed: boolean;
  /** The call type, e.g. `Inbound Service`, `Call On Behalf`, `Outbound Call`. */
  callKind: SupervisedCallKind | string;
}

/** SUP-01..04 (and SVC-11): may this supervisor supervise the session? */
export function canSupervise({ tenant, service, supervisor, supervisorIsServiceSupervisor, sessionDistributed, callKind }: CanSuperviseArgs): Decision<boolean> {
  const who = usr(supervisor);
  const where = svc(service);
  const cc = hasCcLicense(supervisor);
  const listed = service.supervisors.includes(supervisor.id);
  const b = new DecisionBuilder('canSupervise', {
    service: { id: service.id, supervisors: [...service.supervisors] },
    supervisor: { id: supervisor.id, contactCenterLicense: cc, serviceSupervisor: supervisorIsServiceSupervisor },
    sessionDistributed,
    callKind,
  });
  checkTenantNotSuspended(b, tenant, 'supervision');
  b.check('SUP-01', cc, `${who} ${cc ? 'has' : 'has no'} Contact Center license${cc ? '' : ' (supervision needs one)'}`);
  b.check('SUP-01', supervisorIsServiceSupervisor, `${who} ${supervisorIsServiceSupervisor ? 'holds' : 'does not hold'} the Service Supervisor role for ${where}`);
  b.check(
    'SUP-02',
    listed,
    listed ? `${where} lists ${who} among its supervisors` : `${where} does not list ${who} among its supervisors: supervisors act only inside their own services / Organization Units`,
  );
  b.check(
    'SUP-03',
    sessionDistributed,
    sessionDistributed ? 'the session has been distributed to a user' : 'the session has not been distributed to a user yet, so it is not visible for supervision',
  );
  const outbound = outboundKinds[normalizeEnumKey(callKind)];
  if (outbound) b.note('SUP-04', `${outbound} belongs to ${where}, so it can be supervised`);
  return b.done(`${who} may supervise this session of ${where}`, refusal(`${who} cannot supervise this session of ${where}`, b));
}

export type SupervisionEvent = 'transferred' | 'userLeft' | 'customerLeft' | 'parked';

export interface SupervisionEndsArgs {
  tenant: TenantFacts;
  /** `Listen`, `Whisper` or `Barge In` (any accepted spelling). */
  mode: SupervisionMode | string;
  event: SupervisionEvent;
}

const eventText: Record<SupervisionEvent, string> = {
  transferred: 'the session is transferred',
  userLeft: 'the user leaves',
  customerLeft: 'the customer leaves',
  parked: 'the user parks the call',
};

/**
 * SUP-08, SUP-09, SUP-11, PAR-08: does this event end a running supervision? Verdict true = it ends.
 * Listen ends on transfer, user leaving or customer leaving; Whisper on transfer or user leaving (the
 * session persists while the user or the supervisor is still present); Barge In like Whisper, or like
 * Listen with behavior.bargeInEndsLike = Listen (open question 10). Parking ends every mode (PAR-08).
 */
export function supervisionEnds({ tenant, mode, event }: SupervisionEndsArgs): Decision<boolean> {
  const canonical = canonicalEnum(SupervisionMode, mode);
  if (canonical === undefined) throw new Error(`"${mode}" is not a supervision mode; expected one of: ${SupervisionMode.values.join(', ')}`);
  const setting = tenant.behavior.bargeInEndsLike;
  const inputs = { mode: canonical, event, bargeInEndsLike: setting };
  const checks: RuleCheck[] = [];
  const decide = (ends: boolean, because: RuleId[], summary: string): Decision<boolean> =>
    valueDecision('supervisionEnds', ends, because, inputs, checks, summary);

  if (event === 'parked') {
    checks.push({ rule: 'PAR-08', passed: true, detail: `parking ends a running ${canonical} supervision; it is not restored on unpark` });
    checks.push({
      rule: 'SUP-10',
      passed: true,
      detail: canonical === 'Barge In' ? 'during Barge In no music is played to the caller' : `during ${canonical} the caller hears music while parked`,
    });
    return decide(true, ['PAR-08'], `${canonical} ends: ${eventText[event]}`);
  }

  const because: RuleId[] = [];
  let endsLike: 'Listen' | 'Whisper' = canonical === 'Listen' ? 'Listen' : 'Whisper';
  if (canonical === 'Barge In') {
    endsLike = setting;
    checks.push({ rule: 'SUP-11', passed: true, detail: `Barge In ends under the same conditions as ${setting} (behavior.bargeInEndsLike)` });
    because.push('SUP-11');
  }
  let ends: boolean;
  if (endsLike === 'Listen') {
    ends = true;
    checks.push({ rule: 'SUP-08', passed: true, detail: `${canonical === 'Listen' ? 'Listen' : 'Barge In, like Listen,'} ends when the session is transferred, the user leaves or the customer leaves` });
    because.push('SUP-08');
  } else {
    ends = event !== 'customerLeft';
    checks.push({
      rule: 'SUP-09',
      passed: true,
      detail: ends
        ? `${canonical === 'Whisper' ? 'Whisper' : 'Barge In, like Whisper,'} ends when the session is transferred or the user leaves`
        : `${canonical === 'Whisper' ? 'Whisper' : 'Barge In, like Whisper,'} does not end when the customer leaves: the session persists while the user or the supervisor is present`,
    });
    because.push('SUP-09');
  }
  return decide(ends, because, `${canonical} ${ends ? 'ends' : 'continues'}: ${eventText[event]}`);
}
