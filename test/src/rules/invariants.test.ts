/**
 * Properties every decision keeps, over random facts: the verdict agrees with the failed checks, `because`
 * only cites catalogue rules that were checked, inputs survive JSON, and the functions are deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Availability, DutyState, Activity } from '../../../src/domain/enums.js';
import type { Decision } from '../../../src/rules/decision.js';
import type { UserFacts } from '../../../src/rules/facts.js';
import { callOnBehalfButton, dialPad, isRuleId, isSelectable, pickCandidates, presenceEligibility } from '../../../src/rules/index.js';
import { cc, er, member, service, tenant, user } from './fixtures.js';

const source = fc.constantFrom('A', 'B');
const arbUser = fc
  .record({
    presence: fc.constantFrom(...Availability.values),
    activity: fc.constantFrom(...Activity.values),
    duty: fc.constantFrom(...DutyState.values),
    ccLicense: fc.boolean(),
    tp: fc.constantFrom<boolean | number>(false, true, 1, 3),
    parkedTasks: fc.integer({ min: 0, max: 4 }),
    activeTask: fc.boolean(),
    ringing: fc.option(source, { nil: undefined }),
    connected: fc.option(source, { nil: undefined }),
    onHold: fc.option(source, { nil: undefined }),
    acw: fc.option(fc.record({ service: source, extended: fc.boolean() }), { nil: undefined }),
    rona: fc.option(fc.record({ service: source, persistent: fc.boolean() }), { nil: undefined }),
    notAvailableReason: fc.boolean(),
  })
  .map((r): UserFacts =>
    user('alice', {
      presence: r.presence,
      activity: r.activity,
      duty: r.duty,
      ccLicense: r.ccLicense,
      tp: r.tp,
      parkedTasks: r.parkedTasks,
      activeTask: r.activeTask,
      flags: {
        ...(r.ringing ? { ringing: { service: r.ringing } } : {}),
        ...(r.connected ? { connected: { service: r.connected } } : {}),
        ...(r.onHold ? { onHold: { service: r.onHold } } : {}),
        ...(r.acw ? { acw: r.acw } : {}),
        ...(r.rona ? { rona: r.rona } : {}),
        ...(r.notAvailableReason ? { notAvailableReason: true } : {}),
      },
    }),
  );
const arbService = fc.constantFrom(
  cc({ modalities: { outbound: true }, pstn: { number: '+41445550100' }, distribution: { busyAvailable: true } }),
  er({ modalities: { outbound: true }, distribution: { awayAvailable: true } }),
  service({ license: 'Advanced Routing', assignment: 'None' }),
  service({ license: 'Contact Center', assignment: 'Skill-based' }),
);
const arbTenant = fc
  .record({
    extendedPresence: fc.boolean(),
    enhancedPresencePrivacy: fc.boolean(),
    suspended: fc.boolean(),
    scope: fc.constantFrom('allServices' as const, 'causingService' as const),
    nar: fc.boolean(),
    brb: fc.boolean(),
  })
  .map((r) =>
    tenant({
      extendedPresence: r.extendedPresence,
      enhancedPresencePrivacy: r.enhancedPresencePrivacy,
      state: r.suspended ? 'Suspended' : 'Active',
      behavior: { blockingFlagScope: r.scope, notAvailableReasonBlocksCallOnBehalf: r.nar, beRightBackFollowsAwayOptIn: r.brb },
    }),
  );

function wellFormed(d: Decision<boolean>): void {
  const failed = d.checks.filter((c) => !c.passed);
  expect(d.verdict).toBe(failed.length === 0);
  const checked = new Set(d.checks.map((c) => c.rule));
  for (const r of d.because) {
    expect(isRuleId(r)).toBe(true);
    expect(checked.has(r)).toBe(true);
  }
  if (!d.verdict) expect(new Set(d.because)).toEqual(new Set(failed.map((c) => c.rule)));
  expect(JSON.parse(JSON.stringify(d.inputs))).toEqual(d.inputs);
  for (const c of d.checks) expect(c.detail).not.toMatch(/undefined|NaN|\[object/);
}

describe('decision invariants', () => {
  it('presence, selectability, COB button and dial pad over random facts', () => {
    fc.assert(
      fc.property(arbTenant, arbService, arbUser, fc.boolean(), fc.boolean(), (t, s, u, isMember, active) => {
        const m = isMember ? member(u, s, { active }) : undefined;
        for (const d of [
          presenceEligibility({ tenant: t, service: s, user: u }),
          isSelectable({ tenant: t, service: s, user: u, membership: m }),
          callOnBehalfButton({ tenant: t, service: s, user: u, membership: m }),
          dialPad({ tenant: t, service: s, user: u, membership: m }),
        ]) {
          wellFormed(d);
        }
        expect(isSelectable({ tenant: t, service: s, user: u, membership: m })).toEqual(isSelectable({ tenant: t, service: s, user: u, membership: m }));
        // A selectable user has eligible presence (PRES-10: presence is necessary, not sufficient).
        if (isSelectable({ tenant: t, service: s, user: u, membership: m }).verdict) expect(presenceEligibility({ tenant: t, service: s, user: u }).verdict).toBe(true);
        // The dial pad is never on while the button is off.
        if (dialPad({ tenant: t, service: s, user: u, membership: m }).verdict) expect(callOnBehalfButton({ tenant: t, service: s, user: u, membership: m }).verdict).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('pickCandidates offers only selectable users and does not depend on the input order', () => {
    const s = cc({ distribution: { type: 'Broadcast', busyAvailable: true } });
    fc.assert(
      fc.property(fc.array(fc.tuple(arbUser, fc.integer({ min: 0, max: 5 })), { minLength: 0, maxLength: 14 }), (rows) => {
        const t = tenant();
        const candidates = rows.map(([u, idle], i) => {
          const named = { ...u, id: `u${i}`, upn: `u${i}@contoso.com` };
          return { user: named, membership: member(named, s), idleSince: idle, order: i };
        });
        const d = pickCandidates({ tenant: t, service: s, candidates });
        const again = pickCandidates({ tenant: t, service: s, candidates: [...candidates].reverse() });
        expect(again.verdict).toEqual(d.verdict);
        expect(d.verdict.length).toBeLessThanOrEqual(10);
        for (const id of d.verdict) {
          const c = candidates.find((x) => x.user.id === id);
          expect(c && isSelectable({ tenant: t, service: s, user: c.user, membership: c.membership }).verdict).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
