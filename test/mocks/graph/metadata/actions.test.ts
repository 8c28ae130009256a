/**
 * The mock checks every action's parameters against its signature in Graph v1.0's metadata: an unknown, a
 * missing (Nullable="false") or an ill-typed parameter is Graph's 400 BadRequest, before the handler looks at
 * the call or presence. One group per action, and the same for a new call's properties.
 */
import { describe, expect, it } from 'vitest';
import { answerBody, harness, serviceHostedMedia, type Harness } from '../../../helpers/graph/tenant.js';

const callbackUri = 'https://nimbus.sim.invalid/api/calls';

async function post(h: Harness, path: string, body: unknown): Promise<{ status: number; code: string | undefined; message: string }> {
  const res = await h.mock.fetch(`${h.mock.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  const error = text ? (JSON.parse(text) as { error?: { code: string; message: string } }).error : undefined;
  return { status: res.status, code: error?.code, message: error?.message ?? '' };
}

const badRequest = (problem: string) => ({ status: 400, code: 'BadRequest', message: expect.stringContaining(problem) as unknown as string });

interface ActionCase {
  action: string;
  path: (h: Harness) => Promise<string>;
  valid: Record<string, unknown>;
  /** A required parameter to leave out, if the action has one. */
  required?: string;
  illTyped: Record<string, unknown>;
  illTypedProblem: string;
}

const incoming = async (h: Harness) => (await h.mock.control.placeIncomingCall({ from: '+41791110000', toAppInstance: 'licensed' })).callId;
const established = async (h: Harness) => {
  const callId = await incoming(h);
  await h.client.answerCall(callId, answerBody);
  return callId;
};
const presence = (h: Harness, action: string) => `/users/${h.mock.graphIdOf('alice')}/presence/${action}`;

const cases: ActionCase[] = [
  { action: 'answer', path: async (h) => `/communications/calls/${await incoming(h)}/answer`, valid: answerBody, required: 'callbackUri', illTyped: { ...answerBody, acceptedModalities: ['telepathy'] }, illTypedProblem: "'telepathy' is not a member of microsoft.graph.modality" },
  { action: 'reject', path: async (h) => `/communications/calls/${await incoming(h)}/reject`, valid: { reason: 'busy' }, illTyped: { reason: 'maybe' }, illTypedProblem: "'maybe' is not a member of microsoft.graph.rejectReason" },
  { action: 'transfer', path: async (h) => `/communications/calls/${await established(h)}/transfer`, valid: { transferTarget: { identity: { user: { id: 'x' } } } }, required: 'transferTarget', illTyped: { transferTarget: 'alice' }, illTypedProblem: 'expected an object of microsoft.graph.invitationParticipantInfo' },
  { action: 'getPresencesByUserId', path: async () => '/communications/getPresencesByUserId', valid: { ids: [] }, required: 'ids', illTyped: { ids: 'alice' }, illTypedProblem: 'expected Collection(Edm.String)' },
  { action: 'setPresence', path: async (h) => presence(h, 'setPresence'), valid: { sessionId: 'app', availability: 'Busy', activity: 'InACall' }, required: 'availability', illTyped: { sessionId: 'app', availability: 'Busy', activity: 'InACall', expirationDuration: 'five minutes' }, illTypedProblem: 'expected Edm.Duration' },
  { action: 'clearPresence', path: async (h) => presence(h, 'clearPresence'), valid: { sessionId: 'app' }, illTyped: { sessionId: 7 }, illTypedProblem: 'expected Edm.String, got 7' },
  { action: 'setUserPreferredPresence', path: async (h) => presence(h, 'setUserPreferredPresence'), valid: { availability: 'Busy', activity: 'Busy' }, required: 'activity', illTyped: { availability: null, activity: 'Busy' }, illTypedProblem: 'null is not allowed' },
  { action: 'clearUserPreferredPresence', path: async (h) => presence(h, 'clearUserPreferredPresence'), valid: {}, illTyped: { availability: 'Busy' }, illTypedProblem: "has no parameter 'availability'" },
];

describe.each(cases)('$action', ({ action, path, valid, illTyped, illTypedProblem }) => {
  it('refuses an unknown parameter', async () => {
    const h = await harness();
    expect(await post(h, await path(h), { ...valid, clientContext: 'nimbus' })).toMatchObject(badRequest(`${action} has no parameter 'clientContext'`));
  });

  it('refuses an ill-typed parameter', async () => {
    const h = await harness();
    expect(await post(h, await path(h), illTyped)).toMatchObject(badRequest(illTypedProblem));
  });

  it('refuses a body that is not an object of parameters', async () => {
    const h = await harness();
    expect(await post(h, await path(h), ['x'])).toMatchObject(badRequest('expected a JSON object'));
  });
});

// Actions whose metadata declares a parameter Nullable="false" (reject, clearPresence and
// clearUserPreferredPresence have none to leave out).
describe.each(cases.filter((c) => c.required !== undefined))('$action without $required', ({ action, path, valid, required }) => {
  it(`refuses the body that leaves out the required parameter`, async () => {
    const h = await harness();
    const body = { ...valid };
    delete body[required as string];
    expect(await post(h, await path(h), body)).toMatchObject(badRequest(`${action} needs the parameter '${required}'`));
  });
});

describe('creating a call', () => {
  const call = { callbackUri, targets: [{ identity: { phone: { id: '+41795550111' } } }], source: { identity: { applicationInstance: { id: '' } } }, requestedModalities: ['audio'], mediaConfig: serviceHostedMedia };

  it('refuses a modality the metadata does not list', async () => {
    const h = await harness();
    expect(await post(h, '/communications/calls', { ...call, requestedModalities: ['telepathy'] })).toMatchObject(badRequest("requestedModalities[0]: 'telepathy' is not a member of microsoft.graph.modality"));
  });

  it('refuses the abstract mediaConfig without a derived @odata.type, and an @odata.type that does not derive from it', async () => {
    const h = await harness();
    expect(await post(h, '/communications/calls', { ...call, mediaConfig: {} })).toMatchObject(badRequest('microsoft.graph.mediaConfig is abstract'));
    expect(await post(h, '/communications/calls', { ...call, mediaConfig: { '@odata.type': '#microsoft.graph.resultInfo' } })).toMatchObject(badRequest('is not microsoft.graph.mediaConfig or a type derived from it'));
  });

  it('refuses a property of the wrong type and a null where the metadata says Nullable="false"', async () => {
    const h = await harness();
    expect(await post(h, '/communications/calls', { ...call, subject: 42 })).toMatchObject(badRequest('subject: expected Edm.String, got 42'));
    expect(await post(h, '/communications/calls', { ...call, callbackUri: null })).toMatchObject(badRequest('callbackUri: null is not allowed'));
  });

  it('types communications identities by the derived identity set that declares them', async () => {
    const h = await harness();
    const source = { identity: { applicationInstance: { id: h.mock.graphIdOf('licensed', 'service'), displayName: 7 } } };
    expect(await post(h, '/communications/calls', { ...call, source })).toMatchObject(badRequest('source.identity.applicationInstance.displayName: expected Edm.String, got 7'));
  });
});
