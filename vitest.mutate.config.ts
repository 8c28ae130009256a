import { configDefaults, defineConfig } from 'vitest/config';

// The test set Stryker runs against each mutant of src/rules and src/machines (`npm run mutate`, configured in
// stryker.config.mjs): the unit tests of src/ and the XFER, LIC and COB scenarios (test/scenarios/rules.mutate.ts),
// which prove transfers and PSTN licensing end to end. Stryker runs per test (coverageAnalysis "perTest"), so a
// mutant meets only the tests that execute it; still every covering scenario is re-run per mutant, which is why
// the whole scenario suite and the property tests (src/rules/invariants.test.ts: thousands of generated facts
// per run) stay out: with them the run took hours on two shared cores.
const shared = {
  environment: 'node',
  // Generous: a mutant may slow a scenario; Stryker's own timeout decides "timed out".
  testTimeout: 120_000,
  hookTimeout: 120_000,
} as const;

// Tests that replace a module with vi.mock need a module graph of their own: in the shared one the module
// under test was already loaded with the real dependency by an earlier file, and the mock never applies.
const MOCKING = ['test/src/rules/decision.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'mutate',
          // The tests of src/ and the scenario runs keep no module-level state (each run builds its own world),
          // so modules stay loaded between the many small runs Stryker makes; re-importing the engine per run
          // cost most of a mutant's time.
          isolate: false,
          include: ['test/src/**/*.test.ts', 'test/scenarios/rules.mutate.ts'],
          exclude: [...configDefaults.exclude, 'test/src/rules/invariants.test.ts', ...MOCKING],
        },
      },
      { test: { ...shared, name: 'mutate-mocking', isolate: true, include: MOCKING } },
    ],
  },
});
