/**
 * How Graph aggregates presence (presence: setPresence, setUserPreferredPresence docs): every Teams client
 * and every application has its own presence session; a user-set preferred presence wins while at least one
 * session exists; otherwise the sessions are combined by precedence; with no session the user is Offline.
 */
import type { PresenceRecord } from './db.js';
import type { GraphPresenceState } from './seed.js';

/** availability/activity pairs `setPresence` accepts (Graph v1.0 docs; DoNotDisturb/Presenting added later). */
export const SET_PRESENCE_COMBINATIONS: readonly (readonly [string, string])[] = [
  ['Available', 'Available'],
  ['Busy', 'InACall'],
  ['Busy', 'InAConferenceCall'],
  ['Away', 'Away'],
  ['DoNotDisturb', 'Presenting'],
];

/** availability/activity pairs `setUserPreferredPresence` accepts. */
export const PREFERRED_PRESENCE_COMBINATIONS: readonly (readonly [string, string])[] = [
  ['Available', 'Available'],
  ['Busy', 'Busy'],
  ['DoNotDisturb', 'DoNotDisturb'],
  ['BeRightBack', 'BeRightBack'],
  ['Away', 'Away'],
  ['Offline', 'OffWork'],
];

/** The activity `setUserPreferredPresence` pairs with an availability (Offline goes with OffWork). */
export const preferredActivityOf = (availability: string): string =>
  PREFERRED_PRESENCE_COMBINATIONS.find(([a]) => a === availability)?.[1] ?? availability;

export const isCombination = (table: readonly (readonly [string, string])[], availability: string, activity: string): boolean =>
  table.some(([a, b]) => a === availability && b === activity);

/** Session precedence among app-configured states: DoNotDisturb > Busy > Available > Away. */
const precedence: Record<string, number> = { DoNotDisturb: 5, Busy: 4, Available: 3, AvailableIdle: 3, Away: 2, BeRightBack: 2, BusyIdle: 4, Offline: 0 };

export const SET_PRESENCE_DEFAULT_EXPIRATION_MS = 5 * 60_000;
export const SET_PRESENCE_MIN_EXPIRATION_MS = 5 * 60_000;
export const SET_PRESENCE_MAX_EXPIRATION_MS = 240 * 60_000;

/** Preferred presence default expiry: 1 day for DoNotDisturb and Busy, 7 days for the rest. */
export const preferredDefaultExpirationMs = (availability: string): number =>
  availability === 'DoNotDisturb' || availability === 'Busy' ? 86_400_000 : 7 * 86_400_000;

export function effectivePresence(record: PresenceRecord, now: number): GraphPresenceState {
  const sessions: GraphPresenceState[] = [];
  if (record.availability !== 'Offline') sessions.push({ availability: record.availability, activity: record.activity });
  for (const s of record.sessions) if (s.expiresAt > now) sessions.push({ availability: s.availability, activity: s.activity });
  if (sessions.length === 0) return { availability: 'Offline', activity: 'Offline' };
  if (record.preferred && record.preferred.expiresAt > now) {
    return { availability: record.preferred.availability, activity: record.preferred.activity };
  }
  let best = sessions[0] as GraphPresenceState;
  for (const s of sessions) if ((precedence[s.availability] ?? 1) > (precedence[best.availability] ?? 1)) best = s;
  return best;
}

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 duration (`PT5M`, `PT1H`, `P1D`) in ms, or undefined when malformed. */
export function parseIsoDuration(text: string): number | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  return Math.round(((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000);
}
