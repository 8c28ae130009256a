import { describe, expect, it } from 'vitest';
import { acwAfterSession, acwEarlyEnd, acwExtension } from '../../../src/rules/acw.js';
import type { Modality } from '../../../src/domain/enums.js';
import type { ServiceFacts } from '../../../src/rules/facts.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { assertWellFormed, cc, er, tenant, user } from './fixtures.js';

const acwOn = cc({ distribution: { acw: { enabled: true } } });

describe('acwAfterSession', () => {
  const rows: {
    rule: string;
    svc?: ServiceFacts;
    tp?: boolean;
    active?: boolean;
    modality?: Modality;
    behavior?: Partial<BehaviorSettings>;
    acw: boolean;
    durationMs: number;
    because: string[];
  }[] = [
    { rule: 'ACW-01 + ACW-03: a CC service with Enable ACW Time appends 20s ACW', acw: true, durationMs: 20_000, because: ['ACW-01', 'ACW-02', 'ACW-03', 'ACW-04'] },
    { rule: 'ACW-01: Enable ACW Time off → no ACW', svc: cc(), acw: false, durationMs: 0, because: ['ACW-01'] },
    { rule: 'ACW-01: ACW is a Contact Center feature (ER service with ACW enabled gets none)', svc: er({ distribution: { acw: { enabled: true } } }), acw: false, durationMs: 0, because: ['ACW-01'] },
    { rule: 'ACW-02: ACW follows sessions of every modality', modality: 'Email', acw: true, durationMs: 20_000, because: ['ACW-02'] },
    { rule: 'ACW-03: a configured duration is used', svc: cc({ distribution: { acw: { enabled: true, duration: '45s' } } }), acw: true, durationMs: 45_000, because: ['ACW-03'] },
    {
      rule: 'ACW-13: with TP and behavior.acwUnderTaskParallelization = never there is no ACW',
      tp: true,
      behavior: { acwUnderTaskParallelization: 'never' },
      acw: false,
      durationMs: 0,
      because: ['ACW-13'],
    },
    {
      rule: 'ACW-13: with TP and activeSession, an active A/V session starts ACW',
      tp: true,
      behavior: { acwUnderTaskParallelization: 'activeSession' },
      acw: true,
      durationMs: 20_000,
      because: ['ACW-13'],
    },
    {
      rule: 'ACW-13: with TP and activeSession, a parked session does not start ACW',
      tp: true,
      active: false,
      behavior: { acwUnderTaskParallelization: 'activeSession' },
      acw: false,
      durationMs: 0,
      because: ['ACW-13'],
    },
    {
      rule: 'ACW-13: with TP and activeSession, other modalities never start ACW',
      tp: true,
      modality: 'Instant Messaging',
      behavior: { acwUnderTaskParallelization: 'activeSession' },
      acw: false,
      durationMs: 0,
      because: ['ACW-13'],
    },
    { rule: 'ACW-02: without TP a parked session that ends still gets ACW', active: false, acw: true, durationMs: 20_000, because: ['ACW-02'] },
  ];
  it.each(rows)('$rule', (row) => {
    const d = acwAfterSession({
      tenant: tenant({ behavior: row.behavior ?? {} }),
      service: row.svc ?? acwOn,
      user: user('alice', { tp: row.tp ?? false }),
      sessionWasActive: row.active ?? true,
      modality: row.modality ?? 'Audio / Video',
    });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.acw);
    expect(d.durationMs).toBe(row.durationMs);
    if (row.acw) expect(d.because).toEqual(expect.arrayContaining(row.because));
    else expect(d.because).toEqual(row.because);
  });
  it('names the setting when ACW-13 decided', () => {
    const d = acwAfterSession({ tenant: tenant({ behavior: { acwUnderTaskParallelization: 'never' } }), service: acwOn, user: user('alice', { tp: true }), sessionWasActive: true, modality: 'Audio / Video' });
    expect(d.summary).toBe('no ACW for user alice after the session of service A: user alice has Task Parallelization and behavior.acwUnderTaskParallelization is never: no ACW');
  });
});

describe('acwEarlyEnd', () => {
  it('ACW-05: with Allow Early End the user may stop ACW', () => {
    const d = acwEarlyEnd({ service: acwOn });
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['ACW-05']);
  });
  it('ACW-05 + ACW-07: without it ACW runs to zero', () => {
    const d = acwEarlyEnd({ service: cc({ distribution: { acw: { enabled: true, allowEarlyEnd: false } } }) });
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['ACW-05']);
    expect(d.checks.map((c) => c.rule)).toEqual(['ACW-05', 'ACW-07']);
  });
});

describe('acwExtension', () => {
  const rows = [
    { rule: 'ACW-06: the first extension is a fresh counter of Maximum ACW Extension Time', ext: '60s', used: 0, allowed: 1, ok: true, ms: 60_000 },
    { rule: 'ACW-06: behavior.acwExtensionsAllowed = 1 refuses a second extension', ext: '60s', used: 1, allowed: 1, ok: false, ms: 0 },
    { rule: 'ACW-06: behavior.acwExtensionsAllowed = 3 allows a third', ext: '30s', used: 2, allowed: 3, ok: true, ms: 30_000 },
    { rule: 'ACW-06: behavior.acwExtensionsAllowed = 0 allows none', ext: '60s', used: 0, allowed: 0, ok: false, ms: 0 },
    { rule: 'ACW-06: an extension time of 0 means no extension', ext: '0', used: 0, allowed: 1, ok: false, ms: 0 },
  ];
  it.each(rows)('$rule', ({ ext, used, allowed, ok, ms }) => {
    const d = acwExtension({ tenant: tenant({ behavior: { acwExtensionsAllowed: allowed } }), service: cc({ distribution: { acw: { enabled: true, extension: ext } } }), extensionsUsed: used });
    assertWellFormed(d);
    expect(d.verdict).toBe(ok);
    expect(d.durationMs).toBe(ms);
    expect(d.because).toEqual(['ACW-06']);
    if (!ok) expect(d.checks.some((c) => c.rule === 'ACW-07')).toBe(true);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind an ACW decision.
describe('ACW decisions record the facts they read', () => {
  it('acwAfterSession reads the service ACW settings, the user, the session and the setting', () => {
    const d = acwAfterSession({ tenant: tenant(), service: acwOn, user: user('alice', { tp: true }), sessionWasActive: false, modality: 'Email' });
    expect(d.inputs).toEqual({
      service: { id: 'A', license: 'Contact Center', acwEnabled: true, acwDuration: 20_000 },
      user: { id: 'alice', taskParallelization: true },
      sessionWasActive: false,
      modality: 'Email',
      acwUnderTaskParallelization: 'activeSession',
    });
  });
  it('acwEarlyEnd reads the service and its Allow Early End', () => {
    expect(acwEarlyEnd({ service: acwOn }).inputs).toEqual({ service: 'A', allowEarlyEnd: true });
  });
  it('acwExtension reads the extension time, the extensions used and the setting', () => {
    const d = acwExtension({ tenant: tenant({ behavior: { acwExtensionsAllowed: 2 } }), service: cc({ distribution: { acw: { enabled: true, extension: '60s' } } }), extensionsUsed: 1 });
    expect(d.inputs).toEqual({ service: 'A', extension: 60_000, extensionsUsed: 1, acwExtensionsAllowed: 2 });
  });
  it('ACW-03, ACW-04: a session without ACW notes neither its duration nor the blocking', () => {
    const d = acwAfterSession({ tenant: tenant(), service: cc(), user: user('alice'), sessionWasActive: true, modality: 'Audio / Video' });
    expect(d.verdict).toBe(false);
    expect(d.checks.map((c) => c.rule)).toEqual(['ACW-01', 'ACW-01', 'ACW-02']);
  });
});
