/**
 * Compares the project's catalogue (src/rules/catalogue.data.ts) with a domain rulebook kept beside the clone,
 * by default ../shared/domain/nimbus-rules.md. Run by hand, never in CI: the repository does not depend on that
 * file, and this script is the one place that names it.
 *
 *   npm run rules:compare [-- path/to/nimbus-rules.md]
 *
 * Two checks: the same rule ids on both sides, and no catalogue title or statement that repeats the rulebook's
 * wording (the catalogue states each rule in the project's own words; a sentence or clause copied word for word
 * is listed with its id).
 *
 * Exit codes: 0 same ids and no copied wording, 1 ids differ or wording copied (listed), 2 no rulebook at that path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULEBOOK, RULE_IDS } from '../src/rules/catalogue.data.js';
import { parseRulebook } from '../src/rules/rulebook.js';

/**
 * Clauses shorter than this many words ("default off", "see ACW-04") are too short to count as copied: two
 * honest phrasings of one rule share them.
 */
const MIN_COPIED_CLAUSE_WORDS = 4;

const root = fileURLToPath(new URL('..', import.meta.url));
const rulebookPath = resolve(process.argv[2] ?? resolve(root, '../shared/domain/nimbus-rules.md'));

if (!existsSync(rulebookPath)) {
  console.log(`No rulebook at ${rulebookPath}; nothing to compare. Pass its path: npm run rules:compare -- <file>`);
  process.exit(2);
}

const rulebook = parseRulebook(readFileSync(rulebookPath, 'utf8'));

/** Lower case, one space, no punctuation at the ends: two clauses compare equal when only that differs. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s.;:,]+|[\s.;:,]+$/g, '');
}

/** The sentences and `;`/`:`-separated clauses of a statement, normalised, long enough to count. */
function clauses(text: string): string[] {
  return text
    .split(/(?<=[.;:])\s+/)
    .map(normalise)
    .filter((clause) => clause.split(' ').length >= MIN_COPIED_CLAUSE_WORDS);
}

function differentIds(): string[] {
  const rulebookIds = rulebook.map((rule) => rule.id);
  const catalogueIds: readonly string[] = RULE_IDS;
  const onlyInRulebook = rulebookIds.filter((id) => !catalogueIds.includes(id));
  const onlyInCatalogue = catalogueIds.filter((id) => !rulebookIds.includes(id));
  const out: string[] = [];
  if (onlyInRulebook.length > 0) out.push(`In the rulebook, not in the catalogue (${onlyInRulebook.length}): ${onlyInRulebook.join(', ')}`);
  if (onlyInCatalogue.length > 0) out.push(`In the catalogue, not in the rulebook (${onlyInCatalogue.length}): ${onlyInCatalogue.join(', ')}`);
  return out;
}

/** `ID title|statement: "clause"` for every catalogue clause that is also a clause of the rulebook's rule. */
function copiedWording(): string[] {
  const theirs = new Map(rulebook.map((rule) => [rule.id, new Set(clauses(rule.statement))]));
  const out: string[] = [];
  for (const entry of RULEBOOK) {
    const original = theirs.get(entry.id);
    if (original === undefined) continue;
    for (const field of ['title', 'statement'] as const) {
      for (const clause of clauses(entry[field])) {
        if (original.has(clause)) out.push(`${entry.id} ${field}: "${clause}"`);
      }
    }
  }
  return out;
}

const idProblems = differentIds();
const copied = copiedWording();
for (const line of idProblems) console.log(line);
if (copied.length > 0) {
  console.log(`Catalogue wording copied from the rulebook (${copied.length}; restate it in the project's words):`);
  for (const line of copied) console.log(`  ${line}`);
}
if (idProblems.length === 0 && copied.length === 0) {
  console.log(`Same ${RULE_IDS.length} rule ids in the catalogue and ${rulebookPath}; no statement copies the rulebook's wording.`);
  process.exit(0);
}
process.exit(1);
