/**
 * The clock of a model-based path run. It implements XState's clock like the simulator's VirtualClock,
 * but a test model treats each delayed transition as an event of its own (`xstate.after.<delay>.<state>`),
 * so a path may take the ring timeout while a longer RONA reset is pending. `fireDelayed` fires exactly the
 * timer the path names, moving virtual time to its due time (never backwards).
 */
import type { AnyActorRef } from 'xstate';

interface Timer {
  id: number;
  due: number;
  delay: number;
  fn: () => void;
}

export class PathClock {
  private current = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, timeout: number): number {
    const id = this.nextId++;
    if (timeout === Number.POSITIVE_INFINITY) return id;
    const delay = Number.isFinite(timeout) && timeout > 0 ? Math.round(timeout) : 0;
    this.timers.set(id, { id, due: this.current + delay, delay, fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  /**
   * Fire the pending timer of `actor` that delivers `eventType` (a delayed transition's event). The actor's
   * system knows which events are scheduled and with which delay; the timer with that delay is fired.
   * Returns false when no such event is scheduled (the path expects a delay the system did not start).
   */
  fireDelayed(actor: AnyActorRef, eventType: string): boolean {
    const scheduled = Object.values(actor.system.getSnapshot()._scheduledEvents).filter((s) => s.event.type === eventType);
    const delays = new Set(scheduled.map((s) => s.delay));
    let best: Timer | undefined;
    for (const t of this.timers.values()) if (delays.has(t.delay) && (!best || t.due < best.due)) best = t;
    if (!best) return false;
    this.timers.delete(best.id);
    if (best.due > this.current) this.current = best.due;
    best.fn();
    return true;
  }
}
