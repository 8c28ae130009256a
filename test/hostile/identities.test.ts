/**
 * Issue 15, silent wrong results: two users with one UPN passed `check`, then the run failed with an internal
 * error and `lint` and `serve` crashed; a `__proto__` key vanished without a word. Every command now refuses
 * such a file up front with its position, exit 2, and runs nothing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-identities-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixture = (name: string) => `test/fixtures/malformed/${name}`;
const STACK = /\n\s+at .*\.(ts|js|tsx):\d+:\d+/;

const CASES: [file: string, position: string, says: string][] = [
  ['duplicate-upn.yaml', '4:21', 'duplicate UPN "ann@contoso.com"'],
  ['duplicate-upn-case.yaml', '4:21', 'duplicate UPN "ann@contoso.com"'],
  ['duplicate-upn-extends.yaml', '4:21', 'duplicate UPN "ann@contoso.com"'],
  ['duplicate-number.yaml', '4:87', 'duplicate phone number "+41445550100"'],
  ['proto-top-level.yaml', '2:1', 'the key "__proto__" is not allowed'],
];

describe('duplicate identities and __proto__ keys are validation errors in every command', () => {
  for (const [file, at, says] of CASES) {
    it(`${file}: check, run, lint and serve all answer exit 2 at ${at}, nothing run or written`, async ({ expect }) => {
      const where = `${fixture(file)}:${at}: `;
      const out = join(scratch, file);
      // The four commands at once: they only read the fixture, and run would write below its own --out.
      const [check, run, lint, serve] = await Promise.all([
        cli('check', fixture(file)),
        cli('run', fixture(file), '--reporter', 'plain', '--out', out),
        cli('lint', fixture(file)),
        cli('serve', '--scenario', fixture(file), '--port', '0'),
      ]);
      expect(check.status).toBe(2);
      expect(check.stderr).toContain(where);
      expect(check.stderr).toContain(says);

      expect(run.status).toBe(2);
      expect(run.stderr).toContain(where);
      expect(`${run.stdout}${run.stderr}`).not.toContain('internal error');
      expect(existsSync(out)).toBe(false);

      expect(lint.status).toBe(2);
      expect(lint.stderr).toContain(where);

      expect(serve.status).toBe(2);
      expect(serve.stderr).toContain(where);
      for (const r of [check, run, lint, serve]) expect(r.stderr).not.toMatch(STACK);
    });
  }
});
