/** `why` on a fragment names the file the user gave, never the wrapper it is loaded through. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/nimbus-sim.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nimbus-sim why on a fragment', () => {
  it('prints and writes the path as given, in text and JSON, and in a "no such call" message', () => {
    const text = cli('why', 'scenarios/cob/_tenant.yaml', '--user', 'alice', '--service', 'Sales');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Why: user alice and service Sales in scenarios/cob/_tenant.yaml (at the start of the scenario)');
    const json = cli('why', 'scenarios/cob/_tenant.yaml', '--user', 'alice', '--service', 'Sales', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ scenario: 'scenarios/cob/_tenant.yaml' });
    const missing = cli('why', 'scenarios/cob/_tenant.yaml', '--call', 'c9');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^no call "c9" in scenarios\/cob\/_tenant\.yaml;/);
    for (const out of [text.stdout, json.stdout, missing.stderr]) expect(out).not.toMatch(/support\.yaml|\/tmp\//);
  });
});
