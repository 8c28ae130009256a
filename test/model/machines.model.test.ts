/**
 * Model-based tests: every generated path of the agent and call session models runs against a fresh real
 * actor on a virtual clock; each step checks the actor's state against the model and the invariants
 * against the rule functions. The generated paths must take every transition of both machines.
 */
import { describe, expect, it } from 'vitest';
import { runAgentModels, runSessionModels, type ModelRunResult } from '../../sim/modelling/modelRun.js';

function expectFullCoverage(r: ModelRunResult): void {
  const g = r.recorder.graph;
  const missing = g.transitions.filter((t) => !r.recorder.transitions.has(t.key)).map((t) => t.label);
  expect(missing, 'transitions no generated path takes').toEqual([]);
  const missingStates = g.states.filter((s) => !r.recorder.states.has(s.id)).map((s) => s.path);
  expect(missingStates, 'states no generated path reaches').toEqual([]);
}

describe('agent machine, model-based', () => {
  const r = runAgentModels();
  it('runs every generated path against the real actor without a model mismatch or a broken invariant', () => {
    expect(r.paths).toBeGreaterThan(50);
    expect(r.failures.slice(0, 5)).toEqual([]);
  });
  it('takes every transition and reaches every state of the agent machine', () => expectFullCoverage(r));
});

describe('call session machine, model-based', () => {
  const r = runSessionModels();
  it('runs every generated path against the real actor without a model mismatch or a broken invariant', () => {
    expect(r.paths).toBeGreaterThan(50);
    expect(r.failures.slice(0, 5)).toEqual([]);
  });
  it('takes every transition and reaches every state of the call session machine', () => expectFullCoverage(r));
});
