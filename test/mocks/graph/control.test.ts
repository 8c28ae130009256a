/**
 * `mock.control`: the typed way to change what Graph has no API for (a Teams client's presence, the PSTN far
 * end). Graph readers then see the change through ordinary requests.
 */
import { describe, expect, it } from 'vitest';
import { harness, phoneTarget, answerBody } from '../../helpers/graph/tenant.js';

describe('mock.control: Teams clients', () => {
  it('setClientPresence is what the Teams client reports; it ends application sessions and any chosen status', async () => {
    const h = await harness();
    const alice = h.mock.graphIdOf('alice');
    await h.client.setPresence(alice, { sessionId: 'app', availability: 'Busy', activity: 'InACall', expirationDuration: 'PT1H' });
    h.mock.control.choosePresence('alice', 'Away');
    h.mock.control.setClientPresence(alice, 'DoNotDisturb', 'Presenting');
    expect(await h.client.getPresence(alice)).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
    expect(h.mock.db.byId.presences(alice)).toMatchObject({ sessions: [], preferred: null });
    h.mock.control.setClientPresence('alice', 'Offline', 'Offline');
    expect(h.mock.presenceOf('alice')).toEqual({ availability: 'Offline', activity: 'Offline' });
  });

  it('choosePresence is the user picking a status in Teams: Graph reports it over a signed-in client', async () => {
    const h = await harness();
    h.mock.control.choosePresence('ed', 'Offline');
    // Appear Offline: Graph pairs a preferred Offline with OffWork.
    expect(await h.client.getPresence(h.mock.graphIdOf('ed'))).toMatchObject({ availability: 'Offline', activity: 'OffWork' });
    expect(h.mock.db.byId.presences(h.mock.graphIdOf('ed'))).toMatchObject({ availability: 'Available', activity: 'Available', preferred: { availability: 'Offline', activity: 'OffWork' } });
    h.mock.control.choosePresence('ed', 'Busy');
    h.clock.advance(30 * 86_400_000);
    expect(h.mock.presenceOf('ed')).toEqual({ availability: 'Busy', activity: 'Busy' });
  });

  it('refuses users it does not know, and services (they have no Teams client)', async () => {
    const h = await harness();
    expect(() => h.mock.control.setClientPresence('nobody', 'Busy', 'Busy')).toThrow(/no user "nobody"/);
    expect(() => h.mock.control.choosePresence(h.mock.graphIdOf('licensed', 'service'), 'Busy')).toThrow(/no user/);
  });
});

describe('mock.control: the PSTN far end', () => {
  it('a far end in manual mode waits; farEndAnswers completes the pending transfer', async () => {
    const h = await harness();
    h.mock.control.setFarEndAnswerMode('+41795550199', 'manual');
    const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' });
    await h.client.answerCall(callId, answerBody);
    await h.client.transferCall(callId, { transferTarget: phoneTarget('+41795550199') });
    expect(h.mock.callState(callId)).toBe('transferring');
    await h.mock.control.farEndAnswers(callId);
    expect(h.mock.call(callId)).toMatchObject({ state: 'terminated', resultInfo: { subcode: 7015 } });
    await expect(h.mock.control.farEndAnswers(callId)).rejects.toThrow(/no leg waiting/);
  });

  it('the caller hangs up; unknown calls are an error, not a no-op', async () => {
    const h = await harness();
    const { callId } = await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' });
    await h.mock.control.farEndHangsUp(callId);
    expect(h.mock.call(callId)).toMatchObject({ state: 'terminated', resultInfo: { message: 'RemoteHangup' } });
    await expect(h.mock.control.farEndHangsUp('no-such-call')).rejects.toThrow(/no call/);
  });
});
