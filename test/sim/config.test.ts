/** The config file: where it is found, what it accepts, and positioned problems for what it does not. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile } from '../../sim/config.js';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';

const base = mkdtempSync(join(tmpdir(), 'nimbus-sim-config-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let projects = 0;

/** A project folder (with a package.json, so the search stops there) holding `files`. */
function project(files: Record<string, string>): string {
  const dir = join(base, `p${++projects}`);
  for (const [name, text] of Object.entries({ 'package.json': '{ "name": "qa" }\n', ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof ScenarioLoadError) return err.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}${p.hint ? ` | ${p.hint}` : ''}`);
    throw err;
  }
  return [];
}

describe('findConfigFile', () => {
  it('finds nimbus-sim.config.yaml in the working folder or a parent, up to the project root', () => {
    const dir = project({ 'nimbus-sim.config.yaml': 'out: r\n', 'suites/deep/x.txt': '' });
    expect(findConfigFile(join(dir, 'suites', 'deep'))).toEqual({ file: join(dir, 'nimbus-sim.config.yaml'), packageKey: false });
  });

  it('takes the nimbus-sim key of package.json when there is no config file', () => {
    const dir = project({ 'package.json': '{ "name": "qa", "nimbus-sim": { "out": "r" } }\n' });
    expect(findConfigFile(dir)).toEqual({ file: join(dir, 'package.json'), packageKey: true });
  });

  it('stops at the project root: a parent project\'s config does not apply', () => {
    const dir = project({ 'nimbus-sim.config.yaml': 'out: r\n', 'inner/package.json': '{ "name": "inner" }\n' });
    expect(findConfigFile(join(dir, 'inner'))).toBeUndefined();
  });
});

describe('loadConfigFile', () => {
  it('reads every setting', () => {
    const dir = project({ 'nimbus-sim.config.yaml': 'suites: [scenarios, more]\nreporters: [plain, junit]\nout: out/r\nseed: 7\nfilter: XFER\nverbose: true\nallowOutsideRoot: true\n' });
    expect(loadConfigFile(join(dir, 'nimbus-sim.config.yaml'), false, dir)).toEqual({
      file: 'nimbus-sim.config.yaml',
      folder: dir,
      config: { suites: ['scenarios', 'more'], reporters: ['plain', 'junit'], out: 'out/r', seed: 7, filter: 'XFER', verbose: true, allowOutsideRoot: true },
    });
  });

  it('accepts an empty config file as no settings', () => {
    const dir = project({ 'nimbus-sim.config.yaml': '# nothing yet\n' });
    expect(loadConfigFile(join(dir, 'nimbus-sim.config.yaml'), false, dir).config).toEqual({});
  });

  it('names each mistake with file:line:column, what was expected and a hint', () => {
    const dir = project({ 'nimbus-sim.config.yaml': 'suites: [scenarios]\nreporter: [plain]\nseed: -1\nreporters: [plain, xml]\n' });
    const problems = problemsOf(() => loadConfigFile(join(dir, 'nimbus-sim.config.yaml'), false, dir));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^nimbus-sim\.config\.yaml:2:1 unknown top-level key "reporter" \| did you mean "reporters"\?/);
    expect(problems[1]).toMatch(/^nimbus-sim\.config\.yaml:3:7 seed: must be at least 0/);
    expect(problems[2]).toMatch(/^nimbus-sim\.config\.yaml:4:20 reporters\[1\]: "xml" is not allowed here/);
  });

  it('positions a mistake in package.json\'s nimbus-sim key', () => {
    const dir = project({ 'package.json': '{\n  "name": "qa",\n  "nimbus-sim": { "out": 3 }\n}\n' });
    expect(problemsOf(() => loadConfigFile(join(dir, 'package.json'), true, dir))).toEqual([expect.stringMatching(/^package\.json:3:26 nimbus-sim\.out: expected text, got 3/)]);
  });

  it('refuses a YAML syntax error with its position', () => {
    const dir = project({ 'nimbus-sim.config.yaml': 'suites: [scenarios\n' });
    expect(problemsOf(() => loadConfigFile(join(dir, 'nimbus-sim.config.yaml'), false, dir))[0]).toMatch(/^nimbus-sim\.config\.yaml:\d+:\d+ /);
  });
});
