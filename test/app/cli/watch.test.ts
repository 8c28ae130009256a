/**
 * `run --watch` for real: a process watching a temporary suite, a fragment edited on disk, the scenario that
 * extends it runs again (and only it), Ctrl-C ends the process with exit 0.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tenant fragment; `who` only changes the user's display of the edit. */
const tenant = (who: string) =>
  `services:\n  - { id: B, license: Enterprise Routing, assignment: MS Teams-based, members: [{ user: bea }] }\nusers:\n  - { id: bea, upn: ${who}@contoso.com, licenses: [Teams Phone Standard], presence: Available }\n`;
const steps = 'steps:\n  - inboundCall: { call: c1, from: "+41791110000", to: B }\n  - answer: { user: bea, call: c1 }\n  - expect: { user: { id: bea, state: Connected } }\n';
const scenario = (name: string, extend?: string) => `name: ${name}\n${extend ? `extends: ${extend}\n` : tenant('bea')}${steps}`;

describe('run --watch', () => {
  it('runs again the scenario whose fragment changed, then stops cleanly on SIGINT', async () => {
    writeFileSync(join(dir, '_tenant.yaml'), tenant('bea'));
    writeFileSync(join(dir, 'uses-fragment.yaml'), scenario('uses the fragment', '_tenant.yaml'));
    writeFileSync(join(dir, 'standalone.yaml'), scenario('standalone'));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'nimbus-sim.js'), 'run', dir, '--watch', '--reporter', 'plain'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    const waiters: { count: number; done: () => void }[] = [];
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const seen = stdout.split('watching ').length - 1;
      for (const w of waiters.filter((x) => x.count <= seen)) w.done();
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const watching = (count: number) => new Promise<void>((done) => waiters.push({ count, done }));

    await watching(1);
    expect(stdout).toContain('2 scenarios: 2 passed');
    writeFileSync(join(dir, '_tenant.yaml'), tenant('beatrice'));
    await watching(2);
    const rerun = stdout.slice(stdout.indexOf('for changes'));
    expect(rerun).toContain('_tenant.yaml changed: running 1 scenario again');
    expect(rerun).toContain('uses the fragment');
    expect(rerun).not.toContain('standalone');
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(0);
  });

  it('stops at once with exit 2 when there is nothing to watch', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nimbus-sim.js'), 'run', join(dir, 'no-such-folder'), '--watch'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file or folder');
  });
});
