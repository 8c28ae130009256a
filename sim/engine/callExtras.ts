/** What the engine keeps about one call beside its call-session actor. */
import type { Decision } from '../../src/rules/decision.js';

export interface CallExtras {
  /** The external party or modelled user an outbound call dials. */
  target?: { kind: 'pstn' | 'upn' | 'user'; value: string; user?: string };
  /** Graph's id for this call in the mock (cloud communications). */
  graphCallId?: string;
  /** Users who declined or missed the current offer, left out of the next attempt. */
  skipNextAttempt: Set<string>;
  decisions: Decision<unknown>[];
  /** A pending safe transfer: the user who stays and waits for the target. */
  safeTransfer?: { by: string; toUser?: string };
  /** A blind transfer to a user: the user who handed the call over. */
  blindTransfer?: { by: string; toUser: string };
  /** Queued outbound call waiting for a user (scheduled outbound). */
  outbound?: { withWorkflow: boolean; dialed: boolean; targetAnswers?: boolean | undefined; answerAfter?: number | undefined };
  /** Why the last distribution attempt found nobody (recorded once per change). */
  lastNoOffer?: string;
  /** The facts tick when that attempt read them (see World.changes). */
  noOfferAt?: number;
  /** Timer handle for the far end answering (answerAfter) or the PSTN ring limit (XFER-07). */
  farEndTimer?: number;
}
