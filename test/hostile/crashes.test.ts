/**
 * Issue 15, "Crashes": places that ended in an internal error (exit 3, stack trace) now end in a clear
 * message naming the path, flag or file position, exit 2, with whatever was computed already printed.
 * The cases only read the scratch folder or write below their own paths, so they run concurrently.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { loadScenarioFile, MAX_EXTENDS_DEPTH } from '../../sim/scenario/load.js';
import { cli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'nimbus-sim-crashes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STACK = /\n\s+at .*[.(]\w*\.?(ts|js):\d+:\d+|internal error/;

const scenario = join(scratch, 'ok.yaml');
writeFileSync(scenario, 'name: ok\nsteps:\n  - wait: 1s\n');
const aFile = join(scratch, 'a-file.txt');
writeFileSync(aFile, 'not a folder');

describe.concurrent('an output path that cannot be written', () => {
  const cases: [string, string[], string, RegExp][] = [
    ['run --out /dev/full (a device, not a folder)', ['run', scenario, '--reporter', 'plain,json', '--out', '/dev/full'], '/dev/full', /not a folder/],
    ['run --out naming a file', ['run', scenario, '--reporter', 'plain,md', '--out', aFile], aFile, /not a folder/],
    ['run --out below a file', ['run', scenario, '--reporter', 'plain,json', '--out', join(aFile, 'reports')], join(aFile, 'reports'), /not a folder|is a file/],
    ['schema --write /dev/full', ['schema', '--write', '/dev/full'], '/dev/full', /no space left/],
    ['schema --write a folder', ['schema', '--write', scratch], scratch, /is a folder/],
    ['load --json /dev/full', ['load', '--agents', '2', '--services', '1', '--calls', '5', '--cob', '0', '--hours', '0.05', '--quiet', '--json', '/dev/full'], '/dev/full', /no space left/],
    ['load --json a folder', ['load', '--agents', '2', '--services', '1', '--calls', '5', '--cob', '0', '--hours', '0.05', '--quiet', '--json', scratch], scratch, /is a folder/],
  ];
  for (const [what, args, path, reason] of cases) {
    it(`${what}: exit 2, the path and the reason, no stack`, async ({ expect }) => {
      const r = await cli(...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`"${path}"`);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  it('the run\'s results are printed before the write fails', async ({ expect }) => {
    const r = await cli('run', scenario, '--reporter', 'plain,json', '--out', '/dev/full');
    expect(r.stdout).toContain('1 scenario: 1 passed');
  });

  it('import --out naming a folder: exit 2, nothing written there', async ({ expect }) => {
    const exports = join(scratch, 'exports');
    mkdirSync(exports, { recursive: true });
    writeFileSync(join(exports, 'users.json'), JSON.stringify({ value: [{ id: 'u1', userPrincipalName: 'ann@contoso.com', displayName: 'Ann' }] }));
    const target = join(scratch, 'import-target');
    mkdirSync(target, { recursive: true });
    const r = await cli('import', exports, '--out', target);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`"${target}"`);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(target)).toEqual([]);
  });

  for (const args of [['run', scenario, '--out', ''], ['schema', '--write', ''], ['load', '--json', '']]) {
    it(`${args[0]} ${args.at(-2)} "": an empty path is refused before anything runs`, async ({ expect }) => {
      const r = await cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/needs a path, got an empty string/);
      expect(r.stdout).toBe('');
    });
  }
});

describe.concurrent('numbers out of range', () => {
  const cases: [string[], RegExp][] = [
    [['load', '--calls', '1e12', '--quiet'], /--calls takes a whole number from 0 to 10000000, got "1e12"/],
    [['load', '--agents', '0x10', '--quiet'], /--agents takes a whole number/],
    [['load', '--hours', '1e3', '--quiet'], /--hours takes a number from 0.01 to 24/],
    [['load', '--seed', '-1', '--quiet'], /--seed|seed/],
    [['run', scenario, '--seed', '1e30'], /--seed takes a whole number from 0 to 4294967295, got "1e30"/],
    [['run', scenario, '--seed', '4294967296'], /--seed takes a whole number/],
    [['run', scenario, '--seed', ' 7'], /--seed takes a whole number/],
    [['explore', '--seed', '1.5'], /--seed takes a whole number/],
    [['serve', '--port', '1e3'], /--port takes a whole number from 0 to 65535, got "1e3"/],
    [['serve', '--port', '65536'], /--port takes a whole number/],
    [['serve', '--call-retention', 'forever'], /--call-retention takes a duration/],
  ];
  for (const [args, says] of cases) {
    it(`${args.join(' ')}: exit 2 naming the flag`, async ({ expect }) => {
      const r = await cli(...args);
      expect(r.status, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  it('a duration past a year of virtual time is an error at its position, not Infinity in the report', async ({ expect }) => {
    const file = join(scratch, 'forever.yaml');
    writeFileSync(file, 'name: forever\nsteps:\n  - wait: 999999999999999999999h\n');
    const r = await cli('run', file, '--reporter', 'plain,json', '--out', join(scratch, 'never'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('forever.yaml:3:11');
    expect(r.stderr).toMatch(/longer than virtual time allows/);
  });
});

describe.concurrent('an extends chain thousands of files deep', () => {
  it(`2000 files: a positioned error in file ${MAX_EXTENDS_DEPTH} of the chain, no stack overflow`, async ({ expect }) => {
    const dir = join(scratch, 'chain');
    mkdirSync(dir, { recursive: true });
    for (let i = 1; i <= 2000; i++) writeFileSync(join(dir, `e${i}.yaml`), `extends: ./e${i + 1}.yaml\n${i === 1 ? 'name: deep\nsteps:\n  - wait: 1s\n' : ''}`);
    writeFileSync(join(dir, 'e2001.yaml'), 'tenant: { consents: [] }\n');
    let problem;
    try {
      loadScenarioFile(join(dir, 'e1.yaml'));
    } catch (err) {
      if (!(err instanceof ScenarioLoadError)) throw err;
      problem = err.problems[0];
    }
    expect(problem?.message).toMatch(`the extends chain is more than ${MAX_EXTENDS_DEPTH} files deep`);
    expect(problem?.file).toContain(`e${MAX_EXTENDS_DEPTH}.yaml`);
    expect([problem?.line, problem?.column]).toEqual([1, 10]);
    const r = await cli('check', join(dir, 'e1.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  });

  it(`${MAX_EXTENDS_DEPTH} files still load`, ({ expect }) => {
    const dir = join(scratch, 'chain-ok');
    mkdirSync(dir, { recursive: true });
    for (let i = 1; i < MAX_EXTENDS_DEPTH; i++) writeFileSync(join(dir, `e${i}.yaml`), `extends: ./e${i + 1}.yaml\n${i === 1 ? 'name: deep\nsteps:\n  - wait: 1s\n' : ''}`);
    writeFileSync(join(dir, `e${MAX_EXTENDS_DEPTH}.yaml`), 'tenant: { consents: [] }\n');
    expect(loadScenarioFile(join(dir, 'e1.yaml')).name).toBe('deep');
  });
});

describe.concurrent('import of unusual inputs', () => {
  const folder = (name: string, files: Record<string, string | null>) => {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) {
      if (text === null) mkdirSync(join(dir, f), { recursive: true });
      else writeFileSync(join(dir, f), text);
    }
    return dir;
  };
  const bomb = `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nservices: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`;
  const cases: [string, string, RegExp][] = [
    ['a file where the exports folder is expected', aFile, /not a folder of exports/],
    ['a folder named like an export file', folder('folder-as-file', { 'users.json': null }), /users\.json: is a folder/],
    ['a folder named like the service sheet', folder('sheet-folder', { 'users.json': '{"value":[]}', 'services.csv': null }), /services\.csv: is a folder/],
    ['a service sheet that is a YAML alias bomb', folder('bomb', { 'users.json': '{"value":[]}', 'services.yaml': bomb }), /services\.yaml: not valid YAML/],
  ];
  for (const [what, path, says] of cases) {
    it(`${what}: exit 2, a message, no stack`, async ({ expect }) => {
      const r = await cli('import', path);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});
