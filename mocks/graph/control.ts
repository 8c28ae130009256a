/**
 * `mock.control`: what happens outside Graph that the mock must still know about, as typed operations. Graph
 * has no API for a Teams client changing its presence or for the PSTN far end answering or hanging up, so a
 * run or a test drives those here, never by writing the mock's records.
 */
import { createPstnNetwork, type PstnNetwork } from '../pstn/network.js';
import { findUser, type GraphMockContext } from './context.js';
import { replaceRecord, type PresenceRecord, type RecordDraft } from './db.js';
import { preferredActivityOf } from './presenceModel.js';

/** The Teams side of presence: what the user's own Teams client does, which Graph then reports. */
export interface TeamsClients {
  /**
   * The user's Teams client reports this state (Graph wire values: `Busy`/`InACall`, `Offline`/`Offline` when
   * signed out). Any status the user chose is gone, and so are application sessions: the user's presence is
   * now what the client says.
   */
  setClientPresence(userId: string, availability: string, activity: string): void;
  /**
   * The user picks a status in Teams (Graph's preferred presence, with the activity Graph pairs with it and no
   * expiry; `Offline` is Appear Offline). Their client is signed in and idle underneath; application
   * sessions end.
   */
  choosePresence(userId: string, availability: string): void;
}

export interface GraphMockControl extends TeamsClients, PstnNetwork {}

/**
 * @param resolveUser object id of a user given by scenario id or object id; undefined when there is none.
 * @param resolveScenarioId object id of a user or service given by scenario id (far-end addresses).
 */
export function createGraphMockControl(
  ctx: GraphMockContext,
  resolveUser: (userId: string) => string | undefined,
  resolveScenarioId: (id: string) => string | undefined,
): GraphMockControl {
  const changePresence = (userId: string, change: (draft: RecordDraft<PresenceRecord>) => void): void => {
    const objectId = resolveUser(userId);
    const user = objectId ? findUser(ctx, objectId) : undefined;
    const record = user?.kind === 'person' ? ctx.db.byId.presences(user.id) : undefined;
    if (!record) throw new Error(`Teams: no user "${userId}" with a presence in the mock Graph directory`);
    const at = ctx.db.byId.presences.indexOf(record.id);
    replaceRecord(
      ctx.db.presences,
      record,
      (p) => {
        p.sessions = [];
        change(p);
      },
      at,
    );
  };
  return {
    setClientPresence(userId, availability, activity) {
      changePresence(userId, (p) => {
        p.preferred = null;
        p.availability = availability;
        p.activity = activity;
      });
    },
    choosePresence(userId, availability) {
      changePresence(userId, (p) => {
        p.preferred = { availability, activity: preferredActivityOf(availability), expiresAt: Number.MAX_SAFE_INTEGER };
        p.availability = 'Available';
        p.activity = 'Available';
      });
    },
    ...createPstnNetwork(ctx, resolveScenarioId),
  };
}
