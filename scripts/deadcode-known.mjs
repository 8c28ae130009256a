// Findings of `npm run deadcode` (knip) that are accepted, one line per finding ("file <path>", "export <path>
// <name>", "type <path> <name>"). scripts/deadcode.mjs fails on any finding NOT listed here and names the lines
// that no longer match anything. Keep it empty: fix a finding (drop an `export` only its own file uses, delete
// what nothing uses) rather than list it. The only fitting entry is a real public API nothing in the repository
// imports, with a one-line comment saying who uses it.
export const KNOWN_DEAD_CODE = [];
