import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDuration } from '../../../src/domain/duration.js';
import { DecisionBuilder, quoting, ruleCheck, valueDecision } from '../../../src/rules/decision.js';
import { acwAfterSession } from '../../../src/rules/acw.js';
import { pickCandidates } from '../../../src/rules/distribution.js';
import { isSelectable } from '../../../src/rules/selectability.js';
import { cc, member, tenant, user } from './fixtures.js';

// The rules' duration sentences go through formatDuration: counting its calls shows when they are rendered.
vi.mock('../../../src/domain/duration.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/domain/duration.js')>();
  return { ...actual, formatDuration: vi.fn(actual.formatDuration) };
});

describe('a sentence given as a function', () => {
  it('is not rendered by check(), is rendered once on first read, and then reads as plain text', () => {
    const render = vi.fn(() => 'user ann is Available');
    const b = new DecisionBuilder('q', {});
    b.check('PRES-02', true, render);
    const d = b.done('allowed');
    expect(render).not.toHaveBeenCalled();
    expect(d.checks[0]?.detail).toBe('user ann is Available');
    expect(d.checks[0]?.detail).toBe('user ann is Available');
    expect(render).toHaveBeenCalledTimes(1);
    expect(Object.getOwnPropertyDescriptor(d.checks[0], 'detail')?.enumerable).toBe(true);
  });

  it('gives the same JSON, spread, keys and deep equality as the same decision built from text', () => {
    const build = (lazy: boolean) => {
      const b = new DecisionBuilder('q', { user: 'ann' });
      b.check('PRES-02', true, lazy ? () => 'user ann is Available' : 'user ann is Available');
      b.check('US-09', false, lazy ? () => 'c1 is not ringing user ann' : 'c1 is not ringing user ann');
      return b.done('allowed', lazy ? () => 'user ann cannot answer c1' : 'user ann cannot answer c1');
    };
    const eager = build(false);
    expect(JSON.stringify(build(true))).toBe(JSON.stringify(eager));
    expect(Object.keys(build(true))).toEqual(Object.keys(eager));
    expect(Object.keys(build(true).checks[1] ?? {})).toEqual(['rule', 'passed', 'detail']);
    expect({ ...build(true).checks[1] }).toEqual({ rule: 'US-09', passed: false, detail: 'c1 is not ringing user ann' });
    expect(build(true)).toEqual(eager);
    expect(structuredClone(build(true))).toEqual(eager);
  });

  it('a refusal joins the failed details only when its summary is read', () => {
    const failed = vi.fn(() => 'user ann is Offline');
    const b = new DecisionBuilder('q', {});
    b.check('PRES-01', false, failed);
    b.check('US-08', true, 'no blocking flag');
    const d = b.done('allowed');
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['PRES-01']);
    expect(failed).not.toHaveBeenCalled();
    expect(d.summary).toBe('user ann is Offline');
    expect(failed).toHaveBeenCalledTimes(1);
  });

  it('a builder makes one decision: a check after done() is refused, so a later refusal reads what was decided', () => {
    const b = new DecisionBuilder('q', {});
    b.check('PRES-01', false, 'offline');
    b.done('allowed');
    expect(() => b.check('US-08', false, 'late')).toThrow(/after the decision was made/);
  });

  it('valueDecision takes a lazy summary too, and quoting a lazy detail does not render it', () => {
    const inner = vi.fn(() => 'user bob is Offline');
    const quoted = ruleCheck('US-01', false, quoting(ruleCheck('PRES-01', false, inner), (d) => `user bob excluded (${d})`));
    const d = valueDecision('pick', [] as string[], ['US-01', 'US-01'], {}, [quoted], () => 'nobody is offered the task');
    expect(inner).not.toHaveBeenCalled();
    expect(d.because).toEqual(['US-01']);
    expect(JSON.stringify(d)).toBe(
      '{"question":"pick","verdict":[],"because":["US-01"],"inputs":{},"checks":[{"rule":"US-01","passed":false,"detail":"user bob excluded (user bob is Offline)"}],"summary":"nobody is offered the task"}',
    );
    expect(inner).toHaveBeenCalledTimes(1);
    expect(quoting(ruleCheck('PRES-01', false, 'plain'), (t) => `(${t})`)).toBe('(plain)');
  });
});

describe('rules render their costly sentences on demand', () => {
  const s = cc({ distribution: { type: 'Direct', acw: { enabled: true, duration: '30s' } } });
  beforeEach(() => vi.mocked(formatDuration).mockClear());

  it('acwAfterSession: the ACW duration sentences wait for a reader and read as before', () => {
    const d = acwAfterSession({ tenant: tenant(), service: s, user: user('ann', { ccLicense: true }), sessionWasActive: true, modality: 'Audio / Video' });
    expect(d.durationMs).toBe(30_000);
    expect(Object.keys(d).at(-1)).toBe('durationMs');
    expect(formatDuration).not.toHaveBeenCalled();
    expect(d.summary).toBe('user ann enters ACW for 30s after the session of service A');
    expect(d.checks.find((c) => c.rule === 'ACW-03')?.detail).toBe('ACW lasts 30s (default 20s)');
    expect(formatDuration).toHaveBeenCalledTimes(3);
  });

  it('isSelectable: a refusal is rendered when read, with every failed detail', () => {
    const ann = user('ann', { ccLicense: true, presence: 'Offline' });
    const d = isSelectable({ tenant: tenant(), service: s, user: ann, membership: member(ann, s) });
    expect(d.verdict).toBe(false);
    expect(d.summary).toBe('user ann is Not Selectable for service A: user ann is Offline: never offered a Nimbus task');
  });

  it('pickCandidates: the idle order is rendered only when read', () => {
    const [ann, bob] = [user('ann', { ccLicense: true }), user('bob', { ccLicense: true, presence: 'Offline' })];
    const d = pickCandidates({
      tenant: tenant(),
      service: s,
      candidates: [
        { user: ann, membership: member(ann, s), idleSince: 5_000, order: 0 },
        { user: bob, membership: member(bob, s), idleSince: 0, order: 1 },
      ],
    });
    expect(d.verdict).toEqual(['ann']);
    expect(formatDuration).not.toHaveBeenCalled();
    expect(d.checks.find((c) => c.rule === 'DIST-03')?.detail).toBe(
      'Direct offers the task to the single longest idle selectable user: ann; longest idle measured since the last task ended (behavior.longestIdleSince = lastTaskEnd); idle order: ann (idle since t=5s), ties by member order',
    );
    expect(formatDuration).toHaveBeenCalledTimes(1);
    expect(d.checks.filter((c) => c.detail.startsWith('user bob excluded')).map((c) => c.rule)).toEqual(['PRES-01']);
    expect(d.summary).toBe('Direct offers the task of service A to ann');
  });
});
