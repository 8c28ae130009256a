import { describe, expect, it } from 'vitest';
import { canSupervise, supervisionEnds, type SupervisionEvent } from '../../../src/rules/supervision.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { assertWellFormed, cc, tenant, user } from './fixtures.js';

const svcWithSup = cc({ supervisors: ['sue'] });

describe('canSupervise', () => {
  const rows = [
    { rule: 'SUP-01..03: a CC-licensed Service Supervisor of the service may supervise a distributed session', cc: true, role: true, listed: true, distributed: true, kind: 'Inbound Service', ok: true, because: ['SVC-11', 'SUP-01', 'SUP-02', 'SUP-03'] },
    { rule: 'SUP-01: supervision needs a Contact Center license', cc: false, role: true, listed: true, distributed: true, kind: 'Inbound Service', ok: false, because: ['SUP-01'] },
    { rule: 'SUP-01: supervision needs the Service Supervisor role', cc: true, role: false, listed: true, distributed: true, kind: 'Inbound Service', ok: false, because: ['SUP-01'] },
    { rule: "SUP-02: a supervisor of another service / OU cannot act", cc: true, role: true, listed: false, distributed: true, kind: 'Inbound Service', ok: false, because: ['SUP-02'] },
    { rule: 'SUP-03: a session not yet distributed is not visible', cc: true, role: true, listed: true, distributed: false, kind: 'Inbound Service', ok: false, because: ['SUP-03'] },
    { rule: 'SUP-04: a COB session belongs to one service and can be supervised', cc: true, role: true, listed: true, distributed: true, kind: 'Call On Behalf', ok: true, because: ['SUP-04'] },
    { rule: 'SUP-04: a scheduled Outbound Call can be supervised', cc: true, role: true, listed: true, distributed: true, kind: 'Outbound Call', ok: true, because: ['SUP-04'] },
    { rule: 'SUP-04: other spellings of the call type are understood', cc: true, role: true, listed: true, distributed: true, kind: 'callOnBehalf', ok: true, because: ['SUP-04'] },
  ];
  it.each(rows)('$rule', (row) => {
    const s = row.listed ? svcWithSup : cc();
    const d = canSupervise({
      tenant: tenant(),
      service: s,
      supervisor: user('sue', { ccLicense: row.cc }),
      supervisorIsServiceSupervisor: row.role,
      sessionDistributed: row.distributed,
      callKind: row.kind,
    });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.ok);
    if (row.ok) expect(d.because).toEqual(expect.arrayContaining(row.because));
    else expect(d.because).toEqual(row.because);
  });
  it('SVC-11: nobody signs in to a Suspended tenant', () => {
    const d = canSupervise({ tenant: tenant({ state: 'Suspended' }), service: svcWithSup, supervisor: user('sue', { ccLicense: true }), supervisorIsServiceSupervisor: true, sessionDistributed: true, callKind: 'Inbound Service' });
    expect(d.because).toEqual(['SVC-11']);
  });
});

describe('supervisionEnds (verdict true = ends)', () => {
  const table: [string, SupervisionEvent, BehaviorSettings['bargeInEndsLike'], boolean, string[]][] = [
    ['Listen', 'transferred', 'Whisper', true, ['SUP-08']],
    ['Listen', 'userLeft', 'Whisper', true, ['SUP-08']],
    ['Listen', 'customerLeft', 'Whisper', true, ['SUP-08']],
    ['Whisper', 'transferred', 'Whisper', true, ['SUP-09']],
    ['Whisper', 'userLeft', 'Whisper', true, ['SUP-09']],
    ['Whisper', 'customerLeft', 'Whisper', false, ['SUP-09']],
    ['Barge In', 'userLeft', 'Whisper', true, ['SUP-11', 'SUP-09']],
    ['Barge In', 'customerLeft', 'Whisper', false, ['SUP-11', 'SUP-09']],
    ['Barge In', 'customerLeft', 'Listen', true, ['SUP-11', 'SUP-08']],
    ['Barge In', 'transferred', 'Listen', true, ['SUP-11', 'SUP-08']],
    ['Listen', 'parked', 'Whisper', true, ['PAR-08']],
    ['Whisper', 'parked', 'Whisper', true, ['PAR-08']],
    ['Barge In', 'parked', 'Listen', true, ['PAR-08']],
  ];
  it.each(table)('%s on %s (behavior.bargeInEndsLike = %s) → ends %s', (mode, event, like, ends, because) => {
    const d = supervisionEnds({ tenant: tenant({ behavior: { bargeInEndsLike: like } }), mode, event });
    assertWellFormed(d);
    expect(d.verdict).toBe(ends);
    expect(d.because).toEqual(because);
  });
  it('SUP-09: Whisper survives the customer leaving, and says why', () => {
    const d = supervisionEnds({ tenant: tenant(), mode: 'whisper', event: 'customerLeft' });
    expect(d.summary).toBe('Whisper continues: the customer leaves');
    expect(d.checks[0]?.detail).toContain('the session persists while the user or the supervisor is present');
  });
  it('SUP-11 names behavior.bargeInEndsLike', () => {
    const d = supervisionEnds({ tenant: tenant({ behavior: { bargeInEndsLike: 'Listen' } }), mode: 'Barge', event: 'customerLeft' });
    expect(d.checks[0]?.detail).toBe('Barge In ends under the same conditions as Listen (behavior.bargeInEndsLike)');
  });
  it('SUP-10: parking during Barge In plays no music to the caller', () => {
    const d = supervisionEnds({ tenant: tenant(), mode: 'Barge In', event: 'parked' });
    expect(d.checks.find((c) => c.rule === 'SUP-10')?.detail).toBe('during Barge In no music is played to the caller');
  });
  it('rejects an unknown mode', () => {
    expect(() => supervisionEnds({ tenant: tenant(), mode: 'Shout', event: 'parked' })).toThrow(/not a supervision mode/);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind a supervision decision.
describe('supervision decisions record the facts they read', () => {
  it('canSupervise reads the service supervisors, the supervisor, the distribution and the call kind', () => {
    const d = canSupervise({
      tenant: tenant(),
      service: svcWithSup,
      supervisor: user('sue', { ccLicense: true }),
      supervisorIsServiceSupervisor: false,
      sessionDistributed: true,
      callKind: 'Outbound Call',
    });
    expect(d.inputs).toEqual({
      service: { id: 'A', supervisors: ['sue'] },
      supervisor: { id: 'sue', contactCenterLicense: true, serviceSupervisor: false },
      sessionDistributed: true,
      callKind: 'Outbound Call',
    });
  });
  it('supervisionEnds reads the mode in its canonical spelling, the event and the Barge In setting', () => {
    const d = supervisionEnds({ tenant: tenant({ behavior: { bargeInEndsLike: 'Listen' } }), mode: 'Barge In', event: 'customerLeft' });
    expect(d.inputs).toEqual({ mode: 'Barge In', event: 'customerLeft', bargeInEndsLike: 'Listen' });
  });
});

describe('supervisionEnds records the rules that decided (rule ids and pass/fail)', () => {
  it.each([
    ['Listen', 'parked', [['PAR-08', true], ['SUP-10', true]]],
    ['Listen', 'customerLeft', [['SUP-08', true]]],
    ['Whisper', 'customerLeft', [['SUP-09', true]]],
    ['Barge In', 'userLeft', [['SUP-11', true], ['SUP-09', true]]],
  ] as const)('%s, %s', (mode, event, checks) => {
    expect(supervisionEnds({ tenant: tenant({ behavior: { bargeInEndsLike: 'Whisper' } }), mode, event }).checks.map((c) => [c.rule, c.passed])).toEqual(checks);
  });
});
