/** `nimbus-sim schema`: the scenario JSON Schema for editors (yaml-language-server). */
import { scenarioJsonSchema } from '../../sim/scenario/jsonSchema.js';
import type { ParsedArgs } from './args.js';
import { writeOutputOrFail } from './output.js';

export function schemaCommand(args: ParsedArgs): number {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (typeof args.values.write === 'string') {
    writeOutputOrFail('--write', args.values.write, text);
    process.stdout.write(`wrote ${args.values.write}\n`);
  } else process.stdout.write(text);
  return 0;
}
