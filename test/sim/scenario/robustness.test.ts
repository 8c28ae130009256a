/**
 * Whatever a user types, the loader answers with a ScenarioLoadError carrying positioned problems, or a
 * scenario; never another exception (which would surface as a stack trace).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioLoadError } from '../../../sim/scenario/errors.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { valid } from './helpers.js';

function outcome(text: string): 'ok' | 'problems' {
  try {
    parseScenarioText(text, 'fuzz.yaml');
    return 'ok';
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    return 'problems';
  }
}

const example = readFileSync(valid('scenario-b.yaml'), 'utf8');

describe('robustness', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void outcome(text)), { numRuns: 300 });
  });

  it('arbitrary YAML data', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => void outcome(stringify(value))), { numRuns: 300 });
  });

  it('the example with any one line removed or duplicated', () => {
    const lines = example.split('\n');
    lines.forEach((_, i) => {
      outcome([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
      outcome([...lines.slice(0, i + 1), ...lines.slice(i)].join('\n'));
    });
  });

  it('the example with random characters changed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(example.length - 1), fc.string({ minLength: 0, maxLength: 3 })), { maxLength: 4 }), (edits) => {
        let text = example;
        for (const [at, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + 1);
        outcome(text);
      }),
      { numRuns: 300 },
    );
  });

  it('every step with its value replaced by something of the wrong shape', () => {
    const shapes = ['', '~', '42', '"text"', '[]', '[a, b]', '{}', '{ nope: 1 }', 'true'];
    for (const verb of ['wait', 'presence', 'answer', 'transfer', 'graphFault', 'expect', 'hangup', 'supervise']) {
      for (const shape of shapes) {
        // A bare number is a valid wait (seconds).
        if (verb === 'wait' && shape === '42') continue;
        expect(outcome(`name: x\nsteps:\n  - ${verb}: ${shape}\n`), `${verb}: ${shape}`).toBe('problems');
      }
    }
  });
});
