/**
 * Cloud communications calls as Nimbus's calling bot uses them (PERM-04): create an outbound call as a
 * service's application instance, answer or reject an incoming call, transfer, hang up.
 *
 * The PSTN rule the mock enforces is the one Nimbus depends on: a PSTN leg needs the PSTN licenses of an
 * application instance (LIC-02), and for a transfer that instance is the FIRST one that answered or created
 * the call (`answeredBy`), never the service currently holding it (XFER-02, XFER-03). The decision itself is
 * delegated to the injected `pstnPolicy`.
 *
 * Simplification: real Graph acknowledges a transfer with 202 and reports a license failure later through a
 * notification; the mock refuses it synchronously with 403 so the refusal and its rules are visible at once.
 */
import type { HttpHandler } from 'msw';
import { emptyResponse, GraphResponse, odataResponse } from '../response.js';
import { z } from 'zod';
import { E164 } from '../../../src/domain/duration.js';
import { GRAPH_V1 } from '../../../src/domain/graphApi.js';
import { addCall, farEndAddress, findCall, participant, settleIfAutomatic, updateCall } from '../callStore.js';
import { findAppInstance, findUser, licenseNamesOf, type GraphMockContext } from '../context.js';
import type { CallRecord, IdentitySetRecord, ParticipantRecord, TransferRecord, UserRecord } from '../db.js';
import { GraphErrors, type RequestStamp } from '../errors.js';
import { renderCall } from '../render.js';
import { readActionBody, readEntityBody, route } from '../route.js';

const identityIn = z.looseObject({ id: z.string().min(1), displayName: z.string().nullable().optional() });
const IDENTITY_KINDS = ['user', 'application', 'applicationInstance', 'phone', 'guest'] as const;
type IdentityKind = (typeof IDENTITY_KINDS)[number];
const identitySetIn = z.looseObject(Object.fromEntries(IDENTITY_KINDS.map((k) => [k, identityIn.nullable().optional()])) as Record<IdentityKind, z.ZodOptional<z.ZodNullable<typeof identityIn>>>);
const nullableText = z.string().nullable().optional();
const participantIn = z.looseObject({
  identity: identitySetIn,
  endpointType: nullableText,
  region: nullableText,
  languageId: nullableText,
  countryCode: nullableText,
  replacesCallId: nullableText,
});
type ParticipantIn = z.output<typeof participantIn>;
const jsonObject = z.record(z.string(), z.json());

const createCallBody = z.looseObject({
  callbackUri: z.string().min(1),
  source: participantIn.nullable().optional(),
  targets: z.array(participantIn).min(1),
  requestedModalities: z.array(z.string()).min(1),
  mediaConfig: jsonObject,
  callOptions: jsonObject.nullable().optional(),
  subject: nullableText,
  tenantId: z.string().optional(),
});
// The metadata check has already refused unknown, missing and ill-typed parameters; these add what the mock needs.
const answerBody = z.looseObject({
  callbackUri: z.string().min(1),
  acceptedModalities: z.array(z.string()).nullable().optional(),
  mediaConfig: jsonObject,
  callOptions: jsonObject.nullable().optional(),
  participantCapacity: z.number().int().optional(),
});
const rejectBody = z.looseObject({ reason: z.enum(['none', 'busy', 'forbidden']).nullable().optional(), callbackUri: z.string().nullable().optional() });
const transferBody = z.looseObject({ transferTarget: participantIn, transferee: participantIn.nullable().optional() });

/** Keep the identities Graph knows, without annotations or nulls. */
function toParticipant(p: ParticipantIn): ParticipantRecord {
  const identity: IdentitySetRecord = {};
  for (const kind of IDENTITY_KINDS) {
    const value = p.identity[kind];
    if (value) identity[kind] = { id: value.id, displayName: value.displayName ?? null };
  }
  return participant(identity, {
    endpointType: p.endpointType ?? null,
    region: p.region ?? null,
    languageId: p.languageId ?? null,
    countryCode: p.countryCode ?? null,
    replacesCallId: p.replacesCallId ?? null,
  });
}

function kindOf(p: ParticipantRecord): IdentityKind | 'none' | 'several' {
  const kinds = IDENTITY_KINDS.filter((k) => p.identity[k] !== undefined);
  return kinds.length === 0 ? 'none' : kinds.length > 1 ? 'several' : (kinds[0] as IdentityKind);
}

const callNotFound = (stamp: RequestStamp, id: string) => GraphErrors.itemNotFound(stamp, `Call '${id}' was not found.`);

/** A call Graph readers can see (not deleted). */
function liveCall(ctx: GraphMockContext, id: string): CallRecord | undefined {
  const call = findCall(ctx, id);
  return call && !call.deleted ? call : undefined;
}

const answeredByRecord = (ctx: GraphMockContext, call: CallRecord): UserRecord | undefined => (call.answeredBy ? findUser(ctx, call.answeredBy) : undefined);

/** A target that must exist in the directory: a Teams user or a service's application instance. */
function checkDirectoryTarget(ctx: GraphMockContext, target: ParticipantRecord, stamp: RequestStamp): GraphResponse | undefined {
  const user = target.identity.user;
  if (user && findUser(ctx, user.id)?.kind !== 'person') return GraphErrors.notFound(stamp, user.id);
  const instance = target.identity.applicationInstance;
  if (instance && !findAppInstance(ctx, instance.id)) return GraphErrors.notFound(stamp, instance.id);
  const phone = target.identity.phone;
  if (phone && !E164.test(phone.id)) return GraphErrors.badRequest(stamp, `Phone identity '${phone.id}' is not an E.164 number.`);
  return undefined;
}

type TargetKind = 'phone' | 'user' | 'applicationInstance';
const isTargetKind = (kind: ReturnType<typeof kindOf>): kind is TargetKind => kind === 'phone' || kind === 'user' || kind === 'applicationInstance';

export function callsHandlers(ctx: GraphMockContext): HttpHandler[] {
  return [createCall(ctx), getCall(ctx), answerCall(ctx), rejectCall(ctx), transferCall(ctx), deleteCall(ctx)];
}

type CreateCallBody = z.output<typeof createCallBody>;
/** What a valid create request places: its one target, and the application instance it is placed as. */
type NewCall = { target: ParticipantRecord; sourceIn: ParticipantRecord | undefined; instance: UserRecord | undefined };

/** The checks Graph makes before creating a call; a failure is already the response to send. */
function validateNewCall(ctx: GraphMockContext, body: CreateCallBody, stamp: RequestStamp): NewCall | GraphResponse {
  if (body.tenantId !== undefined && body.tenantId !== ctx.tenantId) {
    return GraphErrors.badRequest(stamp, `tenantId '${body.tenantId}' is not this tenant ('${ctx.tenantId}').`);
  }
  if (body.targets.length !== 1) return GraphErrors.badRequest(stamp, 'Only peer-to-peer calls are modelled: give exactly one target.');
  const target = toParticipant(body.targets[0] as ParticipantIn);
  const kind = kindOf(target);
  if (!isTargetKind(kind)) {
    return GraphErrors.badRequest(stamp, 'The call target must have exactly one identity: phone, user or applicationInstance.');
  }
  const invalidTarget = checkDirectoryTarget(ctx, target, stamp);
  if (invalidTarget) return invalidTarget;
  const sourceIn = body.source ? toParticipant(body.source) : undefined;
  const instanceId = sourceIn?.identity.applicationInstance?.id;
  const instance = instanceId ? findAppInstance(ctx, instanceId) : undefined;
  if (instanceId && !instance) return GraphErrors.notFound(stamp, instanceId);
  if (kind === 'phone') return checkOutboundPstn(ctx, instance, stamp) ?? { target, sourceIn, instance };
  return { target, sourceIn, instance };
}

/** A PSTN leg needs the PSTN licenses of the application instance placing it (LIC-02), as the policy decides. */
function checkOutboundPstn(ctx: GraphMockContext, instance: UserRecord | undefined, stamp: RequestStamp): GraphResponse | undefined {
  if (!instance) {
    return GraphErrors.forbiddenByRules(stamp, 'A call to a PSTN number must be placed as the application instance (resource account) of a service: set source.identity.applicationInstance', ['LIC-02']);
  }
  const verdict = ctx.pstnPolicy(licenseNamesOf(instance), instance.pstnConnectivity ?? undefined, 'outbound', instance.displayName);
  return verdict.allowed ? undefined : GraphErrors.forbiddenByRules(stamp, `Outbound PSTN call from ${instance.displayName} refused: ${verdict.message}`, verdict.because);
}

function createCall(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/communications/calls', 'calls', async (args) => {
    const { stamp } = args;
    const parsed = await readEntityBody(args, 'microsoft.graph.call', createCallBody);
    if (!parsed.ok) return parsed.response;
    const checked = validateNewCall(ctx, parsed.value, stamp);
    if (checked instanceof GraphResponse) return checked;
    const record = await storeOutgoingCall(ctx, parsed.value, checked);
    const created = renderCall(record, undefined);
    await settleIfAutomatic(ctx, record.id);
    return odataResponse(created, { status: 201, headers: { Location: `${GRAPH_V1}/communications/calls/${record.id}` } });
  });
}

async function storeOutgoingCall(ctx: GraphMockContext, body: CreateCallBody, { target, sourceIn, instance }: NewCall): Promise<CallRecord> {
  const source = instance
    ? participant({ applicationInstance: { id: instance.id, displayName: instance.displayName } }, { countryCode: sourceIn?.countryCode ?? null, region: sourceIn?.region ?? null, languageId: sourceIn?.languageId ?? null })
    : (sourceIn ?? participant({ application: { ...ctx.botApplication } }));
  return addCall(ctx, {
    id: ctx.ids.next('call'),
    state: 'establishing',
    direction: 'outgoing',
    callbackUri: body.callbackUri,
    callChainId: ctx.ids.next('callChain'),
    myParticipantId: ctx.ids.next('participant'),
    subject: body.subject ?? null,
    source,
    targets: [target],
    requestedModalities: body.requestedModalities,
    mediaConfig: body.mediaConfig,
    callOptions: body.callOptions ?? null,
    // The service that places a call is its first responder for the PSTN transfer rule (XFER-02).
    answeredBy: instance?.id ?? null,
    heldBy: instance?.id ?? null,
    pendingFarEnd: farEndAddress(target),
  });
}

function getCall(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'get', '/communications/calls/:id', 'calls', ({ params, stamp }) => {
    const call = liveCall(ctx, params['id'] ?? '');
    if (!call) return callNotFound(stamp, params['id'] ?? '');
    return odataResponse(renderCall(call, call.transferredBy ? findUser(ctx, call.transferredBy) : undefined));
  });
}

function answerCall(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/communications/calls/:id/answer', 'calls', async (args) => {
    const { params, stamp } = args;
    const id = params['id'] ?? '';
    const call = liveCall(ctx, id);
    if (!call) return callNotFound(stamp, id);
    const parsed = await readActionBody(args, 'answer', answerBody);
    if (!parsed.ok) return parsed.response;
    if (call.state !== 'incoming') return GraphErrors.badRequest(stamp, `Call '${id}' is ${call.state}; only an incoming call can be answered.`);
    const instance = call.targets[0]?.identity.applicationInstance?.id ?? null;
    const body = parsed.value;
    await updateCall(ctx, id, (c) => {
      c.state = 'established';
      c.heldBy = instance;
      // First responder wins: later answers after service-to-service transfers keep the binding (XFER-02).
      c.answeredBy = c.answeredBy ?? instance;
      c.callbackUri = body.callbackUri;
      c.mediaConfig = body.mediaConfig;
      if (body.callOptions) c.callOptions = body.callOptions;
    });
    return emptyResponse(202);
  });
}

function rejectCall(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/communications/calls/:id/reject', 'calls', async (args) => {
    const { params, stamp } = args;
    const id = params['id'] ?? '';
    const call = liveCall(ctx, id);
    if (!call) return callNotFound(stamp, id);
    const parsed = await readActionBody(args, 'reject', rejectBody);
    if (!parsed.ok) return parsed.response;
    if (call.state !== 'incoming') return GraphErrors.badRequest(stamp, `Call '${id}' is ${call.state}; only an incoming call can be rejected.`);
    await updateCall(ctx, id, (c) => {
      c.state = 'terminated';
      c.resultInfo = { code: parsed.value.reason === 'busy' ? 486 : 603, subcode: 0, message: `Rejected (${parsed.value.reason ?? 'none'})` };
    });
    return emptyResponse(202);
  });
}

/** One transfer request, checked: the call, its target and when the request came. */
interface TransferAttempt {
  id: string;
  call: CallRecord;
  target: ParticipantRecord;
  targetId: string;
  at: number;
  stamp: RequestStamp;
}

function transferCall(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'post', '/communications/calls/:id/transfer', 'calls', async (args) => {
    const { params, stamp } = args;
    const id = params['id'] ?? '';
    const call = liveCall(ctx, id);
    if (!call) return callNotFound(stamp, id);
    const parsed = await readActionBody(args, 'transfer', transferBody);
    if (!parsed.ok) return parsed.response;
    if (call.state !== 'established') return GraphErrors.badRequest(stamp, `Call '${id}' is ${call.state}; only an established call can be transferred.`);
    const target = toParticipant(parsed.value.transferTarget);
    const kind = kindOf(target);
    if (!isTargetKind(kind)) return GraphErrors.badRequest(stamp, 'transferTarget must have exactly one identity: phone, user or applicationInstance.');
    const invalidTarget = checkDirectoryTarget(ctx, target, stamp);
    if (invalidTarget) return invalidTarget;
    const attempt: TransferAttempt = { id, call, target, targetId: farEndAddress(target) as string, at: ctx.now(), stamp };
    if (kind === 'applicationInstance') return transferToService(ctx, attempt);
    const refused = kind === 'phone' ? await checkPstnTransfer(ctx, attempt) : await recordTransfer(ctx, attempt, 'user', 'pending', null, []);
    if (refused) return refused;
    await updateCall(ctx, id, (c) => {
      c.state = 'transferring';
      c.pendingFarEnd = attempt.targetId;
      c.resultInfo = null;
    });
    await settleIfAutomatic(ctx, id);
    return emptyResponse(202);
  });
}

async function recordTransfer(ctx: GraphMockContext, attempt: TransferAttempt, targetKind: TargetKind, outcome: TransferRecord['outcome'], licensedBy: string | null, because: string[]): Promise<undefined> {
  await updateCall(ctx, attempt.id, (c) => {
    c.transfers = [...c.transfers, { at: attempt.at, targetKind, targetId: attempt.targetId, outcome, licensedBy, because }];
  });
  return undefined;
}

/**
 * Service-to-service: no license involved (XFER-01). The target service's bot receives the call as incoming
 * and answers it itself; `answeredBy` keeps the first service (XFER-02).
 */
async function transferToService(ctx: GraphMockContext, attempt: TransferAttempt): Promise<Response> {
  await updateCall(ctx, attempt.id, (c) => {
    c.transfers = [...c.transfers, { at: attempt.at, targetKind: 'applicationInstance', targetId: attempt.targetId, outcome: 'completed', licensedBy: null, because: ['XFER-01'] }];
    c.state = 'incoming';
    c.targets = [attempt.target];
    c.transferredBy = c.heldBy;
    c.heldBy = null;
    c.resultInfo = null;
  });
  return emptyResponse(202);
}

/**
 * A PSTN transfer dials from the FIRST application instance that answered the call, so its licenses decide,
 * never the current holder's (XFER-02, XFER-03). Records the attempt; a refusal is the 403 to send.
 */
async function checkPstnTransfer(ctx: GraphMockContext, attempt: TransferAttempt): Promise<Response | undefined> {
  const { id, call, stamp } = attempt;
  const first = answeredByRecord(ctx, call);
  if (!first) {
    return GraphErrors.forbiddenByRules(stamp, `PSTN transfer of call ${id} refused: no application instance ever answered it, so there is no PSTN license to use`, ['LIC-02', 'XFER-02']);
  }
  const verdict = ctx.pstnPolicy(licenseNamesOf(first), first.pstnConnectivity ?? undefined, 'transfer', first.displayName);
  await recordTransfer(ctx, attempt, 'phone', verdict.allowed ? 'pending' : 'refused', first.id, verdict.because);
  if (verdict.allowed) return undefined;
  const holder = call.heldBy && call.heldBy !== first.id ? findUser(ctx, call.heldBy)?.displayName : undefined;
  const current = holder ? `; the license of the current service ${holder} is not used` : '';
  return GraphErrors.forbiddenByRules(stamp, `PSTN transfer of call ${id} refused: ${verdict.message} (${first.displayName} answered the call first${current})`, verdict.because);
}

function deleteCall(ctx: GraphMockContext): HttpHandler {
  return route(ctx, 'delete', '/communications/calls/:id', 'calls', async ({ params, stamp }) => {
    const id = params['id'] ?? '';
    if (!liveCall(ctx, id)) return callNotFound(stamp, id);
    await updateCall(ctx, id, (c) => {
      c.state = 'terminated';
      c.pendingFarEnd = null;
      c.deleted = true;
    });
    return emptyResponse(204);
  });
}
