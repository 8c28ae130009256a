/** The virtual clock fires timers in (due time, scheduling order), whatever order they were set in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../sim/clock.js';

describe('VirtualClock', () => {
  it('fires every live timer once, in due order, ties in scheduling order, cleared ones never', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.boolean()), { maxLength: 60 }), (plan) => {
        const clock = new VirtualClock();
        const fired: number[] = [];
        const ids = plan.map(([delay], i) => clock.setTimeout(() => fired.push(i), delay));
        plan.forEach(([, clear], i) => clear && clock.clearTimeout(ids[i]));
        while (clock.fireNext()) {
          /* fire all */
        }
        const expected = plan
          .map(([delay, clear], i) => ({ delay, clear, i }))
          .filter((t) => !t.clear)
          .sort((a, b) => a.delay - b.delay || a.i - b.i)
          .map((t) => t.i);
        expect(fired).toEqual(expected);
        expect(clock.pending).toBe(0);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('fireNext respects the limit and moves time only to the fired timer', () => {
    const clock = new VirtualClock();
    clock.setTimeout(() => undefined, 500);
    expect(clock.fireNext(499)).toBe(false);
    expect(clock.now()).toBe(0);
    expect(clock.fireNext(500)).toBe(true);
    expect(clock.now()).toBe(500);
    expect(() => {
      clock.setTimeout(() => undefined, 10);
      clock.advanceTo(1000);
    }).toThrow(/skip a timer/);
  });
});
