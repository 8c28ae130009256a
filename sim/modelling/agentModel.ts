/**
 * Model-based testing of the agent machine: a test model over the real machine definition (delays
 * included), event variants with realistic payloads derived from the events each state accepts, a runner
 * that replays a generated path against a fresh real actor on a virtual clock, and invariants checked
 * against the rule functions in every reached state.
 *
 * Event variants follow what the engine would send: offers only when the rules make the user selectable
 * (distribution) or enable Call on Behalf (invitation), PARK with the blocking verdict of `parkingBlocks`,
 * UNPARK only when `canUnpark` allows it. Event types the table does not know (a machine that gained an
 * event) are still explored as bare `{ type }` events, and show up in coverage if that is not enough.
 */
import { createActor, type AnyStateMachine, type InspectionEvent, type SnapshotFrom } from 'xstate';
import { agentMachine, type AgentEvent, type AgentInput } from '../../src/machines/agentMachine.js';
import { hasActiveTask, takesOffers, userFlags } from '../../src/machines/agentStatus.js';
import * as realRules from '../../src/rules/index.js';
import type { UserFacts } from '../../src/rules/facts.js';
import type { Availability, Activity } from '../../src/domain/enums.js';
import { MODEL_SERVICE, MODEL_USER, modelTenant, type ModelTenant } from './fixture.js';
import { acceptedEventTypes, machineGraph } from './machineGraph.js';
import { explore, type Exploration, type ModelPath } from './paths.js';
import { PathClock } from './pathClock.js';

const GRAPH = machineGraph(agentMachine);
type AgentSnapshot = SnapshotFrom<typeof agentMachine>;

export interface AgentModelConfig {
  name: string;
  taskParallelization: { enabled: boolean; max: number };
  contactCenter: boolean;
  /**
   * `all`: presence, duty, Not Available Reason and RONA change in every state. `work`: they change only
   * while the user is idle with nothing parked, which keeps the parallel-task model small.
   */
  explore: 'all' | 'work';
  /** How many distinct calls the model offers (parallel tasks need two). */
  calls: number;
}

/** Two configurations cover both parking behaviours (PAR-03 without TP, PAR-14 with TP). */
export const AGENT_MODEL_CONFIGS: readonly AgentModelConfig[] = [
  { name: 'no Task Parallelization, Contact Center license', taskParallelization: { enabled: false, max: 2 }, contactCenter: true, explore: 'all', calls: 1 },
  { name: 'Task Parallelization (limit 2), no Contact Center license', taskParallelization: { enabled: true, max: 2 }, contactCenter: false, explore: 'work', calls: 2 },
];

/** Distinct delays, so a fired timer is identified by its delay. */
export const AGENT_TIMING = { ringTimeoutMs: 20_000, acwMs: 30_000, acwExtensionMs: 45_000, ronaResetMs: 600_000 } as const;
const MODEL_CALLS = ['c1', 'c2', 'c3'] as const;

const PRESENCES: { availability: Availability; activity: Activity; online: boolean }[] = [
  { availability: 'Available', activity: 'Available', online: true },
  { availability: 'Do Not Disturb', activity: 'Presenting', online: true },
  { availability: 'Offline', activity: 'Offline', online: false },
  { availability: 'Appear Offline', activity: 'Offline', online: false },
];

/** The rule functions the invariants and event gating use; a test may inject a faulty copy. */
export type AgentRules = Pick<typeof realRules, 'callOnBehalfButton' | 'isSelectable' | 'parkingBlocks' | 'canUnpark'>;

export interface AgentModel {
  config: AgentModelConfig;
  fixture: ModelTenant;
  input: AgentInput;
  explore(): Exploration<AgentSnapshot, AgentEvent>;
}

export function agentInput(config: AgentModelConfig): AgentInput {
  return {
    userId: MODEL_USER,
    availability: 'Available',
    activity: 'Available',
    duty: 'On Duty',
    taskParallelization: config.taskParallelization,
    notAvailableReason: false,
  };
}

/** The facts the rules read, computed from an agent snapshot the way the engine's World does. */
function agentFacts(fx: ModelTenant, snap: AgentSnapshot): UserFacts {
  const ctx = snap.context;
  return {
    id: fx.user.id,
    upn: fx.user.upn,
    licenses: fx.user.licenses,
    nimbusLicenses: fx.user.nimbusLicense,
    presence: { availability: ctx.availability, activity: ctx.activity },
    duty: snap.matches({ duty: 'OffDuty' }) ? 'Off Duty' : 'On Duty',
    flags: userFlags(snap),
    parkedTasks: ctx.parked.filter((t) => t.call !== ctx.active?.call).length,
    activeTask: hasActiveTask(snap),
    taskParallelization: ctx.taskParallelization,
  };
}

const ruleArgs = (fx: ModelTenant, snap: AgentSnapshot) => ({ tenant: fx.tenant, service: fx.service, user: agentFacts(fx, snap), membership: fx.membership });

/** Every event the snapshot accepts, with the payload variants the engine could send. */
const ORTHOGONAL = new Set(['PRESENCE_CHANGED', 'DUTY_CHANGED', 'NOT_AVAILABLE_REASON', 'FLAG_RONA', 'RESET_RONA', 'CLEAR_TRANSIENT_RONA']);

export function agentEventVariants(fx: ModelTenant, snap: AgentSnapshot, rules: AgentRules = realRules, explore: AgentModelConfig['explore'] = 'all', calls = 2): AgentEvent[] {
  const ctx = snap.context;
  const quiet = snap.matches({ work: 'Idle' }) && ctx.parked.length === 0;
  const held = new Set([ctx.offer?.call, ctx.active?.call, ...ctx.parked.map((p) => p.call)].filter(Boolean));
  const parkedNotActive = ctx.parked.filter((p) => p.call !== ctx.active?.call);
  const types = acceptedEventTypes(GRAPH, snap);
  const out: AgentEvent[] = [];
  for (const type of types) {
    if (explore === 'work' && !quiet && ORTHOGONAL.has(type)) continue;
    switch (type) {
      case 'PRESENCE_CHANGED':
        for (const p of PRESENCES) if (p.availability !== ctx.availability && (p.availability !== 'Appear Offline' || ctx.availability === 'Offline')) out.push({ type, ...p });
        break;
      case 'DUTY_CHANGED':
        out.push({ type, duty: snap.matches({ duty: 'OffDuty' }) ? 'On Duty' : 'Off Duty' });
        break;
      case 'OFFER': {
        const call = MODEL_CALLS.slice(0, calls).find((c) => !held.has(c));
        if (!call) break;
        const base = { type, call, service: MODEL_SERVICE, ringTimeoutMs: AGENT_TIMING.ringTimeoutMs } as const;
        // Both kinds behave alike in the machine: one offer per state keeps the model small.
        if (rules.isSelectable(ruleArgs(fx, snap)).verdict) out.push({ ...base, kind: 'distribution' });
        else if (rules.callOnBehalfButton(ruleArgs(fx, snap)).verdict) out.push({ ...base, kind: 'invitation' });
        break;
      }
      case 'ACCEPT':
      case 'DECLINE':
      case 'IGNORE':
      case 'OFFER_WITHDRAWN':
        if (ctx.offer) out.push({ type, call: ctx.offer.call });
        break;
      case 'HOLD':
      case 'RESUME':
        if (ctx.active) out.push({ type, call: ctx.active.call });
        break;
      case 'PARK':
        if (ctx.active) {
          const facts = agentFacts(fx, snap);
          const blocking = rules.parkingBlocks({ tenant: fx.tenant, user: { ...facts, parkedTasks: facts.parkedTasks + 1, activeTask: false } }).verdict;
          out.push({ type, call: ctx.active.call, blocking });
        }
        break;
      case 'UNPARK':
        if (rules.canUnpark({ user: agentFacts(fx, snap), parkedBy: MODEL_USER }).verdict) for (const p of parkedNotActive) out.push({ type, call: p.call });
        break;
      case 'TASK_ENDED':
        if (ctx.active) out.push({ type, call: ctx.active.call, acwMs: null }, { type, call: ctx.active.call, acwMs: AGENT_TIMING.acwMs });
        for (const p of parkedNotActive) out.push({ type, call: p.call, acwMs: null });
        break;
      case 'EXTEND_ACW':
        if (ctx.acw && ctx.acw.extensionsUsed < fx.tenant.behavior.acwExtensionsAllowed) out.push({ type, extensionMs: AGENT_TIMING.acwExtensionMs });
        break;
      case 'FLAG_RONA':
        // The engine flags RONA right after a missed offer, when the user is back to Idle.
        if (snap.matches({ work: 'Idle' })) out.push({ type, service: MODEL_SERVICE, persistent: false, resetMs: AGENT_TIMING.ronaResetMs }, { type, service: MODEL_SERVICE, persistent: true, resetMs: AGENT_TIMING.ronaResetMs });
        break;
      case 'NOT_AVAILABLE_REASON':
        out.push({ type, pending: !ctx.notAvailableReason });
        break;
      default:
        // END_ACW, RESET_RONA, CLEAR_TRANSIENT_RONA, delayed events, and events this table does not know yet.
        out.push({ type } as AgentEvent);
    }
  }
  return out;
}

/** State key: value and context (the constant and derived parts left out). */
function serializeAgent(s: AgentSnapshot): string {
  const { userId: _u, taskParallelization: _tp, activity: _a, ...ctx } = s.context;
  return JSON.stringify({ v: s.value, c: ctx });
}

export function agentModel(config: AgentModelConfig, rules: AgentRules = realRules): AgentModel {
  const fixture = modelTenant({ taskParallelization: config.taskParallelization, contactCenter: config.contactCenter });
  const input = agentInput(config);
  const graph = machineGraph(agentMachine);
  return {
    config,
    fixture,
    input,
    explore: () =>
      explore(agentMachine, {
        input,
        graph,
        events: (s) => agentEventVariants(fixture, s as AgentSnapshot, rules, config.explore, config.calls),
        key: (s) => serializeAgent(s as AgentSnapshot),
      }) as Exploration<AgentSnapshot, AgentEvent>,
  };
}

export interface PathRun {
  description: string;
  steps: number;
  failures: string[];
}

export interface AgentRunOptions {
  /** The system under test; defaults to the real machine (a test may pass a faulty copy). */
  machine?: AnyStateMachine;
  rules?: AgentRules;
  inspect?: (e: InspectionEvent) => void;
}

/** The invariants every reachable agent state must satisfy; returns the violated ones. */
export function agentInvariants(fx: ModelTenant, snap: AgentSnapshot, rules: AgentRules = realRules): string[] {
  const bad: string[] = [];
  const ctx = snap.context;
  const facts = agentFacts(fx, snap);
  const tp = ctx.taskParallelization;
  const parkedNotActive = ctx.parked.filter((p) => p.call !== ctx.active?.call).length;

  // COB-04, COB-05, COB-07/08, PAR-03/14: the button is enabled exactly when the rulebook says so.
  const online = snap.matches({ teams: 'Online' }) && ctx.availability !== 'Offline' && ctx.availability !== 'Appear Offline';
  const blocked =
    snap.matches({ work: 'Ringing' }) ||
    snap.matches({ work: 'Connected' }) ||
    snap.matches({ work: 'AfterCallWork' }) ||
    ctx.rona !== null ||
    (ctx.notAvailableReason && fx.tenant.behavior.notAvailableReasonBlocksCallOnBehalf) ||
    (tp.enabled ? parkedNotActive >= tp.max : parkedNotActive > 0);
  const expected = online && !blocked;
  const cob = rules.callOnBehalfButton({ tenant: fx.tenant, service: fx.service, user: facts, membership: fx.membership });
  if (cob.verdict !== expected) bad.push(`Call on Behalf is ${cob.verdict ? 'enabled' : 'disabled'}, the rulebook says ${expected ? 'enabled' : 'disabled'} (${cob.summary})`);

  // One active task at a time (PAR-14): the offered, active and parked tasks are distinct calls.
  const calls = [ctx.offer?.call, ctx.active?.call, ...ctx.parked.filter((p) => p.call !== ctx.active?.call).map((p) => p.call)].filter(Boolean);
  if (new Set(calls).size !== calls.length) bad.push(`a call is held twice: ${calls.join(', ')}`);
  if (ctx.parked.length !== new Set(ctx.parked.map((p) => p.call)).size) bad.push('a task is parked twice');
  if (hasActiveTask(snap) && ctx.active === null) bad.push('Connected (talking or on hold) without an active task');
  if (ctx.active !== null && !snap.matches({ work: 'Connected' })) bad.push(`active task ${ctx.active.call} while not Connected`);
  if (snap.matches({ work: 'Ringing' }) && ctx.offer === null) bad.push('Ringing without an offer');
  // Distribution reads takesOffers instead of asking the machine: the two must agree in every state.
  const can = snap.can({ type: 'OFFER', call: 'c-next', service: fx.service.id, ringTimeoutMs: 1_000, kind: 'distribution' });
  if (takesOffers(snap) !== can) bad.push(`takesOffers says ${String(takesOffers(snap))}, the machine ${can ? 'takes' : 'refuses'} an OFFER`);

  // Task Parallelization never exceeds its limit (PAR-14, PAR-15); without TP one parked task keeps the user Connected (PAR-03).
  if (tp.enabled && parkedNotActive > tp.max) bad.push(`${parkedNotActive} parked tasks exceed the Task Parallelization limit of ${tp.max}`);
  if (!tp.enabled && ctx.parked.length > 0 && !snap.matches({ work: 'Connected' })) bad.push('without Task Parallelization a parked task must keep the user Connected (PAR-03)');

  // US-01/US-08: a selectable user has nothing blocking.
  if (rules.isSelectable({ tenant: fx.tenant, service: fx.service, user: facts, membership: fx.membership }).verdict && !snap.matches({ work: 'Idle' })) {
    bad.push('selectable while not idle');
  }
  return bad;
}

/** Replays one generated path against a fresh actor of the system under test. */
export function runAgentPath(m: AgentModel, path: ModelPath<AgentSnapshot, AgentEvent>, opts: AgentRunOptions = {}): PathRun {
  const clock = new PathClock();
  const machine = (opts.machine ?? agentMachine) as typeof agentMachine;
  const actor = createActor(machine, { input: m.input, clock, ...(opts.inspect ? { inspect: opts.inspect } : {}) });
  const failures: string[] = [];
  actor.start();
  try {
    for (const [i, step] of path.steps.entries()) {
      const type = step.event.type;
      if (type === 'xstate.init') {
        // the actor is already started
      } else if (type.startsWith('xstate.after.')) {
        if (!clock.fireDelayed(actor, type)) failures.push(`step ${i}: the path expects ${type}, but no such timer is pending`);
      } else {
        actor.send(step.event as AgentEvent);
      }
      const snap = actor.getSnapshot();
      if (JSON.stringify(snap.value) !== JSON.stringify(step.state.value)) {
        failures.push(`step ${i} (${type}): the actor is in ${JSON.stringify(snap.value)}, the model expects ${JSON.stringify(step.state.value)}`);
      }
      for (const v of agentInvariants(m.fixture, snap, opts.rules)) failures.push(`step ${i} (${type}): ${v}`);
      if (failures.length > 0) break;
    }
  } finally {
    actor.stop();
  }
  return { description: path.description, steps: path.steps.length, failures };
}
