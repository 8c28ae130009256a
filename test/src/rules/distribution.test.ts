import { describe, expect, it } from 'vitest';
import { distributionAllowed, offerResponse, pickCandidates, type Candidate } from '../../../src/rules/distribution.js';
import { isSelectable } from '../../../src/rules/selectability.js';
import type { ServiceFacts } from '../../../src/rules/facts.js';
import type { DistributionType } from '../../../src/domain/enums.js';
import { ar, assertWellFormed, cc, er, member, tenant, user, type UserOverrides } from './fixtures.js';

describe('distributionAllowed', () => {
  const rows: { rule: string; svc: ServiceFacts; type?: DistributionType; ok: boolean; because: string[] }[] = [
    { rule: 'DIST-05: Pickup is not allowed below Enterprise Routing', svc: ar({ distribution: { type: 'Pickup' } }), ok: false, because: ['DIST-05'] },
    { rule: 'DIST-05: Pickup is allowed for Enterprise Routing', svc: er({ distribution: { type: 'Pickup' } }), ok: true, because: ['DIST-01', 'DIST-05'] },
    { rule: 'DIST-05: Pickup is allowed for Contact Center (SVC-02 cumulative tiers)', svc: cc(), type: 'Pickup', ok: true, because: ['DIST-01', 'DIST-05'] },
    { rule: 'DIST-01: Broadcast is allowed for Advanced Routing', svc: ar({ distribution: { type: 'Broadcast' } }), ok: true, because: ['DIST-01'] },
  ];
  it.each(rows)('$rule', (row) => {
    const d = distributionAllowed({ service: row.svc, type: row.type });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.ok);
    expect(d.because).toEqual(row.because);
  });
});

interface Spec {
  id: string;
  idleSince: number;
  over?: UserOverrides;
  member?: boolean;
}

function pool(s: ServiceFacts, specs: Spec[]): Candidate[] {
  return specs.map((c, order) => {
    const u = user(c.id, c.over ?? {});
    return { user: u, membership: c.member === false ? undefined : member(u, s), idleSince: c.idleSince, order };
  });
}

describe('pickCandidates', () => {
  it('DIST-04: Direct Conference offers the single longest idle selectable user', () => {
    const s = cc({ distribution: { type: 'Direct Conference' } });
    const d = pickCandidates({ tenant: tenant(), service: s, candidates: pool(s, [{ id: 'u1', idleSince: 300 }, { id: 'u2', idleSince: 100 }, { id: 'u3', idleSince: 200 }]) });
    assertWellFormed(d);
    expect(d.verdict).toEqual(['u2']);
    expect(d.because).toEqual(['DIST-04', 'US-01']);
  });

  it('DIST-04: the decision explains the idle order and which idle definition was used', () => {
    const s = cc({ distribution: { type: 'Direct Conference' } });
    const d = pickCandidates({
      tenant: tenant({ behavior: { longestIdleSince: 'lastSelectable' } }),
      service: s,
      candidates: pool(s, [{ id: 'u1', idleSince: 12_000 }, { id: 'u2', idleSince: -1 }]),
    });
    expect(d.verdict).toEqual(['u2']);
    const detail = d.checks.find((c) => c.rule === 'DIST-04')?.detail ?? '';
    expect(detail).toContain('behavior.longestIdleSince = lastSelectable');
    expect(detail).toContain('idle order: u2 (idle since the start), u1 (idle since t=12s)');
  });

  it('DIST-03: Direct skips users that are not selectable and says why', () => {
    const s = cc({ distribution: { type: 'Direct' } });
    const d = pickCandidates({
      tenant: tenant(),
      service: s,
      candidates: pool(s, [
        { id: 'u1', idleSince: 100, over: { presence: 'Offline' } },
        { id: 'u2', idleSince: 200, over: { flags: { acw: { service: 'B', extended: false } } } },
        { id: 'u3', idleSince: 300 },
      ]),
    });
    expect(d.verdict).toEqual(['u3']);
    expect(d.because).toEqual(['DIST-03', 'US-01']);
    expect(d.checks.filter((c) => !c.passed).map((c) => [c.rule, c.detail])).toEqual([
      ['PRES-01', 'user u1 excluded (user u1 is Offline: never offered a Nimbus task)'],
      ['ACW-04', 'user u2 excluded (user u2 is in ACW (caused by service B): ACW blocks tasks of all Nimbus services)'],
    ]);
  });

  it('DIST-04: ties of idle time are broken by order, whatever the input order', () => {
    const s = cc();
    const c = pool(s, [{ id: 'u1', idleSince: 100 }, { id: 'u2', idleSince: 100 }]);
    expect(pickCandidates({ tenant: tenant(), service: s, candidates: c }).verdict).toEqual(['u1']);
    expect(pickCandidates({ tenant: tenant(), service: s, candidates: [...c].reverse() }).verdict).toEqual(['u1']);
  });

  it('DIST-02: Broadcast rings the 10 longest idle selectable users, longest idle first', () => {
    const s = cc({ distribution: { type: 'Broadcast' } });
    const specs: Spec[] = Array.from({ length: 12 }, (_, i) => ({ id: `u${i + 1}`, idleSince: 1000 - i * 10 }));
    specs.push({ id: 'busy', idleSince: 0, over: { flags: { ringing: { service: 'A' } } } });
    const d = pickCandidates({ tenant: tenant(), service: s, candidates: pool(s, specs) });
    expect(d.verdict).toEqual(['u12', 'u11', 'u10', 'u9', 'u8', 'u7', 'u6', 'u5', 'u4', 'u3']);
    expect(d.because).toEqual(['DIST-02', 'US-01']);
    expect(d.checks.find((c) => c.rule === 'DIST-02')?.detail).toContain('behavior.longestIdleSince = lastTaskEnd');
  });

  it('US-01: nobody selectable → nobody offered, with every exclusion in because', () => {
    const s = cc();
    const d = pickCandidates({
      tenant: tenant(),
      service: s,
      candidates: pool(s, [
        { id: 'u1', idleSince: 1, over: { presence: 'Do Not Disturb' } },
        { id: 'u2', idleSince: 2, member: false },
      ]),
    });
    expect(d.verdict).toEqual([]);
    expect(d.because).toEqual(['US-01', 'DIST-04', 'PRES-03', 'US-03', 'PRES-10']);
    expect(d.summary).toBe('nobody is offered the task: no candidate is Selectable for service A');
  });

  it('DIST-05: Pickup offers nobody', () => {
    const s = er({ distribution: { type: 'Pickup' } });
    const d = pickCandidates({ tenant: tenant(), service: s, candidates: pool(s, [{ id: 'u1', idleSince: 1 }]) });
    expect(d.verdict).toEqual([]);
    expect(d.because).toEqual(['DIST-05']);
  });

  it('DIST-05: Pickup below Enterprise Routing is refused', () => {
    const s = ar({ distribution: { type: 'Pickup' } });
    const d = pickCandidates({ tenant: tenant(), service: s, candidates: pool(s, [{ id: 'u1', idleSince: 1 }]) });
    expect(d.verdict).toEqual([]);
    expect(d.because).toEqual(['DIST-05']);
    expect(d.summary).toContain('Pickup is not allowed below Enterprise Routing');
  });

  it('a candidate listed twice is considered once', () => {
    const s = cc({ distribution: { type: 'Broadcast' } });
    const c = pool(s, [{ id: 'u1', idleSince: 1 }]);
    const d = pickCandidates({ tenant: tenant(), service: s, candidates: [...c, ...c] });
    expect(d.verdict).toEqual(['u1']);
  });
});

describe('offerResponse (US-09 with US-01)', () => {
  const s = er({ id: 'A' });
  const nick = user('nick', { licenses: ['Office 365 E1'] });
  const notSelectable = isSelectable({ tenant: tenant(), service: s, user: nick, membership: member(nick, s) });

  it('a call ringing the user may be answered', () => {
    const d = offerResponse({ action: 'answer', user: user('ann'), call: 'c1', service: 'A', offeredCall: 'c1', taskState: 'Ringing', ringing: ['ann'] });
    assertWellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['US-09']);
  });

  it('a call never offered to the user is refused with the selectability decision that kept them out', () => {
    const d = offerResponse({ action: 'answer', user: nick, call: 'c1', service: 'A', offeredCall: null, taskState: 'In Queue', ringing: [], selectability: notSelectable });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['US-09', 'US-01', 'LIC-05']);
    expect(d.summary).toMatch(/^user nick cannot answer c1: c1 is not ringing user nick \(it is In Queue\).*user nick is Not Selectable for service A.*lacks Teams Phone Standard/);
    expect(d.inputs['selectability']).toMatchObject({ verdict: false, because: ['LIC-05'] });
  });

  it('US-01: the refusal carries the failed checks of the selectability decision, not the ones it passed', () => {
    const d = offerResponse({ action: 'answer', user: nick, call: 'c1', service: 'A', offeredCall: null, taskState: 'In Queue', ringing: [], selectability: notSelectable });
    expect(notSelectable.checks.some((c) => c.passed)).toBe(true);
    expect(d.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['US-09', false],
      ['US-01', false],
      ...notSelectable.checks.filter((c) => !c.passed).map((c) => [c.rule, false]),
    ]);
  });

  it('a selectable user the distribution passed over is told whom it rings', () => {
    const ann = user('ann');
    const selectable = isSelectable({ tenant: tenant(), service: s, user: ann, membership: member(ann, s) });
    const d = offerResponse({ action: 'decline', user: ann, call: 'c1', service: 'A', offeredCall: null, taskState: 'Ringing', ringing: ['bob'], selectability: selectable });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['US-09']);
    expect(d.checks.find((c) => c.rule === 'US-01')?.detail).toBe('user ann is Selectable for service A, but the distribution of c1 did not offer it to them (it rings bob)');
  });

  it('a user ringing for another call is told which', () => {
    const d = offerResponse({ action: 'ignore', user: user('ann'), call: 'c1', service: 'A', offeredCall: 'c2', taskState: 'In Queue', ringing: [] });
    expect(d.summary).toBe('user ann cannot ignore c1: c1 is not ringing user ann (user ann is Ringing for c2): only an offered task can be answered, declined or ignored');
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind a distribution decision.
describe('distribution decisions record the facts they read', () => {
  it('distributionAllowed reads the service, its license and the type asked for', () => {
    expect(distributionAllowed({ service: ar(), type: 'Pickup' }).inputs).toEqual({ service: 'A', license: 'Advanced Routing', type: 'Pickup' });
  });
  it('pickCandidates reads the service, every candidate with its idle time and order, and the idle measure', () => {
    const s = cc({ distribution: { type: 'Direct' } });
    const [ann, bob] = [user('ann', { ccLicense: true }), user('bob', { ccLicense: true })];
    const d = pickCandidates({
      tenant: tenant({ behavior: { longestIdleSince: 'lastTaskEnd' } }),
      service: s,
      candidates: [
        { user: ann, membership: member(ann, s), idleSince: 5_000, order: 0 },
        { user: bob, membership: member(bob, s), idleSince: 1_000, order: 1 },
      ],
    });
    expect(d.inputs).toEqual({
      service: { id: 'A', license: 'Contact Center', type: 'Direct' },
      candidates: [
        { user: 'ann', idleSince: 5_000, order: 0 },
        { user: 'bob', idleSince: 1_000, order: 1 },
      ],
      longestIdleSince: 'lastTaskEnd',
    });
  });
  it('offerResponse reads the action, the call, whom it rings and the selectability behind a refusal', () => {
    const s = er({ id: 'A' });
    const nick = user('nick', { licenses: ['Office 365 E1'] });
    const selectability = isSelectable({ tenant: tenant(), service: s, user: nick, membership: member(nick, s) });
    const d = offerResponse({ action: 'ignore', user: nick, call: 'c1', service: 'A', offeredCall: 'c2', taskState: 'Ringing', ringing: ['ann'], selectability });
    expect(d.inputs).toEqual({
      action: 'ignore',
      user: 'nick',
      call: 'c1',
      service: 'A',
      offeredCall: 'c2',
      taskState: 'Ringing',
      ringing: ['ann'],
      selectability: { verdict: false, because: ['LIC-05'], inputs: selectability.inputs },
    });
    const answered = offerResponse({ action: 'answer', user: user('ann'), call: 'c1', service: 'A', offeredCall: 'c1', taskState: 'Ringing', ringing: ['ann'] });
    expect(answered.inputs['selectability']).toBeNull();
  });
});

describe('pickCandidates records the checks that decided, passed or failed', () => {
  const s = cc({ distribution: { type: 'Direct' } });
  const [ann, bob] = [user('ann'), user('bob', { presence: 'Offline' })];
  const ofAnn = { user: ann, membership: member(ann, s), idleSince: 0, order: 0 };
  const ofBob = { user: bob, membership: member(bob, s), idleSince: 0, order: 1 };
  const checksOf = (service: ServiceFacts, candidates: Candidate[]) => pickCandidates({ tenant: tenant(), service, candidates }).checks.map((c) => [c.rule, c.passed]);
  it('DIST-03: an offer made passes US-01 and DIST-03, with the excluded user failed on their own rule', () => {
    expect(checksOf(s, [ofAnn, ofBob])).toEqual([
      ['DIST-01', true],
      ['PRES-01', false],
      ['US-01', true],
      ['DIST-03', true],
    ]);
  });
  it('US-01: nobody Selectable fails US-01 and the distribution rule', () => {
    expect(checksOf(s, [ofBob])).toEqual([
      ['DIST-01', true],
      ['PRES-01', false],
      ['US-01', false],
      ['DIST-03', false],
    ]);
  });
  it('DIST-05: Pickup offers nobody, and that is no failure', () => {
    expect(checksOf(er({ distribution: { type: 'Pickup' } }), [ofAnn])).toEqual([
      ['DIST-01', true],
      ['DIST-05', true],
      ['DIST-05', true],
    ]);
  });
});
