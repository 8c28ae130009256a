/**
 * RONA (rulebook 3.6): which flag a missed offer sets, what ends a persistent RONA, and the allowed
 * RONA Reset Time.
 */
import type { DistributionType } from '../domain/enums.js';
import { DecisionBuilder, valueDecision, type Decision, type RuleCheck, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { dur, hasCcLicense, refusal, svc, usr } from './common.js';

export const ronaRules: readonly RuleId[] = ['RONA-01', 'RONA-03', 'RONA-05', 'RONA-06', 'RONA-07', 'RONA-08', 'RONA-10', 'RONA-12', 'RONA-13', 'RONA-14'];

export type RonaKind = 'none' | 'transient' | 'persistent';
export type MissedOfferReason = 'declined' | 'ignored' | 'timeout';

export interface RonaArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  user: UserFacts;
  reason: MissedOfferReason;
  /** The distribution type of the Queue activity that offered the task. */
  distributionType: DistributionType;
}

const reasonText: Record<MissedOfferReason, string> = {
  declined: 'declined',
  ignored: 'ignored',
  timeout: 'let ring out past the RONA timeout',
};

/**
 * RONA-01, RONA-03, RONA-05, RONA-06, RONA-12, RONA-14: the RONA flag a missed offer sets.
 * - Broadcast never sets RONA (RONA-03); Pickup makes no offer that could be missed.
 * - Persistent: the service has Persistent RONA and the user a Contact Center license (RONA-05/06); a decline
 *   counts as well as an ignored or timed-out offer.
 * - Otherwise an ignored or timed-out offer sets a non-persistent RONA (RONA-01, RONA-14); a plain decline
 *   sets none: RONA-01 names only ignoring and not answering, and My Sessions keeps Declined apart (RONA-13).
 */
export function ronaOnMissedOffer({ tenant, service, user, reason, distributionType }: RonaArgs): Decision<RonaKind> {
  const checks: RuleCheck[] = [];
  const add = (rule: RuleId, passed: boolean, detail: string): void => {
    checks.push({ rule, passed, detail });
  };
  const who = usr(user);
  const where = svc(service);
  const cc = hasCcLicense(user);
  const persistentOn = service.distribution.persistentRona;
  const inputs = {
    service: { id: service.id, persistentRona: persistentOn, ronaResetTime: service.distribution.ronaResetTime },
    user: { id: user.id, contactCenterLicense: cc, taskParallelization: user.taskParallelization.enabled },
    reason,
    distributionType,
    nonPersistentRona: tenant.behavior.nonPersistentRona,
  };
  const decide = (kind: RonaKind, because: RuleId[], summary: string): Decision<RonaKind> =>
    valueDecision('ronaOnMissedOffer', kind, because, inputs, checks, summary);

  if (distributionType === 'Broadcast') {
    add('RONA-03', false, `${where} distributes by Broadcast, which never sets RONA`);
    return decide('none', ['RONA-03'], `no RONA for ${who}: ${where} uses Broadcast`);
  }
  if (distributionType === 'Pickup') {
    add('RONA-01', false, `${where} uses Pickup: users take queued tasks themselves, so no offer rings out`);
    return decide('none', ['RONA-01'], `no RONA for ${who}: Pickup makes no ringing offer`);
  }
  add('RONA-03', true, `${where} distributes by ${distributionType}, which can set RONA`);

  add('RONA-05', persistentOn, `${where} has Persistent RONA ${persistentOn ? 'on' : 'off'}`);
  if (persistentOn) add('RONA-06', cc, `${who} ${cc ? 'has' : 'has no'} Contact Center license${cc ? '' : ', so Persistent RONA does not apply to them'}`);
  if (persistentOn && cc) {
    add('RONA-06', true, `${who} ${reasonText[reason]} a task of ${where}: persistent RONA until a reset condition (reset time ${dur(service.distribution.ronaResetTime)})`);
    const because: RuleId[] = ['RONA-05', 'RONA-06'];
    if (user.taskParallelization.enabled) {
      add('RONA-12', true, `persistent RONA applies to ${who} even with Task Parallelization${user.parkedTasks > 0 || user.activeTask ? ' and other tasks held' : ''}`);
      because.push('RONA-12');
    }
    return decide('persistent', because, `${who} ${reasonText[reason]} a task of ${where} and is now in persistent RONA (reset after ${dur(service.distribution.ronaResetTime)})`);
  }

  /** Why the flag is not persistent: the service toggle is off (RONA-05) or the user lacks CC (RONA-06). */
  const notPersistent: RuleId = persistentOn ? 'RONA-06' : 'RONA-05';
  if (reason === 'declined') {
    add('RONA-01', false, `${who} declined the task: RONA is set only for an ignored or unanswered offer, and without Persistent RONA a decline sets none`);
    add('RONA-13', true, `the decline is recorded as Declined, apart from RONA`);
    return decide('none', ['RONA-01', 'RONA-13', notPersistent], `no RONA for ${who}: a plain decline is not RONA`);
  }
  add('RONA-01', true, `${who} ${reasonText[reason]} an offer of ${where}: flagged RONA`);
  const setting = tenant.behavior.nonPersistentRona;
  add(
    'RONA-14',
    true,
    setting === 'nextAttempt'
      ? `non-persistent RONA blocks ${who} for the next distribution attempt only (behavior.nonPersistentRona = nextAttempt)`
      : `non-persistent RONA blocks ${who} for ${dur(tenant.behavior.nonPersistentRonaTime)} (behavior.nonPersistentRona = fixedTime, behavior.nonPersistentRonaTime)`,
  );
  return decide(
    'transient',
    ['RONA-01', 'RONA-14', notPersistent],
    `${who} ${reasonText[reason]} an offer of ${where} and is flagged RONA (non-persistent, ${setting === 'nextAttempt' ? 'until the next distribution attempt' : `for ${dur(tenant.behavior.nonPersistentRonaTime)}`})`,
  );
}

export type RonaResetTrigger = 'resetTimeElapsed' | 'manualReset' | 'wentOffline' | 'offDuty';

export interface RonaResetTriggerInfo {
  trigger: RonaResetTrigger;
  rule: RuleId;
  description: string;
}

const RESET_TRIGGERS: readonly RonaResetTriggerInfo[] = [
  { trigger: 'resetTimeElapsed', rule: 'RONA-08', description: "the service's RONA Reset Time elapses" },
  { trigger: 'manualReset', rule: 'RONA-08', description: 'the user resets RONA manually in Assistant' },
  { trigger: 'wentOffline', rule: 'RONA-08', description: 'the user goes Offline in Teams' },
  { trigger: 'offDuty', rule: 'RONA-08', description: 'the user switches to Off Duty' },
];

/** RONA-08: every condition that ends an active persistent RONA. */
export function ronaResetTriggers(): readonly RonaResetTriggerInfo[] {
  return RESET_TRIGGERS;
}

export interface PersistentRonaEndsArgs {
  /** What happened: a RONA-08 trigger, or a change of the Persistent RONA settings (RONA-10). */
  event: RonaResetTrigger | 'settingsChanged';
}

/** RONA-08, RONA-10: does this event end an active persistent RONA? */
export function persistentRonaEndsOn({ event }: PersistentRonaEndsArgs): Decision<boolean> {
  const b = new DecisionBuilder('persistentRonaEndsOn', { event });
  if (event === 'settingsChanged') {
    b.check('RONA-10', false, 'changing Persistent RONA or RONA Reset Time does not alter RONA flags already set');
    return b.done('the persistent RONA ends', 'the persistent RONA stays: a settings change does not alter flags already set');
  }
  const info = RESET_TRIGGERS.find((t) => t.trigger === event);
  b.check('RONA-08', true, `persistent RONA ends when ${info?.description ?? event}`);
  return b.done(`the persistent RONA ends: ${info?.description ?? event}`);
}

export interface RonaResetTimeArgs {
  tenant: TenantFacts;
  /** The RONA Reset Time asked for, in milliseconds. */
  ms: number;
}

/** RONA-07: is this RONA Reset Time allowed (minimum 10 s, maximum behavior.ronaResetTimeMax)? */
export function ronaResetTimeAllowed({ tenant, ms }: RonaResetTimeArgs): Decision<boolean> {
  const min = 10_000;
  const max = tenant.behavior.ronaResetTimeMax;
  const b = new DecisionBuilder('ronaResetTimeAllowed', { ms, min, max });
  const shown = Number.isFinite(ms) && ms >= 0 ? dur(ms) : String(ms);
  b.check('RONA-07', ms >= min, ms >= min ? `${shown} is at least the minimum of 10s` : `${shown} is below the minimum RONA Reset Time of 10s`);
  b.check(
    'RONA-07',
    ms <= max,
    ms <= max ? `${shown} is at most ${dur(max)} (behavior.ronaResetTimeMax)` : `${shown} is above the maximum of ${dur(max)} (behavior.ronaResetTimeMax)`,
  );
  return b.done(`RONA Reset Time ${shown} is allowed`, refusal(`RONA Reset Time ${shown} is not allowed`, b));
}
