/**
 * `nimbus-sim schema [--fragment] [--write FILE]`: the JSON Schema of scenario files, or of fragments (files
 * starting with `_` that scenarios extend), for editors (yaml-language-server).
 */
import { fragmentJsonSchemaText, scenarioJsonSchemaText } from '../../sim/scenario/jsonSchema.js';
import type { ParsedArgs } from './args.js';
import { writeOutputOrFail } from './output.js';

export function schemaCommand(args: ParsedArgs): number {
  const text = args.values.fragment === true ? fragmentJsonSchemaText() : scenarioJsonSchemaText();
  if (typeof args.values.write === 'string') {
    writeOutputOrFail('--write', args.values.write, text);
    process.stdout.write(`wrote ${args.values.write}\n`);
  } else process.stdout.write(text);
  return 0;
}
