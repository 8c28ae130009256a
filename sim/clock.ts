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

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, timeout: number, label = 'timer'): number {
    const id = this.nextId++;
    // An infinite delay never fires: nothing is scheduled.
    if (timeout === Number.POSITIVE_INFINITY) return id;
    const delay = Number.isFinite(timeout) && timeout > 0 ? Math.round(timeout) : 0;
    this.timers.set(id, { id, due: this.current + delay, seq: this.seq++, fn, label });
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
    let best: Timer | undefined;
    for (const t of this.timers.values()) {
      if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
