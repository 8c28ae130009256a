/** `nimbus-sim generate --machine agent --out DIR`: one scenario file per generated model path. */
import { generateAgentScenarios } from '../../sim/modelling/generate.js';
import type { ParsedArgs } from './registry.js';

export function generateCommand(args: ParsedArgs): number {
  const machine = args.values.machine;
  const out = args.values.out;
  if (typeof out !== 'string' || out === '') {
    process.stderr.write('generate: --out DIR is required\n');
    return 2;
  }
  if (machine !== 'agent') {
    process.stderr.write(
      machine === 'session'
        ? 'generate: --machine session is not supported yet (call session events have no one-to-one scenario verbs); use --machine agent\n'
        : 'generate: --machine agent is required\n',
    );
    return 2;
  }
  const { written, skipped } = generateAgentScenarios(out);
  process.stdout.write(`wrote ${written.length} scenario files to ${out} (${skipped} paths skipped: they go through engine-internal events)\n`);
  return 0;
}
