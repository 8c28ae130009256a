/**
 * Reports stay inside --out whatever a scenario calls itself, and a run killed while writing leaves the old
 * report or the new one, never half of one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../sim/scenario/load.js';
import { runScenario, suiteOf } from '../../sim/runner.js';
import { writeReports } from '../../sim/report/write.js';

const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-reports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('report paths', () => {
  it('a scenario named like a path cannot make a report escape --out', async () => {
    const scenario = parseScenarioText(`name: "../../../etc/passwd <script>"\ntags: ["../x", "/abs"]\nsteps:\n  - wait: 1s\n`, join(scratch, 'evil.yaml'));
    const suite = suiteOf([await runScenario(scenario)], null);
    const out = join(scratch, 'out');
    const written = await writeReports(suite, { outDir: out, formats: ['json', 'junit', 'md'] });
    for (const file of written) expect(file.startsWith(out)).toBe(true);
    expect(readdirSync(scratch).sort()).toEqual(['out']);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'nimbus-sim.json', 'summary.md']);
  });
});

describe('atomic report writes', () => {
  it('killing a writer at random moments never leaves a truncated report', async () => {
    const out = join(scratch, 'atomic');
    mkdirSync(out, { recursive: true });
    const target = join(out, 'nimbus-sim.json');
    writeFileSync(target, JSON.stringify({ old: true }));
    // A child that writes a large report once, says it is ready, then rewrites it until it is killed.
    const ready = join(out, 'ready');
    const child = `
      import { writeFileSync } from 'node:fs';
      import { writeFileAtomic } from ${JSON.stringify(join(process.cwd(), 'sim/report/write.ts'))};
      const big = JSON.stringify({ rows: Array.from({ length: 200000 }, (_, i) => ({ i, text: 'x'.repeat(20) })) });
      await writeFileAtomic(${JSON.stringify(target)}, big);
      writeFileSync(${JSON.stringify(ready)}, '');
      for (;;) await writeFileAtomic(${JSON.stringify(target)}, big);
    `;
    const script = join(scratch, 'writer.mts');
    writeFileSync(script, child);
    for (const delay of [5, 45, 120]) {
      rmSync(ready, { force: true });
      const p = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
      for (let waited = 0; !existsSync(ready) && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, delay));
      p.kill('SIGKILL');
      const code = await exited;
      expect(code, `the writer must still be running when killed: ${stderr}`).toBeNull();
      const text = readFileSync(target, 'utf8');
      expect(() => JSON.parse(text), `after a kill ${delay} ms into the rewrites the report must parse`).not.toThrow();
      expect('rows' in (JSON.parse(text) as object)).toBe(true);
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp')).length, 'a killed writer may leave a temp file, never a target').toBeLessThanOrEqual(1);
      for (const f of readdirSync(out).filter((x) => x.endsWith('.tmp'))) rmSync(join(out, f));
    }
  }, 60_000);
});
