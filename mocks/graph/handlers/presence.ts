/**
 * Presence: reads (single, `/communications/presences/{id}`, batch) and writes (application sessions via
 * `setPresence`/`clearPresence`, the user's own choice via `setUserPreferredPresence`). Reads always return
 * the aggregate of `presenceModel.ts` at the current virtual time, so session expiry follows the clock.
 */
import type { HttpHandler } from 'msw';
import { emptyResponse, odataResponse } from '../response.js';
import { z } from 'zod';
import { GRAPH_V1 } from '../../../src/domain/graphApi.js';
import { findUser, type GraphMockContext } from '../context.js';
import { replaceRecord, type PresenceRecord, type RecordDraft, type UserRecord } from '../db.js';
import { GraphErrors, type RequestStamp } from '../errors.js';
import {
  effectivePresence,
  isCombination,
  parseIsoDuration,
  PREFERRED_PRESENCE_COMBINATIONS,
  preferredDefaultExpirationMs,
  SET_PRESENCE_COMBINATIONS,
  SET_PRESENCE_DEFAULT_EXPIRATION_MS,
  SET_PRESENCE_MAX_EXPIRATION_MS,
  SET_PRESENCE_MIN_EXPIRATION_MS,
} from '../presenceModel.js';
import { renderPresence } from '../render.js';
import { readActionBody, route } from '../route.js';

/** Graph's documented limit for one `getPresencesByUserId` request. */
const MAX_PRESENCE_BATCH = 650;

const setPresenceBody = z.looseObject({
  sessionId: z.string().min(1),
  availability: z.string(),
  activity: z.string(),
  expirationDuration: z.string().nullable().optional(),
});
const preferredBody = z.looseObject({ availability: z.string(), activity: z.string(), expirationDuration: z.string().nullable().optional() });
const clearBody = z.looseObject({ sessionId: z.string().min(1) });
const batchBody = z.looseObject({ ids: z.array(z.string()).min(1).max(MAX_PRESENCE_BATCH) });

export function presenceOf(ctx: GraphMockContext, userId: string): ReturnType<GraphMockContext['db']['byId']['presences']> {
  return ctx.db.byId.presences(userId);
}

export function presenceHandlers(ctx: GraphMockContext): HttpHandler[] {
  return [
    getUserPresence(ctx),
    getPresenceById(ctx),
    getPresencesByUserId(ctx),
    setPresence(ctx),
    clearPresence(ctx),
    setUserPreferredPresence(ctx),
    clearUserPreferredPresence(ctx),
  ];
}

const UNKNOWN_PRESENCE = { availability: 'PresenceUnknown', activity: 'PresenceUnknown' };

/** The presence Graph reports for one user now, with the `@odata.context` of the path it was read by. */
function single(ctx: GraphMockContext, user: UserRecord, contextUrl: string): Response {
  const record = presenceOf(ctx, user.id);
  const state = record ? effectivePresence(record, ctx.now()) : UNKNOWN_PRESENCE;
  return odataResponse({ '@odata.context': contextUrl, ...renderPresence(user.id, state) });
}

type Expiry = { ok: true; ms: number } | { ok: false; response: Response };

/** `expirationDuration` in ms (the default when absent); a bad or out-of-range duration is Graph's 400. */
function expiry(raw: string | undefined, fallbackMs: number, stamp: RequestStamp, bounds?: [number, number]): Expiry {
  if (raw === undefined) return { ok: true, ms: fallbackMs };
  const ms = parseIsoDuration(raw);
  if (ms === undefined) return { ok: false, response: GraphErrors.badRequest(stamp, `expirationDuration '${raw}' is not an ISO 8601 duration.`) };
  if (bounds && (ms < bounds[0] || ms > bounds[1])) {
    return { ok: false, response: GraphErrors.badRequest(stamp, `expirationDuration '${raw}' is outside the valid range PT5M to PT4H.`) };
  }
  return { ok: true, ms };
}

async function updatePresence(ctx: GraphMockContext, userId: string, data: (draft: RecordDraft<PresenceRecord>) => void) {
  const record = presenceOf(ctx, userId);
  return record ? replaceRecord(ctx.db.presences, record, data, ctx.db.byId.presences.indexOf(record.id)) : undefined;
}

const ok = () => emptyResponse(200);

function getUserPresence(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'get', '/users/:id/presence', 'presence', ({ params, stamp }) => {
    const user = findUser(ctx, params['id'] ?? '');
    if (!user) return GraphErrors.notFound(stamp, params['id'] ?? '');
    return single(ctx, user, `${GRAPH_V1}/$metadata#users('${user.id}')/presence/$entity`);
  });
}

function getPresenceById(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'get', '/communications/presences/:id', 'presence', ({ params, stamp }) => {
    const user = findUser(ctx, params['id'] ?? '');
    if (!user) return GraphErrors.notFound(stamp, params['id'] ?? '');
    return single(ctx, user, `${GRAPH_V1}/$metadata#communications/presences/$entity`);
  });
}

function getPresencesByUserId(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/communications/getPresencesByUserId', 'presence', async (args) => {
    const { stamp } = args;
    const parsed = await readActionBody(args, 'getPresencesByUserId', batchBody);
    if (!parsed.ok) return parsed.response;
    const now = ctx.now();
    const value = parsed.value.ids.map((id) => {
      const record = presenceOf(ctx, id);
      // Graph answers unknown ids with an unknown presence rather than failing the whole batch.
      return renderPresence(id, record ? effectivePresence(record, now) : UNKNOWN_PRESENCE);
    });
    return odataResponse({ '@odata.context': `${GRAPH_V1}/$metadata#Collection(microsoft.graph.presence)`, value });
  });
}

function setPresence(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/users/:id/presence/setPresence', 'presence', async (args) => {
    const { params, stamp } = args;
    const user = findUser(ctx, params['id'] ?? '');
    if (!user) return GraphErrors.notFound(stamp, params['id'] ?? '');
    const parsed = await readActionBody(args, 'setPresence', setPresenceBody);
    if (!parsed.ok) return parsed.response;
    const { sessionId, availability, activity, expirationDuration } = parsed.value;
    if (!isCombination(SET_PRESENCE_COMBINATIONS, availability, activity)) {
      return GraphErrors.badRequest(stamp, `The availability/activity combination ${availability}/${activity} is not supported by setPresence.`);
    }
    const exp = expiry(expirationDuration ?? undefined, SET_PRESENCE_DEFAULT_EXPIRATION_MS, stamp, [SET_PRESENCE_MIN_EXPIRATION_MS, SET_PRESENCE_MAX_EXPIRATION_MS]);
    if (!exp.ok) return exp.response;
    const expiresAt = ctx.now() + exp.ms;
    await updatePresence(ctx, user.id, (p) => {
      p.sessions = [...p.sessions.filter((s) => s.sessionId !== sessionId && s.expiresAt > ctx.now()), { sessionId, availability, activity, expiresAt }];
    });
    return ok();
  });
}

function clearPresence(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/users/:id/presence/clearPresence', 'presence', async (args) => {
    const { params, stamp } = args;
    const user = findUser(ctx, params['id'] ?? '');
    if (!user) return GraphErrors.notFound(stamp, params['id'] ?? '');
    const parsed = await readActionBody(args, 'clearPresence', clearBody);
    if (!parsed.ok) return parsed.response;
    const { sessionId } = parsed.value;
    const live = presenceOf(ctx, user.id)?.sessions.some((s) => s.sessionId === sessionId && s.expiresAt > ctx.now()) ?? false;
    if (!live) return GraphErrors.itemNotFound(stamp, `Presence session '${sessionId}' does not exist for user '${user.id}'.`);
    await updatePresence(ctx, user.id, (p) => {
      p.sessions = p.sessions.filter((s) => s.sessionId !== sessionId);
    });
    return ok();
  });
}

function setUserPreferredPresence(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/users/:id/presence/setUserPreferredPresence', 'presence', async (args) => {
    const { params, stamp } = args;
    const user = findUser(ctx, params['id'] ?? '');
    if (!user) return GraphErrors.notFound(stamp, params['id'] ?? '');
    const parsed = await readActionBody(args, 'setUserPreferredPresence', preferredBody);
    if (!parsed.ok) return parsed.response;
    const { availability, activity, expirationDuration } = parsed.value;
    if (!isCombination(PREFERRED_PRESENCE_COMBINATIONS, availability, activity)) {
      return GraphErrors.badRequest(stamp, `The availability/activity combination ${availability}/${activity} is not supported by setUserPreferredPresence.`);
    }
    const exp = expiry(expirationDuration ?? undefined, preferredDefaultExpirationMs(availability), stamp);
    if (!exp.ok) return exp.response;
    const expiresAt = ctx.now() + exp.ms;
    await updatePresence(ctx, user.id, (p) => {
      p.preferred = { availability, activity, expiresAt };
    });
    return ok();
  });
}

function clearUserPreferredPresence(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/users/:id/presence/clearUserPreferredPresence', 'presence', async (args) => {
    const { params, stamp } = args;
    const user = findUser(ctx, params['id'] ?? '');
    if (!user) return GraphErrors.notFound(stamp, params['id'] ?? '');
    const parsed = await readActionBody(args, 'clearUserPreferredPresence', z.object({}));
    if (!parsed.ok) return parsed.response;
    await updatePresence(ctx, user.id, (p) => {
      p.preferred = null;
    });
    return ok();
  });
}
