/**
 * The mock Graph's data layer: @msw/data collections validated by zod schemas. Handlers read and write
 * records only through these collections, so every state change is schema-checked.
 */
import { Collection } from '@msw/data';
import { z } from 'zod';
import { PstnConnectivity } from '../../src/domain/enums.js';

export const assignedLicenseSchema = z.object({
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

export const presenceSessionSchema = z.object({
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

export const CALL_STATES = ['incoming', 'establishing', 'established', 'hold', 'transferring', 'transferAccepted', 'redirecting', 'terminating', 'terminated'] as const;
export type CallStateName = (typeof CALL_STATES)[number];

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
  /** The far end a pending leg (outbound dial-out or transfer) is waiting on: E.164 number or user id. */
  pendingFarEnd: z.string().nullable().default(null),
  transfers: z.array(transferRecordSchema).default([]),
  createdAt: z.number(),
  /** DELETE was called: the call is gone for Graph readers, but kept for reports. */
  deleted: z.boolean().default(false),
});
export type CallRecord = z.output<typeof callSchema>;

export interface GraphDb {
  users: Collection<typeof userSchema>;
  presences: Collection<typeof presenceSchema>;
  calls: Collection<typeof callSchema>;
}

export function createGraphDb(): GraphDb {
  return {
    users: new Collection({ schema: userSchema }),
    presences: new Collection({ schema: presenceSchema }),
    calls: new Collection({ schema: callSchema }),
  };
}

export function clearGraphDb(db: GraphDb): void {
  db.users.clear();
  db.presences.clear();
  db.calls.clear();
}

/**
 * The record with this Graph id, by a plain scan of the collection's live records. A `where({ id })` query
 * builds and runs a generic condition per record, which a contact-center day paid for on every request.
 */
export function recordById<T extends { id: string }>(collection: { all(): T[] }, id: string): T | undefined {
  for (const record of collection.all()) if (record.id === id) return record;
  return undefined;
}

/** A plain, detached copy of a record (records carry internal symbols and are drafts inside updates). */
export const snapshot = <T>(record: T): T => structuredClone(record);
