/**
 * Call state changes shared by the Graph calls handlers (the bot side) and the mock PSTN (the far end).
 * States and result codes follow the Graph cloud-communications docs: a completed transfer terminates the
 * transferor's call with 0/7015 "GracefulTransferCompleted"; a failed one leaves the call `established`.
 */
import type { GraphMockContext } from './context.js';
import { changedCopy, removeRecord, replaceRecord, type CallRecord, type ParticipantRecord, type RecordDraft, type TransferRecord } from './db.js';

/** What a new call says of itself; every other property starts as Graph starts it (null, none, not deleted). */
export type NewCallRecord = Pick<CallRecord, 'id' | 'state' | 'direction' | 'callbackUri' | 'callChainId' | 'myParticipantId' | 'source' | 'targets' | 'requestedModalities' | 'mediaConfig'> &
  Partial<Pick<CallRecord, 'subject' | 'callOptions' | 'answeredBy' | 'heldBy' | 'pendingFarEnd'>>;

/** Adds a new call to the live calls, its properties in the schema's order (reports print records as they are). */
export function addCall(ctx: GraphMockContext, call: NewCallRecord): Promise<CallRecord> {
  return ctx.db.addCall({
    id: call.id,
    state: call.state,
    direction: call.direction,
    tenantId: ctx.tenantId,
    callbackUri: call.callbackUri,
    callChainId: call.callChainId,
    myParticipantId: call.myParticipantId,
    subject: call.subject ?? null,
    source: call.source,
    targets: call.targets,
    requestedModalities: call.requestedModalities,
    mediaConfig: call.mediaConfig,
    callOptions: call.callOptions ?? null,
    resultInfo: null,
    answeredBy: call.answeredBy ?? null,
    heldBy: call.heldBy ?? null,
    transferredBy: null,
    pendingFarEnd: call.pendingFarEnd ?? null,
    transfers: [],
    createdAt: ctx.now(),
    deleted: false,
  });
}

export const findCall = (ctx: GraphMockContext, id: string): CallRecord | undefined =>
  ctx.endedCalls.get(id) ?? ctx.db.byId.calls(id);

/**
 * Change a call, copy-on-write (db.ts). A call that ends leaves the live collection for `ctx.endedCalls`, so
 * queries over live calls do not grow with the history of the run.
 */
export async function updateCall(ctx: GraphMockContext, id: string, data: (draft: RecordDraft<CallRecord>) => void): Promise<CallRecord | undefined> {
  const ended = ctx.endedCalls.get(id);
  if (ended) {
    const changed = changedCopy(ended, data);
    ctx.endedCalls.set(id, changed);
    return changed;
  }
  const at = ctx.db.byId.calls.indexOf(id);
  const live = at < 0 ? undefined : ctx.db.calls.all()[at];
  if (!live) return undefined;
  const updated = replaceRecord(ctx.db.calls, live, data, at);
  if (updated.state === 'terminated') {
    removeRecord(ctx.db.calls, updated, at);
    ctx.db.byId.calls.forget(id);
    ctx.endedCalls.set(id, updated);
    ctx.endedAt.set(id, ctx.now());
    forgetExpiredCalls(ctx);
  } else ctx.db.byId.calls.remember(updated, at);
  return updated;
}

/** Terminated calls past the retention are forgotten (oldest first: `endedAt` is in end order). */
function forgetExpiredCalls(ctx: GraphMockContext): void {
  if (ctx.endedCallRetentionMs === Number.POSITIVE_INFINITY) return;
  const cutoff = ctx.now() - ctx.endedCallRetentionMs;
  for (const [id, at] of ctx.endedAt) {
    if (at > cutoff) break;
    ctx.endedAt.delete(id);
    ctx.endedCalls.delete(id);
  }
}

export const participant = (identity: ParticipantRecord['identity'], extra: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  identity,
  endpointType: null,
  region: null,
  languageId: null,
  countryCode: null,
  replacesCallId: null,
  ...extra,
});

/** The far-end address of a participant: an E.164 number, a user or an application instance object id. */
export function farEndAddress(p: ParticipantRecord): string | null {
  return p.identity.phone?.id ?? p.identity.user?.id ?? p.identity.applicationInstance?.id ?? null;
}

const answerModeOf = (ctx: GraphMockContext, address: string): 'auto' | 'manual' => ctx.farEndModes.get(address) ?? 'auto';

/** The last transfer attempt, settled, when it was still pending (the transfer list is shared: a new one). */
function settleLastTransfer(c: RecordDraft<CallRecord>, outcome: TransferRecord['outcome']): void {
  const last = c.transfers.at(-1);
  if (last?.outcome === 'pending') c.transfers = [...c.transfers.slice(0, -1), { ...last, outcome }];
}

/** The far end of a pending leg picked up: a dial-out is established, a transfer completes. */
export async function farEndAnswered(ctx: GraphMockContext, callId: string): Promise<CallRecord | undefined> {
  return updateCall(ctx, callId, (c) => {
    if (c.pendingFarEnd === null) return;
    c.pendingFarEnd = null;
    if (c.state === 'transferring') {
      c.state = 'terminated';
      c.resultInfo = { code: 0, subcode: 7015, message: 'GracefulTransferCompleted' };
      settleLastTransfer(c, 'completed');
    } else if (c.state === 'establishing') {
      c.state = 'established';
    }
  });
}

/** The far end declined or never answered: a dial-out ends, a transfer fails back to `established`. */
export async function farEndRejected(ctx: GraphMockContext, callId: string): Promise<CallRecord | undefined> {
  return updateCall(ctx, callId, (c) => {
    if (c.pendingFarEnd === null) return;
    c.pendingFarEnd = null;
    if (c.state === 'transferring') {
      c.state = 'established';
      c.resultInfo = { code: 500, subcode: 7000, message: 'TransferFailed' };
      settleLastTransfer(c, 'failed');
    } else if (c.state === 'establishing') {
      c.state = 'terminated';
      c.resultInfo = { code: 486, subcode: 0, message: 'Declined' };
    }
  });
}

/** The remote party (PSTN caller or dialled party) hung up. */
export async function farEndHungUp(ctx: GraphMockContext, callId: string): Promise<CallRecord | undefined> {
  return updateCall(ctx, callId, (c) => {
    if (c.state === 'terminated') return;
    c.state = 'terminated';
    c.pendingFarEnd = null;
    c.resultInfo = { code: 0, subcode: 0, message: 'RemoteHangup' };
  });
}

/** Complete a just-started leg at once when its far end answers automatically (the scenario default). */
export async function settleIfAutomatic(ctx: GraphMockContext, callId: string): Promise<void> {
  const call = findCall(ctx, callId);
  if (call?.pendingFarEnd && answerModeOf(ctx, call.pendingFarEnd) === 'auto') await farEndAnswered(ctx, callId);
}
