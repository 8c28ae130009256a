/** `nimbus-sim generate --machine agent|session --out DIR`: one scenario file per generated model path. */
import { generateAgentScenarios } from '../../sim/modelling/generate.js';
import { generateSessionScenarios } from '../../sim/modelling/generateSession.js';
import type { ParsedArgs } from './args.js';

export function generateCommand(args: ParsedArgs): number {
  const machine = args.values.machine;
  const out = args.values.out;
  if (typeof out !== 'string' || out === '') {
    process.stderr.write('generate: --out DIR is required\n');
    return 2;
  }
  if (machine !== 'agent' && machine !== 'session') {
    process.stderr.write('generate: --machine agent or --machine session is required\n');
    return 2;
  }
  const { written, skipped } = machine === 'agent' ? generateAgentScenarios(out) : generateSessionScenarios(out);
  const why = machine === 'agent' ? 'they go through engine-internal events' : 'the engine never produces them, or they repeat another path once engine steps are folded in';
  process.stdout.write(`wrote ${written.length} scenario files to ${out} (${skipped} paths skipped: ${why})\n`);
  return 0;
}
