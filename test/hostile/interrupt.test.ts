/**
 * Issue 15: Ctrl-C while reports are written left `.tmp` files in --out. An interrupted writer now removes
 * its temp file and still ends by the signal; the old report (or none) stays, never a stray temp file.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const temps = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('Ctrl-C while a report is written', () => {
  it('a writer interrupted at random moments leaves no .tmp file and ends by the signal', async () => {
    const out = join(scratch, 'writer');
    mkdirSync(out, { recursive: true });
    const target = join(out, 'nimbus-sim.json');
    const ready = join(out, 'ready');
    const script = join(scratch, 'writer.mts');
    // Large enough that most of the child's time is spent with a temp file on disk.
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
      import { writeFileAtomic } from ${JSON.stringify(join(process.cwd(), 'sim/report/write.ts'))};
      const big = JSON.stringify({ rows: Array.from({ length: 400000 }, (_, i) => ({ i, text: 'x'.repeat(40) })) });
      await writeFileAtomic(${JSON.stringify(target)}, big);
      writeFileSync(${JSON.stringify(ready)}, '');
      for (;;) await writeFileAtomic(${JSON.stringify(target)}, big);`,
    );
    for (const delay of [3, 17, 40, 90, 150]) {
      rmSync(ready, { force: true });
      const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
      for (let waited = 0; !existsSync(ready) && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      expect(await exited, `the writer ends by the signal: ${stderr}`).toBe('SIGINT');
      expect(temps(out), `interrupted ${delay} ms into the rewrites`).toEqual([]);
      expect(() => JSON.parse(readFileSync(target, 'utf8'))).not.toThrow();
    }
  }, 90_000);

  it('the CLI interrupted as soon as a temp file appears in --out leaves none', async () => {
    const scenario = join(scratch, 'long.yaml');
    writeFileSync(scenario, `name: long\nsteps:\n${'  - wait: 1ms\n'.repeat(15_000)}`);
    const out = join(scratch, 'reports');
    mkdirSync(out, { recursive: true });
    const child = spawn(process.execPath, ['bin/nimbus-sim.js', 'run', scenario, '--reporter', 'plain,json,junit,md,html', '--out', out], { stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
    let interrupted = false;
    const watcher = watch(out, (_event, name) => {
      if (!interrupted && name?.endsWith('.tmp')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const { signal } = await exited;
    watcher.close();
    expect(interrupted, 'the run wrote through a temp file').toBe(true);
    expect(temps(out)).toEqual([]);
    // Interrupted before the last rename, it ends by the signal; on a slow watcher it may have finished first.
    if (signal !== null) expect(signal).toBe('SIGINT');
  }, 110_000);
});
