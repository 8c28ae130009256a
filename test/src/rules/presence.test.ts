import { describe, expect, it } from 'vitest';
import { isOnline, presenceAsSeenByNimbus, presenceEligibility, presenceLabel } from '../../../src/rules/presence.js';
import type { Activity, Availability } from '../../../src/domain/enums.js';
import { assertWellFormed, cc, failedRules, tenant, user } from './fixtures.js';
import { isSelectable } from '../../../src/rules/selectability.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';

interface Row {
  rule: string;
  presence: Availability;
  activity?: Activity;
  busyAvailable?: boolean;
  awayAvailable?: boolean;
  extendedPresence?: boolean;
  privacy?: boolean;
  behavior?: Partial<BehaviorSettings>;
  eligible: boolean;
  because: string[];
}

const rows: Row[] = [
  { rule: 'PRES-01: Offline is never offered a task', presence: 'Offline', busyAvailable: true, awayAvailable: true, eligible: false, because: ['PRES-01'] },
  { rule: 'PRES-01: Appear Offline is never offered a task', presence: 'Appear Offline', awayAvailable: true, eligible: false, because: ['PRES-01'] },
  { rule: 'PRES-02: Available is always eligible', presence: 'Available', eligible: true, because: ['PRES-09', 'PRES-02'] },
  { rule: 'PRES-03: DND is never eligible, opt-ins or not', presence: 'Do Not Disturb', busyAvailable: true, awayAvailable: true, eligible: false, because: ['PRES-03'] },
  {
    rule: 'PRES-04 + PRES-06: with extended presence, Busy / In a call is never eligible even with the Busy opt-in',
    presence: 'Busy',
    activity: 'In a call',
    extendedPresence: true,
    busyAvailable: true,
    eligible: false,
    because: ['PRES-04'],
  },
  {
    rule: 'PRES-07: without extended presence, Busy / In a call follows the Busy opt-in (on)',
    presence: 'Busy',
    activity: 'In a call',
    busyAvailable: true,
    eligible: true,
    because: ['PRES-09', 'PRES-07', 'PRES-05'],
  },
  { rule: 'PRES-07: without extended presence, Busy / In a call follows the Busy opt-in (off)', presence: 'Busy', activity: 'In a call', eligible: false, because: ['PRES-05'] },
  {
    rule: 'PRES-05 + PRES-06: with extended presence, Busy / In a meeting needs the Busy opt-in',
    presence: 'Busy',
    activity: 'In a meeting',
    extendedPresence: true,
    busyAvailable: true,
    eligible: true,
    because: ['PRES-09', 'PRES-06', 'PRES-05'],
  },
  { rule: 'PRES-05: Busy without the Busy opt-in is not eligible', presence: 'Busy', eligible: false, because: ['PRES-05'] },
  { rule: 'PRES-05: the Away opt-in does not cover Busy', presence: 'Busy', awayAvailable: true, eligible: false, because: ['PRES-05'] },
  { rule: 'PRES-05: Away with the Away opt-in is eligible', presence: 'Away', awayAvailable: true, eligible: true, because: ['PRES-09', 'PRES-05'] },
  { rule: 'PRES-05: Away without the Away opt-in is not eligible', presence: 'Away', busyAvailable: true, eligible: false, because: ['PRES-05'] },
  { rule: 'PRES-05: Appear Away follows the Away opt-in', presence: 'Appear Away', awayAvailable: true, eligible: true, because: ['PRES-09', 'PRES-05'] },
  {
    rule: 'PRES-05: Be right back follows the Away opt-in (behavior.beRightBackFollowsAwayOptIn true)',
    presence: 'Be right back',
    awayAvailable: true,
    behavior: { beRightBackFollowsAwayOptIn: true },
    eligible: true,
    because: ['PRES-09', 'PRES-05'],
  },
  {
    rule: 'PRES-05: Be right back is never eligible when behavior.beRightBackFollowsAwayOptIn is false',
    presence: 'Be right back',
    awayAvailable: true,
    behavior: { beRightBackFollowsAwayOptIn: false },
    eligible: false,
    because: ['PRES-05'],
  },
  { rule: 'PRES-09: Enhanced Presence Privacy Mode makes an Available user Offline', presence: 'Available', privacy: true, eligible: false, because: ['PRES-09', 'PRES-01'] },
];

describe('presenceEligibility', () => {
  it.each(rows)('$rule', (row) => {
    const t = tenant({ extendedPresence: row.extendedPresence ?? false, enhancedPresencePrivacy: row.privacy ?? false, behavior: row.behavior ?? {} });
    const s = cc({ distribution: { busyAvailable: row.busyAvailable ?? false, awayAvailable: row.awayAvailable ?? false } });
    const u = user('alice', { presence: row.presence, ...(row.activity ? { activity: row.activity } : {}) });
    const d = presenceEligibility({ tenant: t, service: s, user: u });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.eligible);
    expect(d.because).toEqual(row.because);
    if (!row.eligible) expect(failedRules(d)).toEqual(row.because);
  });

  it('names the opt-in and the service in the detail', () => {
    const d = presenceEligibility({ tenant: tenant(), service: cc({ id: 'B' }), user: user('alice', { presence: 'Busy' }) });
    expect(d.checks.find((c) => c.rule === 'PRES-05')?.detail).toBe('user alice is Busy and service B does not opt in to "Busy available"');
    expect(d.summary).toContain('not eligible for tasks of service B');
  });

  it('mentions behavior.beRightBackFollowsAwayOptIn when it decided', () => {
    const d = presenceEligibility({ tenant: tenant({ behavior: { beRightBackFollowsAwayOptIn: false } }), service: cc(), user: user('alice', { presence: 'Be right back' }) });
    expect(d.checks.find((c) => c.rule === 'PRES-05')?.detail).toContain('behavior.beRightBackFollowsAwayOptIn is false');
  });
});

describe('presenceAsSeenByNimbus', () => {
  it('PRES-09: privacy mode shows everyone Offline', () => {
    expect(presenceAsSeenByNimbus({ enhancedPresencePrivacy: true, extendedPresence: true }, 'Available', 'Available')).toEqual({
      availability: 'Offline',
      activity: 'Offline',
      adjustedBy: ['PRES-09'],
    });
  });
  it('PRES-07: without extended tracking Busy / In a call collapses to Busy', () => {
    expect(presenceAsSeenByNimbus({ enhancedPresencePrivacy: false, extendedPresence: false }, 'Busy', 'In a call')).toEqual({ availability: 'Busy', activity: 'Busy', adjustedBy: ['PRES-07'] });
  });
  it('PRES-06: with extended tracking the activity is kept', () => {
    expect(presenceAsSeenByNimbus({ enhancedPresencePrivacy: false, extendedPresence: true }, 'Busy', 'In a call')).toEqual({ availability: 'Busy', activity: 'In a call', adjustedBy: [] });
  });
  it('is idempotent', () => {
    const t = { enhancedPresencePrivacy: false, extendedPresence: false };
    const once = presenceAsSeenByNimbus(t, 'Busy', 'In a meeting');
    const twice = presenceAsSeenByNimbus(t, once.availability, once.activity);
    expect({ availability: twice.availability, activity: twice.activity }).toEqual({ availability: once.availability, activity: once.activity });
  });
  it('fills a plain activity when none is given', () => {
    expect(presenceAsSeenByNimbus({ enhancedPresencePrivacy: false, extendedPresence: true }, 'Appear Away').activity).toBe('Away');
  });
});

describe('isOnline', () => {
  it.each([
    ['Available', true],
    ['Busy', true],
    ['Do Not Disturb', true],
    ['Away', true],
    ['Be right back', true],
    ['Appear Away', true],
    ['Offline', false],
    ['Appear Offline', false],
  ] as const)('%s → %s', (availability, online) => {
    expect(isOnline(availability)).toBe(online);
    expect(isOnline({ availability })).toBe(online);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind an eligibility.
describe('presenceEligibility records the facts it read', () => {
  it('reads the tenant presence settings, the service opt-ins, the presence set and the presence Nimbus sees', () => {
    const t = tenant({ enhancedPresencePrivacy: true, behavior: { beRightBackFollowsAwayOptIn: true } });
    const s = cc({ distribution: { busyAvailable: true, awayAvailable: false } });
    const d = presenceEligibility({ tenant: t, service: s, user: user('ann', { presence: 'Busy', activity: 'In a call' }) });
    expect(d.inputs).toEqual({
      tenant: { extendedPresence: false, enhancedPresencePrivacy: true, beRightBackFollowsAwayOptIn: true },
      service: { id: 'A', busyAvailable: true, awayAvailable: false },
      user: { id: 'ann', availability: 'Busy', activity: 'In a call' },
      seen: { availability: 'Offline', activity: 'Offline' },
    });
  });
});

describe('presence: what follows which opt-in, and what Nimbus reads', () => {
  it('PRES-05: Away and Appear Away follow the Away opt-in whatever behavior.beRightBackFollowsAwayOptIn says', () => {
    const t = tenant({ behavior: { beRightBackFollowsAwayOptIn: false } });
    for (const presence of ['Away', 'Appear Away'] as const) {
      const d = presenceEligibility({ tenant: t, service: cc({ distribution: { awayAvailable: true } }), user: user('alice', { presence }) });
      expect(d, presence).toMatchObject({ verdict: true, because: ['PRES-09', 'PRES-05'] });
    }
  });
  it('PRES-07 adjusts only a Busy presence whose activity is not plain Busy', () => {
    const plain = { enhancedPresencePrivacy: false, extendedPresence: false };
    expect(presenceAsSeenByNimbus(plain, 'Busy', 'Busy')).toEqual({ availability: 'Busy', activity: 'Busy', adjustedBy: [] });
    expect(presenceAsSeenByNimbus(plain, 'Away')).toEqual({ availability: 'Away', activity: 'Away', adjustedBy: [] });
    expect(presenceAsSeenByNimbus(plain, 'Do Not Disturb', 'Presenting')).toEqual({ availability: 'Do Not Disturb', activity: 'Presenting', adjustedBy: [] });
  });
  it('PRES-09: with Enhanced Presence Privacy Mode the presence is never eligible, so a failed service gate is not also PRES-10', () => {
    const d = isSelectable({ tenant: tenant({ enhancedPresencePrivacy: true }), service: cc(), user: user('alice') });
    expect(d.because).toEqual(['PRES-09', 'PRES-01', 'US-03']);
  });
});

// The presence label is what the inputs of COB, selectability and the presence decision record for a user.
describe('presenceLabel', () => {
  it.each([
    ['Busy', 'In a call', 'Busy / In a call'],
    ['Do Not Disturb', 'Presenting', 'Do Not Disturb / Presenting'],
    ['Busy', 'Busy', 'Busy'],
    ['Busy', undefined, 'Busy'],
    ['Busy', 'Available', 'Busy'],
    ['Do Not Disturb', 'Do Not Disturb', 'Do Not Disturb'],
    ['Away', 'Inactive', 'Away'],
    ['Available', 'Available', 'Available'],
  ] as const)('%s with activity %s reads %s', (availability, activity, label) => {
    expect(presenceLabel(availability, activity)).toBe(label);
  });
});
