/**
 * Virtual time for one simulation run.
 *
 * It implements XState's `Clock` interface, so every actor's delayed transitions (ring timeout, ACW, RONA
 * reset) are scheduled here, next to the engine's own timers (outbound answer delays, Graph retry waits).
 * Timers fire in (due time, scheduling order), which makes runs deterministic.
 *
 * Why not XState's `SimulatedClock`: `increment()` fires every due timer synchronously in one go, but a timer
 * here may start asynchronous work (a Graph request through the mock) that must finish before the next
 * timer fires. `fireNext()` fires one timer at a time so the engine can settle in between.
 */
/** XState's Clock interface (not exported from the package root). */
interface Clock {
  setTimeout(fn: () => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

interface Timer {
  id: number;
  due: number;
  seq: number;
  fn: () => void;
  label: string;
}

export class VirtualClock implements Clock {
  private current = 0;
  private seq = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
  /** Min-heap on (due, seq); cleared timers stay in it until they surface (lazy deletion). */
  private readonly heap: Timer[] = [];

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, timeout: number, label = 'timer'): number {
    const id = this.nextId++;
    // An infinite delay never fires: nothing is scheduled.
    if (timeout === Number.POSITIVE_INFINITY) return id;
    const delay = Number.isFinite(timeout) && timeout > 0 ? Math.round(timeout) : 0;
    const timer = { id, due: this.current + delay, seq: this.seq++, fn, label };
    this.timers.set(id, timer);
    this.push(timer);
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  /** A promise that resolves when virtual time reaches now + ms (used for Graph retry waits). */
  sleep(ms: number, label = 'sleep'): Promise<void> {
    return new Promise((resolve) => this.setTimeout(() => resolve(), ms, label));
  }

  /** The earliest pending timer, if any. */
  peek(): { due: number; label: string } | undefined {
    const next = this.earliest();
    return next ? { due: next.due, label: next.label } : undefined;
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Fire the earliest timer if it is due at or before `limit`; returns whether one fired. */
  fireNext(limit = Number.POSITIVE_INFINITY): boolean {
    const next = this.earliest();
    if (!next || next.due > limit) return false;
    this.timers.delete(next.id);
    if (next.due > this.current) this.current = next.due;
    next.fn();
    return true;
  }

  /** Move time forward without firing anything (only up to the next timer). */
  advanceTo(time: number): void {
    const next = this.earliest();
    if (next && next.due < time) throw new Error(`advanceTo(${time}) would skip a timer due at ${next.due}`);
    if (time > this.current) this.current = time;
  }

  private earliest(): Timer | undefined {
    // Drop cleared timers from the top; the first live one is the earliest.
    while (this.heap.length > 0 && !this.timers.has((this.heap[0] as Timer).id)) this.pop();
    return this.heap[0];
  }

  private static before(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!VirtualClock.before(h[i] as Timer, h[parent] as Timer)) break;
      swap(h, i, parent);
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (h.length === 0 || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && VirtualClock.before(h[l] as Timer, h[m] as Timer)) m = l;
      if (r < h.length && VirtualClock.before(h[r] as Timer, h[m] as Timer)) m = r;
      if (m === i) break;
      swap(h, i, m);
      i = m;
    }
  }
}

/** Swap two heap slots without the array a destructuring swap allocates (the heap moves on every timer). */
function swap(h: Timer[], i: number, j: number): void {
  const t = h[i] as Timer;
  h[i] = h[j] as Timer;
  h[j] = t;
}
