import { configDefaults, defineConfig } from 'vitest/config';

// Three projects, each with the timeout its kind of test needs, so a unit test that starts taking seconds fails
// instead of hiding under the budget of a whole-suite run. `npm test` runs all three; `npm run test:unit`,
// `test:scenario` and `test:terminal` run one. A test file lands in exactly one project: the terminal and
// scenario globs below, everything else is unit.

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

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'sim/**/*.ts', 'mocks/**/*.ts', 'app/**/*.{ts,tsx}'],
      reporter: ['text', 'json-summary'],
    },
    // No `extends: true`: vitest would append each project's include to the root's instead of replacing it.
    projects: [
      project('unit', ALL, [...TERMINAL, ...SCENARIO], 5_000),
      project('scenario', SCENARIO.map(asTestFiles), [], 120_000),
      project('terminal', TERMINAL.map(asTestFiles), [], 60_000),
    ],
  },
});

function project(name: string, include: string[], exclude: string[], timeout: number) {
  return {
    test: {
      name,
      environment: 'node',
      include,
      exclude: [...configDefaults.exclude, ...exclude],
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
