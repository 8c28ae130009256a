import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenarioText } from '../../../sim/scenario/load.js';
import { valid } from './helpers.js';

describe('the spec section 5 example (Scenario B)', () => {
  const scenario = loadScenarioFile(valid('scenario-b.yaml'));

  it('keeps name, tags, file and one source line per step', () => {
    expect(scenario.name).toBe('Scenario B - first responding service has no PSTN license');
    expect(scenario.tags).toEqual(['licensing', 'transfer']);
    expect(scenario.file).toBe(valid('scenario-b.yaml'));
    expect(scenario.stepLines).toEqual([18, 19, 20, 21, 22, 23, 24]);
  });

  it('applies the documented defaults', () => {
    expect(scenario.seed).toBe(1);
    expect(scenario.tenant.name).toBe('Contoso');
    expect(scenario.tenant.state).toBe('Active');
    expect(scenario.tenant.domains).toBeUndefined();
    expect(scenario.tenant.consents).toEqual([]);
    expect(scenario.tenant.maxScheduledOutboundPerService).toBe(20);
    const [b, c] = scenario.services;
    expect(b?.modalities).toMatchObject({ inbound: true, outbound: false, outboundWithWorkflow: false });
    expect(b?.distribution).toMatchObject({ type: 'Direct Conference', ringTimeout: 30_000, persistentRona: false, ronaResetTime: 600_000 });
    expect(b?.distribution.acw).toEqual({ enabled: false, duration: 20_000, allowEarlyEnd: true, extension: 60_000 });
    expect(b?.workflow).toEqual(['Accept', 'Queue']);
    expect(b?.pstn).toBeUndefined();
    expect(b?.resourceAccount.licenses).toEqual([]);
    expect(b?.members).toEqual([{ user: 'bea', active: true, role: 'Agent' }]);
    expect(c?.pstn).toEqual({ number: '+41445550300', connectivity: 'Direct Routing' });
    expect(c?.resourceAccount.licenses).toEqual(['Microsoft Teams Phone Resource Account']);
    const bea = scenario.users[0];
    expect(bea).toMatchObject({ id: 'bea', upn: 'bea@contoso.com', licenses: ['Teams Phone Standard'], presence: 'Available', duty: 'On Duty', nimbusLicense: [] });
  });

  it('turns each step into { verb, args } with canonical values', () => {
    expect(scenario.steps.map((s) => s.verb)).toEqual(['inboundCall', 'answer', 'transfer', 'answer', 'expect', 'transfer', 'expect']);
    expect(scenario.steps[0]).toEqual({ verb: 'inboundCall', args: { call: 'c1', from: '+41791110000', to: 'B' } });
    expect(scenario.steps[2]).toEqual({ verb: 'transfer', args: { call: 'c1', by: 'bea', to: { service: 'C' }, mode: 'blind' } });
    expect(scenario.steps[5]?.args).toMatchObject({ to: { pstn: '+41795550199' } });
    expect(scenario.steps[4]).toEqual({ verb: 'expect', args: { pstnLicenseFrom: [{ call: 'c1', service: 'B' }] } });
    expect(scenario.steps[6]).toEqual({
      verb: 'expect',
      args: { lastResult: { ok: false, because: ['XFER-03'] }, session: [{ call: 'c1', service: 'C', outcome: 'Transfer Failed' }] },
    });
  });
});

describe('spellings, licenses and durations', () => {
  const scenario = loadScenarioFile(valid('spellings.yaml'));
  const user = (id: string) => scenario.users.find((u) => u.id === id);

  it('treats DoNotDisturb, do-not-disturb and Do Not Disturb as one canonical value', () => {
    expect(user('dora')?.presence).toBe('Do Not Disturb');
    expect(user('dana')?.presence).toBe('Do Not Disturb');
    expect(user('dina')?.presence).toBe('Do Not Disturb');
    expect(user('dina')?.duty).toBe('Off Duty');
    expect(scenario.tenant.state).toBe('Trial');
    expect(scenario.services[0]).toMatchObject({ license: 'Contact Center', assignment: 'MS Teams-based' });
    expect(scenario.services[0]?.distribution.type).toBe('Direct Conference');
    expect(scenario.services[0]?.pstn).toEqual({ number: '+41445550100', connectivity: 'Calling Plan' });
  });

  it('resolves SKU part numbers to the display name', () => {
    expect(user('dora')?.licenses).toEqual(['Teams Phone Standard']);
    expect(user('dina')?.licenses).toEqual(['Teams Phone Standard']);
    expect(scenario.services[0]?.resourceAccount.licenses).toEqual(['Microsoft Teams Phone Resource Account', 'Microsoft Teams Domestic Calling Plan']);
  });

  it('lower-cases UPNs and expands bare member ids', () => {
    expect(user('dora')?.upn).toBe('dora@contoso.com');
    expect(scenario.services[0]?.members.map((m) => m.user)).toEqual(['dora', 'dana', 'dina']);
  });

  it('reads durations as milliseconds, including 1h30m, 00:10:00 and bare seconds', () => {
    const distribution = scenario.services[0]?.distribution;
    expect(distribution?.ringTimeout).toBe(20_000);
    expect(distribution?.ronaResetTime).toBe(90 * 60_000);
    expect(distribution?.acw).toMatchObject({ enabled: true, duration: 600_000, extension: 500 });
    expect(scenario.steps[0]).toEqual({ verb: 'wait', args: 5_400_000 });
    expect(scenario.steps[1]).toEqual({ verb: 'wait', args: 600_000, note: 'clock form' });
    expect(scenario.steps[2]).toMatchObject({ verb: 'presence', at: 7_200_000, args: { user: 'dora', availability: 'Available' } });
    expect(scenario.steps[3]).toMatchObject({ verb: 'duty', after: 1_500 });
    expect(scenario.steps[4]).toEqual({ verb: 'wait', args: 90_000 });
    expect(scenario.stepLines).toEqual([23, 24, 26, 28, 30]);
  });
});

describe('file encodings and YAML conveniences', () => {
  const text = readFileSync(valid('scenario-b.yaml'), 'utf8');
  const plain = parseScenarioText(text, valid('scenario-b.yaml'));

  it('reads a file with a byte order mark and CRLF line ends like the plain one', () => {
    const windows = parseScenarioText(`\uFEFF${text.replace(/\n/g, '\r\n')}`, valid('scenario-b.yaml'));
    expect(windows).toEqual(plain);
  });

  it('reports the same line and column for a mistake in a BOM + CRLF file', () => {
    const broken = text.replace('presence: Available }\nsteps', 'presence: Availabel }\nsteps');
    const positionOf = (source: string) => {
      try {
        parseScenarioText(source, 'x.yaml');
      } catch (error) {
        const problem = (error as { problems: { line: number; column: number }[] }).problems[0];
        return problem && `${problem.line}:${problem.column}`;
      }
      return 'no error';
    };
    expect(positionOf(broken)).toBe('16:84');
    expect(positionOf(`\uFEFF${broken.replace(/\n/g, '\r\n')}`)).toBe('16:84');
  });

  it('accepts anchors, merge keys and x- scratch keys at the top level', () => {
    const scenario = loadScenarioFile(valid('anchors.yaml'));
    expect(scenario.users.map((u) => [u.id, u.presence, u.licenses, u.nimbusLicense])).toEqual([
      ['a1', 'Available', ['Teams Phone Standard'], ['Contact Center']],
      ['a2', 'Away', ['Teams Phone Standard'], ['Contact Center']],
    ]);
    expect(scenario).not.toHaveProperty('x-agent');
  });

  it('drops $schema and extends from the scenario the engine sees', () => {
    const scenario = parseScenarioText('$schema: ../schema/scenario.schema.json\nname: x\nsteps: [{ wait: 1s }]\n', 'x.yaml');
    expect(scenario).not.toHaveProperty('$schema');
    expect(scenario).not.toHaveProperty('extends');
  });
});
