/**
 * The support workflow end to end, as an engineer runs it: import the sample exports, lint names the
 * unlicensed first-level service, a short step list reproduces the failed transfer, `why` explains it and
 * names the tenant change that fixes it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-ticket-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/nimbus-sim.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NIMBUS_SIM_FROM_SOURCE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REPRO = `name: PSTN transfers from the escalation team fail
extends: _tenant.yaml
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: Hotline }
  - answer: { user: anna, call: c1 }
  - transfer: { call: c1, by: anna, to: { service: Escalation } }
  - answer: { user: eva, call: c1 }
  - transfer: { call: c1, by: eva, to: { pstn: "+41795550199" } }
  - expect: { lastResult: { ok: false, because: [XFER-03] } }
`;

describe('support ticket: "PSTN transfers from our escalation team fail"', () => {
  it('import → lint → reproduce → why', () => {
    const tenant = join(dir, '_tenant.yaml');
    const imported = cli('import', 'examples/support/fabrikam', '--out', tenant);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/wrote .*4 services, 6 users/);
    expect(readFileSync(tenant, 'utf8')).toContain('ra-hotline@fabrikam.example');

    const lint = cli('lint', tenant);
    expect(lint.code).toBe(1);
    const hotline = lint.stdout.split('\n').find((l) => l.startsWith('error') && l.includes('service Hotline') && l.includes('first-level'));
    expect(hotline).toBeDefined();
    expect(hotline).toContain('XFER-03');
    expect(lint.stdout).toMatch(/fix: assign Microsoft Teams Phone Resource Account \(PHONESYSTEM_VIRTUALUSER\) to resource account ra-hotline@fabrikam.example/);
    // The escalation service itself is licensed: lint does not blame it.
    expect(lint.stdout).not.toMatch(/error\s+service Escalation/);

    const repro = join(dir, 'repro.yaml');
    writeFileSync(repro, REPRO);
    const run = cli('run', repro, '--reporter', 'plain', '--out', join(dir, 'reports'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/eva transfers c1 to \+41795550199: Transfer failed/);

    const why = cli('why', repro, '--call', 'c1');
    expect(why.code, why.stderr).toBe(0);
    expect(why.stdout).toContain('Chain of services: Hotline → Escalation');
    expect(why.stdout).toMatch(/First responding service: Hotline/);
    expect(why.stdout).toMatch(/Hotline: \+41445550100 \(Direct Routing\); no licenses → NOT licensed/);
    expect(why.stdout).toMatch(/✗ XFER-03/);
    expect(why.stdout).toMatch(/input firstService = \{"id":"Hotline"/);
    const flips = why.stdout.slice(why.stdout.indexOf('Smallest tenant change'));
    expect(flips).toMatch(/- assign Microsoft Teams Phone Resource Account \(PHONESYSTEM_VIRTUALUSER\) to ra-hotline@fabrikam.example/);
    // Licensing Escalation (already licensed) or anything unrelated must not be offered as a fix.
    expect(flips).not.toMatch(/ra-escalation/);
  });

  it('why --user --service explains a refused selectability and the license that flips it', () => {
    const tenant = join(dir, '_nocc.yaml');
    writeFileSync(tenant, readFileSync('examples/support/repro/_tenant.yaml', 'utf8').replace(/nimbusLicense:\s*\n\s*- Contact Center/g, 'nimbusLicense: []'));
    const why = cli('why', tenant, '--user', 'eva', '--service', 'Escalation');
    expect(why.code, why.stderr).toBe(0);
    expect(why.stdout).toMatch(/isSelectable: REFUSED \[[^\]]*SVC-10/);
    expect(why.stdout).toMatch(/flips with: give eva@fabrikam.example a Nimbus Contact Center user license/);
  });

  it('the shipped reproduction passes as a scenario and lint exits 0 on a clean tenant', () => {
    const run = cli('run', 'examples/support/repro', '--reporter', 'plain', '--out', join(dir, 'r2'));
    expect(run.code, run.stdout).toBe(0);
    const clean = join(dir, '_clean.yaml');
    writeFileSync(
      clean,
      'services:\n  - { id: A, license: Contact Center, assignment: MS Teams-based, modalities: { outbound: true }, pstn: { number: "+41445550100" }, resourceAccount: { licenses: [PHONESYSTEM_VIRTUALUSER] }, members: [ann] }\nusers:\n  - { id: ann, upn: ann@contoso.com, licenses: [MCOEV] }\ntenant: { consents: [User.Read.All] }\n',
    );
    const lint = cli('lint', clean);
    expect(lint.stdout).toMatch(/^0 errors, 0 warnings, 0 notes/m);
    expect(lint.code).toBe(0);
  });
});
