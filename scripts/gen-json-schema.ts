/**
 * Writes schema/scenario.schema.json and schema/fragment.schema.json from the zod schemas. `--check` only
 * compares, for CI: the committed files must be what the schemas generate, or editors validate against a
 * stale contract.
 *
 *   npx tsx scripts/gen-json-schema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fragmentJsonSchemaText, scenarioJsonSchemaText } from '../sim/scenario/jsonSchema.js';

const files = [
  { name: 'schema/scenario.schema.json', text: scenarioJsonSchemaText() },
  { name: 'schema/fragment.schema.json', text: fragmentJsonSchemaText() },
];
const pathOf = (name: string): string => fileURLToPath(new URL(`../${name}`, import.meta.url));

if (process.argv.includes('--check')) {
  const stale = files.filter((f) => {
    try {
      return readFileSync(pathOf(f.name), 'utf8') !== f.text;
    } catch {
      return true; // a missing file is simply out of date
    }
  });
  for (const f of stale) process.stderr.write(`${f.name} is out of date; run: npm run schema\n`);
  if (stale.length > 0) process.exit(1);
  process.stdout.write(`${files.map((f) => f.name).join(' and ')} are up to date\n`);
} else {
  for (const f of files) {
    writeFileSync(pathOf(f.name), f.text);
    process.stdout.write(`wrote ${f.name}\n`);
  }
}
