/**
 * Service level: REP-08 over a set of service sessions, the share of queued sessions whose queue time was
 * below their service's SLA time. A session counts as the reporting model gives it an IsUnderSla: once it
 * was queued and has its outcome (one never queued, or still open, has none). Each session is judged by
 * `isUnderSla`, so the share and the per-session column can never disagree.
 */
import { valueDecision, type Decision } from './decision.js';
import type { ServiceFacts } from './facts.js';
import { isUnderSla } from './reporting.js';
import { dur, plural } from './common.js';

export interface SlaSession {
  service: ServiceFacts;
  everQueued: boolean;
  /** The session's outcome; null while it is open. */
  outcome: string | null;
  /** TotalQueueTime of the session in milliseconds. */
  queueTimeMs: number;
}

export interface ServiceLevelArgs {
  sessions: readonly SlaSession[];
}

/** The share under SLA (null when no session counts), with the counts it is made of. */
export interface ServiceLevelDecision extends Decision<number | null> {
  /** Sessions that count: queued, with an outcome. */
  eligible: number;
  /** Of those, the ones whose queue time was below their service's SLA time. */
  underSla: number;
}

export function serviceLevel({ sessions }: ServiceLevelArgs): ServiceLevelDecision {
  const counted = sessions.filter((s) => s.everQueued && s.outcome !== null);
  const underSla = counted.filter((s) => isUnderSla({ service: s.service, queueTimeMs: s.queueTimeMs }).verdict).length;
  const eligible = counted.length;
  const slaTimes = new Map<string, number>();
  for (const s of sessions) slaTimes.set(s.service.id, s.service.distribution.slaTime);
  const verdict = eligible === 0 ? null : underSla / eligible;
  const times = [...slaTimes].map(([id, ms]) => `${id} ${dur(ms)}`);
  const detail =
    eligible === 0
      ? `no session was queued and ended with an outcome (of ${plural(sessions.length, 'session')})`
      : `${underSla} of ${plural(eligible, 'queued session')} had a queue time below the SLA time (${times.join(', ')})`;
  const decision = valueDecision(
    'serviceLevel',
    verdict,
    ['REP-08'],
    { sessions: sessions.length, eligible, underSla, slaTimes: Object.fromEntries(slaTimes) },
    [{ rule: 'REP-08', passed: true, detail }],
    verdict === null ? `no service level: ${detail}` : `service level ${(verdict * 100).toFixed(1)}%: ${detail}`,
  );
  return { ...decision, eligible, underSla };
}
