/**
 * Issue 15: a run with more than 10k calls goes through every reporter. Spreading a large array into a call
 * (`Math.max(...xs)`, `push(...xs)`) puts every element on the stack and overflows it, at about 125k arguments
 * on Node's default stack and at fewer when the stack is already deep, so the reporters must not do that with
 * run-sized lists. Rendering 200k calls on the default stack took 40 s; the reporters run here in child
 * processes with a 128 kB stack instead, where 16k arguments already overflow, over runs of 25k. A control in
 * each child proves that a spread of a list that long does overflow there.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BigRun, RenderOutcome } from './bigsuiteRender.js';

const SIZE = 25_000;
/** Kilobytes; Node's default is 984. Loading the modules under tsx needs about 70. */
const STACK_KB = 128;
const RENDER = fileURLToPath(new URL('bigsuiteRender.ts', import.meta.url));

function renderInChild(run: BigRun): Promise<{ outcomes: RenderOutcome[]; stderr: string }> {
  const child = spawn(process.execPath, [`--stack-size=${STACK_KB}`, '--import', 'tsx', RENDER, run, String(SIZE)]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.once('close', () => resolve({ outcomes: stdout.trim() === '' ? [] : (JSON.parse(stdout) as RenderOutcome[]), stderr })),
  );
}

describe(`reporters on a run with more than 10k calls (${SIZE} on a ${STACK_KB} kB stack)`, () => {
  it('one scenario with 25k calls and 25k scenarios: JSON, JUnit, Markdown, HTML, the console summary and the detail render', async () => {
    // Both children at once: each uses a core while the other renders.
    const [calls, scenarios] = await Promise.all((['calls', 'scenarios'] as const).map(renderInChild));
    for (const { outcomes, stderr } of [calls!, scenarios!]) {
      expect(stderr).toBe('');
      const [control, ...renderings] = outcomes;
      expect(control?.error).toMatch(/^RangeError: Maximum call stack size exceeded/);
      expect(renderings.filter((r) => !r.passed)).toEqual([]);
    }
    expect(calls!.outcomes.map((o) => o.what)).toEqual([
      'control: Math.max(...a list of the run size)',
      ...['JSON', 'JUnit', 'Markdown', 'HTML', 'console summary'].map((r) => `one scenario with ${SIZE} calls: ${r}`),
      `the detail of a ${SIZE}-call scenario lists every step`,
    ]);
    expect(scenarios!.outcomes.map((o) => o.what)).toEqual([
      'control: Math.max(...a list of the run size)',
      ...['JSON', 'JUnit', 'Markdown', 'HTML', 'console summary'].map((r) => `${SIZE} scenarios: ${r}`),
    ]);
  }, 120_000);
});
