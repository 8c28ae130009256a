/**
 * Teams presence as Nimbus sees it and whether it makes a user eligible for a service's distributed tasks
 * (rulebook 3.3). Presence is only the first layer of selectability (US-01); see selectability.ts.
 */
import type { Activity, Availability } from '../domain/enums.js';
import { DecisionBuilder, type Decision, type RuleCheck, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { refusal, replay, svc, usr } from './common.js';

export const presenceRules: readonly RuleId[] = ['PRES-01', 'PRES-02', 'PRES-03', 'PRES-04', 'PRES-05', 'PRES-06', 'PRES-07', 'PRES-09'];

export interface SeenPresence {
  availability: Availability;
  activity: Activity;
  /** The rules that changed what Teams reported (PRES-09 privacy mode, PRES-07 no extended tracking). */
  adjustedBy: RuleId[];
}

/** The activity Graph reports with an availability when nothing more specific is known. */
const plainActivity: Record<Availability, Activity> = {
  Available: 'Available',
  Busy: 'Busy',
  'Do Not Disturb': 'Do Not Disturb',
  Away: 'Away',
  'Be right back': 'Be right back',
  'Appear Away': 'Away',
  Offline: 'Offline',
  'Appear Offline': 'Offline',
};

/**
 * What Nimbus reads for a user: with Enhanced Presence Privacy Mode everyone is Offline (PRES-09); without
 * extended presence tracking every Busy activity (In a call, In a meeting, ...) collapses to plain Busy
 * (PRES-06, PRES-07, open question 8). Idempotent, so it may be applied to presence already seen.
 */
export function presenceAsSeenByNimbus(
  tenant: Pick<TenantFacts, 'enhancedPresencePrivacy' | 'extendedPresence'>,
  availability: Availability,
  activity?: Activity,
): SeenPresence {
  if (tenant.enhancedPresencePrivacy) return { availability: 'Offline', activity: 'Offline', adjustedBy: ['PRES-09'] };
  const act = activity ?? plainActivity[availability];
  if (availability === 'Busy' && !tenant.extendedPresence && act !== 'Busy') return { availability, activity: 'Busy', adjustedBy: ['PRES-07'] };
  return { availability, activity: act, adjustedBy: [] };
}

/** "Busy / In a call" when the activity adds something, else just the availability. */
export function presenceLabel(availability: Availability, activity?: Activity): string {
  const adds = activity !== undefined && activity !== plainActivity[availability] && activity !== 'Available' && (availability === 'Busy' || availability === 'Do Not Disturb');
  return adds ? `${availability} / ${activity}` : availability;
}

/** Online in Teams: anything but Offline / Appear Offline (PRES-01, COB-04). */
export function isOnline(presence: Availability | { availability: Availability }): boolean {
  const availability = typeof presence === 'string' ? presence : presence.availability;
  return availability !== 'Offline' && availability !== 'Appear Offline';
}

export interface PresenceArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  user: UserFacts;
}

export interface PresenceEvaluation {
  eligible: boolean;
  seen: SeenPresence;
  checks: RuleCheck[];
}

/** The presence layer as a list of checks, for presenceEligibility and isSelectable. */
export function evaluatePresence({ tenant, service, user }: PresenceArgs): PresenceEvaluation {
  const checks: RuleCheck[] = [];
  const check = (rule: RuleId, passed: boolean, detail: string): boolean => {
    checks.push({ rule, passed, detail });
    return passed;
  };
  const raw = user.presence;
  const seen = presenceAsSeenByNimbus(tenant, raw.availability, raw.activity);
  const who = usr(user);
  const where = svc(service);

  if (tenant.enhancedPresencePrivacy) {
    check('PRES-09', false, `tenant.enhancedPresencePrivacy is on: Nimbus sees ${who} (really ${raw.availability}) and everyone else as Offline`);
    check('PRES-01', false, `${who} is seen as Offline: never offered a Nimbus task`);
    return { eligible: false, seen, checks };
  }
  check('PRES-09', true, `Enhanced Presence Privacy Mode is off: Nimbus reads ${who}'s real presence`);

  const { availability, activity } = seen;
  const rawLabel = presenceLabel(raw.availability, raw.activity);
  let eligible: boolean;
  switch (availability) {
    case 'Offline':
    case 'Appear Offline':
      eligible = check('PRES-01', false, `${who} is ${availability}: never offered a Nimbus task`);
      break;
    case 'Available':
      eligible = check('PRES-02', true, `${who} is Available: always presence-eligible`);
      break;
    case 'Do Not Disturb':
      eligible = check('PRES-03', false, `${who} is Do Not Disturb: never eligible for distributed tasks`);
      break;
    case 'Busy': {
      if (tenant.extendedPresence) {
        check('PRES-06', true, `tenant.extendedPresence is on: Nimbus tells "Busy / In a call" apart from other Busy activities (${who} is ${rawLabel})`);
        if (activity === 'In a call') {
          eligible = check('PRES-04', false, `${who} is Busy / In a call: never presence-eligible`);
          break;
        }
      } else {
        check('PRES-07', true, `tenant.extendedPresence is off: ${who}'s ${rawLabel} looks like plain Busy and follows the Busy opt-in`);
      }
      const on = service.distribution.busyAvailable;
      eligible = check(
        'PRES-05',
        on,
        on
          ? `${who} is ${tenant.extendedPresence ? rawLabel : 'Busy'} and ${where} opts in to "Busy available"`
          : `${who} is ${tenant.extendedPresence ? rawLabel : 'Busy'} and ${where} does not opt in to "Busy available"`,
      );
      break;
    }
    case 'Away':
    case 'Appear Away': {
      const on = service.distribution.awayAvailable;
      eligible = check(
        'PRES-05',
        on,
        on ? `${who} is ${availability} and ${where} opts in to "Away available"` : `${who} is ${availability} and ${where} does not opt in to "Away available"`,
      );
      break;
    }
    case 'Be right back': {
      if (!tenant.behavior.beRightBackFollowsAwayOptIn) {
        eligible = check('PRES-05', false, `${who} is Be right back, which does not follow the Away opt-in (behavior.beRightBackFollowsAwayOptIn is false): never eligible`);
        break;
      }
      const on = service.distribution.awayAvailable;
      eligible = check(
        'PRES-05',
        on,
        `${who} is Be right back, which follows the Away opt-in (behavior.beRightBackFollowsAwayOptIn), and ${where} ${on ? 'opts' : 'does not opt'} in to "Away available"`,
      );
      break;
    }
  }
  return { eligible, seen, checks };
}

/** PRES-01..07, PRES-09: may the user's Teams presence receive a task of this service? */
export function presenceEligibility(args: PresenceArgs): Decision<boolean> {
  const { tenant, service, user } = args;
  const evaluation = evaluatePresence(args);
  const b = new DecisionBuilder('presenceEligibility', {
    tenant: { extendedPresence: tenant.extendedPresence, enhancedPresencePrivacy: tenant.enhancedPresencePrivacy, beRightBackFollowsAwayOptIn: tenant.behavior.beRightBackFollowsAwayOptIn },
    service: { id: service.id, busyAvailable: service.distribution.busyAvailable, awayAvailable: service.distribution.awayAvailable },
    user: { id: user.id, availability: user.presence.availability, activity: user.presence.activity },
    seen: { availability: evaluation.seen.availability, activity: evaluation.seen.activity },
  });
  replay(b, evaluation.checks);
  const label = presenceLabel(evaluation.seen.availability, evaluation.seen.activity);
  return b.done(
    `${usr(user)}'s presence ${label} is eligible for tasks of ${svc(service)}`,
    refusal(`${usr(user)}'s presence is not eligible for tasks of ${svc(service)}`, b),
  );
}
