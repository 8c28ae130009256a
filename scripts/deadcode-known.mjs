// Findings of `npm run deadcode` (knip) that are known: each sits in a file another helper of issue 13 is
// reworking, so it is listed here instead of fixed. One line per finding ("file <path>", "export <path> <name>",
// "type <path> <name>"); scripts/deadcode.mjs fails on any finding NOT listed here and names the lines that no
// longer match anything, so delete a line once its export is gone (or used).
// Most are exports only their own file uses (drop the `export`), re-exports no one imports through a barrel
// (mocks/graph/index.ts, src/graph/index.ts), or zod schemas whose inferred type is what others import.
export const KNOWN_DEAD_CODE = [];
