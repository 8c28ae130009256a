// Mutation testing of the Nimbus model (`npm run mutate`, never in .ci/run: it takes tens of minutes).
// docs/developers.md "Mutation testing" explains the run, the score and every surviving mutant.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  mutate: [
    'src/rules/**/*.ts',
    'src/machines/**/*.ts',
    // The rule catalogue's text (ids, titles, statements, help links): data, not decisions. Mutating it yields
    // only string mutants of prose that no rule reads; test/src/rules/catalogue.test.ts checks its shape.
    '!src/rules/catalogue.data.ts',
  ],
  // Explanation text: every check's detail and every summary is prose for people. A rule must get the verdict,
  // the rule ids and the inputs right, and the tests assert those, never sentences; an empty-string mutant of
  // a sentence is a change nobody should write a test against. String comparisons in the rules are typed
  // unions, so the TypeScript checker would reject their empty-string mutants anyway. docs/developers.md
  // ("Mutation testing") counts what this leaves out.
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code: the machines' state charts, rule-id lists, lookup tables) runs when a
  // module loads, so Stryker must re-run every test for it: ~800 of them at ~25 s each is hours. They are
  // reported as Ignored and counted in docs/developers.md; the machines' charts are covered by test/model.
  ignoreStatic: true,
  // Two cores are shared with other work: two test processes at most.
  concurrency: 2,
  // Re-runs only re-test mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  timeoutMS: 20_000,
  timeoutFactor: 3,
  reporters: ['json', 'clear-text', 'progress-append-only'],
  jsonReporter: { fileName: 'reports/mutation/stryker-report.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
