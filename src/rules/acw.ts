/**
 * After-Call Work (rulebook 3.7): does a session end in ACW and for how long, may it end early, may it be
 * extended.
 */
import type { Modality } from '../domain/enums.js';
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { dur, refusal, svc, usr } from './common.js';

export const acwRules: readonly RuleId[] = ['ACW-01', 'ACW-02', 'ACW-03', 'ACW-04', 'ACW-05', 'ACW-06', 'ACW-07', 'ACW-13'];

/** A decision that also carries how long the ACW counter runs (0 when refused). */
export type AcwDecision = Decision<boolean> & { durationMs: number };

export interface AcwAfterSessionArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  user: UserFacts;
  /** The session ended while active (not parked). */
  sessionWasActive: boolean;
  modality: Modality;
}

const DEFAULT_ACW_MS = 20_000;

/** The decision with its ACW duration added last, as a spread would, without rendering a lazy summary. */
const withDuration = (d: Decision<boolean>, durationMs: number): AcwDecision => Object.assign(d, { durationMs });

/**
 * ACW-01..04, ACW-13: does ACW follow this session? ACW is a Contact Center feature enabled per service, so
 * the service must be Contact Center licensed AND have `Enable ACW Time` on. Then it follows every session
 * whatever the modality (ACW-02), except for users with Task Parallelization: with
 * behavior.acwUnderTaskParallelization = never they get no ACW, with activeSession only after an active (not
 * parked) Audio / Video session (ACW-13).
 */
export function acwAfterSession({ tenant, service, user, sessionWasActive, modality }: AcwAfterSessionArgs): AcwDecision {
  const acw = service.distribution.acw;
  const setting = tenant.behavior.acwUnderTaskParallelization;
  const tp = user.taskParallelization.enabled;
  const who = usr(user);
  const where = svc(service);
  const b = new DecisionBuilder('acwAfterSession', {
    service: { id: service.id, license: service.license, acwEnabled: acw.enabled, acwDuration: acw.duration },
    user: { id: user.id, taskParallelization: tp },
    sessionWasActive,
    modality,
    acwUnderTaskParallelization: setting,
  });
  const cc = service.license === 'Contact Center';
  b.check('ACW-01', cc, cc ? `${where} is Contact Center, where ACW is available` : `ACW is a Contact Center feature and ${where} is ${service.license}`);
  b.check('ACW-01', acw.enabled, `${where} has Enable ACW Time ${acw.enabled ? 'on' : 'off'}`);
  b.note('ACW-02', `ACW follows every session of ${where} whatever the modality (this one: ${modality})`);
  if (tp) {
    if (setting === 'never') {
      b.check('ACW-13', false, `${who} has Task Parallelization and behavior.acwUnderTaskParallelization is never: no ACW`);
    } else {
      const av = modality === 'Audio / Video';
      const ok = sessionWasActive && av;
      b.check(
        'ACW-13',
        ok,
        ok
          ? `${who} has Task Parallelization and the session was an active Audio / Video session (behavior.acwUnderTaskParallelization = activeSession)`
          : `${who} has Task Parallelization and the session was ${!sessionWasActive ? 'parked' : modality}: only an active Audio / Video session starts ACW (behavior.acwUnderTaskParallelization = activeSession)`,
      );
    }
  }
  const duration = acw.duration;
  const verdictSoFar = b.failedCount === 0;
  if (verdictSoFar) {
    b.note('ACW-03', () => `ACW lasts ${dur(duration)}${duration === DEFAULT_ACW_MS ? ' (the default)' : ` (default ${dur(DEFAULT_ACW_MS)})`}`);
    b.note('ACW-04', `during ACW ${who} is Not Selectable for all Nimbus services`);
  }
  const d = b.done(() => `${who} enters ACW for ${dur(duration)} after the session of ${where}`, refusal(`no ACW for ${who} after the session of ${where}`, b));
  return withDuration(d, d.verdict ? duration : 0);
}

/** ACW-05, ACW-07: may a user stop the ACW counter early? */
export function acwEarlyEnd({ service }: { service: ServiceFacts }): Decision<boolean> {
  const allowed = service.distribution.acw.allowEarlyEnd;
  const where = svc(service);
  const b = new DecisionBuilder('acwEarlyEnd', { service: service.id, allowEarlyEnd: allowed });
  b.check('ACW-05', allowed, `${where} has Allow Early End ${allowed ? 'on, so every user of the service may stop the ACW counter' : 'off'}`);
  if (!allowed) b.note('ACW-07', `the ACW ends automatically when its counter reaches zero`);
  return b.done(`ACW of ${where} may be ended early`, refusal(`ACW of ${where} cannot be ended early`, b));
}

export interface AcwExtensionArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  /** Extensions already used in this ACW. */
  extensionsUsed: number;
}

/**
 * ACW-06, ACW-07: may the user extend the running ACW? `Allow Time Extension` is modelled as a non-zero
 * `acw.extension` (Maximum ACW Extension Time); behavior.acwExtensionsAllowed limits how often (open
 * question 5). An extension starts a fresh counter of `acw.extension`, it is not added to the time left.
 */
export function acwExtension({ tenant, service, extensionsUsed }: AcwExtensionArgs): AcwDecision {
  const extension = service.distribution.acw.extension;
  const allowed = tenant.behavior.acwExtensionsAllowed;
  const where = svc(service);
  const b = new DecisionBuilder('acwExtension', { service: service.id, extension, extensionsUsed, acwExtensionsAllowed: allowed });
  b.check(
    'ACW-06',
    extension > 0,
    extension > 0 ? `${where} allows ACW extension by ${dur(extension)} (Maximum ACW Extension Time)` : `${where} has no ACW time extension (Maximum ACW Extension Time is 0)`,
  );
  b.check(
    'ACW-06',
    extensionsUsed < allowed,
    extensionsUsed < allowed
      ? `${extensionsUsed} of ${allowed} extensions used (behavior.acwExtensionsAllowed)`
      : `already ${extensionsUsed} of ${allowed} extensions used (behavior.acwExtensionsAllowed)`,
  );
  if (b.failedCount > 0) b.note('ACW-07', 'the ACW ends automatically when its counter reaches zero');
  const d = b.done(`ACW extended: a fresh counter of ${dur(extension)} replaces the time left`, refusal(`ACW of ${where} cannot be extended`, b));
  return withDuration(d, d.verdict ? extension : 0);
}
