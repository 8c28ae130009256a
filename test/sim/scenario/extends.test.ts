import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenarioText } from '../../../sim/scenario/load.js';
import { expectProblem, loadError, valid } from './helpers.js';

describe('extends', () => {
  const child = loadScenarioFile(valid('extends/child.yaml'));

  it('takes the tenant from the extended file, later keys winning', () => {
    expect(child.tenant).toMatchObject({ name: 'Fabrikam', extendedPresence: true, optimizedOutboundAudio: true });
  });

  it('merges services and users by id, deep-merging a later entry over the earlier one', () => {
    const serviceA = child.services.find((s) => s.id === 'A');
    expect(serviceA).toMatchObject({ license: 'Contact Center', assignment: 'MS Teams-based' });
    expect(serviceA?.distribution).toMatchObject({ type: 'Broadcast', ringTimeout: 10_000 });
    expect(serviceA?.members.map((m) => m.user)).toEqual(['alice']);
    expect(child.services.map((s) => s.id)).toEqual(['A', 'B']);
    expect(child.users.map((u) => [u.id, u.upn, u.presence, u.licenses])).toEqual([
      ['alice', 'alice@fabrikam.com', 'Busy', ['Teams Phone Standard']],
      ['bob', 'bob@fabrikam.com', 'Available', []],
    ]);
  });

  it('takes name and steps from the extending file only', () => {
    expect(child.name).toBe('Child scenario reusing the base tenant');
    expect(child.steps.map((s) => s.verb)).toEqual(['inboundCall', 'answer']);
    expect(child.file).toBe(valid('extends/child.yaml'));
    expect(child.stepLines).toEqual([16, 17]);
  });

  it('follows a chain of extends', () => {
    const grandchild = loadScenarioFile(valid('extends/grandchild.yaml'));
    expect(grandchild.users.map((u) => u.id)).toEqual(['alice', 'bob', 'carol']);
    expect(grandchild.services.find((s) => s.id === 'A')?.distribution.ringTimeout).toBe(10_000);
    expect(grandchild.steps).toEqual([{ verb: 'wait', args: 1000 }]);
  });

  it('checks references against the merged users and services', () => {
    const error = loadError(() =>
      parseScenarioText('name: x\nextends: _base.yaml\nsteps:\n  - answer: { user: bob, call: c1 }\n', valid('extends/inline.yaml')),
    );
    expectProblem(error.problems, { line: 4, column: 21, message: 'unknown user "bob"', hint: 'known users: alice' });
  });

  it('rejects an extends value that is not a path', () => {
    const error = loadError(() => parseScenarioText('name: x\nextends: [a.yaml]\nsteps: [{ wait: 1s }]\n', valid('inline.yaml')));
    expectProblem(error.problems, { line: 2, column: 10, message: 'extends: expected the path of a scenario file, got a list' });
  });

  it('rejects extending a folder, positioned at the extends value', () => {
    const error = loadError(() => parseScenarioText('name: x\nextends: extends\nsteps: [{ wait: 1s }]\n', valid('inline.yaml')));
    expectProblem(error.problems, { line: 2, column: 10, message: 'extends "extends": is not a file' });
  });
});

describe('extends and the suite root', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-extends-'));
  const suite = join(dir, 'suite');
  const shared = join(dir, 'shared');
  mkdirSync(join(suite, 'nested'), { recursive: true });
  mkdirSync(shared);
  writeFileSync(join(shared, 'tenant.yaml'), 'users:\n  - { id: alice, upn: alice@contoso.com }\n');
  writeFileSync(join(suite, '_tenant.yaml'), 'users:\n  - { id: alice, upn: alice@contoso.com }\n');
  const outside = 'name: outside\nextends: ../shared/tenant.yaml\nsteps: [{ wait: 1s }]\n';
  writeFileSync(join(suite, 'outside.yaml'), outside);
  writeFileSync(join(suite, 'nested', 'inside.yaml'), 'name: inside\nextends: ../_tenant.yaml\nsteps: [{ wait: 1s }]\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a base outside the root by default, with the option in the hint', () => {
    const error = loadError(() => loadScenarioFile(join(suite, 'outside.yaml')));
    expectProblem(error.problems, { line: 2, column: 10, message: 'extends "../shared/tenant.yaml" leaves the suite root', hint: 'pass --allow-outside-root' });
  });

  it('allows it with allowOutsideRoot', () => {
    const scenario = loadScenarioFile(join(suite, 'outside.yaml'), { allowOutsideRoot: true });
    expect(scenario.users.map((u) => u.id)).toEqual(['alice']);
  });

  it('allows a base anywhere inside an explicit root', () => {
    expect(loadError(() => loadScenarioFile(join(suite, 'nested', 'inside.yaml'))).format()).toContain('leaves the suite root');
    const scenario = loadScenarioFile(join(suite, 'nested', 'inside.yaml'), { root: suite });
    expect(scenario.users.map((u) => u.id)).toEqual(['alice']);
  });

  it('does not let a symbolic link inside the root lead outside it', () => {
    symlinkSync(join(shared, 'tenant.yaml'), join(suite, 'link.yaml'));
    const error = loadError(() => parseScenarioText('name: x\nextends: link.yaml\nsteps: [{ wait: 1s }]\n', join(suite, 'linked.yaml')));
    expectProblem(error.problems, { line: 2, column: 10, message: 'through a symbolic link' });
  });
});
