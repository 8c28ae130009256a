/**
 * The engine's one doorway to the rules: each function gathers the facts from the world and asks the pure
 * rule function in src/rules. Nothing here decides a rule itself.
 */
import * as rules from '../../src/rules/index.js';
import { activityOf } from '../../src/domain/model.js';
import type { Decision } from '../../src/rules/decision.js';
import type { UserSessionOutcome } from '../../src/domain/enums.js';
import type { DecidedOutcome, UserSessionRecord } from '../../src/machines/callSessionMachine.js';
import type { World } from './world.js';

/**
 * US-01 for one user and service. The decision is kept until the user's or the service's own facts change
 * (World.changes): distribution asks it of every member for every queued task.
 */
export function isSelectable(world: World, user: string, service: string): Decision<boolean> {
  let cache = world.selectability.get(service);
  if (!cache) world.selectability.set(service, (cache = new Map()));
  const cached = cache.get(user);
  if (cached && !world.changes.userOrServiceChangedSince(user, service, cached.at)) return cached.decision;
  const at = world.changes.now;
  const decision = rules.isSelectable({
    tenant: world.tenant,
    service: world.serviceFacts(service),
    user: world.userFacts(user),
    membership: world.membership(user, service),
  });
  cache.set(user, { at, decision });
  return decision;
}

/**
 * US-09: may the user answer, decline or ignore the call now? When it does not ring them, their US-01
 * decision for the call's current service is what the refusal cites.
 */
export function offerResponse(world: World, user: string, call: string, action: 'answer' | 'decline' | 'ignore'): Decision<boolean> {
  const offer = world.agent(user).getSnapshot().context.offer;
  const ctx = world.call(call).getSnapshot().context;
  const rings = offer?.call === call;
  return rules.offerResponse({
    action,
    user: world.userFacts(user),
    call,
    service: ctx.currentService,
    offeredCall: offer?.call ?? null,
    taskState: world.taskState(call),
    ringing: ctx.ringing,
    selectability: rings ? undefined : isSelectable(world, user, ctx.currentService),
  });
}

/** US-10, PAR-11: is the user on the call, to act on it? `parkedUserMay`: the user who parked it counts too. */
export function onTheCall(world: World, user: string, call: string, action: string, parkedUserMay: boolean): Decision<boolean> {
  const ctx = world.call(call).getSnapshot().context;
  return rules.onTheCall({ action, user, call, connectedUser: ctx.user, parkedBy: ctx.parkedBy, parkedUserMay });
}

export function callOnBehalfButton(world: World, user: string, service: string): Decision<boolean> {
  return rules.callOnBehalfButton({
    tenant: world.tenant,
    service: world.serviceFacts(service),
    user: world.userFacts(user),
    membership: world.membership(user, service),
  });
}

export function dialPad(world: World, user: string, service: string): Decision<boolean> {
  return rules.dialPad({
    tenant: world.tenant,
    service: world.serviceFacts(service),
    user: world.userFacts(user),
    membership: world.membership(user, service),
  });
}

export type OutboundTarget = { pstn: string } | { upn: string; isModelledUser: boolean } | { user: string; upn: string };

export function callOnBehalfTarget(world: World, service: string, target: OutboundTarget, call: 'callOnBehalf' | 'scheduledOutbound' = 'callOnBehalf'): Decision<boolean> {
  return rules.callOnBehalfTarget({ tenant: world.tenant, service: world.serviceFacts(service), target, call });
}

export function servicePstnLicense(world: World, service: string, purpose: 'outbound' | 'transfer' | 'inbound'): Decision<boolean> {
  return rules.servicePstnLicense({ tenant: world.tenant, service: world.serviceFacts(service), purpose });
}

export function pstnTransfer(world: World, firstService: string, currentService: string, via: 'workflow' | 'manual', by: rules.TransferredBy): Decision<boolean> {
  return rules.pstnTransfer({
    tenant: world.tenant,
    firstService: world.serviceFacts(firstService),
    currentService: world.serviceFacts(currentService),
    via,
    by,
  });
}

export function serviceTransfer(world: World, source: string, target: string): Decision<boolean> {
  return rules.serviceTransfer({ tenant: world.tenant, source: world.serviceFacts(source), target: world.serviceFacts(target) });
}

export function workflowStructure(world: World, service: string, direction: 'inbound' | 'outboundWithWorkflow'): Decision<boolean> {
  return rules.workflowStructure({ service: world.serviceFacts(service), direction });
}

export function userTransferTarget(world: World, user: string): Decision<boolean> {
  return rules.userTransferTarget({ tenant: world.tenant, targetUser: world.userFacts(user) });
}

export function scheduleOutbound(world: World, service: string, inProgress: number, withWorkflow: boolean): Decision<boolean> {
  const facts = world.serviceFacts(service);
  return rules.scheduleOutbound({
    tenant: world.tenant,
    service: facts,
    inProgress,
    withWorkflow,
    workflowActivities: facts.workflow.map(activityOf),
    tenantServiceTiers: [...world.services.values()].map((s) => s.license),
  });
}

export function preferredUserApplies(world: World, direction: 'inbound' | 'outbound', user: string | undefined): Decision<boolean> {
  return rules.preferredUserApplies({ direction, preferredUser: user === undefined ? undefined : world.userFacts(user) });
}

function outboundReported(world: World, reachedTarget: boolean, userAccepted: boolean): Decision<boolean> {
  return rules.outboundReported({ tenant: world.tenant, reachedTarget, userAccepted });
}

export function ronaOnMissedOffer(world: World, user: string, service: string, reason: 'declined' | 'ignored' | 'timeout') {
  const facts = world.serviceFacts(service);
  return rules.ronaOnMissedOffer({ tenant: world.tenant, service: facts, user: world.userFacts(user), reason, distributionType: facts.distribution.type });
}

export function acwAfterSession(world: World, user: string, service: string, sessionWasActive: boolean) {
  return rules.acwAfterSession({
    tenant: world.tenant,
    service: world.serviceFacts(service),
    user: world.userFacts(user),
    sessionWasActive,
    modality: 'Audio / Video',
  });
}

export function acwEarlyEnd(world: World, service: string): Decision<boolean> {
  return rules.acwEarlyEnd({ service: world.serviceFacts(service) });
}

export function acwExtension(world: World, service: string, extensionsUsed: number) {
  return rules.acwExtension({ tenant: world.tenant, service: world.serviceFacts(service), extensionsUsed });
}

export function canPark(world: World, user: string): Decision<boolean> {
  return rules.canPark({ user: world.userFacts(user), modality: 'Audio / Video' });
}

export function canUnpark(world: World, user: string, parkedBy: string | null): Decision<boolean> {
  return rules.canUnpark({ user: world.userFacts(user), parkedBy });
}

/** Would the user be blocked once this park is done (the task being parked counts, PAR-14)? */
export function parkingBlocksAfterPark(world: World, user: string): Decision<boolean> {
  const facts = world.userFacts(user);
  return rules.parkingBlocks({ tenant: world.tenant, user: { ...facts, parkedTasks: facts.parkedTasks + 1, activeTask: false } });
}

export function canHold(world: World, supervised: boolean): Decision<boolean> {
  return rules.canHold({ tenant: world.tenant, supervised });
}

export function ronaResetTimeAllowed(world: World, ms: number): Decision<boolean> {
  return rules.ronaResetTimeAllowed({ tenant: world.tenant, ms });
}

export function persistentRonaEndsOn(event: 'settingsChanged'): Decision<boolean> {
  return rules.persistentRonaEndsOn({ event });
}

export function canConsult(world: World, task: 'active' | 'parked' | 'held'): Decision<boolean> {
  return rules.canConsult({ tenant: world.tenant, task });
}

export function canSupervise(world: World, supervisor: string, service: string, sessionDistributed: boolean, callKind: string): Decision<boolean> {
  const facts = world.serviceFacts(service);
  return rules.canSupervise({
    tenant: world.tenant,
    service: facts,
    supervisor: world.userFacts(supervisor),
    supervisorIsServiceSupervisor: facts.supervisors.includes(supervisor),
    sessionDistributed,
    callKind,
  });
}

export function supervisionEnds(world: World, mode: string, event: 'transferred' | 'userLeft' | 'customerLeft' | 'parked'): Decision<boolean> {
  return rules.supervisionEnds({ tenant: world.tenant, mode, event });
}

export function distributionAllowed(world: World, service: string): Decision<boolean> {
  return rules.distributionAllowed({ service: world.serviceFacts(service) });
}

export function pickCandidates(world: World, service: string, users: string[], idleSince?: (user: string) => number): Decision<string[]> {
  return rules.pickCandidates({
    tenant: world.tenant,
    service: world.serviceFacts(service),
    candidates: users.map((user, order) => ({
      user: world.userFacts(user),
      selectable: isSelectable(world, user, service),
      membership: world.membership(user, service),
      idleSince: idleSince ? idleSince(user) : (world.idleSince.get(user) ?? 0),
      order,
    })),
  });
}

export function inboundAdmission(world: World, service: string): Decision<boolean> {
  return rules.inboundAdmission({ tenant: world.tenant, service: world.serviceFacts(service) });
}

/** The outcome of the user session an offer the user missed leaves behind (REP-06, RONA-13, RONA-03). */
export function missedOfferOutcome(world: World, user: string, call: string, reason: 'declined' | 'ignored' | 'timeout', ronaApplied: boolean) {
  const origin = world.call(call).getSnapshot().context.ringingOrigin;
  return rules.userSessionOutcome({ tenant: world.tenant, session: { user, origin, response: reason, ronaApplied } });
}

/**
 * The outcome of the session of `user`, who accepted the task and now hands it on (REP-06, XFER-05, XFER-06);
 * `transfer` says where to and whether it worked. Callers record it without the call: the user session
 * record keeps its outcome and rules, while the call's trail (what assertions quote) stays the call's own.
 */
export function transferringUserOutcome(world: World, call: string, user: string, transfer: TransferSummary): Decision<UserSessionOutcome> {
  const ctx = world.call(call).getSnapshot().context;
  const record = ctx.userSessions.findLast((u) => u.user === user && u.service === ctx.currentService);
  return rules.transferringUserOutcome({ tenant: world.tenant, user, origin: record?.origin ?? 'queue', transfer });
}

/** A decision's outcome and rules, as the events into the call-session machine carry them. */
export const decided = <O>(decision: Decision<O>): DecidedOutcome<O> => ({ outcome: decision.verdict, because: decision.because });

export type SessionEnd = rules.ServiceSessionEnd;
export type TransferSummary = rules.UserTransferSummary;

const DIRECTION: Record<string, rules.ServiceSessionSummary['direction']> = {
  'Inbound Service': 'inbound',
  'Call On Behalf': 'callOnBehalf',
  'Outbound Call': 'outbound',
  'Outbound Call (With Workflow)': 'outboundWithWorkflow',
};

/** What a user session record says about the user's response and any transfer they made (REP-05, REP-06). */
function userSummary(record: UserSessionRecord, current: string | null, pending?: TransferSummary): rules.UserSessionSummary {
  const summary: rules.UserSessionSummary = { user: record.user, origin: record.origin, response: 'accepted' };
  switch (record.outcome) {
    case 'Declined':
      summary.response = 'declined';
      break;
    case 'RONA':
      summary.response = 'timeout';
      break;
    case 'Cancelled':
      summary.response = 'cancelled';
      break;
    case 'Transferred Internally':
      summary.transfer = { kind: record.origin === 'safeTransfer' ? 'safe' : 'blind', to: 'user', succeeded: true };
      break;
    case 'Transferred Externally':
      summary.transfer = { kind: 'blind', to: 'pstn', succeeded: true };
      break;
    case 'Internal Transfer Failed':
      summary.transfer = { kind: 'blind', to: 'user', succeeded: false };
      break;
  }
  // An unsettled session (no outcome yet) is the transferring user's, also after a blind transfer released them (XFER-06).
  if (pending && record.user === current && record.outcome === null) summary.transfer = pending;
  return summary;
}

/**
 * The outcome of the call's current service session, from the reporting rules (REP-01..06, XFER-03, OUT-07,
 * OUT-09). `transfer` describes a transfer the connected user is making right now.
 */
export function sessionOutcome(world: World, call: string, end: SessionEnd, transfer?: TransferSummary): rules.ServiceSessionOutcomeDecision {
  const ctx = world.call(call).getSnapshot().context;
  const session = ctx.serviceSessions.at(-1);
  const service = ctx.currentService;
  const records = ctx.userSessions
    .filter((u) => u.service === service && (session === undefined || u.startedAt >= session.startedAt))
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.endedAt ?? Number.POSITIVE_INFINITY) - (b.u.endedAt ?? Number.POSITIVE_INFINITY) || a.i - b.i)
    .map(({ u }) => userSummary(u, ctx.user ?? ctx.handedOffBy, transfer));
  const direction = DIRECTION[ctx.type] ?? 'inbound';
  const reachedTarget = ctx.serviceSessions.some((s) => s.connectedTime > 0 || s.connectedAt !== null);
  const summary: rules.ServiceSessionSummary = {
    service,
    direction,
    passedAccept: session?.accepted ?? false,
    userSessions: records,
    end,
  };
  if (direction !== 'inbound') summary.outbound = { userAccepted: records.some((r) => r.response === 'accepted'), reachedTarget };
  return rules.serviceSessionOutcome({ tenant: world.tenant, session: summary });
}

export { rules };
