import { describe, expect, it } from 'vitest';
import { isSelectable, onTheCall, showsAvailable } from '../../../src/rules/selectability.js';
import type { UserStatus } from '../../../src/domain/enums.js';
import type { Membership, ServiceFacts, TenantFacts, UserFacts } from '../../../src/rules/facts.js';
import { assertWellFormed, cc, er, failedRules, member, service, tenant, user, type UserOverrides } from './fixtures.js';
import type { BehaviorSettings } from '../../../src/domain/model.js';

const teams = cc({ id: 'A' });
const skills = service({ id: 'S', license: 'Contact Center', assignment: 'Skill-based' });

interface Row {
  rule: string;
  svc?: ServiceFacts;
  user?: UserOverrides;
  /** Membership: default an active Agent membership of the row's service. */
  membership?: Partial<Membership> | 'none';
  tenant?: Partial<Omit<TenantFacts, 'behavior'>> & { behavior?: Partial<BehaviorSettings> };
  selectable: boolean;
  /** Exact `because` for refusals; must-contain for Selectable. */
  because: string[];
}

const rows: Row[] = [
  { rule: 'US-03: an online, eligible, Active member without flags is Selectable', selectable: true, because: ['US-01', 'SVC-11', 'PRES-02', 'US-03', 'SVC-08', 'PRES-10', 'US-08'] },
  { rule: 'SVC-11: nobody is selectable while the tenant is Suspended', tenant: { state: 'Suspended' }, selectable: false, because: ['SVC-11'] },
  { rule: 'PRES-01 (layer 1): an Offline user is Not Selectable', user: { presence: 'Offline' }, selectable: false, because: ['PRES-01'] },
  { rule: 'PRES-09 (layer 1): privacy mode makes everyone Not Selectable', tenant: { enhancedPresencePrivacy: true }, selectable: false, because: ['PRES-09', 'PRES-01'] },
  { rule: 'US-03: a user who is not a member of the Teams-based service is Not Selectable', membership: 'none', selectable: false, because: ['US-03', 'PRES-10'] },
  { rule: 'US-03: a membership of another service does not count', membership: { service: 'Z' }, selectable: false, because: ['US-03', 'PRES-10'] },
  { rule: 'SVC-08 + US-12: the Active toggle off makes the user Not Selectable', membership: { active: false }, selectable: false, because: ['SVC-08', 'US-12', 'PRES-10'] },
  {
    rule: 'PRES-10: an ineligible presence and an inactive toggle both count, PRES-10 only when presence was eligible',
    user: { presence: 'Offline' },
    membership: { active: false },
    selectable: false,
    because: ['PRES-01', 'SVC-08', 'US-12'],
  },
  { rule: 'SVC-04: a service with user assignment None has nobody to select', svc: cc({ assignment: 'None' }), selectable: false, because: ['SVC-04', 'PRES-10'] },
  { rule: 'US-05: Off Duty does not exclude from an MS Teams-based service', user: { duty: 'Off Duty' }, selectable: true, because: ['US-05', 'US-03', 'SVC-08'] },
  { rule: 'US-04: Skill-based: CC license, assigned, On Duty is Selectable', svc: skills, user: { ccLicense: true }, selectable: true, because: ['SVC-10', 'US-04', 'US-05', 'US-08'] },
  { rule: 'US-04 + SVC-10: Skill-based needs the user Contact Center license', svc: skills, selectable: false, because: ['US-04', 'SVC-10', 'PRES-10'] },
  { rule: 'US-05: Off Duty excludes from Contact Center (Skill-based) distribution', svc: skills, user: { ccLicense: true, duty: 'Off Duty' }, selectable: false, because: ['US-05', 'PRES-10'] },
  { rule: 'US-04: Skill-based needs the user assigned to the service', svc: skills, user: { ccLicense: true }, membership: 'none', selectable: false, because: ['US-04', 'PRES-10'] },
  {
    rule: 'SVC-10: a Skill-based service without a Contact Center license cannot route by skills',
    svc: service({ id: 'S', license: 'Enterprise Routing', assignment: 'Skill-based' }),
    user: { ccLicense: true },
    selectable: false,
    because: ['SVC-10', 'PRES-10'],
  },
  { rule: 'US-08: a pending Not Available Reason blocks', user: { flags: { notAvailableReason: true } }, selectable: false, because: ['US-08'] },
  { rule: 'US-09: Ringing for this service blocks', user: { flags: { ringing: { service: 'A' } } }, selectable: false, because: ['US-09'] },
  {
    rule: 'US-13: Ringing for another service blocks with behavior.blockingFlagScope = allServices',
    user: { flags: { ringing: { service: 'B' } } },
    tenant: { behavior: { blockingFlagScope: 'allServices' } },
    selectable: false,
    because: ['US-09', 'US-13'],
  },
  {
    rule: 'US-13: Ringing for another service does not block with behavior.blockingFlagScope = causingService',
    user: { flags: { ringing: { service: 'B' } } },
    tenant: { behavior: { blockingFlagScope: 'causingService' } },
    selectable: true,
    because: ['US-13'],
  },
  { rule: 'US-10: Connected blocks', user: { flags: { connected: { service: 'A' } }, activeTask: true }, selectable: false, because: ['US-10'] },
  {
    rule: 'US-13: Connected in another service blocks with allServices',
    user: { flags: { connected: { service: 'B' } }, activeTask: true },
    selectable: false,
    because: ['US-10', 'US-13'],
  },
  {
    rule: 'US-13: Connected in another service does not block with causingService',
    user: { flags: { connected: { service: 'B' } }, activeTask: true },
    tenant: { behavior: { blockingFlagScope: 'causingService' } },
    selectable: true,
    because: ['US-13'],
  },
  { rule: 'RONA-04: a RONA flag blocks', user: { flags: { rona: { service: 'A', persistent: false } } }, selectable: false, because: ['RONA-04'] },
  {
    rule: 'RONA-04 + US-13: RONA from another service does not block with causingService',
    user: { flags: { rona: { service: 'B', persistent: true } }, ccLicense: true },
    tenant: { behavior: { blockingFlagScope: 'causingService' } },
    selectable: true,
    because: ['US-13'],
  },
  {
    rule: 'RONA-12: persistent RONA applies with Task Parallelization',
    user: { flags: { rona: { service: 'A', persistent: true } }, ccLicense: true, tp: true, parkedTasks: 1 },
    selectable: false,
    because: ['RONA-04', 'RONA-12'],
  },
  {
    rule: 'ACW-04: ACW of another service blocks even with causingService',
    user: { flags: { acw: { service: 'B', extended: false } } },
    tenant: { behavior: { blockingFlagScope: 'causingService' } },
    selectable: false,
    because: ['ACW-04'],
  },
  { rule: 'ACW-04: extended ACW blocks', user: { flags: { acw: { service: 'A', extended: true } } }, selectable: false, because: ['ACW-04'] },
  { rule: 'PAR-04: hold blocks even with Task Parallelization', user: { flags: { onHold: { service: 'A' } }, tp: true }, selectable: false, because: ['PAR-04'] },
  {
    rule: 'PAR-03: without TP a parked task keeps the user Connected (engine sets flags.connected)',
    user: { parkedTasks: 1, flags: { connected: { service: 'A' } } },
    selectable: false,
    because: ['US-10', 'PAR-03'],
  },
  { rule: 'PAR-03: a parked task blocks without TP even if the Connected flag is missing', user: { parkedTasks: 1 }, selectable: false, because: ['PAR-03'] },
  { rule: 'PAR-14: with TP a parked task below the limit does not block', user: { parkedTasks: 1, tp: 2 }, selectable: true, because: ['PAR-15', 'PAR-14'] },
  { rule: 'PAR-14 + PAR-15: with TP parking blocks at the limit', user: { parkedTasks: 2, tp: 2 }, selectable: false, because: ['PAR-14'] },
  { rule: 'PAR-15: the user limit of 3 lets two parked tasks through', user: { parkedTasks: 2, tp: 3 }, selectable: true, because: ['PAR-15', 'PAR-14'] },
  {
    rule: 'US-11: Busy with the Busy opt-in counts as selectable',
    svc: cc({ distribution: { busyAvailable: true } }),
    user: { presence: 'Busy' },
    selectable: true,
    because: ['PRES-05', 'PRES-10'],
  },
];

function run(row: Row) {
  const s = row.svc ?? teams;
  const u: UserFacts = user('alice', row.user ?? {});
  const m = row.membership === 'none' ? undefined : member(u, s, row.membership ?? {});
  return isSelectable({ tenant: tenant(row.tenant ?? {}), service: s, user: u, membership: m });
}

describe('isSelectable (US-01 layered check)', () => {
  it.each(rows)('$rule', (row) => {
    const d = run(row);
    assertWellFormed(d);
    expect(d.verdict).toBe(row.selectable);
    if (row.selectable) {
      expect(d.because).toEqual(expect.arrayContaining(row.because));
      expect(failedRules(d)).toEqual([]);
    } else {
      expect(d.because).toEqual(row.because);
    }
  });

  it('explains a cross-service flag with both services and the setting', () => {
    const d = run({ rule: '', user: { flags: { ringing: { service: 'B' } } }, tenant: { behavior: { blockingFlagScope: 'causingService' } }, selectable: true, because: [] });
    expect(d.checks.find((c) => c.rule === 'US-13')?.detail).toBe(
      'user alice is Ringing (reserved for an offered task) for service B; behavior.blockingFlagScope is causingService, so it does not block service A',
    );
  });

  it('summarises the refusal in one sentence naming user and service', () => {
    const d = run({ rule: '', membership: { active: false }, selectable: false, because: [] });
    expect(d.summary).toMatch(/^user alice is Not Selectable for service A: user alice's Active toggle for service A is off/);
  });

  it('records the skills assumption for Skill-based services', () => {
    const d = run({ rule: '', svc: skills, user: { ccLicense: true }, selectable: true, because: [] });
    expect(d.checks.some((c) => c.rule === 'US-04' && c.detail.includes('not modelled'))).toBe(true);
  });

  it('works with an ER service too (no tier condition for Teams-based)', () => {
    const s = er({ id: 'E' });
    const u = user('bob');
    expect(isSelectable({ tenant: tenant(), service: s, user: u, membership: member(u, s) }).verdict).toBe(true);
  });
});

describe('showsAvailable (US-08)', () => {
  const shows = (...held: UserStatus[]) => showsAvailable(new Set(held));

  it('each blocking flag, and Offline, keeps a user from showing Available', () => {
    for (const status of ['Not Available', 'RONA', 'Ringing', 'Connected', 'On Hold', 'ACW', 'Offline'] as const) expect(shows(status), status).toBe(false);
  });

  it('no status, or only a parked task, shows Available', () => {
    expect(shows()).toBe(true);
    expect(shows('Parked')).toBe(true);
  });
});

describe('LIC-05 in selectability', () => {
  const s = cc({ id: 'A' });
  const check = (licenses: string[]) => {
    const u = user('nick', { licenses });
    return isSelectable({ tenant: tenant(), service: s, user: u, membership: member(u, s) });
  };

  it('a member without Teams Phone is Not Selectable; the refusal cites LIC-05 with the licenses and plans it read', () => {
    const d = check(['Office 365 E1']);
    assertWellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['LIC-05']);
    expect(d.inputs['user']).toMatchObject({ licenses: ['Office 365 E1'] });
    expect(d.checks.find((c) => c.rule === 'LIC-05')?.detail).toMatch(/^user nick lacks Teams Phone Standard \(licenses: Office 365 E1; plans: .*\), needed by users who handle calls/);
  });

  it('no license at all is refused the same way', () => {
    expect(check([]).because).toEqual(['LIC-05']);
  });

  it('a suite whose plans include Teams Phone (Microsoft 365 E5, plan MCOEV) is enough', () => {
    const d = check(['Microsoft 365 E5']);
    expect(d.verdict).toBe(true);
    expect(d.because).toContain('LIC-05');
    expect(d.inputs['user']).toMatchObject({ licenses: ['Microsoft 365 E5'], plans: ['MCOEV', 'TEAMS1'] });
  });

  it('a SKU part number counts like its display name', () => {
    expect(check(['MCOEV']).verdict).toBe(true);
  });
});

describe('onTheCall (US-10, PAR-11)', () => {
  const ask = (over: Partial<Parameters<typeof onTheCall>[0]>) =>
    onTheCall({ action: 'park', user: 'ann', call: 'c1', connectedUser: 'ann', parkedBy: null, parkedUserMay: false, ...over });

  it('the connected user may act on the call', () => {
    const d = ask({});
    assertWellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['US-10']);
  });

  it('another user may not, and the refusal names who is on the call', () => {
    const d = ask({ connectedUser: 'bob' });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['US-10']);
    expect(d.summary).toBe('user ann cannot park c1: user ann is not Connected to c1 (its user is bob)');
  });

  it('the user who parked the call may hang up or consult from it; another parking user may not', () => {
    expect(ask({ action: 'hang up', connectedUser: null, parkedBy: 'ann', parkedUserMay: true }).because).toEqual(['PAR-11']);
    const other = ask({ action: 'hang up', connectedUser: null, parkedBy: 'bob', parkedUserMay: true });
    expect(other.verdict).toBe(false);
    expect(other.because).toEqual(['US-10', 'PAR-11']);
  });

  it('without parkedUserMay, having parked the call is not enough', () => {
    expect(ask({ connectedUser: null, parkedBy: 'ann' }).verdict).toBe(false);
  });
});

// The inputs are what `why`, the reports and a failed assertion show as the facts behind selectability.
describe('selectability decisions record the facts they read', () => {
  it('isSelectable reads the tenant, the service, every flag of the user and the membership', () => {
    const u = user('ann', {
      ccLicense: true,
      tp: 3,
      parkedTasks: 1,
      duty: 'Off Duty',
      flags: {
        notAvailableReason: true,
        ringing: { service: 'A' },
        connected: { service: 'B' },
        onHold: { service: 'B' },
        acw: { service: 'C', extended: false },
        rona: { service: 'A', persistent: true },
      },
    });
    const d = isSelectable({ tenant: tenant({ behavior: { blockingFlagScope: 'causingService' } }), service: teams, user: u, membership: member(u, teams, { active: false }) });
    expect(d.inputs).toEqual({
      tenant: { state: 'Active', blockingFlagScope: 'causingService' },
      service: { id: 'A', license: 'Contact Center', assignment: 'MS Teams-based' },
      user: {
        id: 'ann',
        presence: 'Available',
        duty: 'Off Duty',
        contactCenterLicense: true,
        licenses: ['Teams Phone Standard'],
        plans: ['MCOEV'],
        flags: ['Not Available Reason', 'Ringing(A)', 'Connected(B)', 'On Hold(B)', 'ACW(C)', 'persistent RONA(A)'],
        parkedTasks: 1,
        taskParallelization: true,
      },
      membership: { active: false, role: 'Agent' },
    });
    const rona = user('bob', { flags: { rona: { service: 'A', persistent: false } } });
    expect((isSelectable({ tenant: tenant(), service: teams, user: rona }).inputs['user'] as { flags: string[] }).flags).toEqual(['RONA(A)']);
    expect(isSelectable({ tenant: tenant(), service: teams, user: rona, membership: undefined }).inputs['membership']).toBeNull();
  });
  it('onTheCall reads the action, the user, the call, who is on it and who parked it', () => {
    const d = onTheCall({ action: 'consult', user: 'ann', call: 'c1', connectedUser: 'bob', parkedBy: 'ann', parkedUserMay: true });
    expect(d.inputs).toEqual({ action: 'consult', user: 'ann', call: 'c1', connectedUser: 'bob', parkedBy: 'ann', parkedUserMay: true });
  });
});

// Which checks a decision holds, passed or failed, is what `why` walks and a report lists: a note or a passed
// check that should not be there (or a missing one) changes the explanation even when the verdict stands.
describe('isSelectable records each layer it checked, and only those', () => {
  const checksOf = (row: Omit<Row, 'rule' | 'because' | 'selectable'>) => run({ rule: '', because: [], selectable: true, ...row }).checks.map((c) => [c.rule, c.passed]);
  const layer1 = [
    ['US-01', true],
    ['SVC-11', true],
    ['PRES-09', true],
    ['PRES-02', true],
    ['LIC-05', true],
  ];

  it('US-08: an unflagged On Duty member gets no Off Duty note, no Task Parallelization checks, and one passed US-08', () => {
    expect(checksOf({})).toEqual([...layer1, ['US-03', true], ['SVC-08', true], ['PRES-10', true], ['US-08', true]]);
  });
  it('US-05: an Off Duty user of a Skill-based service gets no note that their On Duty profile satisfies the skills', () => {
    expect(checksOf({ svc: skills, user: { ccLicense: true, duty: 'Off Duty' } })).toEqual([
      ...layer1,
      ['SVC-10', true],
      ['US-04', true],
      ['US-04', true],
      ['SVC-10', true],
      ['US-05', false],
      ['PRES-10', false],
      ['US-08', true],
    ]);
  });
  it('US-08: a blocked user gets the failed flags and no passed "no blocking flag" check', () => {
    expect(checksOf({ user: { parkedTasks: 1, flags: { ringing: { service: 'A' } } } }).slice(5)).toEqual([
      ['US-03', true],
      ['SVC-08', true],
      ['PRES-10', true],
      ['US-09', false],
      ['PAR-03', false],
    ]);
  });
  it('PAR-14, PAR-15: a parked task without Task Parallelization is PAR-03 alone, never measured against the TP limit', () => {
    const rules = checksOf({ user: { parkedTasks: 1 } }).map(([rule]) => rule);
    expect(rules).toContain('PAR-03');
    expect(rules).not.toContain('PAR-14');
    expect(rules).not.toContain('PAR-15');
  });
  it('PAR-14, PAR-15: a Task Parallelization user with no parked task is not measured against the TP limit', () => {
    const rules = checksOf({ user: { tp: 2 } }).map(([rule]) => rule);
    expect(rules).not.toContain('PAR-14');
    expect(rules).not.toContain('PAR-15');
  });
});

describe('isSelectable: flags caused by another service (US-13) and what they bring with them', () => {
  const causing = { behavior: { blockingFlagScope: 'causingService' as const } };
  const all = { behavior: { blockingFlagScope: 'allServices' as const } };
  it('PAR-03: with causingService, a parked task of a call Connected in another service does not block this one', () => {
    const d = run({ rule: '', user: { parkedTasks: 1, flags: { connected: { service: 'B' } } }, tenant: causing, selectable: true, because: [] });
    expect(d.verdict).toBe(true);
    expect(failedRules(d)).toEqual([]);
  });
  it('PAR-03: with allServices, it blocks, as Connected and as a parked task', () => {
    const d = run({ rule: '', user: { parkedTasks: 1, flags: { connected: { service: 'B' } } }, tenant: all, selectable: false, because: [] });
    expect(d.because).toEqual(['US-10', 'US-13', 'PAR-03']);
  });
  it('RONA-12: persistent RONA of another service adds RONA-12 only where it blocks', () => {
    const flags = { rona: { service: 'B', persistent: true } };
    const blocked = run({ rule: '', user: { ccLicense: true, tp: true, flags }, tenant: all, selectable: false, because: [] });
    expect(blocked.because).toEqual(['RONA-04', 'US-13', 'RONA-12']);
    const free = run({ rule: '', user: { ccLicense: true, tp: true, flags }, tenant: causing, selectable: true, because: [] });
    expect(free.checks.map((c) => c.rule)).not.toContain('RONA-12');
  });
  it('RONA-12: needs both a persistent RONA and Task Parallelization', () => {
    expect(run({ rule: '', user: { ccLicense: true, flags: { rona: { service: 'A', persistent: true } } }, selectable: false, because: [] }).because).toEqual(['RONA-04']);
    expect(run({ rule: '', user: { tp: true, flags: { rona: { service: 'A', persistent: false } } }, selectable: false, because: [] }).because).toEqual(['RONA-04']);
  });
  it("US-03: another user's membership of this service does not make the user a member", () => {
    const ann = user('ann');
    const d = isSelectable({ tenant: tenant(), service: teams, user: ann, membership: member(user('bob'), teams) });
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['US-03', 'PRES-10']);
  });
});

describe('LIC-05 inputs: the plans of every license, each once', () => {
  it('a plan two licenses grant is listed once; a license the catalogue does not know grants none', () => {
    const d = isSelectable({ tenant: tenant(), service: teams, user: user('ann', { licenses: ['Microsoft 365 E5', 'Teams Phone Standard', 'Contoso Custom Plan'] }) });
    const { licenses, plans } = d.inputs['user'] as { licenses: string[]; plans: string[] };
    expect(licenses).toEqual(['Microsoft 365 E5', 'Teams Phone Standard', 'Contoso Custom Plan']);
    expect(plans).toEqual([...new Set(plans)]);
    expect(plans).toContain('MCOEV');
    const unknown = isSelectable({ tenant: tenant(), service: teams, user: user('ann', { licenses: ['Contoso Custom Plan'] }) });
    expect(unknown.inputs['user']).toMatchObject({ licenses: ['Contoso Custom Plan'], plans: [] });
  });
});

describe('onTheCall: PAR-11 only where the parking user may act', () => {
  const ask = (over: Partial<Parameters<typeof onTheCall>[0]>) =>
    onTheCall({ action: 'hang up', user: 'ann', call: 'c1', connectedUser: null, parkedBy: null, parkedUserMay: true, ...over });
  it('the user who parked the call may act on it', () => {
    expect(ask({ parkedBy: 'ann' })).toMatchObject({ verdict: true, because: ['PAR-11'] });
  });
  it('a call nobody parked, or an action the parking user may not take, is refused on US-10 alone', () => {
    expect(ask({ connectedUser: 'bob' }).because).toEqual(['US-10']);
    expect(ask({ connectedUser: 'bob', parkedBy: 'bob', parkedUserMay: false }).because).toEqual(['US-10']);
  });
});
