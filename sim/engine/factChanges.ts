/**
 * When the facts the user and service rules read last changed: an agent's state, a service, a user's spec,
 * idle times, and the licenses and presence Nimbus read through Graph. The world's maps report their
 * changes here (WatchedMap) and every agent's snapshot change does too (setup.ts), so the engine can tell
 * whether an earlier answer still holds: distribution skips a queued task that found nobody while its
 * service's facts stand still, and selectability decisions are reused until their user's or service's
 * facts move.
 */

/** A Map that reports which key changed (null: all of them). */
export class WatchedMap<K, V> extends Map<K, V> {
  onChange: ((key: K | null) => void) | undefined;
  override set(key: K, value: V): this {
    this.onChange?.(key);
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.onChange?.(key);
    return super.delete(key);
  }
  override clear(): void {
    this.onChange?.(null);
    super.clear();
  }
}

export class FactChanges {
  private tick = 0;
  /** Per service: its own facts, or those of any of its members. */
  private readonly serviceOrMemberAt = new Map<string, number>();
  private readonly userOwnAt = new Map<string, number>();
  private readonly serviceOwnAt = new Map<string, number>();
  /** The last change of everything at once. */
  private allAt = 0;
  private memberOf: Map<string, string[]> | null = null;

  /** @param services the current services, for which services a user's change concerns. */
  constructor(private readonly services: () => ReadonlyMap<string, { members: readonly { user: string }[] }>) {}

  /** The current tick: remember it when reading facts, and ask later whether anything moved since. */
  get now(): number {
    return this.tick;
  }

  /** Has anything a distribution attempt in this service reads changed since `tick`? */
  serviceChangedSince(serviceId: string, tick: number): boolean {
    return this.allAt > tick || (this.serviceOrMemberAt.get(serviceId) ?? 0) > tick;
  }

  /** Have this user's own facts changed since `tick`? (Their UserFacts.) */
  userChangedSince(userId: string, tick: number): boolean {
    return this.allAt > tick || (this.userOwnAt.get(userId) ?? 0) > tick;
  }

  /** Have this user's own facts or this service's own facts changed since `tick`? (A user's selectability.) */
  userOrServiceChangedSince(userId: string, serviceId: string, tick: number): boolean {
    return this.userChangedSince(userId, tick) || (this.serviceOwnAt.get(serviceId) ?? 0) > tick;
  }

  /** A user's facts changed (null: every user's). */
  readonly userChanged = (userId: string | null): void => {
    const at = ++this.tick;
    if (userId === null) {
      this.allAt = at;
      return;
    }
    this.userOwnAt.set(userId, at);
    this.memberOf ??= this.membershipIndex();
    for (const id of this.memberOf.get(userId) ?? []) this.serviceOrMemberAt.set(id, at);
  };

  /** A service's own facts changed (null: every service's); its membership may have too. */
  readonly serviceChanged = (serviceId: string | null): void => {
    this.memberOf = null;
    const at = ++this.tick;
    if (serviceId === null) {
      this.allAt = at;
      return;
    }
    this.serviceOrMemberAt.set(serviceId, at);
    this.serviceOwnAt.set(serviceId, at);
  };

  private membershipIndex(): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const [id, s] of this.services()) for (const m of s.members) index.set(m.user, [...(index.get(m.user) ?? []), id]);
    return index;
  }
}
