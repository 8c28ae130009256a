/**
 * The layers and their one direction: src (the Nimbus model) <- mocks (Graph, presence, PSTN) <- sim (the
 * harness) <- app (what users touch). `npm run depcheck` (and .ci/run) fails with the name of a broken rule.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'A file cycle makes a change ripple both ways; split the shared part into a module both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-stays-at-the-bottom',
      severity: 'error',
      comment: 'src/ is the Nimbus model: it imports no mock, harness or user-facing code.',
      from: { path: '^src/' },
      to: { path: '^(mocks|sim|app)/' },
    },
    {
      name: 'mocks-see-only-the-domain',
      severity: 'error',
      comment: 'The mock Graph depends on src/domain types only: never on rules, machines, the harness or the app.',
      from: { path: '^mocks/' },
      to: { path: '^(src/(?!domain/)|sim/|app/)' },
    },
    {
      name: 'harness-below-the-app',
      severity: 'error',
      comment: 'sim/ is the harness: CLI, Ink views, serve and the vitest entry (app/) build on it, never the reverse.',
      from: { path: '^sim/' },
      to: { path: '^app/' },
    },
    {
      name: 'product-never-imports-tests',
      severity: 'error',
      comment: 'Product code does not depend on tests, benches or scripts.',
      from: { path: '^(src|mocks|sim|app)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage|reports)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types', 'typings'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
