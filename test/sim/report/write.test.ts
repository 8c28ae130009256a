import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toJsonReport } from '../../../sim/report/json.js';
import { toJUnitXml } from '../../../sim/report/junit.js';
import { toMarkdown } from '../../../sim/report/markdown.js';
import { writeFileAtomic, writeReports } from '../../../sim/report/write.js';
import { scenarioA, suite, suiteOf } from '../../fixtures/results.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-sim-report-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('creates the folder, writes each format under its fixed name and leaves no temp files', async () => {
    const outDir = path.join(dir, 'nested', 'reports');
    const written = await writeReports(suite(), { outDir, formats: ['json', 'junit', 'md'] });
    expect(written).toEqual([path.join(outDir, 'nimbus-sim.json'), path.join(outDir, 'junit.xml'), path.join(outDir, 'summary.md')]);
    expect((await readdir(outDir)).sort()).toEqual(['junit.xml', 'nimbus-sim.json', 'summary.md']);
    expect(await readFile(path.join(outDir, 'nimbus-sim.json'), 'utf8')).toBe(toJsonReport(suite()));
    expect(await readFile(path.join(outDir, 'junit.xml'), 'utf8')).toBe(toJUnitXml(suite()));
    expect(await readFile(path.join(outDir, 'summary.md'), 'utf8')).toBe(toMarkdown(suite()));
  });

  it('writes only the formats asked for, each once, and overwrites earlier reports', async () => {
    await writeReports(suite(), { outDir: dir, formats: ['json', 'md'] });
    const passing = suiteOf([scenarioA()]);
    const written = await writeReports(passing, { outDir: dir, formats: ['json', 'json'] });
    expect(written).toEqual([path.join(dir, 'nimbus-sim.json')]);
    expect((await readdir(dir)).sort()).toEqual(['nimbus-sim.json', 'summary.md']);
    expect(await readFile(path.join(dir, 'nimbus-sim.json'), 'utf8')).toBe(toJsonReport(passing));
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toBe(toMarkdown(suite()));
  });

  it('removes its temp file when the rename fails', async () => {
    await mkdir(path.join(dir, 'junit.xml'));
    await mkdir(path.join(dir, 'junit.xml', 'occupied'));
    await expect(writeReports(suite(), { outDir: dir, formats: ['junit'] })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['junit.xml']);
  });

  it('rejects when outDir is a file', async () => {
    const file = path.join(dir, 'file');
    await writeFile(file, 'x');
    await expect(writeReports(suite(), { outDir: file, formats: ['md'] })).rejects.toThrow();
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content in one step', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });
});
