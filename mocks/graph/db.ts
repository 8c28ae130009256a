/**
 * The mock Graph's data layer: @msw/data collections with zod schemas. Records enter through the
 * collections (`create` checks them against the schema); handlers change them only through `replaceRecord`,
 * typed changes that copy the record on write.
 */
import { Collection } from '@msw/data';
import { z } from 'zod';
import { PstnConnectivity } from '../../src/domain/enums.js';

const assignedLicenseSchema = z.object({
  skuId: z.string(),
  disabledPlans: z.array(z.string()).default([]),
});

/** Graph `user`, plus what the mock needs to know about resource accounts. */
export const userSchema = z.object({
  id: z.string(),
  /** The scenario id this directory object was seeded from (user id or service id). */
  scenarioId: z.string(),
  /** `applicationInstance` marks a service's resource account (the identity its calls use, LIC-02). */
  kind: z.enum(['person', 'applicationInstance']),
  userPrincipalName: z.string(),
  displayName: z.string(),
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  mail: z.string().nullable(),
  accountEnabled: z.boolean(),
  userType: z.enum(['Member', 'Guest']),
  businessPhones: z.array(z.string()).default([]),
  assignedLicenses: z.array(assignedLicenseSchema).default([]),
  /** Resource accounts only: how the service's phone number reaches the PSTN (LIC-03, LIC-04). */
  pstnConnectivity: z.enum(PstnConnectivity.values).nullable().default(null),
});
export type UserRecord = z.output<typeof userSchema>;

const presenceState = { availability: z.string(), activity: z.string() };

const presenceSessionSchema = z.object({
  sessionId: z.string(),
  ...presenceState,
  /** Virtual ms at which the session expires (setPresence `expirationDuration`). */
  expiresAt: z.number(),
});

export const presenceSchema = z.object({
  /** The user's object id. */
  id: z.string(),
  /** The Teams clients' own state; `Offline` means no client session exists. */
  ...presenceState,
  /** Application presence sessions created by `setPresence`. */
  sessions: z.array(presenceSessionSchema).default([]),
  /** `setUserPreferredPresence`: the user's own choice, which overrides every session while one exists. */
  preferred: z.object({ ...presenceState, expiresAt: z.number() }).nullable().default(null),
});
export type PresenceRecord = z.output<typeof presenceSchema>;

const identitySchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullable().optional(),
});

/** Graph `communicationsIdentitySet`: exactly one of these is set on a participant. */
export const identitySetSchema = z.looseObject({
  user: identitySchema.optional(),
  application: identitySchema.optional(),
  applicationInstance: identitySchema.optional(),
  phone: identitySchema.optional(),
  guest: identitySchema.optional(),
});
export type IdentitySetRecord = z.output<typeof identitySetSchema>;

export const participantSchema = z.object({
  identity: identitySetSchema,
  endpointType: z.string().nullable().default(null),
  region: z.string().nullable().default(null),
  languageId: z.string().nullable().default(null),
  countryCode: z.string().nullable().default(null),
  replacesCallId: z.string().nullable().default(null),
});
export type ParticipantRecord = z.output<typeof participantSchema>;

const CALL_STATES = ['incoming', 'establishing', 'established', 'hold', 'transferring', 'transferAccepted', 'redirecting', 'terminating', 'terminated'] as const;

/**
 * Opaque JSON echoed back to Graph readers (mediaConfig, callOptions). Handlers validate it as JSON on input;
 * it is typed `unknown` here because @msw/data's query types recurse without bound on recursive JSON types.
 */
const jsonObject = z.record(z.string(), z.unknown());

export const transferRecordSchema = z.object({
  at: z.number(),
  targetKind: z.enum(['phone', 'user', 'applicationInstance']),
  targetId: z.string(),
  outcome: z.enum(['pending', 'completed', 'refused', 'failed']),
  /** Whose PSTN license the attempt was checked against (XFER-02); null for non-PSTN targets. */
  licensedBy: z.string().nullable(),
  because: z.array(z.string()).default([]),
});
export type TransferRecord = z.output<typeof transferRecordSchema>;

/** Graph `call`, plus the bookkeeping the first-service PSTN rule (XFER-02) needs. */
export const callSchema = z.object({
  id: z.string(),
  state: z.enum(CALL_STATES),
  direction: z.enum(['incoming', 'outgoing']),
  tenantId: z.string(),
  callbackUri: z.string(),
  callChainId: z.string(),
  myParticipantId: z.string(),
  subject: z.string().nullable().default(null),
  source: participantSchema,
  targets: z.array(participantSchema),
  requestedModalities: z.array(z.string()),
  mediaConfig: jsonObject,
  callOptions: jsonObject.nullable().default(null),
  resultInfo: z.object({ code: z.number(), subcode: z.number(), message: z.string() }).nullable().default(null),
  /**
   * The application instance that first answered (incoming) or created (outgoing) the call. Set once and
   * never moved by later service-to-service transfers: its PSTN license decides PSTN transfers (XFER-02/03).
   */
  answeredBy: z.string().nullable().default(null),
  /** The application instance currently holding the call (changes with service-to-service transfers). */
  heldBy: z.string().nullable().default(null),
  /** The application instance that last transferred the call to another service (Graph's incomingContext.transferor). */
  transferredBy: z.string().nullable().default(null),
  /** The far end a pending leg (outbound dial-out or transfer) is waiting on: E.164 number or user id. */
  pendingFarEnd: z.string().nullable().default(null),
  transfers: z.array(transferRecordSchema).default([]),
  createdAt: z.number(),
  /** DELETE was called: the call is gone for Graph readers, but kept for reports. */
  deleted: z.boolean().default(false),
});
export type CallRecord = z.output<typeof callSchema>;

/** A record as a collection holds it (with @msw/data's own bookkeeping), as `all()` and queries return it. */
type Stored<S extends z.ZodType<{ id: string }>> = ReturnType<Collection<S>['all']>[number];

/**
 * A record by Graph id, or undefined; `indexOf` gives its position in the collection's list (-1: none).
 * `remember` tells the lookup that `record` now stands at `at` (a change put a new version there), so the
 * next lookup follows that version instead of searching for it by id; `forget` drops what it remembers of an
 * id whose record left the collection, so the lookup holds no record the collection no longer does.
 */
export type IdLookup<T> = ((id: string) => T | undefined) & {
  readonly indexOf: (id: string) => number;
  readonly remember: (record: T, at: number) => void;
  readonly forget: (id: string) => void;
};

export interface GraphDb {
  users: Collection<typeof userSchema>;
  presences: Collection<typeof presenceSchema>;
  calls: Collection<typeof callSchema>;
  /** Adds a call the mock's own typed code built, whole (see `recordInserter`). */
  readonly addCall: (call: CallRecord) => Promise<CallRecord>;
  /** Fast lookups by Graph id, one per collection; each remembers where it last found ids (this db's state). */
  readonly byId: {
    users: IdLookup<Stored<typeof userSchema>>;
    presences: IdLookup<Stored<typeof presenceSchema>>;
    calls: IdLookup<Stored<typeof callSchema>>;
  };
}

export function createGraphDb(): GraphDb {
  const users = new Collection({ schema: userSchema });
  const presences = new Collection({ schema: presenceSchema });
  const calls = new Collection({ schema: callSchema });
  return { users, presences, calls, addCall: recordInserter(calls), byId: { users: idLookup(users), presences: idLookup(presences), calls: idLookup(calls) } };
}

/** The symbol-keyed bookkeeping @msw/data gives each record it creates (its primary key, its relations). */
interface RecordBookkeeping {
  primaryKey: symbol;
  relations: symbol;
}

function bookkeepingOf(record: object): RecordBookkeeping | undefined {
  const symbols = Object.getOwnPropertySymbols(record);
  const primaryKey = symbols.find((s) => s.description === 'kPrimaryKey');
  const relations = symbols.find((s) => s.description === 'kRelationMap');
  return primaryKey && relations ? { primaryKey, relations } : undefined;
}

/**
 * Adds records the mock's own typed code built whole (a new call: `CallRecord` has no optional property, so
 * the compiler sees every default given). `collection.create` parses each one against the schema after a
 * deep sanitising copy, for every call of a contact-center day; here the first record goes through `create`,
 * and later ones get the same bookkeeping it was given (a primary key of their own, an empty relation map)
 * and join the collection's own list. Should @msw/data ever keep its bookkeeping differently, every record
 * goes through `create` again; the mock's tests pin that inserted records are records to @msw/data.
 */
function recordInserter<S extends z.ZodType<{ id: string }>, T extends z.output<S> & { id: string }>(collection: Collection<S>): (record: T) => Promise<T> {
  let bookkeeping: RecordBookkeeping | undefined;
  let inserted = 0;
  return async (record) => {
    if (!bookkeeping) {
      const created = (await collection.create(record)) as unknown as T;
      bookkeeping = bookkeepingOf(created);
      return created;
    }
    Object.defineProperties(record, {
      // @msw/data's own keys are random UUIDs: a counter cannot collide with them, and stays deterministic.
      [bookkeeping.primaryKey]: { enumerable: false, configurable: false, value: `inserted-${++inserted}` },
      [bookkeeping.relations]: { enumerable: false, configurable: false, value: new Map() },
    });
    (collection.all() as unknown as T[]).push(record);
    return record;
  };
}

export function clearGraphDb(db: GraphDb): void {
  db.users.clear();
  db.presences.clear();
  db.calls.clear();
}

/**
 * Find records by Graph id in one collection. The lookup remembers, per id, where it last found the record
 * and which version it found there. A record moves only down the list (as earlier ones are deleted), so the
 * remembered version is followed down by identity: a comparison of references that reads no other record.
 * Following it by id instead read every record it passed, one cache miss each, and a call passed more of
 * them the more calls were live: the cost of a lookup grew with the size of the day. A version the lookup
 * has not seen (changed by code that did not `remember` it) is searched for by id, down then up from where
 * it was; an id never looked up is searched from the end, where records are added, so a new call is found
 * at once. What is remembered is only a hint, checked on every use (after a clear the search finds nothing).
 */
function idLookup<T extends { id: string }>(collection: { all(): T[] }): IdLookup<T> {
  const seen = new Map<string, { at: number; record: T }>();
  const found = (id: string, records: T[], i: number): number => {
    const record = records[i];
    if (record !== undefined) remember(record, i, id);
    return i;
  };
  const remember = (record: T, at: number, id = record.id): void => {
    const hint = seen.get(id);
    if (hint === undefined) seen.set(id, { at, record });
    else {
      hint.at = at;
      hint.record = record;
    }
  };
  const byId = (id: string, records: T[], from: number): number => {
    for (let i = from; i >= 0; i--) if (records[i]?.id === id) return found(id, records, i);
    for (let i = from + 1; i < records.length; i++) if (records[i]?.id === id) return found(id, records, i);
    seen.delete(id);
    return -1;
  };
  const indexOf = (id: string): number => {
    const records = collection.all();
    const hint = seen.get(id);
    if (hint === undefined) return byId(id, records, records.length - 1);
    const at = Math.min(hint.at, records.length - 1);
    if (records[at]?.id === id) return found(id, records, at);
    const moved = at < 0 ? -1 : records.lastIndexOf(hint.record, at);
    return moved >= 0 ? found(id, records, moved) : byId(id, records, at);
  };
  const lookup = (id: string): T | undefined => {
    const i = indexOf(id);
    return i < 0 ? undefined : collection.all()[i];
  };
  return Object.assign(lookup, { indexOf, remember: (record: T, at: number) => remember(record, at), forget: (id: string) => void seen.delete(id) });
}

/** A value no change may alter in place: a record shares it with the versions before and after the change. */
export type Shared<T> = T extends readonly (infer U)[] ? readonly Shared<U>[] : T extends object ? { readonly [K in keyof T]: Shared<T[K]> } : T;

/**
 * A record being changed: each of its properties may be given a new value, but the values it holds are the
 * previous version's own (a shallow copy) and are read-only, so a change builds new ones instead
 * (`c.transfers = [...c.transfers, next]`, never `c.transfers.push(next)`).
 */
export type RecordDraft<T> = { -readonly [K in keyof T]: Shared<T[K]> };

/**
 * Change one record, copy-on-write: a shallow copy of it is changed and put in its place, so readers holding
 * the previous record keep an unchanged version (as with `collection.update`), while the values the change
 * does not replace are shared by both. `RecordDraft` makes the compiler refuse a change that would alter a
 * shared value in place.
 *
 * No schema parse: the changes are the mock's own typed code, and what comes from outside has been checked
 * where it came in (request bodies in route.ts, the seed by its schema). `collection.update` would parse and
 * deep-copy the record twice per change, with machinery the mock does not use (relations, patch lists): a
 * fifth of a contact-center day. This relies on `all()` returning the collection's own record list, as
 * @msw/data documents in its source; the mock's tests pin it.
 */
export function replaceRecord<T extends { id: string }>(collection: { all(): T[] }, record: T, change: (draft: RecordDraft<T>) => void, at?: number): T {
  const records = collection.all();
  const index = positionOf(records, record, at);
  if (index < 0) throw new Error(`record ${record.id} is not in this collection (stale copy?)`);
  const next = changedCopy(record, change);
  // The collection's own bookkeeping (primary key, relations) lives in symbol-keyed properties.
  for (const key of Object.getOwnPropertySymbols(record)) {
    const descriptor = Object.getOwnPropertyDescriptor(record, key);
    if (descriptor) Object.defineProperty(next, key, descriptor);
  }
  records[index] = next;
  return next;
}

/**
 * Where `record` is in `records`: at `at` when the caller knows (an id lookup just found it there), else by a
 * scan. Without the hint every change of a call scanned the live calls, a cost that grew with the day.
 */
function positionOf<T>(records: T[], record: T, at: number | undefined): number {
  return at !== undefined && records[at] === record ? at : records.indexOf(record);
}

/** A shallow copy of `record` with `change` applied; `record` itself is left as it was. */
export function changedCopy<T extends object>(record: T, change: (draft: RecordDraft<T>) => void): T {
  const draft = { ...record } as RecordDraft<T>;
  change(draft);
  return draft as T;
}

/**
 * Take a record out of its collection (what `collection.delete(record)` does, without looking the record up
 * by primary key and emitting a delete event that no relation of the mock listens to).
 */
export function removeRecord<T extends { id: string }>(collection: { all(): T[] }, record: T, at?: number): void {
  const records = collection.all();
  const index = positionOf(records, record, at);
  if (index < 0) throw new Error(`record ${record.id} is not in this collection (stale copy?)`);
  records.splice(index, 1);
}

/** A plain, detached copy of a record (records carry internal symbols and are drafts inside updates). */
export const snapshot = <T>(record: T): T => structuredClone(record);
