/**
 * The service workflow a call runs through (WF-01..07): its activities are interpreted in order.
 *
 * - `Accept` answers the call for the service; the first service to accept binds the PSTN license (WF-01, XFER-02).
 * - `Announcement` plays (it needs a preceding Accept, WF-03); `Availability Based Routing` may run before Accept
 *   (WF-04); other activities without a modelled effect pass through.
 * - `Queue` / `Queue Task` queue the task and start distribution (DIST-01, WF-05); the workflow stops there.
 * - `Voice Message` ends the call with the outcome `Voice Message` (refused in Outbound with Workflow, OUT-05, WF-07).
 * - `Disconnect` ends the call, `Disconnected By System` (WF-02); so does running off the end of the list.
 * - `Transfer` (`{ Transfer: { to: { service } | { pstn } } }`) moves the call to another service, whose workflow
 *   then runs, or to a PSTN number on the first responding service's license (XFER-02); a refused PSTN transfer
 *   leaves through the Exit announcement route with `Transfer Failed` (XFER-03, WF-06); a successful workflow
 *   transfer is `System Transfer Success`.
 */
import { activityOf, type WorkflowItem } from '../../src/domain/model.js';
import type { Decision } from '../../src/rules/decision.js';
import * as policy from './policy.js';
import { dequeue, enqueue, withdrawOffers } from './distribution.js';
import { endCall, settleSession, whenFarEndAnswers } from './lifecycle.js';
import type { World } from './world.js';

/** Timings of an inbound call's workflow (extensions of `inboundCall`). */
export interface WorkflowTimings {
  /** Time in IVR activities between Accept and Queue (task In IVR; REP-03). */
  ivrTime?: number | undefined;
  /** The Queue activity's maximum wait; then the task leaves the queue for the IVR (In IVR After Queue; TASK-03). */
  queueTimeout?: number | undefined;
}

export interface WorkflowStart {
  ok: boolean;
  message: string;
  decision?: Decision<boolean>;
}

const label = (item: WorkflowItem): string => {
  if (typeof item === 'string') return item;
  return `Transfer to ${'service' in item.to ? `service ${item.to.service}` : item.to.pstn}`;
};

/** The workflow of a service as text, for timelines ("Accept → Announcement → Queue"). */
export function describeWorkflow(world: World, serviceId: string): string {
  return world.service(serviceId).workflow.map(label).join(' → ');
}

/**
 * An inbound call reaches the service's workflow: check that the workflow can run (WF-01, WF-03), let its
 * Accept activity answer the call through Graph, then run the remaining activities.
 */
export async function startInboundWorkflow(world: World, call: string, serviceId: string, from: string, timings: WorkflowTimings = {}): Promise<WorkflowStart> {
  const structure = world.record(policy.workflowStructure(world, serviceId, 'inbound'), call);
  if (!structure.verdict) {
    world.note(`call:${call}`, 'decision', () => structure.summary, structure.because);
    settleSession(world, call, { by: 'system' });
    endCall(world, call, structure.because);
    return { ok: false, message: structure.summary, decision: structure };
  }
  const answered = await world.graph.answerIncoming(call, from, serviceId);
  if (!answered.ok) {
    // The Graph client gave up: the task ends with the Error outcome instead of crashing the run.
    settleSession(world, call, { by: 'error' });
    endCall(world, call);
    world.result(false, `the workflow of ${serviceId} could not answer ${call}: ${answered.message}`, undefined, answered.because);
    return { ok: false, message: `Graph failed to answer — ${answered.message}` };
  }
  runWorkflow(world, call, serviceId, { checked: true, ...timings });
  return { ok: true, message: `${call} accepted by the workflow of ${serviceId}`, decision: structure };
}

/** Kept for callers that only need the task queued: runs the whole workflow of the service. */
export function runWorkflowToQueue(world: World, call: string, serviceId: string): void {
  runWorkflow(world, call, serviceId);
}

/**
 * Run the service's workflow for a call that is now in this service (inbound after Graph answered, a
 * transfer to the service, or an Outbound Call with Workflow whose target answered).
 */
export function runWorkflow(world: World, call: string, serviceId: string, opts: { checked?: boolean } & WorkflowTimings = {}): void {
  const service = world.service(serviceId);
  const direction = world.call(call).getSnapshot().context.type === 'Outbound Call (With Workflow)' ? 'outboundWithWorkflow' : 'inbound';
  if (!opts.checked) {
    const structure = world.record(policy.workflowStructure(world, serviceId, direction), call);
    if (!structure.verdict) {
      world.note(`call:${call}`, 'decision', () => structure.summary, structure.because);
      settleSession(world, call, { by: 'system' });
      endCall(world, call, structure.because);
      return;
    }
  }
  for (const item of service.workflow) {
    if (world.call(call).getSnapshot().context.endedAt !== null) return;
    switch (activityOf(item)) {
      case 'Accept':
        accept(world, call, serviceId);
        break;
      case 'Announcement':
        world.note(`call:${call}`, 'task', () => `${serviceId} plays an announcement`, ['WF-03']);
        break;
      case 'Queue':
      case 'Queue Task':
        if (opts.ivrTime && opts.ivrTime > 0) {
          world.clock.setTimeout(
            () => {
              if (world.call(call).getSnapshot().context.endedAt === null) queue(world, call, serviceId, opts.queueTimeout);
            },
            opts.ivrTime,
            `${call} reaches the Queue activity of ${serviceId}`,
          );
        } else {
          queue(world, call, serviceId, opts.queueTimeout);
        }
        return;
      case 'Voice Message':
        world.note(`call:${call}`, 'task', () => `the caller leaves a voice message in ${serviceId}`, ['WF-07']);
        settleSession(world, call, { by: 'voiceMessage' });
        endCall(world, call, ['WF-07']);
        return;
      case 'Disconnect':
        world.note(`call:${call}`, 'task', () => `the workflow of ${serviceId} disconnects the call`, ['WF-02']);
        settleSession(world, call, { by: 'system' });
        endCall(world, call, ['WF-02']);
        return;
      case 'Transfer':
        if (typeof item !== 'string') {
          if ('service' in item.to) transferToService(world, call, serviceId, item.to.service);
          else transferToPstn(world, call, serviceId, item.to.pstn, { targetAnswers: item.targetAnswers, answerAfter: item.answerAfter });
          return;
        }
        world.note(`call:${call}`, 'task', () => `the Transfer activity of ${serviceId} has no target; it is skipped`);
        break;
      default:
        world.note(`call:${call}`, 'task', () => `${serviceId} runs ${activityOf(item)} (no modelled effect)`);
    }
  }
  world.note(`call:${call}`, 'task', () => `the workflow of ${serviceId} ends without queueing the task: the task ends in the IVR`, ['WF-02']);
  settleSession(world, call, { by: 'system' });
  endCall(world, call, ['WF-02']);
}

/** WF-01: the Accept activity marks the task accepted; the first service to accept binds the PSTN license (XFER-02). */
function accept(world: World, call: string, serviceId: string): void {
  const ctx = world.call(call).getSnapshot().context;
  if (ctx.serviceSessions.at(-1)?.accepted && ctx.firstRespondingService !== null) return;
  const license = world.record(policy.servicePstnLicense(world, serviceId, 'transfer'), call);
  const bound = ctx.firstRespondingService === null;
  world.sendCall(call, { type: 'WORKFLOW_ACCEPTED', service: serviceId, pstnLicensed: license.verdict, pstnBecause: license.because, at: world.clock.now() });
  if (bound) {
    world.note(`call:${call}`, 'decision', () => `first responding service is ${serviceId}; its PSTN license: ${license.summary}`, ['WF-01', 'XFER-02', ...license.because]);
  } else {
    world.note(`call:${call}`, 'task', () => `the Accept activity of ${serviceId} accepts the call (Accepted by System)`, ['WF-01']);
  }
}

/**
 * DIST-01, WF-05: queue the task with the Queue activity's distribution type and ring timeout. With a queue
 * timeout, a task nobody took by then leaves the queue for the IVR (TASK-03).
 */
function queue(world: World, call: string, serviceId: string, queueTimeout?: number): void {
  const service = world.service(serviceId);
  const allowed = world.record(policy.distributionAllowed(world, serviceId), call);
  if (!allowed.verdict) {
    world.note(`call:${call}`, 'decision', () => allowed.summary, allowed.because);
    settleSession(world, call, { by: 'system' });
    endCall(world, call, allowed.because);
    return;
  }
  world.sendCall(call, { type: 'QUEUED', algorithm: service.distribution.type, at: world.clock.now() });
  enqueue(world, call, serviceId);
  if (queueTimeout && queueTimeout > 0) {
    world.clock.setTimeout(
      () => {
        const state = world.taskState(call);
        if (state !== 'In Queue' && state !== 'Ringing') return;
        withdrawOffers(world, call);
        dequeue(world, call);
        world.sendCall(call, { type: 'LEFT_QUEUE', at: world.clock.now() });
        world.note(`call:${call}`, 'task', () => `the Queue activity of ${serviceId} timed out: back in the IVR`, ['TASK-03']);
      },
      queueTimeout,
      `${call} queue timeout in ${serviceId}`,
    );
  }
}

/** A Transfer activity to another service: only its existence is checked (XFER-04); its workflow then runs. */
function transferToService(world: World, call: string, source: string, target: string): void {
  const decision = world.record(policy.serviceTransfer(world, source, target), call);
  world.sendCall(call, { type: 'TRANSFER_STARTED', by: `workflow of ${source}`, to: `service ${target}`, mode: 'blind', at: world.clock.now() });
  if (!decision.verdict) {
    settleSession(world, call, { by: 'workflowTransfer', to: 'service', succeeded: false });
    world.sendCall(call, { type: 'TRANSFER_FAILED', returnTo: 'exitRoute', message: decision.summary, because: decision.because, at: world.clock.now() });
    world.note(`call:${call}`, 'task', () => `Transfer activity of ${source} failed: ${decision.summary}; Exit route`, decision.because);
    endCall(world, call, decision.because);
    return;
  }
  const outcome = world.record(policy.sessionOutcome(world, call, { by: 'workflowTransfer', to: 'service', succeeded: true }), call);
  world.sendCall(call, {
    type: 'TRANSFERRED_TO_SERVICE',
    service: target,
    session: policy.decided(outcome),
    at: world.clock.now(),
  });
  world.note(`call:${call}`, 'task', () => `the Transfer activity of ${source} moves the call to ${target}: ${outcome.verdict ?? 'not reported'}`, [...decision.because, ...outcome.because]);
  runWorkflow(world, call, target);
}

/**
 * A Transfer activity to a PSTN number: the first responding service's license decides (XFER-02); without it
 * the workflow leaves through the Exit announcement route, `Transfer Failed` (XFER-03, WF-06). An unanswered
 * target rings until behavior.pstnRingLimit (XFER-07).
 */
function transferToPstn(world: World, call: string, source: string, number: string, answer: { targetAnswers?: boolean | undefined; answerAfter?: number | undefined }): void {
  const ctx = world.call(call).getSnapshot().context;
  const first = ctx.firstRespondingService ?? source;
  const decision = world.record(policy.pstnTransfer(world, first, source, 'workflow', { workflowOf: source }), call);
  world.sendCall(call, { type: 'TRANSFER_STARTED', by: `workflow of ${source}`, to: number, mode: 'blind', at: world.clock.now() });
  const fail = (message: string, because: Decision<boolean>['because'], firstServiceUnlicensed: boolean): void => {
    settleSession(world, call, { by: 'workflowTransfer', to: 'pstn', succeeded: false, firstServiceUnlicensed, transferredBy: { workflowOf: source } });
    world.sendCall(call, { type: 'TRANSFER_FAILED', returnTo: 'exitRoute', message, because, at: world.clock.now() });
    world.note(`call:${call}`, 'task', () => `Exit announcement route of ${source}: ${message}`, [...because, 'WF-06']);
    endCall(world, call, because);
  };
  if (!decision.verdict) {
    fail(`Transfer failed: ${decision.summary}`, decision.because, true);
    return;
  }
  world.track(
    (async () => {
      const graph = await world.graph.transferCall(call, { pstn: number });
      if (!graph.ok) {
        world.note('graph', 'graph', () => `model and mock disagree about ${call}: rules allow the transfer, Graph said ${graph.message}`);
        fail(`Transfer failed: ${graph.message}`, graph.because, false);
        return;
      }
      whenFarEndAnswers(
        world,
        call,
        answer,
        () => {
          const outcome = world.record(policy.sessionOutcome(world, call, { by: 'workflowTransfer', to: 'pstn', succeeded: true }), call);
          world.sendCall(call, {
            type: 'TRANSFERRED_EXTERNALLY',
            session: policy.decided(outcome),
            at: world.clock.now(),
          });
          world.note(`call:${call}`, 'task', () => `the Transfer activity of ${source} transferred the call to ${number} on ${first}'s PSTN license`, [...decision.because, ...outcome.because]);
        },
        () => fail(`${number} did not answer within the PSTN ring limit`, ['XFER-07'], false),
      );
    })(),
  );
}
