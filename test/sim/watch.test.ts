/** run --watch's planning: which scenarios a change touches, through their `extends` chains. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRerun, scenarioReads } from '../../sim/watch.js';

describe('planRerun', () => {
  const reads = new Map([
    ['/s/a.yaml', ['/s/a.yaml', '/s/_tenant.yaml', '/s/_company.yaml']],
    ['/s/b.yaml', ['/s/b.yaml', '/s/_tenant.yaml']],
    ['/s/c.yaml', ['/s/c.yaml']],
  ]);

  it('re-runs only the scenario whose own file changed', () => {
    expect(planRerun(reads, reads, ['/s/c.yaml'])).toEqual(['/s/c.yaml']);
  });

  it('re-runs every scenario that extends a changed fragment, directly or through another fragment', () => {
    expect(planRerun(reads, reads, ['/s/_tenant.yaml'])).toEqual(['/s/a.yaml', '/s/b.yaml']);
    expect(planRerun(reads, reads, ['/s/_company.yaml'])).toEqual(['/s/a.yaml']);
  });

  it('keeps suite order and lists each scenario once for several changes', () => {
    expect(planRerun(reads, reads, ['/s/c.yaml', '/s/_tenant.yaml', '/s/b.yaml'])).toEqual(['/s/a.yaml', '/s/b.yaml', '/s/c.yaml']);
  });

  it('runs nothing for a file no scenario reads', () => {
    expect(planRerun(reads, reads, ['/s/notes.txt', '/s/_unused.yaml', '/s/reports/nimbus-sim.json'])).toEqual([]);
  });

  it('runs a new scenario, and not a removed one', () => {
    const after = new Map([...reads].filter(([s]) => s !== '/s/c.yaml'));
    after.set('/s/d.yaml', ['/s/d.yaml']);
    expect(planRerun(reads, after, ['/s/d.yaml', '/s/c.yaml'])).toEqual(['/s/d.yaml']);
  });

  it('runs a scenario whose extends now names another fragment, when the old or the new one changed', () => {
    const after = new Map(reads);
    after.set('/s/c.yaml', ['/s/c.yaml', '/s/_other.yaml']);
    expect(planRerun(reads, after, ['/s/_other.yaml'])).toEqual(['/s/c.yaml']);
    expect(planRerun(after, reads, ['/s/_other.yaml'])).toEqual(['/s/c.yaml']);
  });
});

describe('scenarioReads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-watch-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };

  it('follows extends from file to file, relative to each file', () => {
    write('_company.yaml', 'tenant: { name: Contoso }\n');
    write('shared/_tenant.yaml', 'extends: ../_company.yaml\nservices: []\n');
    write('a.yaml', 'name: a\nextends: shared/_tenant.yaml\nsteps: []\n');
    expect(scenarioReads([join(dir, 'a.yaml')]).get(join(dir, 'a.yaml'))).toEqual([join(dir, 'a.yaml'), join(dir, 'shared/_tenant.yaml'), join(dir, '_company.yaml')]);
  });

  it('stops at a cycle, a file that does not parse, and a fragment that does not exist yet (but names it)', () => {
    write('loop1.yaml', 'extends: loop2.yaml\n');
    write('loop2.yaml', 'extends: loop1.yaml\n');
    write('broken.yaml', 'name: [unclosed\n');
    write('later.yaml', 'extends: _missing.yaml\n');
    const reads = scenarioReads(['loop1.yaml', 'broken.yaml', 'later.yaml'].map((f) => join(dir, f)));
    expect(reads.get(join(dir, 'loop1.yaml'))).toEqual([join(dir, 'loop1.yaml'), join(dir, 'loop2.yaml')]);
    expect(reads.get(join(dir, 'broken.yaml'))).toEqual([join(dir, 'broken.yaml')]);
    expect(reads.get(join(dir, 'later.yaml'))).toEqual([join(dir, 'later.yaml'), join(dir, '_missing.yaml')]);
  });
});
