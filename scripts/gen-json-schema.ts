/**
 * Writes schema/scenario.schema.json from the zod schemas. `--check` only compares, for CI: the committed
 * file must be what the schemas generate, or editors validate against a stale contract.
 *
 *   npx tsx scripts/gen-json-schema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../sim/scenario/jsonSchema.js';

const target = fileURLToPath(new URL('../schema/scenario.schema.json', import.meta.url));
const text = scenarioJsonSchemaText();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (committed !== text) {
    process.stderr.write('schema/scenario.schema.json is out of date; run: npx tsx scripts/gen-json-schema.ts\n');
    process.exit(1);
  }
  process.stdout.write('schema/scenario.schema.json is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
