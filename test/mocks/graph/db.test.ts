/**
 * The mock's fast paths over @msw/data (mocks/graph/db.ts) rely on `collection.all()` handing out the
 * collection's own record list. These tests pin that, so an @msw/data upgrade that changes it fails here
 * instead of silently losing updates.
 */
import { describe, expect, it } from 'vitest';
import { callSchema, createGraphDb, removeRecord, replaceRecord, type CallRecord, type PresenceRecord, type RecordDraft } from '../../../mocks/graph/db.js';

async function presences(n: number) {
  const db = createGraphDb();
  for (let i = 0; i < n; i++) await db.presences.create({ id: `u${i}`, availability: 'Available', activity: 'Available' });
  return db;
}

describe('mock data layer fast paths', () => {
  it('byId finds records, follows them when they move, and forgets deleted ones', async () => {
    const db = await presences(5);
    expect(db.byId.presences('u3')?.id).toBe('u3');
    db.presences.delete((q) => q.where({ id: 'u1' }));
    expect(db.byId.presences('u3')?.id).toBe('u3');
    expect(db.byId.presences('u1')).toBeUndefined();
    expect(db.byId.presences('nobody')).toBeUndefined();
  });

  it('replaceRecord changes the record the collection queries see, and leaves the old one as it was', async () => {
    const db = await presences(3);
    const before = db.byId.presences('u2');
    if (!before) throw new Error('seeded');
    const after = replaceRecord(db.presences, before, (p) => {
      p.availability = 'Busy';
      p.sessions = [...p.sessions, { sessionId: 's', availability: 'Busy', activity: 'InACall', expiresAt: 10 }];
    });
    expect(before.availability).toBe('Available');
    expect(before.sessions).toEqual([]);
    expect(db.presences.findFirst((q) => q.where({ id: 'u2' }))).toBe(after);
    expect(after).toMatchObject({ availability: 'Busy', sessions: [{ sessionId: 's' }] });
    expect(db.presences.count()).toBe(3);
    // Still a record of the collection: @msw/data can update and delete it by reference.
    await db.presences.update(after, { data: (p) => void (p.activity = 'Busy') });
    expect(db.byId.presences('u2')?.activity).toBe('Busy');
    const latest = db.byId.presences('u2');
    if (!latest) throw new Error('updated');
    db.presences.delete(latest);
    expect(db.presences.count()).toBe(2);
  });

  it('a change gives new values to what it changes and shares the rest; the compiler refuses changing a shared value in place', async () => {
    const db = await presences(1);
    const first = db.byId.presences('u0');
    if (!first) throw new Error('seeded');
    const session = { sessionId: 's', availability: 'Busy', activity: 'InACall', expiresAt: 10 };
    const second = replaceRecord(db.presences, first, (p) => void (p.sessions = [session]));
    const third = replaceRecord(db.presences, second, (p) => void (p.sessions = [...p.sessions, { ...session, sessionId: 't' }]));
    const fourth = replaceRecord(db.presences, third, (p) => void (p.activity = 'Away'));
    expect([first, second, third, fourth].map((p) => [p.activity, p.sessions.map((s) => s.sessionId)])).toEqual([
      ['Available', []],
      ['Available', ['s']],
      ['Available', ['s', 't']],
      ['Away', ['s', 't']],
    ]);
    expect(fourth.sessions).toBe(third.sessions);
    const pushIntoShared = (p: RecordDraft<PresenceRecord>) => {
      // @ts-expect-error the sessions belong to the previous version too: a change gives a new list instead
      p.sessions.push(session);
    };
    void pushIntoShared;
  });

  it('removeRecord takes a record out of the collection, as delete does', async () => {
    const db = await presences(3);
    const middle = db.byId.presences('u1');
    if (!middle) throw new Error('seeded');
    removeRecord(db.presences, middle);
    expect(db.presences.all().map((p) => p.id)).toEqual(['u0', 'u2']);
    expect(db.byId.presences('u1')).toBeUndefined();
    expect(db.byId.presences('u2')?.id).toBe('u2');
    expect(() => removeRecord(db.presences, middle)).toThrow(/not in this collection/);
  });

  it('an id never looked up is found among the newest records first, and one not there is undefined', async () => {
    const db = await presences(4);
    await db.presences.create({ id: 'new', availability: 'Away', activity: 'Away' });
    expect(db.byId.presences('new')).toBe(db.presences.all()[4]);
    expect(db.byId.presences('u0')).toBe(db.presences.all()[0]);
    expect(db.byId.presences('nobody')).toBeUndefined();
  });

  it('a stale copy is refused', async () => {
    const db = await presences(1);
    const record = db.byId.presences('u0');
    if (!record) throw new Error('seeded');
    replaceRecord(db.presences, record, (p) => void (p.activity = 'Away'));
    expect(() => replaceRecord(db.presences, record, (p) => void (p.activity = 'Busy'))).toThrow(/not in this collection/);
  });
});

const newCall = (id: string): CallRecord =>
  callSchema.parse({
    id,
    state: 'incoming',
    direction: 'incoming',
    tenantId: 't',
    callbackUri: 'https://nimbus.sim.invalid/api/calls',
    callChainId: `chain-${id}`,
    myParticipantId: `participant-${id}`,
    source: { identity: { phone: { id: '+41791110000', displayName: null } } },
    targets: [{ identity: { applicationInstance: { id: 'app', displayName: 'Front Desk' } } }],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    createdAt: 0,
  });

describe('addCall', () => {
  it('adds whole calls that @msw/data treats as its own records: queried, updated and deleted by reference', async () => {
    const db = createGraphDb();
    const calls = await Promise.all(['c1', 'c2', 'c3'].map((id) => db.addCall(newCall(id))));
    expect(db.calls.all().map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(db.calls.all()[0]).toEqual(newCall('c1'));
    expect(db.calls.findFirst((q) => q.where({ id: 'c3' }))).toBe(calls[2]);
    const updated = await db.calls.update((q) => q.where({ id: 'c2' }), { data: (c) => void (c.state = 'established') });
    expect(updated?.state).toBe('established');
    expect(db.byId.calls('c2')).toBe(updated);
    db.calls.delete((q) => q.where({ id: 'c3' }));
    const first = db.byId.calls('c1');
    if (!first) throw new Error('added');
    db.calls.delete(first);
    expect(db.calls.all().map((c) => [c.id, c.state])).toEqual([['c2', 'established']]);
    // Past the first call, the record given is the one stored: no parsed copy (pins the fast path).
    const fourth = newCall('c4');
    await db.addCall(fourth);
    expect(db.calls.all()[1]).toBe(fourth);
    db.calls.clear();
    expect(db.calls.count()).toBe(0);
  });
});

describe('id lookups belong to their db', () => {
  it('two dbs with the same ids keep their own positions, and a cleared db rescans', async () => {
    const a = await presences(4);
    const b = await presences(4);
    a.presences.delete((q) => q.where({ id: 'u0' }));
    expect(a.byId.presences('u3')?.id).toBe('u3');
    expect(b.byId.presences('u3')).toBe(b.presences.all()[3]);
    b.presences.clear();
    expect(b.byId.presences('u3')).toBeUndefined();
    await b.presences.create({ id: 'u3', availability: 'Away', activity: 'Away' });
    expect(b.byId.presences('u3')?.availability).toBe('Away');
    expect(a.byId.presences('u3')?.availability).toBe('Available');
  });
});

/** Live calls c0..c(n-1), each counting how often its `id` is read (a lookup passing a record reads it). */
async function countedCalls(n: number) {
  const db = createGraphDb();
  const reads = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = `c${i}`;
    const call = newCall(id);
    Object.defineProperty(call, 'id', {
      enumerable: true,
      get: () => {
        reads.set(id, (reads.get(id) ?? 0) + 1);
        return id;
      },
    });
    await db.addCall(call);
  }
  const readsOfOthers = (id: string): number => [...reads].filter(([k]) => k !== id).reduce((a, [, v]) => a + v, 0);
  return { db, reads, readsOfOthers };
}

const removeCall = (db: ReturnType<typeof createGraphDb>, id: string): void => {
  const at = db.byId.calls.indexOf(id);
  const call = db.calls.all()[at];
  if (!call) throw new Error(`no call ${id}`);
  removeRecord(db.calls, call, at);
  db.byId.calls.forget(id);
};

describe('a call found again after earlier calls ended', () => {
  it('is followed down the list by reference: the calls it passes are not read', async () => {
    const { db, reads, readsOfOthers } = await countedCalls(40);
    expect(db.byId.calls('c30')?.state).toBe('incoming');
    for (let i = 0; i < 20; i++) removeCall(db, `c${i}`);
    reads.clear();
    const at = db.byId.calls.indexOf('c30');
    expect(at).toBe(10);
    expect(db.calls.all()[at]?.state).toBe('incoming');
    // It reads the id where the call was (now another call's) and its own: none of the ten it moved past.
    expect(readsOfOthers('c30')).toBeLessThanOrEqual(1);
  });

  it('follows the version a change remembered; a version it was not told of is still found, by id', async () => {
    const { db, readsOfOthers, reads } = await countedCalls(30);
    const at = db.byId.calls.indexOf('c25');
    const first = db.calls.all()[at];
    if (!first) throw new Error('added');
    const remembered = replaceRecord(db.calls, first, (c) => void (c.state = 'established'), at);
    db.byId.calls.remember(remembered, at);
    for (let i = 0; i < 10; i++) removeCall(db, `c${i}`);
    reads.clear();
    expect(db.byId.calls('c25')).toBe(remembered);
    expect(readsOfOthers('c25')).toBeLessThanOrEqual(1);

    const unannounced = replaceRecord(db.calls, remembered, (c) => void (c.state = 'terminated'), db.byId.calls.indexOf('c25'));
    removeCall(db, 'c10');
    expect(db.byId.calls('c25')).toBe(unannounced);
  });

  it('forgets an ended call: it is not found, and the lookup keeps no copy of it', async () => {
    const { db } = await countedCalls(5);
    expect(db.byId.calls('c2')?.id).toBe('c2');
    removeCall(db, 'c2');
    expect(db.byId.calls('c2')).toBeUndefined();
    expect(db.calls.all().map((c) => c.id)).toEqual(['c0', 'c1', 'c3', 'c4']);
    expect(db.byId.calls('c4')).toBe(db.calls.all()[3]);
  });
});
