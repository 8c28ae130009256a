/** Records to Graph's JSON shapes (property names, `@odata.type` annotations, default nulls). */
import { GRAPH_V1 } from '../../src/domain/graphApi.js';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import type { CallRecord, IdentitySetRecord, ParticipantRecord, UserRecord } from './db.js';
import { stableBase64Id, stableGuid } from './ids.js';
import { servicePlanIdOf } from './servicePlans.js';
import { propertiesOf } from './metadata/model.js';
import { GRAPH_V1_METADATA } from './metadata/v1.js';
import type { GraphPresenceState } from './seed.js';

/** A JSON object as Graph returns it; values are plain JSON data. */
type JsonObject = Record<string, unknown>;

// --- users -----------------------------------------------------------------------------------------------

/** What `GET /users/{id}` returns without `$select` (Graph v1.0 default property set). */
const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

const USER_PROPERTIES = [...propertiesOf(GRAPH_V1_METADATA, 'microsoft.graph.user').values()].filter((p) => !p.navigation);

/** Every structural property v1.0 declares on `user` (and `directoryObject`, `entity`) can be selected. */
export const USER_SELECTABLE_PROPERTIES: readonly string[] = USER_PROPERTIES.map((p) => p.name);

/**
 * What Graph returns for a selected property the directory never set: null, an empty collection, or for the
 * few declared `Nullable="false"` single values, Graph's own unset value (named here, not guessed per call).
 */
const UNSET_USER_VALUES: Readonly<Record<string, unknown>> = {
  // Graph answers the unset DateTimeOffset of birthday and hireDate with the minimum date.
  birthday: '0001-01-01T00:00:00Z',
  hireDate: '0001-01-01T00:00:00Z',
  // Intune's default device enrollment limit, which Graph reports for users without their own.
  deviceEnrollmentLimit: 5000,
};

const unsetUserValue = (name: string): unknown => {
  const property = USER_PROPERTIES.find((p) => p.name === name);
  if (property?.collection) return [];
  return UNSET_USER_VALUES[name] ?? null;
};

export function renderUser(user: UserRecord, select?: readonly string[]): JsonObject {
  const all: JsonObject = {
    businessPhones: [...user.businessPhones],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: null,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: user.accountEnabled,
    userType: user.userType,
    assignedLicenses: user.assignedLicenses.map((l) => ({ disabledPlans: [...l.disabledPlans], skuId: l.skuId })),
  };
  const keys = select ?? USER_DEFAULT_PROPERTIES;
  const out: JsonObject = {};
  for (const key of keys) out[key] = key in all ? all[key] : unsetUserValue(key);
  return out;
}

export const usersContext = (select?: readonly string[]): string =>
  `${GRAPH_V1}/$metadata#users${select ? `(${select.join(',')})` : ''}`;

// --- licenses --------------------------------------------------------------------------------------------

export function renderLicenseDetails(user: UserRecord): JsonObject[] {
  return user.assignedLicenses.map((assigned) => {
    const license = findMicrosoftLicense(assigned.skuId);
    const plans = license?.servicePlans ?? [];
    return {
      id: stableBase64Id(`licenseDetails:${user.id}`, assigned.skuId),
      skuId: assigned.skuId,
      skuPartNumber: license?.skuPartNumber ?? null,
      servicePlans: plans.map((name) => {
        const servicePlanId = servicePlanIdOf(name);
        return {
          servicePlanId,
          servicePlanName: name,
          provisioningStatus: assigned.disabledPlans.includes(servicePlanId) ? 'Disabled' : 'Success',
          appliesTo: 'User',
        };
      }),
    };
  });
}

// --- presence --------------------------------------------------------------------------------------------

export const renderPresence = (id: string, state: GraphPresenceState): JsonObject => ({ id, availability: state.availability, activity: state.activity });

// --- calls -----------------------------------------------------------------------------------------------
//
// Only what v1.0's metadata declares goes into a call body. What the simulator needs beyond it (the first
// responder `answeredBy`, a target's endpoint type, region and language) stays in the mock's call record.

/** Communications identities (`applicationInstance`, `phone`, ...) live on the derived identity set. */
function renderIdentitySet(set: IdentitySetRecord): JsonObject {
  const out: JsonObject = { '@odata.type': '#microsoft.graph.communicationsIdentitySet' };
  for (const [kind, identity] of Object.entries(set)) {
    if (identity === undefined || identity === null || typeof identity !== 'object') continue;
    const { id, displayName } = identity as { id: string; displayName?: string | null };
    out[kind] = { '@odata.type': '#microsoft.graph.identity', displayName: displayName ?? null, id };
  }
  return out;
}

/** `endpointType` is an enum on participantInfo: values outside it are not echoed. */
const ENDPOINT_TYPES: readonly string[] = ['default', 'voicemail', 'skypeForBusiness', 'skypeForBusinessVoipPhone', 'unknownFutureValue'];

function renderParticipantInfo(p: ParticipantRecord): JsonObject {
  return {
    '@odata.type': '#microsoft.graph.participantInfo',
    identity: renderIdentitySet(p.identity),
    countryCode: p.countryCode,
    endpointType: p.endpointType !== null && ENDPOINT_TYPES.includes(p.endpointType) ? p.endpointType : null,
    region: p.region,
    languageId: p.languageId,
  };
}

function renderInvitationParticipantInfo(p: ParticipantRecord): JsonObject {
  return {
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    identity: renderIdentitySet(p.identity),
    replacesCallId: p.replacesCallId,
  };
}

function renderMediaConfig(config: Record<string, unknown>): JsonObject {
  const out: JsonObject = { ...config };
  if (out['@odata.type'] === '#microsoft.graph.serviceHostedMediaConfig' && !Array.isArray(out['preFetchMedia'])) out['preFetchMedia'] = [];
  return out;
}

function renderCallOptions(call: CallRecord): JsonObject {
  const type = call.direction === 'outgoing' ? '#microsoft.graph.outgoingCallOptions' : '#microsoft.graph.incomingCallOptions';
  return { '@odata.type': type, hideBotAfterEscalation: false, isContentSharingNotificationEnabled: false, isDeltaRosterEnabled: false, ...(call.callOptions ?? {}) };
}

/**
 * What Graph tells the bot about an incoming call: the caller's participant (for a peer-to-peer call also the
 * observed one) and, after a transfer from another service, the application instance that transferred it.
 */
function renderIncomingContext(call: CallRecord, transferor: UserRecord | undefined): JsonObject {
  const sourceParticipantId = stableGuid('participant', `${call.id}:source`);
  return {
    '@odata.type': '#microsoft.graph.incomingContext',
    sourceParticipantId,
    observedParticipantId: sourceParticipantId,
    onBehalfOf: null,
    transferor: transferor ? renderIdentitySet({ applicationInstance: { id: transferor.id, displayName: transferor.displayName } }) : null,
  };
}

export function renderCall(call: CallRecord, transferor: UserRecord | undefined): JsonObject {
  return {
    '@odata.context': `${GRAPH_V1}/$metadata#communications/calls/$entity`,
    '@odata.type': '#microsoft.graph.call',
    id: call.id,
    state: call.state,
    direction: call.direction,
    callbackUri: call.callbackUri,
    callChainId: call.callChainId,
    callRoutes: [],
    source: renderParticipantInfo(call.source),
    targets: call.targets.map(renderInvitationParticipantInfo),
    requestedModalities: [...call.requestedModalities],
    mediaConfig: renderMediaConfig(call.mediaConfig),
    callOptions: renderCallOptions(call),
    tenantId: call.tenantId,
    myParticipantId: call.myParticipantId,
    subject: call.subject,
    mediaState: null,
    resultInfo: call.resultInfo ? { '@odata.type': '#microsoft.graph.resultInfo', ...call.resultInfo } : null,
    incomingContext: call.direction === 'incoming' ? renderIncomingContext(call, transferor) : null,
    chatInfo: null,
    meetingInfo: null,
    transcription: null,
    toneInfo: null,
  };
}
