/**
 * Compares the rule ids of the project's catalogue (src/rules/catalogue.data.ts) with a domain rulebook kept
 * beside the clone, by default ../shared/domain/nimbus-rules.md. Run by hand, never in CI: the repository
 * does not depend on that file, and this script is the one place that names it.
 *
 *   npm run rules:compare [-- path/to/nimbus-rules.md]
 *
 * Exit codes: 0 same ids, 1 ids differ (listed), 2 no rulebook at that path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_IDS } from '../src/rules/catalogue.data.js';
import { parseRulebook } from '../src/rules/rulebook.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulebookPath = resolve(process.argv[2] ?? resolve(root, '../shared/domain/nimbus-rules.md'));

if (!existsSync(rulebookPath)) {
  console.log(`No rulebook at ${rulebookPath}; nothing to compare. Pass its path: npm run rules:compare -- <file>`);
  process.exit(2);
}

const rulebookIds = parseRulebook(readFileSync(rulebookPath, 'utf8')).map((rule) => rule.id);
const catalogueIds: readonly string[] = RULE_IDS;
const onlyInRulebook = rulebookIds.filter((id) => !catalogueIds.includes(id));
const onlyInCatalogue = catalogueIds.filter((id) => !rulebookIds.includes(id));

if (onlyInRulebook.length === 0 && onlyInCatalogue.length === 0) {
  console.log(`Same ${catalogueIds.length} rule ids in the catalogue and ${rulebookPath}.`);
  process.exit(0);
}
if (onlyInRulebook.length > 0) console.log(`In the rulebook, not in the catalogue (${onlyInRulebook.length}): ${onlyInRulebook.join(', ')}`);
if (onlyInCatalogue.length > 0) console.log(`In the catalogue, not in the rulebook (${onlyInCatalogue.length}): ${onlyInCatalogue.join(', ')}`);
process.exit(1);
