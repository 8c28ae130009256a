/**
 * Request and response shapes of the Graph calls the modelled Nimbus makes, built on Microsoft's own
 * `@microsoft/microsoft-graph-types` wherever those cover the shape.
 */
import type {
  Call,
  CommunicationsIdentitySet,
  IncomingCallOptions,
  InvitationParticipantInfo,
  MediaConfig,
  Modality,
  OutgoingCallOptions,
  ParticipantInfo,
} from '@microsoft/microsoft-graph-types';

export type { FetchLike } from '../domain/graphApi.js';

/** Graph's identity sets in communications carry `applicationInstance` and `phone`, which the base type lacks. */
export interface CallParticipant extends Omit<ParticipantInfo, 'identity'> {
  '@odata.type'?: string;
  identity: CommunicationsIdentitySet;
}

export interface CallInvitee extends Omit<InvitationParticipantInfo, 'identity'> {
  '@odata.type'?: string;
  identity: CommunicationsIdentitySet;
}

/** A media configuration with its discriminating `@odata.type` (service- or app-hosted media). */
export type CallMediaConfig = MediaConfig & { '@odata.type': string; [key: string]: unknown };

/** `POST /communications/calls`: a peer-to-peer call, PSTN calls placed as a service's application instance. */
export interface CreateCallRequest {
  '@odata.type'?: '#microsoft.graph.call';
  callbackUri: string;
  source?: CallParticipant;
  targets: CallInvitee[];
  requestedModalities: Modality[];
  mediaConfig: CallMediaConfig;
  callOptions?: OutgoingCallOptions & { '@odata.type'?: string };
  subject?: string;
  tenantId?: string;
}

/** `POST /communications/calls/{id}/answer`: `callbackUri` and `mediaConfig` are required (Nullable=false). */
export interface AnswerCallRequest {
  callbackUri: string;
  acceptedModalities: Modality[] | null;
  mediaConfig: CallMediaConfig;
  callOptions?: IncomingCallOptions & { '@odata.type'?: string };
  participantCapacity?: number;
}

/** `POST /communications/calls/{id}/transfer` (v1.0 takes no `clientContext`). */
export interface TransferCallRequest {
  transferTarget: CallInvitee;
  transferee?: CallParticipant;
}

/** `POST /users/{id}/presence/setPresence`: an application presence session. */
export interface SetPresenceRequest {
  sessionId: string;
  availability: string;
  activity: string;
  /** ISO 8601 duration, PT5M to PT4H; Graph's default is PT5M. */
  expirationDuration?: string;
}

/** `POST /users/{id}/presence/setUserPreferredPresence`: the user's own presence choice. */
export interface SetPreferredPresenceRequest {
  availability: string;
  activity: string;
  expirationDuration?: string;
}

/** A Graph call as the client returns it (v1.0: no `answeredBy`; the first responder is the mock's own bookkeeping). */
export type GraphCall = Call;
