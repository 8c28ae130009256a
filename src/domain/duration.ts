/**
 * Durations of the scenario contract: `500ms`, `20s`, `10m`, `1h`, `1h30m`, or `hh:mm:ss`. Virtual time is
 * held in whole milliseconds.
 */
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const COMPOUND = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;
const CLOCK = /^(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/;

/**
 * The longest duration a scenario may write: a year of virtual time. Far longer ones reach Infinity (or lose
 * whole milliseconds) in virtual time and show up as `null` or `Infinity` in reports.
 */
export const MAX_DURATION_MS = 365 * 24 * 3_600_000;

/** Milliseconds for a duration string, or undefined when it is not one. */
export function parseDuration(raw: string): number | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, '');
  if (text === '' ) return undefined;
  if (text === '0') return 0;
  const clock = CLOCK.exec(text);
  if (clock) {
    const [, h, m, s, frac] = clock;
    return Number(h) * UNIT_MS.h + Number(m) * UNIT_MS.m + Number(s) * UNIT_MS.s + (frac ? Number(frac.padEnd(3, '0')) : 0);
  }
  const parts = COMPOUND.exec(text);
  if (!parts || parts.slice(1).every((p) => p === undefined)) return undefined;
  const [, h, m, s, ms] = parts;
  return Math.round(
    Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s + Number(ms ?? 0),
  );
}

/** Shortest readable form: `1h30m`, `20s`, `1m0.5s` is printed as `1m500ms`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const unit of ['h', 'm', 's', 'ms'] as const) {
    const size = UNIT_MS[unit];
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/** Virtual timestamp as `hh:mm:ss.mmm` from scenario start, for timelines and reports. */
export function formatClock(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(milli, 3)}`;
}

export const E164 = /^\+[1-9]\d{6,14}$/;
export const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
