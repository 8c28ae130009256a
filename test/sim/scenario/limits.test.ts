/** Hostile or accidental input must fail fast with a clear problem, never hang or crash the process. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenarioText } from '../../../sim/scenario/load.js';
import { MAX_SCENARIO_BYTES } from '../../../sim/scenario/yamlSource.js';
import { expectProblem, loadError } from './helpers.js';

const timed = (run: () => unknown): number => {
  const start = performance.now();
  loadError(run);
  return performance.now() - start;
};

describe('bounded input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a file over 5 MB before reading it', () => {
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, `name: x\ndescription: "${'a'.repeat(MAX_SCENARIO_BYTES)}"\nsteps: [{ wait: 1s }]\n`);
    const error = loadError(() => loadScenarioFile(path));
    expect(error.problems[0]).toMatchObject({ line: 0, column: 0 });
    expect(error.format()).toContain('scenario files are limited to 5 MB');
  });

  it('rejects text over 5 MB handed to parseScenarioText', () => {
    const error = loadError(() => parseScenarioText(`name: x\n#${'a'.repeat(MAX_SCENARIO_BYTES)}\n`, 'x.yaml'));
    expect(error.format()).toContain('limited to 5 MB');
  });

  it('stops an alias bomb', () => {
    const lines = ['name: x', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const elapsed = timed(() => parseScenarioText(`${lines.join('\n')}\nsteps: [{ wait: 1s }]\n`, 'bomb.yaml'));
    expect(elapsed).toBeLessThan(2_000);
    expectProblem(loadError(() => parseScenarioText(`${lines.join('\n')}\n`, 'bomb.yaml')).problems, {
      line: 3,
      column: 12,
      message: 'more than 100 aliases',
    });
  });

  it('rejects millions of unclosed brackets without running out of memory', () => {
    const elapsed = timed(() => parseScenarioText(`name: x\nsteps: ${'['.repeat(3_000_000)}`, 'deep.yaml'));
    expect(elapsed).toBeLessThan(2_000);
    expectProblem(loadError(() => parseScenarioText(`name: x\nsteps: ${'['.repeat(100)}`, 'deep.yaml')).problems, {
      line: 2,
      column: 72,
      message: 'nested too deeply',
    });
  });

  it('rejects deep block nesting', () => {
    const text = `name: x\nsteps:\n${Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}a\n`;
    expect(loadError(() => parseScenarioText(text, 'deep.yaml')).format()).toContain('nested too deeply');
  });

  it('rejects a file with more entries than any scenario has, quickly', () => {
    const elapsed = timed(() => parseScenarioText(`name: x\nsteps: [${'{ wait: 1s },'.repeat(300_000)}]\n`, 'long.yaml'));
    expect(elapsed).toBeLessThan(2_000);
  });

  it('keeps brackets inside quoted text and comments out of the nesting count', () => {
    const text = `name: "${'['.repeat(200)}"\ndescription: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\nsteps: [{ wait: 1s }]\n`;
    expect(parseScenarioText(text, 'quoted.yaml').name).toBe('['.repeat(200));
  });

  it('reports several YAML documents in one file', () => {
    const error = loadError(() => parseScenarioText('name: a\nsteps: [{ wait: 1s }]\n---\nname: b\n', 'multi.yaml'));
    expectProblem(error.problems, { line: 3, column: 1, message: 'more than one YAML document' });
  });

  it('reports a file that is not UTF-8', () => {
    const path = join(dir, 'utf16.yaml');
    writeFileSync(path, Buffer.from('\ufeffname: x\n', 'utf16le'));
    expect(loadError(() => loadScenarioFile(path)).format()).toContain('is UTF-16 text');
  });

  it('reports a missing file as a problem, not an exception', () => {
    const error = loadError(() => loadScenarioFile(join(dir, 'nope.yaml')));
    expect(error.format()).toContain('nope.yaml: no such file');
  });
});
