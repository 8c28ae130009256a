import { describe, expect, it } from 'vitest';
import { callOnBehalfButton, callOnBehalfTarget, dialPad, type CallOnBehalfTarget } from '../../../src/rules/callOnBehalf.js';
import type { Membership, ServiceFacts, TenantFacts } from '../../../src/rules/facts.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { ar, assertWellFormed, cc, er, failedRules, member, tenant, user, type UserOverrides } from './fixtures.js';

const cobService = er({ modalities: { outbound: true } });

interface Row {
  rule: string;
  svc?: ServiceFacts;
  user?: UserOverrides;
  membership?: Partial<Membership> | 'none';
  tenant?: Partial<Omit<TenantFacts, 'behavior'>> & { behavior?: Partial<BehaviorSettings> };
  enabled: boolean;
  because: string[];
}

const buttonRows: Row[] = [
  { rule: 'COB-01..05, COB-08, COB-10: an online member of an ER service with outbound enabled gets the button', enabled: true, because: ['SVC-11', 'COB-01', 'COB-02', 'COB-03', 'COB-10', 'COB-04', 'COB-05', 'COB-08'] },
  { rule: 'COB-01: Contact Center services offer COB too', svc: cc({ modalities: { outbound: true } }), enabled: true, because: ['COB-01'] },
  { rule: 'COB-01: Advanced Routing services do not offer COB', svc: ar({ modalities: { outbound: true } }), enabled: false, because: ['COB-01'] },
  { rule: 'COB-02: services with user assignment None never appear', svc: er({ assignment: 'None', modalities: { outbound: true } }), enabled: false, because: ['COB-02'] },
  { rule: 'COB-03: Outbound Conversations must be enabled', svc: er(), enabled: false, because: ['COB-03'] },
  { rule: 'COB-10: only services the user is a member of can be selected', membership: 'none', enabled: false, because: ['COB-10'] },
  { rule: 'COB-10: the Active toggle is not a COB precondition', membership: { active: false }, enabled: true, because: ['COB-10'] },
  { rule: 'SVC-11: a Suspended tenant rejects outbound calls', tenant: { state: 'Suspended' }, enabled: false, because: ['SVC-11'] },
  { rule: 'COB-04: an Offline user has the button disabled', user: { presence: 'Offline' }, enabled: false, because: ['COB-04'] },
  { rule: 'COB-04: Appear Offline is not online', user: { presence: 'Appear Offline' }, enabled: false, because: ['COB-04'] },
  { rule: 'COB-04 + PRES-09: with Enhanced Presence Privacy Nimbus sees the user Offline', tenant: { enhancedPresencePrivacy: true }, enabled: false, because: ['PRES-09', 'COB-04'] },
  { rule: 'COB-05: DND does not disable the button', user: { presence: 'Do Not Disturb' }, enabled: true, because: ['COB-05'] },
  { rule: 'COB-05: the Busy opt-in is not evaluated (service has it off)', user: { presence: 'Busy', activity: 'In a call' }, tenant: { extendedPresence: true }, enabled: true, because: ['COB-05'] },
  { rule: 'COB-05: the Away opt-in is not evaluated (service has it off)', user: { presence: 'Away' }, enabled: true, because: ['COB-05'] },
  { rule: 'COB-08: an incoming (Ringing) task disables the button', user: { flags: { ringing: { service: 'A' } } }, enabled: false, because: ['COB-08'] },
  {
    rule: 'COB-08: Ringing for another service disables it too, whatever behavior.blockingFlagScope',
    user: { flags: { ringing: { service: 'B' } } },
    tenant: { behavior: { blockingFlagScope: 'causingService' } },
    enabled: false,
    because: ['COB-08'],
  },
  { rule: 'COB-08: a connected task disables the button', user: { flags: { connected: { service: 'A' } }, activeTask: true }, enabled: false, because: ['COB-08'] },
  { rule: 'COB-08: the Connected flag alone disables the button (no parked task to explain it)', user: { flags: { connected: { service: 'A' } } }, enabled: false, because: ['COB-08'] },
  { rule: 'COB-08 + PAR-04: On Hold alone is a blocking state', user: { flags: { onHold: { service: 'A' } } }, enabled: false, because: ['COB-08', 'PAR-04'] },
  { rule: 'COB-08 + PAR-04: a held task disables the button', user: { flags: { onHold: { service: 'A' }, connected: { service: 'A' } }, activeTask: true }, enabled: false, because: ['COB-08', 'PAR-04'] },
  {
    rule: 'COB-07 + RONA-11: a CC user in persistent RONA cannot start COB',
    user: { ccLicense: true, flags: { rona: { service: 'A', persistent: true } } },
    enabled: false,
    because: ['COB-07', 'RONA-11'],
  },
  {
    rule: 'COB-08: a non-CC user in persistent RONA is disabled by the blocking state, not by COB-07',
    user: { flags: { rona: { service: 'A', persistent: true } } },
    enabled: false,
    because: ['COB-08'],
  },
  { rule: 'COB-08: a non-persistent RONA is a blocking state', user: { ccLicense: true, flags: { rona: { service: 'A', persistent: false } } }, enabled: false, because: ['COB-08'] },
  { rule: 'COB-07 + ACW-09: a CC user in ACW cannot start COB', user: { ccLicense: true, flags: { acw: { service: 'A', extended: false } } }, enabled: false, because: ['COB-07', 'ACW-09'] },
  { rule: 'COB-07 + ACW-09: a CC user in extended ACW cannot start COB', user: { ccLicense: true, flags: { acw: { service: 'B', extended: true } } }, enabled: false, because: ['COB-07', 'ACW-09'] },
  { rule: 'COB-08: a non-CC user in ACW is blocked by the blocking state', user: { flags: { acw: { service: 'A', extended: false } } }, enabled: false, because: ['COB-08'] },
  {
    rule: 'COB-08: a pending Not Available Reason disables COB (behavior.notAvailableReasonBlocksCallOnBehalf true)',
    user: { flags: { notAvailableReason: true } },
    tenant: { behavior: { notAvailableReasonBlocksCallOnBehalf: true } },
    enabled: false,
    because: ['COB-08'],
  },
  {
    rule: 'COB-08: a pending Not Available Reason does not disable COB (behavior.notAvailableReasonBlocksCallOnBehalf false)',
    user: { flags: { notAvailableReason: true } },
    tenant: { behavior: { notAvailableReasonBlocksCallOnBehalf: false } },
    enabled: true,
    because: ['COB-08'],
  },
  { rule: 'COB-09 + PAR-16: with TP a parked task does not block COB', user: { tp: 2, parkedTasks: 1 }, enabled: true, because: ['COB-09', 'PAR-16'] },
  {
    rule: 'COB-08 + PAR-03: without TP a parked task blocks COB (Connected)',
    user: { parkedTasks: 1, flags: { connected: { service: 'A' } } },
    enabled: false,
    because: ['COB-08', 'PAR-03'],
  },
  { rule: 'PAR-03: a parked task without TP blocks even without the Connected flag', user: { parkedTasks: 1 }, enabled: false, because: ['COB-08', 'PAR-03'] },
  { rule: 'PAR-14: with TP at the parallel limit COB is disabled', user: { tp: 2, parkedTasks: 2 }, enabled: false, because: ['PAR-14'] },
  {
    rule: "PAR-14 + PAR-15: a user's own limit of 1 is the limit, below the tenant default of 2",
    user: { tp: 1, parkedTasks: 1 },
    enabled: false,
    because: ['PAR-14'],
  },
  { rule: 'COB-08: with TP an active (not parked) task still blocks', user: { tp: 2, parkedTasks: 1, activeTask: true, flags: { connected: { service: 'A' } } }, enabled: false, because: ['COB-08'] },
];

function args(row: Row) {
  const s = row.svc ?? cobService;
  const u = user('alice', row.user ?? {});
  const m = row.membership === 'none' ? undefined : member(u, s, row.membership ?? {});
  return { tenant: tenant(row.tenant ?? {}), service: s, user: u, membership: m };
}

describe('callOnBehalfButton', () => {
  it.each(buttonRows)('$rule', (row) => {
    const d = callOnBehalfButton(args(row));
    assertWellFormed(d);
    expect(d.verdict).toBe(row.enabled);
    if (row.enabled) {
      expect(d.because).toEqual(expect.arrayContaining(row.because));
      expect(failedRules(d)).toEqual([]);
    } else {
      expect(d.because).toEqual(row.because);
    }
  });

  it('names the tier in the COB-01 detail', () => {
    const d = callOnBehalfButton(args({ rule: '', svc: ar({ id: 'B', modalities: { outbound: true } }), enabled: false, because: [] }));
    expect(d.checks.find((c) => c.rule === 'COB-01')?.detail).toBe('service B is Advanced Routing (needs Enterprise Routing or Contact Center)');
    expect(d.summary).toBe('Call on Behalf for service B is disabled for user alice: service B is Advanced Routing (needs Enterprise Routing or Contact Center)');
  });

  it('names the setting when Not Available Reason decided', () => {
    const d = callOnBehalfButton(args({ rule: '', user: { flags: { notAvailableReason: true } }, tenant: { behavior: { notAvailableReasonBlocksCallOnBehalf: false } }, enabled: true, because: [] }));
    expect(d.checks.find((c) => c.rule === 'COB-08')?.detail).toContain('behavior.notAvailableReasonBlocksCallOnBehalf is false');
  });

  it('COB-05 is recorded as a passed check with DND in the detail', () => {
    const d = callOnBehalfButton(args({ rule: '', user: { presence: 'Do Not Disturb' }, enabled: true, because: [] }));
    expect(d.checks.find((c) => c.rule === 'COB-05')).toEqual({
      rule: 'COB-05',
      passed: true,
      detail: "user alice is Do Not Disturb, which does not disable COB; service A's Busy/Away available opt-ins are not evaluated",
    });
  });
});

describe('dialPad', () => {
  const withNumber = er({ modalities: { outbound: true }, pstn: { number: '+41445550100' } });
  it('COB-06: the dial pad needs the button and a PSTN number on the service', () => {
    const d = dialPad(args({ rule: '', svc: withNumber, enabled: true, because: [] }));
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(expect.arrayContaining(['COB-06', 'COB-01']));
  });
  it('COB-06: without a PSTN number the dial pad is disabled', () => {
    const d = dialPad(args({ rule: '', enabled: false, because: [] }));
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['COB-06']);
    expect(d.summary).toContain('only UPN targets');
  });
  it('COB-04 + COB-06: a disabled button disables the dial pad too', () => {
    const d = dialPad(args({ rule: '', svc: withNumber, user: { presence: 'Offline' }, enabled: false, because: [] }));
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['COB-04']);
  });
});

describe('callOnBehalfTarget', () => {
  const dr = (licenses: string[]) => er({ modalities: { outbound: true }, pstn: { number: '+41445550100', connectivity: 'Direct Routing' }, resourceAccount: { licenses } });
  const cp = (licenses: string[]) => er({ modalities: { outbound: true }, pstn: { number: '+41445550100', connectivity: 'Calling Plan' }, resourceAccount: { licenses } });
  const rows: { rule: string; svc: ServiceFacts; target: CallOnBehalfTarget; behavior?: Partial<BehaviorSettings>; allowed: boolean; because: string[] }[] = [
    { rule: 'COB-06 + LIC-03: a Direct Routing service with the resource account license may dial PSTN', svc: dr(['Microsoft Teams Phone Resource Account']), target: { pstn: '+41791234567' }, allowed: true, because: ['COB-06', 'LIC-01', 'LIC-02', 'LIC-03'] },
    { rule: 'COB-06: a service without PSTN number can call no PSTN target', svc: cobService, target: { pstn: '+41791234567' }, allowed: false, because: ['COB-06'] },
    { rule: 'LIC-03: Direct Routing without the resource account license cannot dial PSTN', svc: dr([]), target: { pstn: '+41791234567' }, allowed: false, because: ['LIC-03'] },
    { rule: 'LIC-04: a Calling Plan service needs a calling plan for outbound', svc: cp(['Microsoft Teams Phone Resource Account']), target: { pstn: '+41791234567' }, allowed: false, because: ['LIC-04'] },
    { rule: 'LIC-04: resource account plus calling plan may dial PSTN', svc: cp(['PHONESYSTEM_VIRTUALUSER', 'MCOPSTN1']), target: { pstn: '+41791234567' }, allowed: true, because: ['LIC-04'] },
    { rule: 'LIC-06: legacy wording refuses a resource account license alone', svc: dr(['Microsoft Teams Phone Resource Account']), behavior: { directRoutingLicensing: 'legacyPhoneSystem' }, target: { pstn: '+41791234567' }, allowed: false, because: ['LIC-06'] },
    { rule: 'LIC-06: legacy wording accepts Microsoft 365 E5', svc: dr(['Microsoft 365 E5']), behavior: { directRoutingLicensing: 'legacyPhoneSystem' }, target: { pstn: '+41791234567' }, allowed: true, because: ['LIC-06'] },
    { rule: 'LIC-06: legacy wording accepts E3 + Phone System', svc: dr(['Microsoft 365 E3', 'Phone System']), behavior: { directRoutingLicensing: 'legacyPhoneSystem' }, target: { pstn: '+41791234567' }, allowed: true, because: ['LIC-06'] },
    { rule: 'OUT-04: an internal UPN is allowed without PSTN number', svc: cobService, target: { upn: 'bob@contoso.com', isModelledUser: false }, allowed: true, because: ['OUT-04', 'COB-06'] },
    { rule: 'OUT-04: a modelled user is allowed', svc: cobService, target: { user: 'bob', upn: 'bob@Contoso.com' }, allowed: true, because: ['OUT-04', 'COB-06'] },
    { rule: 'OUT-04: a federated UPN is refused', svc: cobService, target: { upn: 'eve@fabrikam.com', isModelledUser: false }, allowed: false, because: ['OUT-04'] },
  ];
  it.each(rows)('$rule', (row) => {
    const d = callOnBehalfTarget({ tenant: tenant({ behavior: row.behavior ?? {} }), service: row.svc, target: row.target });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.allowed);
    if (row.allowed) expect(d.because).toEqual(expect.arrayContaining(row.because));
    else expect(d.because).toEqual(row.because);
  });

  it('OUT-04 names the foreign domain and the tenant domains', () => {
    const d = callOnBehalfTarget({ tenant: tenant({ domains: ['contoso.com', 'contoso.ch'] }), service: cobService, target: { upn: 'eve@fabrikam.com', isModelledUser: false } });
    expect(d.checks[0]?.detail).toBe('eve@fabrikam.com is in domain fabrikam.com, not one of the tenant\'s domains (contoso.com, contoso.ch): outbound calls to federated users are not supported');
  });
});

describe('Call on Behalf and LIC-05', () => {
  const ask = (licenses: string[]) => {
    const u = user('nick', { licenses });
    return callOnBehalfButton({ tenant: tenant(), service: cobService, user: u, membership: member(u, cobService) });
  };

  it('a member without Teams Phone cannot start Call on Behalf; the refusal cites LIC-05 with the licenses and plans read', () => {
    const d = ask(['Office 365 E1']);
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['LIC-05']);
    expect(d.inputs['user']).toMatchObject({ licenses: ['Office 365 E1'] });
    expect(failedRules(dialPad({ tenant: tenant(), service: cobService, user: user('nick', { licenses: [] }), membership: member(user('nick'), cobService) }))).toContain('LIC-05');
  });

  it('a plan that includes Teams Phone (Microsoft 365 E5) is enough', () => {
    const d = ask(['Microsoft 365 E5']);
    expect(d.verdict).toBe(true);
    expect(d.because).toContain('LIC-05');
  });
});

describe('callOnBehalfTarget for a scheduled outbound call', () => {
  it('names the scheduled outbound call, not COB, in its question and summary', () => {
    const d = callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { pstn: '+41791234567' }, call: 'scheduledOutbound' });
    expect(d.question).toBe('scheduledOutboundTarget');
    expect(d.summary).toBe('a scheduled outbound call from service A cannot call PSTN number +41791234567: service A has no PSTN number: PSTN target +41791234567 cannot be dialled, only UPN targets');
    const cob = callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { pstn: '+41791234567' } });
    expect(cob.summary).toMatch(/^COB from service A cannot call PSTN number/);
  });
  it("a user's Call on Behalf is asked as callOnBehalfTarget, for a PSTN number and for a UPN", () => {
    expect(callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { pstn: '+41791234567' } }).question).toBe('callOnBehalfTarget');
    expect(callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { upn: 'x@contoso.com', isModelledUser: true } }).question).toBe('callOnBehalfTarget');
    expect(callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { upn: 'x@contoso.com', isModelledUser: true }, call: 'scheduledOutbound' }).question).toBe('scheduledOutboundTarget');
  });
});

// The inputs are the facts `why`, the reports and a failed assertion show behind a COB decision.
describe('Call on Behalf decisions record the facts they read', () => {
  it('the button reads the tenant, the service, every blocking flag of the user and the membership', () => {
    const d = callOnBehalfButton(
      args({
        rule: '',
        user: {
          presence: 'Busy',
          activity: 'In a call',
          ccLicense: true,
          tp: 3,
          parkedTasks: 1,
          flags: {
            notAvailableReason: true,
            ringing: { service: 'A' },
            connected: { service: 'A' },
            onHold: { service: 'A' },
            acw: { service: 'A', extended: true },
            rona: { service: 'A', persistent: true },
          },
        },
        tenant: { behavior: { notAvailableReasonBlocksCallOnBehalf: false } },
        enabled: false,
        because: [],
      }),
    );
    expect(d.inputs).toEqual({
      tenant: { state: 'Active', enhancedPresencePrivacy: false, notAvailableReasonBlocksCallOnBehalf: false },
      service: { id: 'A', license: 'Enterprise Routing', assignment: 'MS Teams-based', outbound: true, pstnNumber: null },
      user: {
        id: 'alice',
        presence: expect.stringMatching(/^Busy/),
        contactCenterLicense: true,
        flags: ['Not Available Reason', 'Ringing', 'Connected', 'On Hold', 'extended ACW', 'persistent RONA'],
        parkedTasks: 1,
        taskParallelization: true,
        licenses: ['Teams Phone Standard'],
        plans: ['MCOEV'],
      },
      member: true,
    });
    expect(d.because).toEqual(['COB-08', 'PAR-04', 'COB-07', 'ACW-09', 'RONA-11']);
  });

  it('plain ACW and RONA are named as such, and a user without flags has none', () => {
    const flagsOf = (over: UserOverrides) => (callOnBehalfButton(args({ rule: '', user: over, enabled: false, because: [] })).inputs['user'] as { flags: string[] }).flags;
    expect(flagsOf({ flags: { acw: { service: 'A', extended: false }, rona: { service: 'A', persistent: false } } })).toEqual(['ACW', 'RONA']);
    expect(flagsOf({})).toEqual([]);
  });

  it('COB-08: a blocked user gets only the failed blocking check, never also "no blocking state"', () => {
    const d = callOnBehalfButton(args({ rule: '', user: { flags: { ringing: { service: 'A' } } }, enabled: false, because: [] }));
    expect(d.checks.filter((c) => c.rule === 'COB-08').map((c) => c.passed)).toEqual([false]);
  });

  it('COB-09: Task Parallelization without a parked task notes neither COB-09 nor PAR-16', () => {
    const d = callOnBehalfButton(args({ rule: '', user: { tp: 2 }, enabled: true, because: [] }));
    expect(d.verdict).toBe(true);
    expect(d.because).not.toContain('COB-09');
    expect(d.because).not.toContain('PAR-16');
  });

  it('the dial pad reads the same facts, with the PSTN number', () => {
    const withNumber = er({ modalities: { outbound: true }, pstn: { number: '+41445550100' } });
    const d = dialPad(args({ rule: '', svc: withNumber, membership: 'none', enabled: false, because: [] }));
    expect(d.inputs['service']).toEqual({ id: 'A', license: 'Enterprise Routing', assignment: 'MS Teams-based', outbound: true, pstnNumber: '+41445550100' });
    expect(d.inputs['member']).toBe(false);
    expect(d.because).toEqual(['COB-10']);
  });

  it('a PSTN target records the service number, connectivity and licensing setting; a UPN target the tenant domains', () => {
    const svc = er({ modalities: { outbound: true }, pstn: { number: '+41445550100', connectivity: 'Operator Connect' }, resourceAccount: { licenses: [] } });
    expect(callOnBehalfTarget({ tenant: tenant(), service: svc, target: { pstn: '+41791234567' } }).inputs).toEqual({
      service: { id: 'A', pstnNumber: '+41445550100', connectivity: 'Operator Connect' },
      target: { pstn: '+41791234567' },
      directRoutingLicensing: 'resourceAccount',
    });
    expect(callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { pstn: '+41791234567' } }).inputs['service']).toEqual({ id: 'A', pstnNumber: null, connectivity: null });
    expect(callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { user: 'bob', upn: 'bob@contoso.com' } }).inputs).toEqual({
      service: { id: 'A' },
      target: { user: 'bob', upn: 'bob@contoso.com' },
      tenantDomains: ['contoso.com'],
    });
    expect(callOnBehalfTarget({ tenant: tenant(), service: cobService, target: { upn: 'x@contoso.com', isModelledUser: false } }).inputs['target']).toEqual({
      upn: 'x@contoso.com',
      isModelledUser: false,
    });
  });
});
