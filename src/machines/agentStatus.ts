/**
 * Projections of an agent snapshot: the Nimbus user statuses a person sees (and scenarios assert), and the
 * flags the rule functions read (US-08). Which statuses keep a user from Available is the rules' (showsAvailable).
 */
import type { SnapshotFrom } from 'xstate';
import { UserStatus } from '../domain/enums.js';
import type { UserFlags } from '../rules/facts.js';
import { showsAvailable } from '../rules/selectability.js';
import type { agentMachine } from './agentMachine.js';

export type AgentSnapshot = SnapshotFrom<typeof agentMachine>;

/**
 * The helpers below read the state value itself rather than `snapshot.matches`: the engine asks them for
 * every user whose facts changed, and `matches` re-parses its argument on every call.
 */
type WorkState = AgentSnapshot['value']['work'];

/** Connected's substate (Talking, OnHold, Parked), or null when the user is not Connected. */
const connectedAs = (work: WorkState) => (typeof work === 'object' ? work.Connected : null);

/** Every status that holds, in headline order (the first one is what a user sees). */
export function userStatuses(snapshot: AgentSnapshot): UserStatus[] {
  const ctx = snapshot.context;
  const { teams, work } = snapshot.value;
  const connected = connectedAs(work);
  const held = new Set<UserStatus>();
  if (teams === 'Offline') held.add('Offline');
  if (work === 'Ringing') held.add('Ringing');
  if (connected !== null) held.add('Connected');
  if (connected === 'OnHold') held.add('On Hold');
  if (work === 'AfterCallWork') held.add('ACW');
  if (ctx.rona) held.add('RONA');
  if (ctx.parked.length > 0) held.add('Parked');
  if (ctx.notAvailableReason) held.add('Not Available');
  if (showsAvailable(held)) held.add('Available');
  return UserStatus.values.filter((s) => held.has(s));
}

export const headlineStatus = (snapshot: AgentSnapshot): UserStatus => userStatuses(snapshot)[0] ?? 'Available';

/** The blocking flags of US-08, each with the service that caused it (US-13). */
export function userFlags(snapshot: AgentSnapshot): UserFlags {
  const ctx = snapshot.context;
  const { work } = snapshot.value;
  const connected = connectedAs(work);
  const flags: UserFlags = {};
  if (work === 'Ringing' && ctx.offer) flags.ringing = { service: ctx.offer.service, call: ctx.offer.call };
  if (connected !== null && ctx.active) {
    flags.connected = { service: ctx.active.service, call: ctx.active.call };
    if (connected === 'OnHold') flags.onHold = { service: ctx.active.service, call: ctx.active.call };
  }
  if (work === 'AfterCallWork' && ctx.acw) {
    flags.acw = { service: ctx.acw.service, call: ctx.acw.call, extended: ctx.acw.extensionsUsed > 0 };
  }
  if (ctx.rona) flags.rona = { service: ctx.rona.service, persistent: ctx.rona.persistent };
  if (ctx.notAvailableReason) flags.notAvailableReason = true;
  return flags;
}

/**
 * Does the agent take a new offer now? Only the idle work state (an atomic state of the `work` region)
 * handles OFFER, unguarded: the same answer as `snapshot.can(OFFER)`, read straight off the state value
 * (distribution asks it of every member for every queued task; the model tests hold the two together).
 */
export const takesOffers = (snapshot: AgentSnapshot): boolean => snapshot.value.work === 'Idle';

/** Is the user connected to a task that is live right now (not parked)? */
export const hasActiveTask = (snapshot: AgentSnapshot): boolean => {
  const connected = connectedAs(snapshot.value.work);
  return connected === 'Talking' || connected === 'OnHold';
};
