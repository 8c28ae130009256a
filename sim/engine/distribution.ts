/**
 * Queue distribution (DIST-01..05): every queued task is offered to the users the rules pick (Direct and
 * Direct Conference: the longest idle selectable user; Broadcast: a batch of the ten longest idle). Missed
 * offers turn into RONA decisions and requeue the task (RONA-01, RONA-02).
 */
import * as policy from './policy.js';
import type { World } from './world.js';

export function enqueue(world: World, call: string, service: string): void {
  let queue = world.queues.get(service);
  if (!queue) {
    queue = [];
    world.queues.set(service, queue);
    waitingInFileOrder(world, service);
  }
  if (!queue.includes(call)) queue.push(call);
  delete world.extras(call).noOfferAt;
  world.idleQueues.delete(service);
}

export function dequeue(world: World, call: string): void {
  for (const [service, queue] of world.queues) {
    const i = queue.indexOf(call);
    if (i < 0) continue;
    queue.splice(i, 1);
    if (queue.length > 0) continue;
    world.queues.delete(service);
    world.waitingServices.splice(world.waitingServices.indexOf(service), 1);
  }
}

/** A service's queue starts: it joins the waiting services at its place in the file. */
function waitingInFileOrder(world: World, service: string): void {
  const order = (id: string): number => world.serviceOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const waiting = world.waitingServices;
  let at = waiting.length;
  while (at > 0 && order(waiting[at - 1] as string) > order(service)) at--;
  waiting.splice(at, 0, service);
}

/**
 * behavior.longestIdleSince = lastSelectable (open question 18): when each user last became Selectable for
 * each service, observed at every quiet point (nothing changes a user's selectability between them).
 */
function trackSelectable(world: World): void {
  if (world.tenant.behavior.longestIdleSince !== 'lastSelectable') return;
  const since = world.selectableSince;
  for (const [serviceId, service] of world.services) {
    for (const { user } of service.members) {
      const key = `${user}\u0000${serviceId}`;
      if (!policy.isSelectable(world, user, serviceId).verdict) since.delete(key);
      else if (!since.has(key)) since.set(key, world.clock.now());
    }
  }
}

/** The idle time the longest-idle choice reads (DIST-03/04), as behavior.longestIdleSince defines it. */
function idleSinceFor(world: World, serviceId: string): (user: string) => number {
  const lastTaskEnd = (user: string) => world.idleSince.get(user) ?? 0;
  if (world.tenant.behavior.longestIdleSince !== 'lastSelectable') return lastTaskEnd;
  const since = world.selectableSince;
  return (user) => Math.max(lastTaskEnd(user), since.get(`${user}\u0000${serviceId}`) ?? world.clock.now());
}

/**
 * A user's Teams client takes one offer at a time and the agent model holds one active task: a user who
 * is Ringing or Connected cannot be offered a second task even where the rules find them Selectable (only
 * possible with behavior.blockingFlagScope = causingService, US-13). The agent machine's own answer
 * (`takesOffers` of its snapshot), as its subscription keeps it in `World.takingOffers`.
 */
function canTakeOffer(world: World, user: string): boolean {
  return world.takingOffers.has(user);
}

/**
 * Offer every queued task of every service that has someone to take it. Services in file order. Only the
 * services with waiting tasks are visited: distribution runs at every quiet point, and a walk over every
 * service there made a day grow with the square of its size (services and quiet points grow together).
 */
export function distributeAll(world: World): boolean {
  trackSelectable(world);
  if (world.waitingServices.length === 0) return false;
  let offered = false;
  // A copy: an offer that empties a queue takes its service off the list during the walk.
  for (const service of world.waitingServices.slice()) offered = distribute(world, service) || offered;
  return offered;
}

/** Returns whether any task was offered. */
function distribute(world: World, serviceId: string): boolean {
  const queue = world.queues.get(serviceId);
  if (!queue || queue.length === 0) return false;
  const idle = world.idleQueues;
  const idleSince = idle.get(serviceId);
  if (idleSince !== undefined && !world.changes.serviceChangedSince(serviceId, idleSince)) return false;
  idle.delete(serviceId);
  let offered = false;
  // The oldest tick at which a task of this pass found nobody; undefined once one may find someone later.
  let nobodySince: number | undefined = Number.POSITIVE_INFINITY;
  const service = world.service(serviceId);
  // A long queue asks the same question for each waiting task: while no fact has changed since the last
  // task's attempt (no offer made, no RONA cleared), the next task without users to skip gets the same answer.
  let lastAttempt: { at: number; candidates: string[]; pick: ReturnType<typeof policy.pickCandidates> } | undefined;
  for (const call of [...queue]) {
    const snapshot = world.call(call).getSnapshot();
    if (snapshot.context.ringing.length > 0) {
      nobodySince = undefined;
      continue;
    }
    const extras = world.extras(call);
    // Nothing the rules read has changed since this task last found nobody: it would find nobody again.
    if (extras.noOfferAt !== undefined && !world.changes.serviceChangedSince(serviceId, extras.noOfferAt) && extras.skipNextAttempt.size === 0) {
      if (nobodySince !== undefined) nobodySince = Math.min(nobodySince, extras.noOfferAt);
      continue;
    }
    const readAt = world.changes.now;
    const skipped = extras.skipNextAttempt.size > 0;
    const same = !skipped && lastAttempt !== undefined && lastAttempt.at === readAt ? lastAttempt : undefined;
    const candidates = same?.candidates ?? membersWhoTakeOffers(world, service, extras);
    const pick = same?.pick ?? policy.pickCandidates(world, serviceId, candidates, idleSinceFor(world, serviceId));
    if (!skipped) lastAttempt = { at: readAt, candidates, pick };
    noteBusyMembers(world, call, serviceId, service, candidates, pick);
    extras.skipNextAttempt.clear();
    clearTransientRonaAfterAttempt(world);
    if (pick.verdict.length === 0) {
      // Distribution runs whenever the world is quiet; only a changed reason is worth recording.
      if (extras.lastNoOffer !== pick.summary) {
        extras.lastNoOffer = pick.summary;
        world.record(pick, call);
        world.note(`call:${call}`, 'decision', () => `no selectable user in ${serviceId}: ${pick.summary}`, pick.because);
      }
      if (skipped) {
        scheduleRetry(world, serviceId);
        nobodySince = undefined;
      } else {
        extras.noOfferAt = readAt;
        if (nobodySince !== undefined) nobodySince = Math.min(nobodySince, readAt);
      }
      continue;
    }
    delete extras.lastNoOffer;
    delete extras.noOfferAt;
    world.record(pick, call);
    offer(world, call, serviceId, pick.verdict, pick.because);
    offered = true;
    nobodySince = undefined;
  }
  if (nobodySince !== undefined && Number.isFinite(nobodySince) && queue.length > 0) idle.set(serviceId, nobodySince);
  return offered;
}

/** The members a task's attempt asks: all but those who just declined or missed it. */
function membersToAsk(service: ReturnType<World['service']>, extras: ReturnType<World['extras']>): string[] {
  return service.members.map((m) => m.user).filter((u) => !extras.skipNextAttempt.has(u));
}

/** The members a task's attempt asks who can take an offer now, in member order (one pass: every pick runs it). */
function membersWhoTakeOffers(world: World, service: ReturnType<World['service']>, extras: ReturnType<World['extras']>): string[] {
  const skip = extras.skipNextAttempt;
  const out: string[] = [];
  for (const { user } of service.members) if (!skip.has(user) && canTakeOffer(world, user)) out.push(user);
  return out;
}

/** US-13 with blockingFlagScope = causingService: members Selectable here but busy with another service's task. */
function noteBusyMembers(world: World, call: string, serviceId: string, service: ReturnType<World['service']>, candidates: string[], pick: ReturnType<typeof policy.pickCandidates>): void {
  const extras = world.extras(call);
  if (world.tenant.behavior.blockingFlagScope !== 'causingService' || pick.verdict.length > 0 || extras.lastNoOffer === pick.summary) return;
  const busy = membersToAsk(service, extras).filter((u) => !candidates.includes(u) && policy.isSelectable(world, u, serviceId).verdict);
  if (busy.length > 0) {
    world.note(`call:${call}`, 'decision', () => `${busy.join(', ')} Selectable for ${serviceId} (flags of other services do not block) but already ringing or connected: one offer at a time`, ['US-13']);
  }
}

function offer(world: World, call: string, serviceId: string, users: string[], because: ReturnType<typeof policy.pickCandidates>['because']): void {
  const service = world.service(serviceId);
  dequeue(world, call);
  world.sendCall(call, { type: 'OFFERED', users, at: world.clock.now() });
  world.note(`call:${call}`, 'decision', () => `offered to ${users.join(', ')} (${service.distribution.type})`, because);
  for (const user of users) {
    world.agent(user).send({ type: 'OFFER', call, service: serviceId, ringTimeoutMs: service.distribution.ringTimeout, kind: 'distribution' });
    world.note(`user:${user}`, 'status', () => `Ringing for ${call} (${serviceId})`);
  }
}

/** RONA-14 with `nextAttempt`: a non-persistent RONA blocks one distribution attempt only. */
function clearTransientRonaAfterAttempt(world: World): void {
  if (world.tenant.behavior.nonPersistentRona !== 'nextAttempt') return;
  for (const [user, agent] of world.agents) {
    const rona = agent.getSnapshot().context.rona;
    if (rona && !rona.persistent) {
      agent.send({ type: 'CLEAR_TRANSIENT_RONA' });
      world.note(`user:${user}`, 'status', 'non-persistent RONA cleared after the next distribution attempt', ['RONA-14']);
    }
  }
}

/** A task passed over because its last users declined is offered again on the next distribution cycle. */
function scheduleRetry(world: World, serviceId: string): void {
  const pending = world.retryScheduled;
  if (pending.has(serviceId)) return;
  pending.add(serviceId);
  world.clock.setTimeout(
    () => {
      pending.delete(serviceId);
      distribute(world, serviceId);
    },
    world.tenant.behavior.queueRetryInterval,
    `distribution cycle ${serviceId}`,
  );
}

/** Withdraw a task's offer from everyone still ringing (Broadcast: someone else accepted it). */
export function withdrawOffers(world: World, call: string, except?: string): void {
  const ringing = world.call(call).getSnapshot().context.ringing;
  for (const user of ringing) {
    if (user === except) continue;
    world.agent(user).send({ type: 'OFFER_WITHDRAWN', call });
  }
}
