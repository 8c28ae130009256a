/**
 * The support workflow end to end, as an engineer runs it: import the sample exports, lint names the
 * unlicensed first-level service, a short step list reproduces the failed transfer, `why` explains it and
 * names the tenant change that fixes it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';
import { runScenario } from '../../../sim/runner.js';
import { readExportFolder, renderTenantYaml } from '../../../sim/support/exportFolder.js';
import { importTenant } from '../../../sim/support/importTenant.js';
import { formatLint, lintScenario } from '../../../sim/support/lint.js';
import { loadTenantOrScenario } from '../../../sim/support/loadTenant.js';
import { explainCall, explainPair, formatExplanation } from '../../../sim/support/why.js';

const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-ticket-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args], { env: { NIMBUS_SIM_FROM_SOURCE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REPRO = `name: PSTN transfers from the escalation team fail
extends: _tenant.yaml
steps:
  - inboundCall: { call: c1, from: "+41791110000", to: Hotline }
  - answer: { user: eva, call: c1 }
  - transfer: { call: c1, by: eva, to: { pstn: "+41795550199" } }
  - expect: { lastResult: { ok: false, because: [XFER-03] } }
`;

describe('support ticket: "PSTN transfers from our escalation team fail"', () => {
  it('import → lint → reproduce → why (in process, as the commands do)', async () => {
    const { sources, files } = readExportFolder('examples/support/fabrikam');
    const tenant = join(dir, '_tenant.yaml');
    writeFileSync(tenant, renderTenantYaml(importTenant(sources), files, false));

    const report = await lintScenario(loadTenantOrScenario(tenant));
    const text = formatLint(report);
    const hotline = text.split('\n').find((l) => l.startsWith('error') && l.includes('service Hotline') && l.includes('first-level'));
    expect(hotline).toBeDefined();
    expect(hotline).toContain('XFER-03');
    expect(text).toMatch(/fix: assign Microsoft Teams Phone Resource Account \(PHONESYSTEM_VIRTUALUSER\) to resource account ra-hotline@fabrikam.example/);
    // The escalation service itself is licensed: lint does not blame it.
    expect(text).not.toMatch(/error\s+service Escalation/);

    // Three steps reproduce the ticket: the Hotline's workflow (imported from services.csv) hands the call on.
    expect(REPRO.split('\n').filter((l) => /^  - (?!expect)/.test(l))).toHaveLength(3);
    const repro = join(dir, 'repro.yaml');
    writeFileSync(repro, REPRO);
    const scenario = loadTenantOrScenario(repro);
    const run = await runScenario(scenario);
    expect(run.status, JSON.stringify(run.failures)).toBe('passed');
    expect(run.steps.at(-2)?.text).toMatch(/eva transfers c1 to \+41795550199: Transfer failed/);

    const why = formatExplanation(await explainCall(scenario, 'c1'));
    expect(why).toContain('Chain of services: Hotline → Escalation');
    expect(why).toMatch(/First responding service: Hotline/);
    expect(why).toMatch(/Hotline: \+41445550100 \(Direct Routing\); no licenses → NOT licensed/);
    expect(why).toMatch(/✗ XFER-03/);
    expect(why).toMatch(/input firstService = \{"id":"Hotline"/);
    const flips = why.slice(why.indexOf('Smallest tenant change'));
    expect(flips).toMatch(/- assign Microsoft Teams Phone Resource Account \(PHONESYSTEM_VIRTUALUSER\) to ra-hotline@fabrikam.example/);
    // Licensing Escalation (already licensed) or anything unrelated must not be offered as a fix.
    expect(flips).not.toMatch(/ra-escalation/);
  });

  it('why --user --service explains a refused selectability and the license that flips it', async () => {
    const tenant = join(dir, '_nocc.yaml');
    writeFileSync(tenant, readFileSync('examples/support/repro/_tenant.yaml', 'utf8').replace(/nimbusLicense:\s*\n\s*- Contact Center/g, 'nimbusLicense: []'));
    const why = formatExplanation(await explainPair(loadTenantOrScenario(tenant), 'eva', 'Escalation'));
    expect(why).toMatch(/isSelectable: REFUSED \[[^\]]*SVC-10/);
    expect(why).toMatch(/flips with: give eva@fabrikam.example a Nimbus Contact Center user license/);
  });

  it('the commands: import writes a valid fragment, lint exits 1 on errors and 0 on a clean tenant, why without --call is a usage error', async () => {
    const tenant = join(dir, 'cli', '_tenant.yaml');
    const clean = join(dir, '_clean.yaml');
    writeFileSync(
      clean,
      'services:\n  - { id: A, license: Contact Center, assignment: MS Teams-based, modalities: { outbound: true }, pstn: { number: "+41445550100" }, resourceAccount: { licenses: [PHONESYSTEM_VIRTUALUSER] }, members: [ann] }\nusers:\n  - { id: ann, upn: ann@contoso.com, licenses: [MCOEV] }\ntenant: { consents: [User.Read.All] }\n',
    );
    // import then lint of what it wrote, beside the two commands on the clean tenant.
    const importThenLint = async () => {
      const imported = await cli('import', 'examples/support/fabrikam', '--out', tenant);
      return [imported, imported.code === 0 ? await cli('lint', tenant, '--json') : imported] as const;
    };
    const [[imported, lint], ok, usage] = await Promise.all([importThenLint(), cli('lint', clean), cli('why', clean)]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/wrote .*4 services, 6 users/);
    expect(lint.code).toBe(1);
    const json = JSON.parse(lint.stdout) as { findings: { severity: string; subject: string; code: string; because: string[] }[] };
    expect(json.findings).toContainEqual(expect.objectContaining({ severity: 'error', subject: 'service Hotline', code: 'first-level-pstn' }));
    expect(ok.stdout).toMatch(/^0 errors, 0 warnings, 0 notes/m);
    expect(ok.code).toBe(0);
    expect(usage.code).toBe(2);
  }, 180_000);

  it('the shipped reproduction passes as a scenario', async () => {
    const run = await runScenario(loadTenantOrScenario('examples/support/repro/escalation-pstn-transfer.yaml'));
    expect(run.status, JSON.stringify(run.failures.map((f) => f.message))).toBe('passed');
  });
});
