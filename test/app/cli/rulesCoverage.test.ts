/**
 * docs/rules-coverage.md is generated (`nimbus-sim rules --md > docs/rules-coverage.md`); the committed file
 * must equal what the generator makes from sim/coverage/ruleStatus.ts, src/rules and the scenarios now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../../app/cli/load.js';
import { ruleRows, rulesCoverageMarkdown } from '../../../app/cli/rules.js';

describe('docs/rules-coverage.md', () => {
  const loaded = loadAll(['scenarios']);
  const cwd = process.cwd();
  const { rows } = ruleRows(loaded.scenarios.map((s) => ({ file: s.file.startsWith(cwd) ? s.file.slice(cwd.length + 1) : s.file, because: s.because, tags: s.tags })));
  const generated = rulesCoverageMarkdown(rows);

  it('lists every rule once, out-of-scope ones with a reason', () => {
    for (const r of rows) expect(generated).toContain(`| **${r.id}** `);
    for (const r of rows.filter((x) => x.status === 'out of scope')) expect(r.where.length).toBeGreaterThan(10);
  });

  // `nimbus-sim rules --check` in the test suite: CI fails when a modelled rule loses its proving scenario.
  it('every modelled rule is proved by a scenario, and no scenario cites an unknown rule', () => {
    const { unknown } = ruleRows(loaded.scenarios.map((s) => ({ file: s.file, because: s.because, tags: s.tags })));
    expect(unknown).toEqual([]);
    expect(rows.filter((r) => r.status === 'modelled' && r.scenarios.length === 0).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => r.status === 'not modelled').map((r) => r.id)).toEqual([]);
  });

  it('is up to date (regenerate with: npx nimbus-sim rules --md > docs/rules-coverage.md)', () => {
    expect(loaded.problems).toEqual([]);
    expect(readFileSync('docs/rules-coverage.md', 'utf8')).toBe(generated);
  });
});
