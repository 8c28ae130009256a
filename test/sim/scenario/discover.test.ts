import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverScenarioFiles, suiteRoot } from '../../../sim/scenario/discover.js';
import { ScenarioUsageError } from '../../../sim/scenario/errors.js';
import { loadError } from './helpers.js';

describe('discoverScenarioFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-discover-'));
  const touch = (path: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), 'name: x\n');
  };
  for (const path of ['b.yaml', 'a.yml', 'a/z.yaml', 'a/b/c.yaml', 'a-b.yaml', 'notes.md', '_base.yaml', '.hidden/x.yaml', '_shared/y.yaml', 'C.YAML']) touch(path);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rel = (files: string[]) => files.map((f) => relative(dir, f));

  it('finds .yaml and .yml files recursively in a deterministic order', () => {
    expect(rel(discoverScenarioFiles([dir]))).toEqual(['C.YAML', 'a/b/c.yaml', 'a/z.yaml', 'a-b.yaml', 'a.yml', 'b.yaml']);
  });

  it('skips _ and . names in folders but takes a named file as given', () => {
    expect(rel(discoverScenarioFiles([join(dir, '_base.yaml')]))).toEqual(['_base.yaml']);
  });

  it('merges files and folders without duplicates', () => {
    expect(rel(discoverScenarioFiles([join(dir, 'b.yaml'), join(dir, 'a'), join(dir, 'a', 'z.yaml')]))).toEqual(['a/b/c.yaml', 'a/z.yaml', 'b.yaml']);
  });

  it('reports missing paths and non-scenario files together as a usage error', () => {
    const error = loadError(() => discoverScenarioFiles([join(dir, 'missing'), join(dir, 'notes.md'), dir]));
    expect(error).toBeInstanceOf(ScenarioUsageError);
    expect(error.problems.map((p) => p.message)).toEqual(['no such file or folder', 'is not a scenario file']);
    expect(error.format()).toContain(`${join(dir, 'missing')}: no such file or folder`);
  });

  it('names the deepest common folder as the suite root', () => {
    expect(suiteRoot([dir])).toBe(dir);
    expect(suiteRoot([join(dir, 'a', 'b', 'c.yaml'), join(dir, 'a', 'z.yaml')])).toBe(join(dir, 'a'));
    expect(suiteRoot([join(dir, 'a'), join(dir, 'b.yaml')])).toBe(dir);
  });
});
