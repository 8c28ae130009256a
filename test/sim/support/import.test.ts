/** `nimbus-sim import` on the shipped sample exports: tenant, findings, redaction. */
import { describe, expect, it } from 'vitest';
import { readExportFolder, parseServiceSheet, renderTenantYaml } from '../../../sim/support/exportFolder.js';
import { importTenant } from '../../../sim/support/importTenant.js';

const EXAMPLE = 'examples/support/fabrikam';

type Svc = { id: string; pstn?: { number: string; connectivity: string }; resourceAccount: { upn?: string; licenses: string[] }; members: string[]; modalities: { outbound: boolean } };
type Usr = { id: string; upn: string; licenses: string[]; presence?: string; displayName?: string };

function imported(redact = false) {
  const { sources } = readExportFolder(EXAMPLE);
  const r = importTenant(sources, { redact });
  return { ...r, services: r.tenant.services as unknown as Svc[], users: r.tenant.users as unknown as Usr[] };
}

describe('import of the Fabrikam sample exports', () => {
  it('builds services from the sheet with numbers, connectivity and resource account licenses from the exports', () => {
    const { services } = imported();
    const byId = Object.fromEntries(services.map((s) => [s.id, s]));
    expect(Object.keys(byId)).toEqual(['Hotline', 'Escalation', 'Sales', 'Main-IVR']);
    expect(byId['Hotline']?.pstn).toEqual({ number: '+41445550100', connectivity: 'Direct Routing' });
    expect(byId['Hotline']?.resourceAccount.licenses).toEqual([]);
    expect(byId['Escalation']?.resourceAccount.licenses).toEqual(['Microsoft Teams Phone Resource Account']);
    expect(byId['Sales']?.pstn?.connectivity).toBe('Calling Plan');
    expect(byId['Main-IVR']?.pstn).toBeUndefined();
    expect(byId['Escalation']?.members).toEqual(['eva', 'erik']);
    expect(byId['Escalation']?.modalities.outbound).toBe(true);
  });

  it('resolves user licenses from assignedLicenses skuIds through subscribedSkus, and presence by object id', () => {
    const { users } = imported();
    const erik = users.find((u) => u.id === 'erik');
    expect(erik?.licenses).toEqual(['Microsoft 365 E3']);
    expect(erik?.presence).toBe('Away');
    expect(users.find((u) => u.id === 'ben')?.licenses).toEqual(['Microsoft 365 E5']);
    // resource accounts are services' accounts, not users
    expect(users.map((u) => u.upn).some((u) => u.startsWith('ra-'))).toBe(false);
  });

  it('reports what is missing or odd instead of guessing silently', () => {
    const { findings } = imported();
    const text = findings.map((f) => `${f.kind} ${f.subject}: ${f.message}`);
    expect(text).toContainEqual(expect.stringMatching(/^odd service Hotline: .*no license/));
    expect(text).toContainEqual(expect.stringMatching(/^odd SKU VISIOCLIENT/));
    expect(text).toContainEqual(expect.stringMatching(/^missing user mia: no presence/));
    expect(text).toContainEqual(expect.stringMatching(/^odd user erik: EnterpriseVoiceEnabled is false/));
  });

  it('--redact replaces names, UPNs and numbers with stable pseudonyms and keeps the structure', () => {
    const a = imported(true);
    const b = imported(true);
    expect(JSON.stringify(a.tenant)).toBe(JSON.stringify(b.tenant));
    const text = JSON.stringify(a.tenant) + JSON.stringify(a.findings);
    const { files } = readExportFolder(EXAMPLE);
    const rendered = renderTenantYaml(a, files, true);
    for (const secret of ['fabrikam', 'Fabrikam', 'anna', 'Anna Alder', 'erik', '+41445550100', 'Hotline', 'Escalation']) {
      expect(text).not.toContain(secret);
      expect(rendered).not.toContain(secret);
    }
    const plain = imported(false);
    expect(a.services.map((s) => s.resourceAccount.licenses)).toEqual(plain.services.map((s) => s.resourceAccount.licenses));
    expect(a.services[0]?.pstn?.number).toMatch(/^\+41\d{9}$/);
    expect(a.users.map((u) => u.licenses)).toEqual(plain.users.map((u) => u.licenses));
  });

  it('handles PowerShell single-object JSON, BOMs and a YAML service sheet', () => {
    const r = importTenant({
      csApplicationInstance: { ObjectId: 'ra1', UserPrincipalName: 'ra@x.example', DisplayName: 'RA', PhoneNumber: 'tel:+15555550100' },
      serviceSheet: parseServiceSheet('services:\n  - { service: Front Desk, license: contact-center, assignment: skill based, members: [a@x.example], resourceAccount: ra@x.example }\n', 'services.yaml'),
    });
    const svc = r.tenant.services[0] as unknown as Svc;
    expect(svc).toMatchObject({ id: 'Front-Desk', license: 'Contact Center', assignment: 'Skill-based', pstn: { number: '+15555550100', connectivity: 'Direct Routing' } });
    expect(r.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/member a@x.example is in none of the user exports/));
  });
});
