import { describe, expect, it } from 'vitest';
import { persistentRonaEndsOn, ronaOnMissedOffer, ronaResetTimeAllowed, ronaResetTriggers, type MissedOfferReason, type RonaKind } from '../../../src/rules/rona.js';
import type { DistributionType } from '../../../src/domain/enums.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { assertWellFormed, cc, tenant, user, type UserOverrides } from './fixtures.js';

describe('ronaOnMissedOffer', () => {
  const rows: {
    rule: string;
    reason: MissedOfferReason;
    type?: DistributionType;
    persistent?: boolean;
    user?: UserOverrides;
    behavior?: Partial<BehaviorSettings>;
    kind: RonaKind;
    because: string[];
  }[] = [
    { rule: 'RONA-01: an ignored offer sets a (non-persistent) RONA', reason: 'ignored', kind: 'transient', because: ['RONA-01', 'RONA-14', 'RONA-05'] },
    { rule: 'RONA-01: an offer that rings out past the RONA timeout sets RONA', reason: 'timeout', kind: 'transient', because: ['RONA-01', 'RONA-14', 'RONA-05'] },
    { rule: 'RONA-01 + RONA-13: a plain decline is not RONA', reason: 'declined', kind: 'none', because: ['RONA-01', 'RONA-13', 'RONA-05'] },
    { rule: 'RONA-03: Broadcast never sets RONA', reason: 'timeout', type: 'Broadcast', persistent: true, user: { ccLicense: true }, kind: 'none', because: ['RONA-03'] },
    { rule: 'RONA-01: Pickup makes no ringing offer', reason: 'timeout', type: 'Pickup', kind: 'none', because: ['RONA-01'] },
    { rule: 'RONA-05 + RONA-06: Persistent RONA on and a CC user who ignores → persistent', reason: 'ignored', persistent: true, user: { ccLicense: true }, kind: 'persistent', because: ['RONA-05', 'RONA-06'] },
    { rule: 'RONA-06: with Persistent RONA a decline counts too', reason: 'declined', persistent: true, user: { ccLicense: true }, kind: 'persistent', because: ['RONA-05', 'RONA-06'] },
    { rule: 'RONA-06: with Persistent RONA a ring-out counts', reason: 'timeout', type: 'Direct', persistent: true, user: { ccLicense: true }, kind: 'persistent', because: ['RONA-05', 'RONA-06'] },
    { rule: 'RONA-06: a user without CC license gets only a non-persistent RONA', reason: 'ignored', persistent: true, kind: 'transient', because: ['RONA-01', 'RONA-14', 'RONA-06'] },
    { rule: 'RONA-06: a non-CC user who declines gets none even with Persistent RONA', reason: 'declined', persistent: true, kind: 'none', because: ['RONA-01', 'RONA-13', 'RONA-06'] },
    {
      rule: 'RONA-12: persistent RONA applies with Task Parallelization and parked tasks',
      reason: 'ignored',
      persistent: true,
      user: { ccLicense: true, tp: 2, parkedTasks: 1 },
      kind: 'persistent',
      because: ['RONA-05', 'RONA-06', 'RONA-12'],
    },
    { rule: 'RONA-14: behavior.nonPersistentRona = nextAttempt', reason: 'ignored', behavior: { nonPersistentRona: 'nextAttempt' }, kind: 'transient', because: ['RONA-01', 'RONA-14', 'RONA-05'] },
    { rule: 'RONA-14: behavior.nonPersistentRona = fixedTime', reason: 'ignored', behavior: { nonPersistentRona: 'fixedTime', nonPersistentRonaTime: 45_000 }, kind: 'transient', because: ['RONA-01', 'RONA-14', 'RONA-05'] },
  ];
  it.each(rows)('$rule', (row) => {
    const s = cc({ distribution: { type: row.type ?? 'Direct Conference', persistentRona: row.persistent ?? false } });
    const d = ronaOnMissedOffer({ tenant: tenant({ behavior: row.behavior ?? {} }), service: s, user: user('alice', row.user ?? {}), reason: row.reason, distributionType: row.type ?? 'Direct Conference' });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.kind);
    expect(d.because).toEqual(row.because);
  });

  it('RONA-14 names the setting and its time', () => {
    const d = ronaOnMissedOffer({
      tenant: tenant({ behavior: { nonPersistentRona: 'fixedTime', nonPersistentRonaTime: 45_000 } }),
      service: cc(),
      user: user('alice'),
      reason: 'timeout',
      distributionType: 'Direct',
    });
    expect(d.checks.find((c) => c.rule === 'RONA-14')?.detail).toBe('non-persistent RONA blocks user alice for 45s (behavior.nonPersistentRona = fixedTime, behavior.nonPersistentRonaTime)');
    const next = ronaOnMissedOffer({ tenant: tenant({ behavior: { nonPersistentRona: 'nextAttempt' } }), service: cc(), user: user('alice'), reason: 'timeout', distributionType: 'Direct' });
    expect(next.summary).toContain('until the next distribution attempt');
  });

  it('RONA-06 mentions the reset time of the service', () => {
    const s = cc({ distribution: { persistentRona: true, ronaResetTime: '00:05:00' } });
    const d = ronaOnMissedOffer({ tenant: tenant(), service: s, user: user('alice', { ccLicense: true }), reason: 'declined', distributionType: 'Direct Conference' });
    expect(d.summary).toBe('user alice declined a task of service A and is now in persistent RONA (reset after 5m)');
  });
});

describe('RONA reset', () => {
  it('RONA-08: four conditions end a persistent RONA', () => {
    expect(ronaResetTriggers().map((t) => t.trigger)).toEqual(['resetTimeElapsed', 'manualReset', 'wentOffline', 'offDuty']);
    expect(new Set(ronaResetTriggers().map((t) => t.rule))).toEqual(new Set(['RONA-08']));
  });
  it.each(['resetTimeElapsed', 'manualReset', 'wentOffline', 'offDuty'] as const)('RONA-08: %s ends a persistent RONA', (event) => {
    const d = persistentRonaEndsOn({ event });
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['RONA-08']);
  });
  it('RONA-10: a settings change does not end a RONA already set', () => {
    const d = persistentRonaEndsOn({ event: 'settingsChanged' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['RONA-10']);
  });
});

describe('ronaResetTimeAllowed (RONA-07)', () => {
  const rows = [
    { rule: 'RONA-07: 10 minutes (the default) is allowed', ms: 600_000, max: 320 * 60_000, ok: true },
    { rule: 'RONA-07: 10 seconds is the minimum', ms: 10_000, max: 320 * 60_000, ok: true },
    { rule: 'RONA-07: 9 seconds is too short', ms: 9_000, max: 320 * 60_000, ok: false },
    { rule: 'RONA-07: 320 min is the maximum with behavior.ronaResetTimeMax = 320 min', ms: 320 * 60_000, max: 320 * 60_000, ok: true },
    { rule: 'RONA-07: 8 h is too long with behavior.ronaResetTimeMax = 320 min', ms: 480 * 60_000, max: 320 * 60_000, ok: false },
    { rule: 'RONA-07: 8 h is allowed with behavior.ronaResetTimeMax = 480 min', ms: 480 * 60_000, max: 480 * 60_000, ok: true },
  ];
  it.each(rows)('$rule', ({ ms, max, ok }) => {
    const d = ronaResetTimeAllowed({ tenant: tenant({ behavior: { ronaResetTimeMax: max } }), ms });
    assertWellFormed(d);
    expect(d.verdict).toBe(ok);
    expect(d.because).toEqual(['RONA-07']);
  });
  it('names the maximum and the setting', () => {
    const d = ronaResetTimeAllowed({ tenant: tenant({ behavior: { ronaResetTimeMax: 320 * 60_000 } }), ms: 480 * 60_000 });
    expect(d.summary).toBe('RONA Reset Time 8h is not allowed: 8h is above the maximum of 5h20m (behavior.ronaResetTimeMax)');
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind a RONA decision.
describe('RONA decisions record the facts they read', () => {
  it('ronaOnMissedOffer reads the service RONA settings, the user, the reason and the distribution', () => {
    const service = cc({ distribution: { persistentRona: true, ronaResetTime: '90s' } });
    const d = ronaOnMissedOffer({ tenant: tenant({ behavior: { nonPersistentRona: 'nextAttempt' } }), service, user: user('ann', { ccLicense: true, tp: 2 }), reason: 'timeout', distributionType: 'Direct' });
    expect(d.inputs).toEqual({
      service: { id: 'A', persistentRona: true, ronaResetTime: 90_000 },
      user: { id: 'ann', contactCenterLicense: true, taskParallelization: true },
      reason: 'timeout',
      distributionType: 'Direct',
      nonPersistentRona: 'nextAttempt',
    });
  });
  it('persistentRonaEndsOn reads the event, ronaResetTimeAllowed the time and its bounds', () => {
    expect(persistentRonaEndsOn({ event: 'offDuty' }).inputs).toEqual({ event: 'offDuty' });
    expect(ronaResetTimeAllowed({ tenant: tenant({ behavior: { ronaResetTimeMax: 600_000 } }), ms: 5_000 }).inputs).toEqual({ ms: 5_000, min: 10_000, max: 600_000 });
  });
});

// The checks are what `why` walks and a report lists: each branch must leave exactly its own, passed or failed.
describe('ronaOnMissedOffer records the checks of its branch (rule ids and pass/fail)', () => {
  const rows: { name: string; reason: MissedOfferReason; type?: DistributionType; persistent?: boolean; user?: UserOverrides; checks: [string, boolean][] }[] = [
    { name: 'RONA-03: Broadcast', reason: 'timeout', type: 'Broadcast', checks: [['RONA-03', false]] },
    { name: 'RONA-01: Pickup', reason: 'timeout', type: 'Pickup', checks: [['RONA-01', false]] },
    {
      name: 'RONA-05, RONA-06, RONA-12: persistent, with Task Parallelization',
      reason: 'ignored',
      persistent: true,
      user: { ccLicense: true, tp: 2 },
      checks: [
        ['RONA-03', true],
        ['RONA-05', true],
        ['RONA-06', true],
        ['RONA-06', true],
        ['RONA-12', true],
      ],
    },
    {
      name: 'RONA-06: Persistent RONA on, a user without CC license declines',
      reason: 'declined',
      persistent: true,
      checks: [
        ['RONA-03', true],
        ['RONA-05', true],
        ['RONA-06', false],
        ['RONA-01', false],
        ['RONA-13', true],
      ],
    },
    {
      name: 'RONA-01, RONA-14: Persistent RONA off, an ignored offer',
      reason: 'ignored',
      checks: [
        ['RONA-03', true],
        ['RONA-05', false],
        ['RONA-01', true],
        ['RONA-14', true],
      ],
    },
  ];
  it.each(rows)('$name', ({ reason, type, persistent, user: over, checks }) => {
    const s = cc({ distribution: { type: type ?? 'Direct', persistentRona: persistent ?? false } });
    const d = ronaOnMissedOffer({ tenant: tenant(), service: s, user: user('alice', over ?? {}), reason, distributionType: type ?? 'Direct' });
    expect(d.checks.map((c) => [c.rule, c.passed])).toEqual(checks);
  });
});
