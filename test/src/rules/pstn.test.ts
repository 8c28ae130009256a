import { describe, expect, it } from 'vitest';
import { bindsPstnLicense, evaluatePstnLicense, firstRespondingServiceBinding, pstnTransfer, servicePstnLicense, type PstnPurpose } from '../../../src/rules/pstn.js';
import type { ServiceFacts } from '../../../src/rules/facts.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';
import { assertWellFormed, cc, tenant } from './fixtures.js';

const RA = 'Microsoft Teams Phone Resource Account';
const dr = (id: string, licenses: string[], connectivity = 'Direct Routing'): ServiceFacts =>
  cc({ id, pstn: { number: '+41445550100', connectivity }, resourceAccount: { upn: `${id.toLowerCase()}@contoso.com`, licenses } });
const noNumber = cc({ id: 'N', resourceAccount: { licenses: [RA] } });

describe('servicePstnLicense', () => {
  const rows: { rule: string; svc: ServiceFacts; purpose: PstnPurpose; behavior?: Partial<BehaviorSettings>; licensed: boolean; because: string[] }[] = [
    { rule: 'LIC-01: a service without PSTN number is not licensed for PSTN', svc: noNumber, purpose: 'outbound', licensed: false, because: ['LIC-01'] },
    { rule: 'LIC-03: Direct Routing needs the resource account license (licensed)', svc: dr('A', [RA]), purpose: 'transfer', licensed: true, because: ['LIC-01', 'LIC-02', 'LIC-03'] },
    { rule: 'LIC-03: Direct Routing needs the resource account license (missing)', svc: dr('A', []), purpose: 'transfer', licensed: false, because: ['LIC-03'] },
    { rule: 'LIC-03: Operator Connect is grouped with Direct Routing', svc: dr('A', [RA], 'Operator Connect'), purpose: 'outbound', licensed: true, because: ['LIC-03'] },
    { rule: 'LIC-04: Calling Plan inbound needs only the resource account', svc: dr('A', [RA], 'Calling Plan'), purpose: 'inbound', licensed: true, because: ['LIC-04'] },
    { rule: 'LIC-04: Calling Plan outbound needs a calling plan', svc: dr('A', [RA], 'Calling Plan'), purpose: 'outbound', licensed: false, because: ['LIC-04'] },
    { rule: 'LIC-04: Calling Plan transfers dial out and need a calling plan', svc: dr('A', [RA], 'Calling Plan'), purpose: 'transfer', licensed: false, because: ['LIC-04'] },
    { rule: 'LIC-04: resource account + pay-as-you-go plan is licensed', svc: dr('A', [RA, 'Microsoft Teams Calling Plan pay-as-you-go'], 'Calling Plan'), purpose: 'outbound', licensed: true, because: ['LIC-04'] },
    { rule: 'LIC-04: a calling plan without the resource account is not enough', svc: dr('A', ['MCOPSTN2'], 'Calling Plan'), purpose: 'outbound', licensed: false, because: ['LIC-04'] },
    {
      rule: 'LIC-06: with behavior.directRoutingLicensing = legacyPhoneSystem, E1 + Phone System is licensed',
      svc: dr('A', ['Office 365 E1', 'Phone System']),
      purpose: 'transfer',
      behavior: { directRoutingLicensing: 'legacyPhoneSystem' },
      licensed: true,
      because: ['LIC-06'],
    },
    {
      rule: 'LIC-06: with legacyPhoneSystem, Phone System alone is not',
      svc: dr('A', ['Teams Phone Standard']),
      purpose: 'transfer',
      behavior: { directRoutingLicensing: 'legacyPhoneSystem' },
      licensed: false,
      because: ['LIC-06'],
    },
    {
      rule: 'LIC-06: legacy wording does not apply to Calling Plan services',
      svc: dr('A', [RA, 'MCOPSTN1'], 'Calling Plan'),
      purpose: 'outbound',
      behavior: { directRoutingLicensing: 'legacyPhoneSystem' },
      licensed: true,
      because: ['LIC-04'],
    },
  ];
  it.each(rows)('$rule', (row) => {
    const d = servicePstnLicense({ tenant: tenant({ behavior: row.behavior ?? {} }), service: row.svc, purpose: row.purpose });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.licensed);
    if (row.licensed) expect(d.because).toEqual(expect.arrayContaining(row.because));
    else expect(d.because).toEqual(row.because);
  });

  it('says that a service without PSTN number has none, and what its resource account holds', () => {
    const d = servicePstnLicense({ tenant: tenant(), service: noNumber, purpose: 'outbound' });
    expect(d.summary).toMatch(/^service N is not licensed to place outbound PSTN calls: service N has no PSTN number and its resource account.* holds no PSTN license \(licenses: [^)]*\), so it is not licensed to place outbound PSTN calls$/);
  });

  it('LIC-04: an inbound Calling Plan service passes on the resource account alone, and the decision says the plan is not needed', () => {
    const d = servicePstnLicense({ tenant: tenant(), service: dr('A', [RA], 'Calling Plan'), purpose: 'inbound' });
    expect(d.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['LIC-01', true],
      ['LIC-02', true],
      ['LIC-04', true],
      ['LIC-04', true],
    ]);
    const outbound = servicePstnLicense({ tenant: tenant(), service: dr('A', [RA], 'Calling Plan'), purpose: 'outbound' });
    expect(outbound.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['LIC-01', true],
      ['LIC-02', true],
      ['LIC-04', true],
      ['LIC-04', false],
    ]);
  });

  it('LIC-02 reads the resource account of the source service', () => {
    const d = servicePstnLicense({ tenant: tenant(), service: dr('B', ['PHONESYSTEM_VIRTUALUSER']), purpose: 'transfer' });
    expect(d.checks.find((c) => c.rule === 'LIC-02')?.detail).toBe("PSTN licenses are read from service B's resource account (b@contoso.com): Microsoft Teams Phone Resource Account");
  });
});

describe('firstRespondingServiceBinding', () => {
  it('XFER-02: the first service that answered is bound, across internal transfers', () => {
    const d = firstRespondingServiceBinding({ firstService: dr('A', []), currentService: dr('B', [RA]) });
    expect(d.verdict).toBe('A');
    expect(d.because).toEqual(['XFER-02']);
    expect(d.summary).toContain('the binding survives the transfer to service B');
  });
  it('XFER-02: without an earlier service the current one is the first', () => {
    const d = firstRespondingServiceBinding({ currentService: dr('B', [RA]) });
    expect(d.verdict).toBe('B');
  });
});

describe('pstnTransfer', () => {
  const A = dr('A', []);
  const Alic = dr('A', [RA]);
  const B = dr('B', [RA]);
  const Bno = dr('B', []);
  const rows: {
    rule: string;
    first: ServiceFacts;
    current: ServiceFacts;
    via: 'workflow' | 'manual';
    behavior?: Partial<BehaviorSettings>;
    allowed: boolean;
    because: string[];
  }[] = [
    { rule: 'XFER-02: a licensed first service carries the transfer from an unlicensed current service', first: Alic, current: Bno, via: 'workflow', allowed: true, because: ['XFER-02', 'XFER-03'] },
    { rule: 'XFER-03 + WF-06: an unlicensed first service fails a workflow transfer even though the current service is licensed', first: A, current: B, via: 'workflow', allowed: false, because: ['LIC-03', 'XFER-03', 'WF-06'] },
    { rule: 'XFER-03: the same service first and current, unlicensed', first: A, current: A, via: 'workflow', allowed: false, because: ['LIC-03', 'XFER-03', 'WF-06'] },
    { rule: 'XFER-03: a first service without PSTN number has no PSTN license', first: noNumber, current: B, via: 'workflow', allowed: false, because: ['LIC-01', 'XFER-03', 'WF-06'] },
    {
      rule: 'XFER-03: manual transfers follow the first-service rule with behavior.firstServiceRuleForManualTransfers true (no Exit route)',
      first: A,
      current: B,
      via: 'manual',
      behavior: { firstServiceRuleForManualTransfers: true },
      allowed: false,
      because: ['LIC-03', 'XFER-03'],
    },
    {
      rule: "LIC-02: with behavior.firstServiceRuleForManualTransfers false the current service's license decides (allowed)",
      first: A,
      current: B,
      via: 'manual',
      behavior: { firstServiceRuleForManualTransfers: false },
      allowed: true,
      because: ['XFER-02', 'LIC-02', 'LIC-03'],
    },
    {
      rule: "LIC-02: with behavior.firstServiceRuleForManualTransfers false the current service's license decides (refused)",
      first: Alic,
      current: Bno,
      via: 'manual',
      behavior: { firstServiceRuleForManualTransfers: false },
      allowed: false,
      because: ['LIC-03'],
    },
    {
      rule: 'XFER-02: the setting does not change workflow transfers',
      first: A,
      current: B,
      via: 'workflow',
      behavior: { firstServiceRuleForManualTransfers: false },
      allowed: false,
      because: ['LIC-03', 'XFER-03', 'WF-06'],
    },
  ];
  it.each(rows)('$rule', (row) => {
    const d = pstnTransfer({ tenant: tenant({ behavior: row.behavior ?? {} }), firstService: row.first, currentService: row.current, via: row.via });
    assertWellFormed(d);
    expect(d.verdict).toBe(row.allowed);
    if (row.allowed) expect(d.because).toEqual(expect.arrayContaining(row.because));
    else expect(d.because).toEqual(row.because);
  });

  it('XFER-03 names both services and the missing license', () => {
    const d = pstnTransfer({ tenant: tenant(), firstService: A, currentService: B, via: 'workflow' });
    expect(d.checks.find((c) => c.rule === 'XFER-03')?.detail).toBe(
      'first service A has no PSTN license (missing Microsoft Teams Phone Resource Account), so the PSTN transfer from service B fails even though service B is licensed',
    );
    expect(d.checks.find((c) => c.rule === 'WF-06')?.detail).toContain('Exit announcement route');
  });

  it('names who transfers: the user, or the workflow of a service; nobody when the caller does not say', () => {
    const byUser = pstnTransfer({ tenant: tenant(), firstService: A, currentService: B, via: 'workflow', by: { user: 'carl' } });
    expect(byUser.summary).toMatch(/^PSTN transfer by user carl from service B fails: /);
    expect(byUser.inputs).toMatchObject({ via: 'workflow', transferredBy: 'user carl' });
    const byWorkflow = pstnTransfer({ tenant: tenant(), firstService: B, currentService: B, via: 'workflow', by: { workflowOf: 'B' } });
    expect(byWorkflow).toMatchObject({ verdict: true, summary: 'PSTN transfer by the workflow of service B from service B allowed on its PSTN license' });
    const manual = pstnTransfer({ tenant: tenant({ behavior: { firstServiceRuleForManualTransfers: false } }), firstService: A, currentService: B, via: 'manual', by: { user: 'lea' } });
    expect(manual.summary).toBe('manual PSTN transfer by user lea from service B allowed on its own PSTN license');
    const unnamed = pstnTransfer({ tenant: tenant(), firstService: A, currentService: B, via: 'workflow' });
    expect(unnamed.summary).toMatch(/^PSTN transfer from service B fails: /);
    expect(unnamed.summary).not.toContain('by workflow');
    expect(unnamed.inputs).toMatchObject({ transferredBy: null });
    assertWellFormed(byUser);
  });

  it('names the setting when the current service decided', () => {
    const d = pstnTransfer({ tenant: tenant({ behavior: { firstServiceRuleForManualTransfers: false } }), firstService: A, currentService: B, via: 'manual' });
    expect(d.checks[0]?.detail).toBe("behavior.firstServiceRuleForManualTransfers is false: for this manual transfer the current service B's own PSTN license decides, not first service A's");
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind a decision: a rule
// that read the wrong service must show it here, whatever its sentences say.
describe('PSTN decisions record the facts they read', () => {
  const A = dr('A', []);
  const B = dr('B', [RA]);

  it('XFER-02: pstnTransfer reads the first service and the current one separately', () => {
    const d = pstnTransfer({ tenant: tenant(), firstService: A, currentService: B, via: 'workflow' });
    expect(d.inputs).toEqual({
      firstService: { id: 'A', pstnNumber: '+41445550100', connectivity: 'Direct Routing', licenses: [] },
      currentService: { id: 'B', pstnNumber: '+41445550100', connectivity: 'Direct Routing', licenses: [RA] },
      via: 'workflow',
      transferredBy: null,
      firstServiceRuleForManualTransfers: true,
      directRoutingLicensing: 'resourceAccount',
    });
  });

  it('XFER-02: without a first service the current one is read as the first', () => {
    const d = pstnTransfer({ tenant: tenant(), currentService: noNumber, via: 'manual' });
    expect(d.inputs['firstService']).toEqual({ id: 'N', pstnNumber: null, connectivity: null, licenses: [RA] });
    expect(d.because).toEqual(['LIC-01', 'XFER-03']);
  });

  it('servicePstnLicense reads the number, the connectivity and the resource account', () => {
    expect(servicePstnLicense({ tenant: tenant(), service: B, purpose: 'inbound' }).inputs).toEqual({
      service: { id: 'B', pstnNumber: '+41445550100', connectivity: 'Direct Routing', resourceAccountLicenses: [RA] },
      purpose: 'inbound',
      directRoutingLicensing: 'resourceAccount',
    });
    expect(servicePstnLicense({ tenant: tenant(), service: noNumber, purpose: 'outbound' }).inputs['service']).toEqual({
      id: 'N',
      pstnNumber: null,
      connectivity: null,
      resourceAccountLicenses: [RA],
    });
  });

  it('XFER-02: firstRespondingServiceBinding names both services it compared', () => {
    const d = firstRespondingServiceBinding({ firstService: A, currentService: B });
    expect(d.inputs).toEqual({ firstService: 'A', currentService: 'B' });
    expect(d.checks).toEqual([{ rule: 'XFER-02', passed: true, detail: d.summary }]);
  });
});

describe('bindsPstnLicense (XFER-02)', () => {
  it('the first service to answer binds the license', () => {
    const d = bindsPstnLicense({ firstRespondingService: null, service: 'A' });
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['XFER-02']);
    expect(d.inputs).toEqual({ firstRespondingService: null, service: 'A' });
  });

  it('a later service does not rebind it', () => {
    const d = bindsPstnLicense({ firstRespondingService: 'A', service: 'B' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['XFER-02']);
    expect(d.inputs).toEqual({ firstRespondingService: 'A', service: 'B' });
  });
});

describe('evaluatePstnLicense: what is missing (lint lists it)', () => {
  const rows: { name: string; svc: ServiceFacts; purpose: PstnPurpose; behavior?: Partial<BehaviorSettings>; missing: string[] }[] = [
    { name: 'LIC-01: no number', svc: noNumber, purpose: 'transfer', missing: ['a PSTN number'] },
    { name: 'LIC-03: licensed Direct Routing', svc: dr('A', [RA]), purpose: 'transfer', missing: [] },
    { name: 'LIC-03: Direct Routing without the resource account license', svc: dr('A', []), purpose: 'outbound', missing: [RA] },
    { name: 'LIC-04: Calling Plan without anything', svc: dr('A', [], 'Calling Plan'), purpose: 'outbound', missing: [RA, 'a calling plan'] },
    { name: 'LIC-04: Calling Plan inbound needs no calling plan', svc: dr('A', [], 'Calling Plan'), purpose: 'inbound', missing: [RA] },
    { name: 'LIC-04: Calling Plan with both', svc: dr('A', [RA, 'MCOPSTN1'], 'Calling Plan'), purpose: 'transfer', missing: [] },
    {
      name: 'LIC-06: legacy wording, nothing held',
      svc: dr('A', []),
      purpose: 'transfer',
      behavior: { directRoutingLicensing: 'legacyPhoneSystem' },
      missing: ['Microsoft 365 E1/E3 + Phone System or Microsoft 365 E5'],
    },
  ];
  it.each(rows)('$name', (row) => {
    const e = evaluatePstnLicense(tenant({ behavior: row.behavior ?? {} }), row.svc, row.purpose);
    expect(e.missing).toEqual(row.missing);
    expect(e.licensed).toBe(row.missing.length === 0);
  });

  it('LIC-06: Microsoft 365 E5 alone is enough, E3 needs Phone System beside it', () => {
    const legacy = tenant({ behavior: { directRoutingLicensing: 'legacyPhoneSystem' } });
    expect(evaluatePstnLicense(legacy, dr('A', ['Microsoft 365 E5']), 'transfer').licensed).toBe(true);
    expect(evaluatePstnLicense(legacy, dr('A', ['Microsoft 365 E3']), 'transfer').licensed).toBe(false);
    expect(evaluatePstnLicense(legacy, dr('A', ['Microsoft 365 E3', 'Teams Phone Standard']), 'transfer').licensed).toBe(true);
    expect(evaluatePstnLicense(legacy, dr('A', ['Office 365 E1', 'Teams Phone Standard']), 'transfer').licensed).toBe(true);
  });
});
