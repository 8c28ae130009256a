/**
 * The mock-only far end: PSTN callers and dialled parties. Graph has no API for this side; the engine uses it
 * (through `mock.control`) to make a customer call a service, and to decide whether a dialled number or
 * transfer target picks up.
 */
import { E164 } from '../../src/domain/duration.js';
import { addCall, farEndAnswered, farEndHungUp, farEndRejected, findCall, participant } from '../graph/callStore.js';
import { findAppInstance, type FarEndAnswerMode, type GraphMockContext } from '../graph/context.js';
import type { CallRecord } from '../graph/db.js';

export interface IncomingPstnCall {
  /** E.164 number of the caller. */
  from: string;
  /** The called service's application instance: scenario service id, object id or UPN. */
  toAppInstance: string;
}

export interface PstnNetwork {
  /** A customer dials a service: creates an `incoming` call that Nimbus must answer through Graph. */
  placeIncomingCall(call: IncomingPstnCall): Promise<{ callId: string }>;
  /** The far end of a pending leg (dial-out or transfer) picks up. */
  farEndAnswers(callId: string): Promise<void>;
  /** The far end declines or never answers (XFER-07 ring limit is the engine's timer). */
  farEndRejects(callId: string): Promise<void>;
  /** The PSTN party (caller or dialled party) hangs up. */
  farEndHangsUp(callId: string): Promise<void>;
  /**
   * Whether a far end (E.164 number, or a user by scenario id / object id) answers new legs at once (`auto`,
   * the default) or waits for `farEndAnswers` / `farEndRejects` (`manual`).
   */
  setFarEndAnswerMode(address: string, mode: FarEndAnswerMode): void;
}

export function createPstnNetwork(ctx: GraphMockContext, resolveScenarioId: (id: string) => string | undefined): PstnNetwork {
  const requireCall = (callId: string): CallRecord => {
    const call = findCall(ctx, callId);
    if (!call) throw new Error(`PSTN: no call ${callId}`);
    return call;
  };
  const requirePendingLeg = (callId: string): void => {
    if (requireCall(callId).pendingFarEnd === null) throw new Error(`PSTN: call ${callId} has no leg waiting for an answer`);
  };
  const resolveAddress = (address: string): string => (E164.test(address) ? address : (resolveScenarioId(address) ?? address));

  return {
    placeIncomingCall: (call) => placeIncomingCall(ctx, call, resolveScenarioId),
    async farEndAnswers(callId) {
      requirePendingLeg(callId);
      await farEndAnswered(ctx, callId);
    },
    async farEndRejects(callId) {
      requirePendingLeg(callId);
      await farEndRejected(ctx, callId);
    },
    async farEndHangsUp(callId) {
      requireCall(callId);
      await farEndHungUp(ctx, callId);
    },
    setFarEndAnswerMode(address, mode) {
      ctx.farEndModes.set(resolveAddress(address), mode);
    },
  };
}

async function placeIncomingCall(ctx: GraphMockContext, { from, toAppInstance }: IncomingPstnCall, resolveScenarioId: (id: string) => string | undefined): Promise<{ callId: string }> {
  if (!E164.test(from)) throw new Error(`PSTN: caller number ${from} is not E.164`);
  const instance = findAppInstance(ctx, resolveScenarioId(toAppInstance) ?? toAppInstance);
  if (!instance) throw new Error(`PSTN: ${toAppInstance} is not a service's application instance`);
  const id = ctx.ids.next('call');
  await addCall(ctx, {
    id,
    state: 'incoming',
    direction: 'incoming',
    callbackUri: ctx.callbackUri,
    callChainId: ctx.ids.next('callChain'),
    myParticipantId: ctx.ids.next('participant'),
    source: participant({ phone: { id: from, displayName: null } }),
    targets: [participant({ applicationInstance: { id: instance.id, displayName: instance.displayName } })],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
  });
  return { callId: id };
}
