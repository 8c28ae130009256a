/**
 * Model-based testing of the call session machine (TASK-01 states): event variants derived from the events
 * each state accepts, an abstract state key (the context's timestamps and growing lists are summarised, so
 * the model is finite), a path runner against a fresh real actor, and invariants in every reached state.
 */
import { createActor, type AnyStateMachine, type InspectionEvent, type SnapshotFrom } from 'xstate';
import { callSessionMachine, type CallContext, type CallEvent, type CallInput } from '../../src/machines/callSessionMachine.js';
import type { PathRun } from './agentModel.js';
import { acceptedEventTypes, machineGraph } from './machineGraph.js';
import { explore, type Exploration, type ModelPath } from './paths.js';
import { PathClock } from './pathClock.js';

const GRAPH = machineGraph(callSessionMachine);
type CallSnapshot = SnapshotFrom<typeof callSessionMachine>;

export const SESSION_SERVICES = ['Support', 'Sales'] as const;
export const SESSION_USERS = { agent: 'ana', other: 'bob', supervisor: 'sam' } as const;

export interface SessionModelConfig {
  name: string;
  input: CallInput;
}

export const SESSION_MODEL_CONFIGS: readonly SessionModelConfig[] = [
  { name: 'inbound service call', input: { callId: 'c1', type: 'Inbound Service', from: '+41791110000', to: '+41445550200', service: 'Support', at: 0 } },
  { name: 'Call on Behalf', input: { callId: 'o1', type: 'Call On Behalf', from: '+41445550200', to: '+41795550199', service: 'Support', at: 0 } },
];

/** Every event the snapshot accepts, with payloads the engine could send. Time is not modelled (`at: 0`). */
export function sessionEventVariants(snap: CallSnapshot): CallEvent[] {
  const ctx = snap.context;
  const at = 0;
  const ended = snap.matches('Ended');
  const service = ctx.currentService;
  const otherService = service === SESSION_SERVICES[0] ? SESSION_SERVICES[1] : SESSION_SERVICES[0];
  const user = ctx.user ?? SESSION_USERS.agent;
  const supervised = ctx.supervision.some((s) => s.endedAt === null);
  const out: CallEvent[] = [];
  for (const type of acceptedEventTypes(GRAPH, snap)) {
    switch (type) {
      case 'WORKFLOW_ACCEPTED':
      case 'OWNED_BY_SERVICE':
        out.push({ type, service, pstnLicensed: true, pstnBecause: ['XFER-02'], at });
        break;
      case 'QUEUED':
        out.push({ type, algorithm: 'Longest Idle', at });
        break;
      case 'OFFERED':
        out.push({ type, users: [SESSION_USERS.agent], at });
        break;
      case 'OFFER_MISSED':
        for (const u of ctx.ringing) out.push({ type, user: u, outcome: 'Declined', because: [], at });
        break;
      case 'USER_ACCEPTED':
        out.push({ type, user: ctx.ringing[0] ?? SESSION_USERS.other, at });
        break;
      case 'INVITED':
        out.push({ type, user: SESSION_USERS.agent, at });
        break;
      case 'PARK':
        out.push({ type, user, at });
        break;
      case 'TRANSFER_STARTED':
        out.push({ type, by: user, to: otherService, mode: 'blind', at });
        break;
      case 'TRANSFERRED_TO_SERVICE':
        out.push({ type, service: otherService, session: { outcome: 'User Internal Transfer Success', because: ['XFER-11'] }, user: { outcome: 'Transferred Internally', because: ['REP-06'] }, at });
        break;
      case 'TRANSFERRED_TO_USER':
        out.push({ type, user: SESSION_USERS.other, at });
        break;
      case 'TRANSFERRED_EXTERNALLY':
        // A transfer to an external number rings no Nimbus user.
        if (ctx.ringing.length === 0) out.push({ type, session: { outcome: 'User External Transfer Success', because: ['XFER-03'] }, user: { outcome: 'Transferred Externally', because: ['REP-06'] }, at });
        break;
      case 'TRANSFER_FAILED':
        for (const returnTo of ['user', 'queue', 'exitRoute'] as const) out.push({ type, returnTo, message: 'transfer failed', because: ['XFER-03'], at });
        break;
      case 'SUPERVISION_STARTED':
        if (!supervised && !ended) out.push({ type, supervisor: SESSION_USERS.supervisor, mode: 'Listen', at });
        break;
      case 'SUPERVISION_ENDED':
        if (supervised) out.push({ type, supervisor: SESSION_USERS.supervisor, because: ['SUP-05'], at });
        break;
      case 'USER_LEFT':
        out.push({ type, acw: true, at }, { type, acw: false, at });
        break;
      case 'SESSION_OUTCOME':
        // Reporting decides the outcome once the session is over.
        if (ended && ctx.serviceSessions.at(-1)?.outcome === null) out.push({ type, service, outcome: 'User Accepted', because: ['REP-02'], at });
        break;
      case 'USER_SESSION_OUTCOME': {
        const last = ctx.userSessions.at(-1);
        if (ended && last) out.push({ type, user: last.user, service: last.service, outcome: 'Accepted', because: ['REP-05'], at });
        break;
      }
      case 'NOT_REPORTED':
        if (ctx.reported && ended) out.push({ type, at });
        break;
      default:
        out.push({ type, at } as CallEvent);
    }
  }
  return out;
}

/** The finite part of a call context: what guards and invariants read, with list lengths capped. */
function abstractCall(ctx: CallContext): Record<string, unknown> {
  return {
    first: ctx.firstRespondingService !== null,
    user: ctx.user !== null,
    ringing: ctx.ringing.length > 0,
    parked: ctx.parkedBy !== null,
    transferred: ctx.serviceSessions.length > 1,
    outcome: ctx.serviceSessions.at(-1)?.outcome !== null,
    userOutcome: ctx.userSessions.length === 0 ? 'none' : ctx.userSessions.at(-1)?.outcome === null ? 'pending' : 'decided',
    supervised: ctx.supervision.some((s) => s.endedAt === null),
    reported: ctx.reported,
  };
}

export function serializeCall(s: CallSnapshot): string {
  return JSON.stringify({ v: s.value, c: abstractCall(s.context) });
}

export interface SessionModel {
  config: SessionModelConfig;
  explore(): Exploration<CallSnapshot, CallEvent>;
}

export function sessionModel(config: SessionModelConfig): SessionModel {
  const graph = machineGraph(callSessionMachine);
  return {
    config,
    explore: () =>
      explore(callSessionMachine, {
        input: config.input,
        graph,
        events: (s) => sessionEventVariants(s as CallSnapshot),
        key: (s) => serializeCall(s as CallSnapshot),
      }) as Exploration<CallSnapshot, CallEvent>,
  };
}

/** Invariants of every reachable call session state; `prev` is the state before the last event. */
export function sessionInvariants(snap: CallSnapshot, prev: CallSnapshot | undefined): string[] {
  const bad: string[] = [];
  const ctx = snap.context;
  const sessions = ctx.serviceSessions;
  const last = sessions.at(-1);
  if (!last || last.service !== ctx.currentService) bad.push(`the current service ${ctx.currentService} is not the last service session (${last?.service ?? 'none'})`);
  const open = sessions.filter((s) => s.endedAt === null);
  if (open.length > 1) bad.push(`${open.length} service sessions are open at once`);
  if (open.length === 1 && open[0] !== last) bad.push('an earlier service session is still open');
  // XFER-11: one service session per visit, each for the service visited.
  for (let i = 1; i < sessions.length; i++) if (sessions[i - 1]?.endedAt === null) bad.push(`service session ${i - 1} was left open by a transfer`);
  // XFER-02: the first responding service is bound once and never changes.
  const before = prev?.context.firstRespondingService ?? null;
  if (before !== null && ctx.firstRespondingService !== before) bad.push(`the first responding service changed from ${before} to ${ctx.firstRespondingService ?? 'none'}`);
  if (snap.matches('Ended')) {
    if (ctx.endedAt === null) bad.push('Ended without an end time');
    if (open.length > 0) bad.push('Ended with an open service session');
    if (ctx.ringing.length > 0) bad.push(`Ended while ringing ${ctx.ringing.join(', ')}`);
  } else if (ctx.endedAt !== null) {
    bad.push(`not Ended (${JSON.stringify(snap.value)}) but has an end time`);
  }
  // Once ended, a call stays ended.
  if (prev?.matches('Ended') && !snap.matches('Ended')) bad.push('left Ended');
  return bad;
}

export interface SessionRunOptions {
  machine?: AnyStateMachine;
  inspect?: (e: InspectionEvent) => void;
}

export function runSessionPath(m: SessionModel, path: ModelPath<CallSnapshot, CallEvent>, opts: SessionRunOptions = {}): PathRun {
  const machine = (opts.machine ?? callSessionMachine) as typeof callSessionMachine;
  const clock = new PathClock();
  const actor = createActor(machine, { input: m.config.input, clock, ...(opts.inspect ? { inspect: opts.inspect } : {}) });
  const failures: string[] = [];
  actor.start();
  let prev: CallSnapshot | undefined;
  try {
    for (const [i, step] of path.steps.entries()) {
      const type = step.event.type;
      if (type.startsWith('xstate.after.')) {
        if (!clock.fireDelayed(actor, type)) failures.push(`step ${i}: the path expects ${type}, but no such timer is pending`);
      } else if (type !== 'xstate.init') {
        actor.send(step.event as CallEvent);
      }
      const snap = actor.getSnapshot();
      if (JSON.stringify(snap.value) !== JSON.stringify(step.state.value)) {
        failures.push(`step ${i} (${type}): the actor is in ${JSON.stringify(snap.value)}, the model expects ${JSON.stringify(step.state.value)}`);
      }
      for (const v of sessionInvariants(snap, prev)) failures.push(`step ${i} (${type}): ${v}`);
      if (failures.length > 0) break;
      prev = snap;
    }
  } finally {
    actor.stop();
  }
  return { description: path.description, steps: path.steps.length, failures };
}
