import { configDefaults, defineConfig } from 'vitest/config';

// Three projects, each with the timeout its kind of test needs, so a unit test that starts taking seconds fails
// instead of hiding under the budget of a whole-suite run. `npm test` runs all three; `npm run test:unit`,
// `test:scenario` and `test:terminal` run one. A test file lands in exactly one kind: the terminal and
// scenario globs below, everything else is unit; each kind is one project, and a twin for OWN_MODULE_GRAPH.

/** Tests that drive the tool from outside: the CLI, the Ink views, the HTTPS mock server, tmux. */
export const TERMINAL = ['test/e2e/**', 'test/app/**', 'test/sim/diff.test.ts', 'test/sim/shard.test.ts'];

/**
 * Tests that run the engine on scenarios (the built-in suite, generated tenants, fuzzed or hostile input) or
 * check properties over thousands of generated inputs.
 */
export const SCENARIO = [
  'test/scenarios/**',
  // The benchmark at a tiny scale: child processes for the day and its growth curve.
  'test/bench/**',
  'test/hostile/**',
  'test/property/**',
  'test/model/**',
  'test/sim/engine/**',
  'test/sim/load/**',
  'test/sim/modelling/**',
  'test/sim/support/**',
  'test/sim/reporting.test.ts',
  'test/sim/report/mermaid.test.ts',
  'test/sim/scenario/faults.test.ts',
  // Property-based: fast-check over random facts or mutated files, seconds when the machine is busy.
  'test/sim/scenario/robustness.test.ts',
  'test/src/rules/invariants.test.ts',
];

const ALL = ['test/**/*.test.{ts,tsx}'];

/**
 * Test files that replace a module with `vi.mock`, by the project their globs put them in. The other files of a
 * project share one module graph per worker (`isolate: false`): the engine, msw, zod and Ink are imported once
 * instead of once per file, a third of the time of the unit tests. A file whose mock must replace a module
 * other files have already imported needs a graph of its own, so these run in the project's `-isolated` twin
 * (same timeout; `--project 'unit*'` runs both). test/layout.test.ts fails when a file that calls vi.mock is
 * missing here.
 */
export const OWN_MODULE_GRAPH: Readonly<Record<'unit' | 'scenario' | 'terminal', readonly string[]>> = {
  unit: ['test/src/rules/decision.test.ts'],
  scenario: ['test/hostile/unreadablePermission.test.ts'],
  terminal: ['test/app/cli/exitCodes.test.ts', 'test/app/cli/importExit.test.ts'],
};
const ISOLATED = Object.values(OWN_MODULE_GRAPH).flat();

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'sim/**/*.ts', 'mocks/**/*.ts', 'app/**/*.{ts,tsx}'],
      reporter: ['text', 'json-summary'],
    },
    // No `extends: true`: vitest would append each project's include to the root's instead of replacing it.
    projects: [
      project('unit', ALL, [...TERMINAL, ...SCENARIO, ...ISOLATED], 5_000, false),
      project('scenario', SCENARIO.map(asTestFiles), ISOLATED, 120_000, false),
      project('terminal', TERMINAL.map(asTestFiles), ISOLATED, 60_000, false),
      project('unit-isolated', [...OWN_MODULE_GRAPH.unit], [], 5_000, true),
      project('scenario-isolated', [...OWN_MODULE_GRAPH.scenario], [], 120_000, true),
      project('terminal-isolated', [...OWN_MODULE_GRAPH.terminal], [], 60_000, true),
    ],
  },
});

function project(name: string, include: string[], exclude: string[], timeout: number, isolate: boolean) {
  return {
    test: {
      name,
      environment: 'node',
      include,
      exclude: [...configDefaults.exclude, ...exclude],
      isolate,
      testTimeout: timeout,
      // A beforeAll that builds a tenant or starts a server gets at least vitest's usual 10 s.
      hookTimeout: Math.max(timeout, 10_000),
    },
  };
}

/** A folder glob names its test files; a file names itself. */
function asTestFiles(glob: string): string {
  return glob.endsWith('/**') ? `${glob}/*.test.{ts,tsx}` : glob;
}
