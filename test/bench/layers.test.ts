/**
 * The bench's split of a profiled day by layer: each sample goes to the layer of the function it was taken
 * in, and only the samples of the day itself count (from `openDay` to the day module's last frame).
 */
import { describe, expect, it } from 'vitest';
import { type CpuProfile, layerOf, layerShares } from '../../bench/layers.js';

const ROOT = '/repo/';
const file = (path: string): string => `file://${ROOT}${path}`;

describe('layerOf', () => {
  it.each([
    [file('node_modules/xstate/dist/raise-9de11213.cjs.js'), 'microstep', 'XState'],
    [file('dist/src/machines/agentMachine.js'), 'recordOffer', 'agent and call session machines (src/machines)'],
    [file('src/machines/callSessionMachine.ts'), 'connectUser', 'agent and call session machines (src/machines)'],
    [file('dist/src/rules/pstn.js'), 'evaluatePstnLicense', 'rules (src/rules, src/domain)'],
    [file('src/domain/licenses.ts'), 'findMicrosoftLicense', 'rules (src/rules, src/domain)'],
    [file('dist/sim/engine/distribution.js'), 'distribute', 'engine (sim/)'],
    [file('dist/mocks/graph/db.js'), 'indexOf', 'mock Graph and PSTN (mocks/)'],
    [file('node_modules/@msw/data/build/index.js'), 'all', 'msw, @msw/data, zod'],
    [file('node_modules/zod/v4/core/parse.js'), 'parse', 'msw, @msw/data, zod'],
    [file('node_modules/yaml/dist/index.js'), 'parse', 'other packages'],
    [file('dist/app/cli/loadgen.js'), 'loadCommand', 'the CLI (app/)'],
    ['node:internal/modules/esm/loader', 'import', 'Node.js and V8 built-ins'],
    ['', 'parse', 'Node.js and V8 built-ins'],
    ['', '(garbage collector)', 'garbage collection'],
    ['', '(idle)', 'idle'],
  ])('%s %s → %s', (url, fn, layer) => {
    expect(layerOf(url, fn, ROOT)).toBe(layer);
  });

  it('reads a package under node_modules as that package even inside the repository', () => {
    expect(layerOf(file('node_modules/xstate/dist/xstate.cjs.js'), 'createActor', '/repo')).toBe('XState');
  });
});

/** A profile of nodes (id → [function, path under ROOT or '' for a built-in, parent id]) and samples of 1 ms each. */
function profile(nodes: Record<number, [string, string, number | null]>, samples: number[]): CpuProfile {
  const ids = Object.keys(nodes).map(Number);
  return {
    nodes: ids.map((id) => {
      const [functionName, path] = nodes[id] ?? ['', '', null];
      return {
        id,
        callFrame: { functionName, url: path === '' ? '' : file(path) },
        children: ids.filter((c) => nodes[c]?.[2] === id),
      };
    }),
    startTime: 0,
    endTime: samples.length * 1000,
    samples,
    timeDeltas: samples.map(() => 1000),
  };
}

const NODES: Record<number, [string, string, number | null]> = {
  1: ['(root)', '', null],
  2: ['import', '', 1],
  3: ['runDay', 'dist/sim/load/day.js', 1],
  4: ['openDay', 'dist/sim/load/day.js', 3],
  5: ['buildTenant', 'dist/sim/load/tenant.js', 4],
  6: ['playDay', 'dist/sim/load/day.js', 3],
  7: ['microstep', 'node_modules/xstate/dist/raise.cjs.js', 6],
  8: ['distribute', 'dist/sim/engine/distribution.js', 1],
  9: ['(garbage collector)', '', 1],
  10: ['(idle)', '', 1],
  11: ['writeOutput', 'dist/app/cli/output.js', 1],
};

describe('layerShares', () => {
  it('counts only the day: module loading before openDay and the report written after the day stay out', () => {
    const shares = layerShares(profile(NODES, [2, 2, 5, 7, 7, 8, 9, 10, 7, 11, 11, 11]), ROOT);
    const byLayer = Object.fromEntries(shares.map((s) => [s.layer, s.ms]));
    // The day: buildTenant (engine), three XState samples, distribute (engine), one GC; the idle sample does not count.
    expect(byLayer).toMatchObject({ XState: 3, 'engine (sim/)': 2, 'garbage collection': 1, 'Node.js and V8 built-ins': 0, 'the CLI (app/)': 0 });
    expect(shares.find((s) => s.layer === 'XState')?.share).toBeCloseTo(0.5);
    expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
  });

  it('takes the whole profile when no sample was taken in openDay', () => {
    const shares = layerShares(profile(NODES, [2, 7, 11]), ROOT);
    expect(shares.filter((s) => s.ms > 0).map((s) => s.layer)).toEqual(['XState', 'Node.js and V8 built-ins', 'the CLI (app/)']);
  });
});
