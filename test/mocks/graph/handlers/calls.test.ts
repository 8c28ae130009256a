import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../../src/graph/errors.js';
import { answerBody, harness, phoneTarget, serviceHostedMedia, type Harness } from '../../../helpers/graph/tenant.js';

const callbackUri = 'https://nimbus.sim.invalid/api/calls';

/** An outbound PSTN call placed as a service's application instance (how Nimbus dials out, LIC-02). */
const dialOut = (h: Harness, service: string, number: string) =>
  h.client.createCall({
    callbackUri,
    source: { identity: { applicationInstance: { id: h.mock.graphIdOf(service, 'service'), displayName: service } } },
    targets: [phoneTarget(number)],
    requestedModalities: ['audio'],
    mediaConfig: serviceHostedMedia,
  });

/** A customer calls `service`; the service's bot answers. Returns the call id. */
async function inboundAnsweredBy(h: Harness, service: string): Promise<string> {
  const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: service });
  await h.client.answerCall(callId, answerBody);
  return callId;
}

/** Nimbus hands the call to another service's resource account; that service's bot answers it. */
async function serviceTransfer(h: Harness, callId: string, to: string): Promise<void> {
  await h.client.transferCall(callId, { transferTarget: { identity: { applicationInstance: { id: h.mock.graphIdOf(to, 'service') } } } });
  await h.client.answerCall(callId, answerBody);
}

const transferToPstn = (h: Harness, callId: string, number = '+41795550199') => h.client.transferCall(callId, { transferTarget: phoneTarget(number) });

async function refusal(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('outbound PSTN calls from a resource account (LIC-02..04)', () => {
  it('creates the call as the licensed application instance and binds it to that service', async () => {
    const h = await harness();
    const call = await dialOut(h, 'licensed', '+41795550111');
    expect(call.state).toBe('establishing');
    expect(call.direction).toBe('outgoing');
    expect(call.source?.identity).toMatchObject({ applicationInstance: { id: h.mock.graphIdOf('licensed', 'service') } });
    expect(call.targets?.[0]?.identity).toMatchObject({ phone: { id: '+41795550111' } });
    // The far end answers at once by default, like an outbound target in a scenario.
    const now = h.mock.call(call.id as string);
    expect(now?.state).toBe('established');
    expect(now?.answeredByService).toBe('licensed');
  });

  it('refuses a service with a number but without the resource account license: 403 naming the license and rules', async () => {
    const h = await harness();
    const error = await refusal(dialOut(h, 'numberNoLicense', '+41795550111'));
    expect(error.status).toBe(403);
    expect(error.code).toBe('Forbidden');
    expect(error.endpoint).toBe('calls');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('Microsoft Teams Phone Resource Account');
    // The real rules decide (the mock has no copy of them): Operator Connect without the license fails LIC-03.
    expect(error.message).toMatch(/\[LIC-03\]$/);
    expect(error.ruleIds).toEqual(['LIC-03']);
    expect(h.mock.db.calls.count()).toBe(0);
  });

  it('refuses a service without a PSTN number (LIC-01)', async () => {
    const h = await harness();
    const error = await refusal(dialOut(h, 'unlicensed', '+41795550111'));
    expect(error.status).toBe(403);
    expect(error.message).toContain('no PSTN number');
    expect(error.message).toContain('[LIC-01]');
    expect(error.ruleIds).toEqual(['LIC-01']);
  });

  it('needs a calling plan on top of the resource account for Calling Plan services (LIC-04)', async () => {
    const h = await harness();
    const error = await refusal(dialOut(h, 'planless', '+41795550111'));
    expect(error.message).toContain('has no calling plan');
    expect(error.message).toContain('LIC-04');
    await expect(dialOut(h, 'planned', '+41795550111')).resolves.toMatchObject({ state: 'establishing' });
  });

  it('refuses a PSTN target without an application instance source', async () => {
    const h = await harness();
    const error = await refusal(h.client.createCall({ callbackUri, targets: [phoneTarget('+41795550111')], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia }));
    expect(error.status).toBe(403);
    expect(error.message).toContain('[LIC-02]');
  });

  it('uses the injected policy instead of its own rule, passing licenses, connectivity and purpose', async () => {
    const seen: unknown[] = [];
    const h = await harness(undefined, {
      pstnPolicy: (licenses, connectivity, purpose) => {
        seen.push({ licenses, connectivity, purpose });
        return { allowed: false, because: ['LIC-06'], message: 'legacy wording requires Phone System' };
      },
    });
    const error = await refusal(dialOut(h, 'licensed', '+41795550111'));
    expect(error.message).toBe('Outbound PSTN call from Front Desk refused: legacy wording requires Phone System [LIC-06]');
    expect(seen).toEqual([{ licenses: ['Microsoft Teams Phone Resource Account'], connectivity: 'Direct Routing', purpose: 'outbound' }]);
  });

  it('validates targets: E.164 numbers and existing users', async () => {
    const h = await harness();
    await expect(dialOut(h, 'licensed', '0041795550111')).rejects.toMatchObject({ status: 400 });
    const unknownUser = h.client.createCall({ callbackUri, targets: [{ identity: { user: { id: 'nobody' } } }], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia });
    await expect(unknownUser).rejects.toMatchObject({ status: 404, code: 'Request_ResourceNotFound' });
  });
});

describe('incoming calls and the first responding service (XFER-02)', () => {
  it('records the first application instance that answers, and keeps it across service-to-service transfers', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'unlicensed');
    expect(h.mock.call(callId)).toMatchObject({ state: 'established', answeredByService: 'unlicensed', heldByService: 'unlicensed' });

    await h.client.transferCall(callId, { transferTarget: { identity: { applicationInstance: { id: h.mock.graphIdOf('licensed', 'service') } } } });
    expect(h.mock.call(callId)).toMatchObject({ state: 'incoming', heldByService: null, answeredByService: 'unlicensed' });
    // The receiving bot learns who transferred the call from incomingContext; v1.0 has no answeredBy.
    const offered = await h.client.getCall(callId);
    expect(offered.incomingContext?.transferor).toMatchObject({ applicationInstance: { id: h.mock.graphIdOf('unlicensed', 'service'), displayName: 'Billing' } });
    expect(offered).not.toHaveProperty('answeredBy');
    await h.client.answerCall(callId, answerBody);
    expect(h.mock.call(callId)).toMatchObject({ state: 'established', heldByService: 'licensed', answeredByService: 'unlicensed' });
  });

  it('answers only incoming calls', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'licensed');
    const error = await refusal(h.client.answerCall(callId, answerBody));
    expect(error.status).toBe(400);
    expect(error.message).toContain('only an incoming call can be answered');
  });

  it('takes answer parameters as v1.0 declares them: callbackUri and mediaConfig required, acceptedModalities may be null', async () => {
    const h = await harness();
    const answer = async (body: unknown) => {
      const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' });
      return h.mock.fetch(`${h.mock.baseUrl}/communications/calls/${callId}/answer`, { method: 'POST', body: JSON.stringify(body) });
    };
    const withoutMedia = await answer({ callbackUri, acceptedModalities: ['audio'] });
    expect(withoutMedia.status).toBe(400);
    expect(await withoutMedia.json()).toMatchObject({ error: { code: 'BadRequest', message: expect.stringContaining("needs the parameter 'mediaConfig'") } });
    const withoutCallback = await answer({ acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia });
    expect(await withoutCallback.json()).toMatchObject({ error: { code: 'BadRequest', message: expect.stringContaining("needs the parameter 'callbackUri'") } });
    expect((await answer({ callbackUri, acceptedModalities: null, mediaConfig: serviceHostedMedia })).status).toBe(202);
    expect((await answer({ callbackUri, mediaConfig: serviceHostedMedia })).status).toBe(202);
  });

  it('rejects an incoming call', async () => {
    const h = await harness();
    const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' });
    await h.client.rejectCall(callId, 'busy');
    expect(h.mock.call(callId)).toMatchObject({ state: 'terminated', answeredBy: null, resultInfo: { code: 486 } });
  });
});

describe('PSTN transfers use the FIRST answering service license (XFER-02, XFER-03)', () => {
  it('Scenario A: first service licensed, current service unlicensed -> transfer succeeds on the first one', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'licensed');
    await serviceTransfer(h, callId, 'unlicensed');
    await transferToPstn(h, callId);
    const call = h.mock.call(callId);
    expect(call?.state).toBe('terminated');
    expect(call?.resultInfo).toEqual({ code: 0, subcode: 7015, message: 'GracefulTransferCompleted' });
    expect(call?.transfers.at(-1)).toMatchObject({ targetKind: 'phone', outcome: 'completed', licensedBy: h.mock.graphIdOf('licensed', 'service') });
    // The first service's own license rules (Front Desk: Direct Routing with the resource account license).
    expect(call?.transfers.at(-1)?.because).toEqual(['LIC-01', 'LIC-02', 'LIC-03']);
  });

  it('Scenario B: first service unlicensed, current service licensed -> 403 on the first service license, call stays established', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'unlicensed');
    await serviceTransfer(h, callId, 'licensed');
    const error = await refusal(transferToPstn(h, callId));
    expect(error.status).toBe(403);
    expect(error.code).toBe('Forbidden');
    expect(error.message).toContain('Billing answered the call first');
    expect(error.message).toContain('the license of the current service Front Desk is not used');
    // The rules that refused are the first service's (Billing has no PSTN number, LIC-01), not the current one's.
    expect(error.message).toMatch(/\[LIC-01\]$/);
    expect(error.ruleIds).toEqual(['LIC-01']);
    const call = h.mock.call(callId);
    expect(call?.state).toBe('established');
    expect(call?.transfers.at(-1)).toMatchObject({ outcome: 'refused', licensedBy: h.mock.graphIdOf('unlicensed', 'service') });
  });

  it('asks the policy about the first service with purpose "transfer"', async () => {
    const asked: string[] = [];
    const h = await harness(undefined, {
      pstnPolicy: (licenses, connectivity, purpose) => {
        asked.push(`${purpose}:${connectivity ?? 'none'}:${licenses.join('+') || '-'}`);
        return { allowed: true, because: ['XFER-02'], message: 'ok' };
      },
    });
    const callId = await inboundAnsweredBy(h, 'unlicensed');
    await serviceTransfer(h, callId, 'licensed');
    await transferToPstn(h, callId);
    expect(asked).toEqual(['transfer:none:-']);
  });

  it('a transfer only works on an established call', async () => {
    const h = await harness();
    const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' });
    await expect(transferToPstn(h, callId)).rejects.toMatchObject({ status: 400 });
  });

  it('a PSTN target that does not answer fails the transfer back to established', async () => {
    const h = await harness();
    h.mock.control.setFarEndAnswerMode('+41795550199', 'manual');
    const callId = await inboundAnsweredBy(h, 'licensed');
    await transferToPstn(h, callId);
    expect(h.mock.call(callId)?.state).toBe('transferring');
    await h.mock.control.farEndRejects(callId);
    expect(h.mock.call(callId)).toMatchObject({ state: 'established', resultInfo: { code: 500, subcode: 7000 } });
    expect(h.mock.call(callId)?.transfers.at(-1)?.outcome).toBe('failed');
  });

  it('transfers to a Teams user need no PSTN license', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'unlicensed');
    await h.client.transferCall(callId, { transferTarget: { identity: { user: { id: h.mock.graphIdOf('alice') } } } });
    expect(h.mock.call(callId)).toMatchObject({ state: 'terminated', transfers: [{ targetKind: 'user', outcome: 'completed', licensedBy: null }] });
  });
});

describe('hanging up', () => {
  it('DELETE ends the call; Graph readers no longer see it, inspection still does', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'licensed');
    await h.client.deleteCall(callId);
    await expect(h.client.getCall(callId)).rejects.toMatchObject({ status: 404, code: 'itemNotFound' });
    await expect(h.client.deleteCall(callId)).rejects.toMatchObject({ status: 404 });
    expect(h.mock.call(callId)).toMatchObject({ state: 'terminated', deleted: true, answeredByService: 'licensed' });
  });

  it('the PSTN caller can hang up', async () => {
    const h = await harness();
    const callId = await inboundAnsweredBy(h, 'licensed');
    await h.mock.control.farEndHangsUp(callId);
    expect((await h.client.getCall(callId)).state).toBe('terminated');
  });

  it('the PSTN side rejects unknown services and non-E.164 callers', async () => {
    const h = await harness();
    await expect(h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'alice' })).rejects.toThrow(/not a service/);
    await expect(h.mock.control.placeIncomingCall({ from: '0791110000', toAppInstance: 'licensed' })).rejects.toThrow(/E\.164/);
  });
});
