/**
 * One customer interaction (a task, TASK-01) across every service it visits.
 *
 * States are the task states Nimbus shows (Establishing, In IVR, In Queue, Ringing, Connected, Parked,
 * Transferring, Dialing Out, In IVR After Queue, In ACW) plus Ended. The context keeps what reporting and
 * licensing need: the first responding service, bound once when a service's workflow first accepts the
 * call (XFER-02), the service visited now, one service session per service visited (XFER-11, REP-07) with
 * its outcome, user sessions, and supervision.
 *
 * Events carry the virtual time (`at`) so the machine records timestamps without reading a clock, and the
 * verdicts the engine obtained from the rule functions; a session outcome arrives as the reporting rules'
 * decision (DecidedOutcome) and is recorded as it is. The machine decides no rule itself: where its own
 * context is all a rule needs (XFER-02, XFER-05, XFER-06, REP-04, REP-06), its named guards and actions ask
 * the rule function.
 */
import { assign, setup } from 'xstate';
import type { ServiceSessionOutcome, UserSessionOutcome } from '../domain/enums.js';
import type { RuleId } from '../rules/decision.js';
import { bindsPstnLicense } from '../rules/pstn.js';
import { blindTransferUserOutcome, openUserSessionOutcome, safeTransferTakenOver } from '../rules/reporting.js';

export type CallType = 'Inbound Service' | 'Call On Behalf' | 'Outbound Call' | 'Outbound Call (With Workflow)';

export interface ServiceSessionRecord {
  service: string;
  startedAt: number;
  endedAt: number | null;
  /** Passed the workflow's Accept activity (REP-02). */
  accepted: boolean;
  everQueued: boolean;
  queuedAt: number | null;
  queueTime: number;
  /** TotalIvrTime (2.19): time In IVR and In IVR After Queue. */
  ivrStartedAt: number | null;
  ivrTime: number;
  connectedAt: number | null;
  connectedTime: number;
  holdStartedAt: number | null;
  holdTime: number;
  holdCount: number;
  /** When the user's ACW for this session began (the user left with ACW, ACW-11). */
  acwStartedAt: number | null;
  acwTime: number;
  /** Decided once by the reporting rules (serviceSessionOutcome); `because` is that decision's rules. */
  outcome: ServiceSessionOutcome | null;
  because: RuleId[];
  distributionAlgorithm: string | null;
}

export type UserSessionOrigin = 'queue' | 'invitation' | 'blindTransfer' | 'safeTransfer';

export interface UserSessionRecord {
  service: string;
  user: string;
  /** How the task reached this user (for the last-outcome rule, REP-05). */
  origin: UserSessionOrigin;
  startedAt: number;
  endedAt: number | null;
  outcome: UserSessionOutcome | null;
  because: RuleId[];
}

export interface SupervisionRecord {
  supervisor: string;
  mode: string;
  startedAt: number;
  endedAt: number | null;
  endedBecause: RuleId[];
}

export interface CallContext {
  callId: string;
  type: CallType;
  from: string;
  to: string;
  currentService: string;
  firstRespondingService: string | null;
  /** XFER-02: whether the first responding service's resource account is PSTN licensed, captured once. */
  pstnLicensed: boolean | null;
  pstnBecause: RuleId[];
  user: string | null;
  /**
   * XFER-06: the user whose blind transfer to a PSTN number removed them at once; their session ended at the
   * transfer, its outcome follows when the far end answers or rings out.
   */
  handedOffBy: string | null;
  /** Users the task is ringing now, and how it reached them. */
  ringing: string[];
  ringingOrigin: UserSessionOrigin;
  parkedBy: string | null;
  serviceSessions: ServiceSessionRecord[];
  userSessions: UserSessionRecord[];
  supervision: SupervisionRecord[];
  transfers: { at: number; by: string; to: string; mode: string; ok: boolean; because: RuleId[]; message: string }[];
  /** OUT-07: false when an outbound call ended as terminated. */
  reported: boolean;
  endedAt: number | null;
}

export interface CallInput {
  callId: string;
  type: CallType;
  from: string;
  to: string;
  service: string;
  at: number;
}

type At = { at: number };

/**
 * An outcome as the reporting rules decided it, carried by an event into the session it concerns: the
 * record keeps exactly the decision's outcome and rules. A service session outcome of null is the rules'
 * "not reported" (OUT-07).
 */
export interface DecidedOutcome<O> {
  outcome: O;
  because: RuleId[];
}

export type CallEvent =
  | ({ type: 'WORKFLOW_ACCEPTED'; service: string; pstnLicensed: boolean; pstnBecause: RuleId[] } & At)
  /** An outbound call placed by a service (COB, scheduled outbound) belongs to it from the start (XFER-02, SUP-04). */
  | ({ type: 'OWNED_BY_SERVICE'; service: string; pstnLicensed: boolean; pstnBecause: RuleId[] } & At)
  | ({ type: 'QUEUED'; algorithm: string } & At)
  | ({ type: 'OFFERED'; users: string[]; origin?: UserSessionOrigin } & At)
  | ({ type: 'OFFER_MISSED'; user: string; outcome: UserSessionOutcome; because: RuleId[] } & At)
  | ({ type: 'REQUEUED' } & At)
  /** TASK-03: the Queue activity gave up (queue timeout); the task goes back to the workflow's IVR steps. */
  | ({ type: 'LEFT_QUEUE' } & At)
  | ({ type: 'USER_ACCEPTED'; user: string } & At)
  /** COB-12: the user who starts a Call on Behalf is rung first, with an invitation. */
  | ({ type: 'INVITED'; user: string } & At)
  | ({ type: 'DIALING_OUT' } & At)
  | ({ type: 'TARGET_ANSWERED' } & At)
  | ({ type: 'HOLD' } & At)
  | ({ type: 'RESUME' } & At)
  | ({ type: 'PARK'; user: string } & At)
  | ({ type: 'UNPARK' } & At)
  | ({ type: 'TRANSFER_STARTED'; by: string; to: string; mode: string } & At)
  /** XFER-06: a blind transfer to a PSTN number removes the transferring user at once, while the target still rings. */
  | ({ type: 'TRANSFERRING_USER_LEFT'; user: string } & At)
  /** `user`: the transferring user's session outcome (absent for a workflow Transfer activity, no user is on the call). */
  | ({ type: 'TRANSFERRED_TO_SERVICE'; service: string; session: DecidedOutcome<ServiceSessionOutcome | null>; user?: DecidedOutcome<UserSessionOutcome> } & At)
  | ({ type: 'TRANSFERRED_TO_USER'; user: string } & At)
  | ({ type: 'TRANSFERRED_EXTERNALLY'; session: DecidedOutcome<ServiceSessionOutcome | null>; user?: DecidedOutcome<UserSessionOutcome> } & At)
  | ({ type: 'TRANSFER_FAILED'; returnTo: 'user' | 'exitRoute' | 'queue'; message: string; because: RuleId[] } & At)
  | ({ type: 'SUPERVISION_STARTED'; supervisor: string; mode: string } & At)
  | ({ type: 'SUPERVISION_ENDED'; supervisor: string; because: RuleId[] } & At)
  | ({ type: 'USER_LEFT'; acw: boolean } & At)
  | ({ type: 'ACW_ENDED' } & At)
  /** The customer (or the far end of an outbound call) hung up, or the system ended the task. */
  | ({ type: 'ENDED' } & At)
  /** Outcome of the current service session, decided by the reporting rules. */
  | ({ type: 'SESSION_OUTCOME'; service: string; outcome: ServiceSessionOutcome; because: RuleId[] } & At)
  | ({ type: 'USER_SESSION_OUTCOME'; user: string; service: string; outcome: UserSessionOutcome; because: RuleId[] } & At)
  | ({ type: 'NOT_REPORTED' } & At);

const newServiceSession = (service: string, at: number): ServiceSessionRecord => ({
  service,
  startedAt: at,
  endedAt: null,
  accepted: false,
  everQueued: false,
  queuedAt: null,
  queueTime: 0,
  ivrStartedAt: null,
  ivrTime: 0,
  connectedAt: null,
  connectedTime: 0,
  holdStartedAt: null,
  holdTime: 0,
  holdCount: 0,
  acwStartedAt: null,
  acwTime: 0,
  outcome: null,
  because: [],
  distributionAlgorithm: null,
});

/** Update the session of the service the call is in now. */
const updateCurrent = (ctx: CallContext, change: (s: ServiceSessionRecord) => Partial<ServiceSessionRecord>) =>
  ctx.serviceSessions.map((s, i) => (i === ctx.serviceSessions.length - 1 ? { ...s, ...change(s) } : s));

const stopConnected = (s: ServiceSessionRecord, at: number): Partial<ServiceSessionRecord> => ({
  connectedAt: null,
  connectedTime: s.connectedTime + (s.connectedAt !== null ? at - s.connectedAt : 0),
  holdStartedAt: null,
  holdTime: s.holdTime + (s.holdStartedAt !== null ? at - s.holdStartedAt : 0),
});

const openUserSession = (ctx: CallContext, user: string, at: number, origin: UserSessionOrigin): UserSessionRecord[] => [
  ...ctx.userSessions,
  { service: ctx.currentService, user, origin, startedAt: at, endedAt: null, outcome: null, because: [] },
];

/**
 * How a named action changes the call's context: a plain function of the context and the event. A
 * transition that records several things applies them in one `assign` (`assignChanges`), because XState
 * copies the whole snapshot, state value included, once per assign action it runs.
 */
type ContextChange = (context: CallContext, event: CallEvent) => Partial<CallContext>;

/** One assign action for `changes`, applied in order: each one sees the context the previous one left. */
function assignChanges(...changes: ContextChange[]) {
  const [only] = changes;
  const change: ContextChange = changes.length === 1 && only ? only : (context, event) => changedInOrder(context, event, changes);
  return assign<CallContext, CallEvent, undefined, CallEvent, never>(({ context, event }) => change(context, event));
}

function changedInOrder(context: CallContext, event: CallEvent, changes: ContextChange[]): CallContext {
  let next = context;
  for (const change of changes) next = { ...next, ...change(next, event) };
  return next;
}

const bindFirstResponder: ContextChange = (_, event) =>
  event.type === 'WORKFLOW_ACCEPTED' || event.type === 'OWNED_BY_SERVICE'
    ? { firstRespondingService: event.service, pstnLicensed: event.pstnLicensed, pstnBecause: event.pstnBecause }
    : {};

const markAccepted: ContextChange = (context) => ({ serviceSessions: updateCurrent(context, () => ({ accepted: true })) });

const markQueued: ContextChange = (context, event) => ({
  serviceSessions: updateCurrent(context, (s) => ({
    everQueued: true,
    queuedAt: s.queuedAt ?? event.at,
    distributionAlgorithm: event.type === 'QUEUED' ? event.algorithm : s.distributionAlgorithm,
  })),
});

const markRequeued: ContextChange = (context, event) => ({ ringing: [], serviceSessions: updateCurrent(context, (s) => ({ queuedAt: s.queuedAt ?? event.at })) });

const recordRinging: ContextChange = (_, event) => ({
  ringing: event.type === 'OFFERED' ? event.users : [],
  ringingOrigin: event.type === 'OFFERED' ? (event.origin ?? 'queue') : 'queue',
});

const recordMissed: ContextChange = (context, event) => {
  if (event.type !== 'OFFER_MISSED') return {};
  return {
    ringing: context.ringing.filter((u) => u !== event.user),
    userSessions: [
      ...context.userSessions,
      { service: context.currentService, user: event.user, origin: context.ringingOrigin, startedAt: event.at, endedAt: event.at, outcome: event.outcome, because: event.because },
    ],
  };
};

const connectUser: ContextChange = (context, event) => {
  if (event.type !== 'USER_ACCEPTED') return {};
  // A Call on Behalf invitation already opened this user's session.
  const open = context.userSessions.some((u) => u.user === event.user && u.endedAt === null && u.service === context.currentService);
  return {
    user: event.user,
    ringing: [],
    userSessions: open ? context.userSessions : openUserSession(context, event.user, event.at, context.ringingOrigin),
    serviceSessions: updateCurrent(context, (s) => ({
      connectedAt: event.at,
      queueTime: s.queueTime + (s.queuedAt !== null ? event.at - s.queuedAt : 0),
      queuedAt: null,
    })),
  };
};

const inviteUser: ContextChange = (context, event) =>
  event.type === 'INVITED' ? { user: event.user, ringing: [event.user], ringingOrigin: 'invitation', userSessions: openUserSession(context, event.user, event.at, 'invitation') } : {};

const stopRinging: ContextChange = () => ({ ringing: [] });

/** TASK-03: queue time stops when the task leaves the queue for the IVR. */
const leaveQueue: ContextChange = (context, event) => ({
  ringing: [],
  serviceSessions: updateCurrent(context, (s) => ({ queueTime: s.queueTime + (s.queuedAt !== null ? event.at - s.queuedAt : 0), queuedAt: null })),
});

const startIvr: ContextChange = (context, event) => ({ serviceSessions: updateCurrent(context, () => ({ ivrStartedAt: event.at })) });

const stopIvr: ContextChange = (context, event) => ({
  serviceSessions: updateCurrent(context, (s) => ({ ivrStartedAt: null, ivrTime: s.ivrTime + (s.ivrStartedAt !== null ? event.at - s.ivrStartedAt : 0) })),
});

const startTalkTime: ContextChange = (context, event) => ({ serviceSessions: updateCurrent(context, () => ({ connectedAt: event.at })) });

const startHold: ContextChange = (context, event) => ({
  serviceSessions: updateCurrent(context, (s) => ({ holdStartedAt: event.at, holdCount: s.holdCount + 1 })),
});

const endHold: ContextChange = (context, event) => ({
  serviceSessions: updateCurrent(context, (s) => ({ holdStartedAt: null, holdTime: s.holdTime + (s.holdStartedAt !== null ? event.at - s.holdStartedAt : 0) })),
});

/** PAR-05: park time is not connected time. */
const startPark: ContextChange = (context, event) => ({
  parkedBy: event.type === 'PARK' ? event.user : context.parkedBy,
  serviceSessions: updateCurrent(context, (s) => stopConnected(s, event.at)),
});

const endPark: ContextChange = (context, event) => ({ parkedBy: null, serviceSessions: updateCurrent(context, () => ({ connectedAt: event.at })) });

const stopTalkTime: ContextChange = (context, event) => ({ serviceSessions: updateCurrent(context, (s) => stopConnected(s, event.at)) });

const recordTransferStart: ContextChange = (context, event) => ({
  transfers:
    event.type === 'TRANSFER_STARTED'
      ? [...context.transfers, { at: event.at, by: event.by, to: event.to, mode: event.mode, ok: false, because: [], message: 'in progress' }]
      : context.transfers,
});

/** XFER-11: the source session ends, the target service opens a new one in the same conversation. */
const moveToService: ContextChange = (context, event) => {
  if (event.type !== 'TRANSFERRED_TO_SERVICE') return {};
  const ended = updateCurrent(context, (s) => ({ ...stopConnected(s, event.at), endedAt: event.at, ...sessionOutcomeOf(event.session) }));
  return {
    currentService: event.service,
    user: null,
    reported: context.reported && event.session.outcome !== null,
    serviceSessions: [...ended, newServiceSession(event.service, event.at)],
    userSessions: event.user ? closeUserSession(context, event.at, event.user) : context.userSessions,
    transfers: settleLastTransfer(context, true, event.session.because, `transferred to service ${event.service}`),
  };
};

const handToUser: ContextChange = (context, event) => {
  if (event.type !== 'TRANSFERRED_TO_USER') return {};
  const outcome = blindTransferUserOutcome({ user: context.user, to: event.user });
  return {
    ringing: [event.user],
    ringingOrigin: 'blindTransfer',
    userSessions: closeUserSession(context, event.at, { outcome: outcome.verdict, because: outcome.because }),
    transfers: settleLastTransfer(context, true, [], `transferred to user ${event.user}`),
  };
};

const leaveExternally: ContextChange = (context, event) => {
  if (event.type !== 'TRANSFERRED_EXTERNALLY') return {};
  return {
    user: null,
    handedOffBy: null,
    endedAt: event.at,
    reported: context.reported && event.session.outcome !== null,
    serviceSessions: updateCurrent(context, (s) => ({ ...stopConnected(s, event.at), endedAt: event.at, ...sessionOutcomeOf(event.session) })),
    userSessions: event.user ? closeUserSession(context, event.at, event.user) : context.userSessions,
    transfers: settleLastTransfer(context, true, event.session.because, 'transferred to an external number'),
  };
};

const settleTransferOk: ContextChange = (context, event) => {
  if (event.type !== 'USER_ACCEPTED') return {};
  const taken = safeTransferTakenOver({ user: event.user });
  return { transfers: settleLastTransfer(context, taken.verdict, taken.because, taken.summary) };
};

const recordTransferFailure: ContextChange = (context, event) =>
  event.type === 'TRANSFER_FAILED' ? { handedOffBy: null, transfers: settleLastTransfer(context, false, event.because, event.message) } : {};

/** XFER-06: the user's session ends now (its outcome waits for the transfer), the call is no longer theirs. */
const handOff: ContextChange = (context, event) => {
  if (event.type !== 'TRANSFERRING_USER_LEFT' || context.user !== event.user) return {};
  return {
    user: null,
    handedOffBy: event.user,
    // The session's connected time runs on while the customer hears the target ring (as before the transfer settles).
    userSessions: context.userSessions.map((u) => (u.user === event.user && u.endedAt === null ? { ...u, endedAt: event.at } : u)),
  };
};

const startSupervision: ContextChange = (context, event) => {
  if (event.type !== 'SUPERVISION_STARTED') return {};
  const others = context.supervision.map((s) =>
    s.supervisor === event.supervisor && s.endedAt === null ? { ...s, endedAt: event.at, endedBecause: [] as RuleId[] } : s,
  );
  return { supervision: [...others, { supervisor: event.supervisor, mode: event.mode, startedAt: event.at, endedAt: null, endedBecause: [] }] };
};

const endSupervision: ContextChange = (context, event) => ({
  supervision:
    event.type === 'SUPERVISION_ENDED'
      ? context.supervision.map((s) =>
          (s.supervisor === event.supervisor || event.supervisor === '*') && s.endedAt === null ? { ...s, endedAt: event.at, endedBecause: event.because } : s,
        )
      : context.supervision,
});

const userLeaves: ContextChange = (context, event) => ({
  user: null,
  serviceSessions: updateCurrent(context, (s) => stopConnected(s, event.at)),
  userSessions: closeOpenUserSessions(context, event.at, context.user),
});

const endCall: ContextChange = (context, event) => ({
  endedAt: context.endedAt ?? event.at,
  ringing: [],
  // A task that ends while queued (or ringing) counts its time in the queue too (TotalQueueTime, REP-08).
  serviceSessions: updateCurrent(context, (s) => ({
    ...stopConnected(s, event.at),
    queueTime: s.queueTime + (s.queuedAt !== null ? event.at - s.queuedAt : 0),
    queuedAt: null,
    endedAt: s.endedAt ?? event.at,
  })),
  userSessions: closeOpenUserSessions(context, event.at, null),
});

const startAcw: ContextChange = (context, event) => ({ serviceSessions: updateCurrent(context, () => ({ acwStartedAt: event.at })) });

/** ACW-12: AcwTime runs from the user leaving the task to the end of their ACW. */
const recordAcwTime: ContextChange = (context, event) => ({
  serviceSessions: updateCurrent(context, (s) => ({ acwStartedAt: null, acwTime: s.acwTime + Math.max(0, event.at - (s.acwStartedAt ?? s.endedAt ?? event.at)) })),
});

const recordSessionOutcome: ContextChange = (context, event) => ({
  serviceSessions:
    event.type === 'SESSION_OUTCOME'
      ? context.serviceSessions.map((s) =>
          s.service === event.service && (s.outcome === null || s === context.serviceSessions.at(-1)) ? { ...s, outcome: event.outcome, because: event.because } : s,
        )
      : context.serviceSessions,
});

const recordUserSessionOutcome: ContextChange = (context, event) => {
  if (event.type !== 'USER_SESSION_OUTCOME') return {};
  const idx = context.userSessions.findLastIndex((u) => u.user === event.user && u.service === event.service);
  return {
    userSessions: context.userSessions.map((u, i) => (i === idx ? { ...u, outcome: event.outcome, because: event.because, endedAt: u.endedAt ?? event.at } : u)),
  };
};

const markNotReported: ContextChange = () => ({ reported: false });

export const callSessionMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
  },
  guards: {
    isFirstResponse: ({ context, event }) =>
      bindsPstnLicense({ firstRespondingService: context.firstRespondingService, service: 'service' in event ? event.service : context.currentService }).verdict,
    returnsToUser: ({ event }) => event.type === 'TRANSFER_FAILED' && event.returnTo === 'user',
    returnsToQueue: ({ event }) => event.type === 'TRANSFER_FAILED' && event.returnTo === 'queue',
    acwFollows: ({ event }) => event.type === 'USER_LEFT' && event.acw,
  },
  actions: {
    bindFirstResponder: assignChanges(bindFirstResponder),
    markAccepted: assignChanges(markAccepted),
    /** WF-01 and XFER-02: the first service's Accept binds it and marks its session accepted. */
    acceptAsFirstResponder: assignChanges(bindFirstResponder, markAccepted),
    markQueued: assignChanges(markQueued),
    markRequeued: assignChanges(markRequeued),
    recordRinging: assignChanges(recordRinging),
    recordMissed: assignChanges(recordMissed),
    connectUser: assignChanges(connectUser),
    inviteUser: assignChanges(inviteUser),
    stopRinging: assignChanges(stopRinging),
    leaveQueue: assignChanges(leaveQueue),
    startIvr: assignChanges(startIvr),
    stopIvr: assignChanges(stopIvr),
    startTalkTime: assignChanges(startTalkTime),
    startHold: assignChanges(startHold),
    endHold: assignChanges(endHold),
    startPark: assignChanges(startPark),
    endPark: assignChanges(endPark),
    stopTalkTime: assignChanges(stopTalkTime),
    recordTransferStart: assignChanges(recordTransferStart),
    /** XFER-11 then DIST-09: the target service's session opens and is the one queued. */
    moveToServiceQueue: assignChanges(moveToService, markQueued),
    handToUser: assignChanges(handToUser),
    leaveExternally: assignChanges(leaveExternally),
    /** XFER-05: the target's session opens and the transfer settles as taken over. */
    takeOverTransfer: assignChanges(connectUser, settleTransferOk),
    recordTransferFailure: assignChanges(recordTransferFailure),
    /** XFER-03 / WF-06: the failed transfer is recorded, then the user leaves the call to the Exit route. */
    failToExitRoute: assignChanges(recordTransferFailure, userLeaves),
    handOff: assignChanges(handOff),
    startSupervision: assignChanges(startSupervision),
    endSupervision: assignChanges(endSupervision),
    /** ACW-11: the user's session closes and their ACW time starts. */
    leaveIntoAcw: assignChanges(userLeaves, startAcw),
    /** The user's session closes and the call ends with it. */
    leaveAndEnd: assignChanges(userLeaves, endCall),
    endCall: assignChanges(endCall),
    recordAcwTime: assignChanges(recordAcwTime),
    /** ACW-12: the ACW time is recorded, then the call ends. */
    endAfterAcw: assignChanges(recordAcwTime, endCall),
    recordSessionOutcome: assignChanges(recordSessionOutcome),
    recordUserSessionOutcome: assignChanges(recordUserSessionOutcome),
    markNotReported: assignChanges(markNotReported),
  },
}).createMachine({
  id: 'call',
  initial: 'Establishing',
  context: ({ input }) => ({
    callId: input.callId,
    type: input.type,
    from: input.from,
    to: input.to,
    currentService: input.service,
    firstRespondingService: null,
    pstnLicensed: null,
    pstnBecause: [],
    user: null,
    handedOffBy: null,
    ringing: [],
    ringingOrigin: 'queue',
    parkedBy: null,
    serviceSessions: [newServiceSession(input.service, input.at)],
    userSessions: [],
    supervision: [],
    transfers: [],
    reported: true,
    endedAt: null,
  }),
  on: {
    OWNED_BY_SERVICE: { guard: 'isFirstResponse', actions: 'bindFirstResponder' },
    /** WF-01: a later service's Accept (after a transfer) marks its own service session accepted. */
    WORKFLOW_ACCEPTED: [{ guard: 'isFirstResponse', actions: 'acceptAsFirstResponder' }, { actions: 'markAccepted' }],
    ENDED: { target: '.Ended', actions: 'endCall' },
    SESSION_OUTCOME: { actions: 'recordSessionOutcome' },
    USER_SESSION_OUTCOME: { actions: 'recordUserSessionOutcome' },
    SUPERVISION_STARTED: { actions: 'startSupervision' },
    SUPERVISION_ENDED: { actions: 'endSupervision' },
    NOT_REPORTED: { actions: 'markNotReported' },
  },
  states: {
    Establishing: {
      on: {
        WORKFLOW_ACCEPTED: [
          { guard: 'isFirstResponse', target: 'InIVR', actions: 'acceptAsFirstResponder' },
          { target: 'InIVR', actions: 'markAccepted' },
        ],
        INVITED: { target: 'Ringing', actions: 'inviteUser' },
        QUEUED: { target: 'InQueue', actions: 'markQueued' },
        /** MOD-03: an Outbound Call with Workflow dials the customer before any workflow runs. */
        DIALING_OUT: { target: 'DialingOut' },
      },
    },
    InIVR: {
      entry: 'startIvr',
      exit: 'stopIvr',
      on: {
        QUEUED: { target: 'InQueue', actions: 'markQueued' },
        DIALING_OUT: { target: 'DialingOut' },
        /** A workflow Transfer activity (XFER-04, WF-06). */
        TRANSFER_STARTED: { target: 'Transferring', actions: 'recordTransferStart' },
      },
    },
    InQueue: {
      on: {
        OFFERED: { target: 'Ringing', actions: 'recordRinging' },
        LEFT_QUEUE: { target: 'InIVRAfterQueue', actions: 'leaveQueue' },
        /** The target service's Queue activity after a transfer to it (DIST-09: its algorithm). */
        QUEUED: { actions: 'markQueued' },
        TRANSFER_STARTED: { target: 'Transferring', actions: 'recordTransferStart' },
      },
    },
    Ringing: {
      on: {
        USER_ACCEPTED: { target: 'Connected', actions: 'connectUser' },
        OFFER_MISSED: { actions: 'recordMissed' },
        /** RONA-02: the task that caused RONA goes back to the queue. */
        REQUEUED: { target: 'InQueue', actions: 'markRequeued' },
        LEFT_QUEUE: { target: 'InIVRAfterQueue', actions: 'leaveQueue' },
        DIALING_OUT: { target: 'DialingOut', actions: 'stopRinging' },
        OFFERED: { actions: 'recordRinging' },
      },
    },
    DialingOut: {
      on: {
        TARGET_ANSWERED: { target: 'Connected', actions: 'startTalkTime' },
        /** Outbound with Workflow (MOD-03): the answered party is routed through the service workflow. */
        QUEUED: { target: 'InQueue', actions: 'markQueued' },
        /** ... whose Transfer activity may move the call on before any queue (XFER-04, WF-06). */
        TRANSFER_STARTED: { target: 'Transferring', actions: 'recordTransferStart' },
      },
    },
    Connected: {
      initial: 'Talking',
      on: {
        PARK: { target: 'Parked', actions: 'startPark' },
        /** COB-12 / OUT-01: the user accepted the invitation; Nimbus now dials the far end (talk time starts when it answers). */
        DIALING_OUT: { target: 'DialingOut', actions: 'stopTalkTime' },
        TRANSFER_STARTED: { target: 'Transferring', actions: 'recordTransferStart' },
        USER_LEFT: [
          { guard: 'acwFollows', target: 'InACW', actions: 'leaveIntoAcw' },
          { target: 'Ended', actions: 'leaveAndEnd' },
        ],
      },
      states: {
        Talking: { on: { HOLD: { target: 'OnHold', actions: 'startHold' } } },
        OnHold: { on: { RESUME: { target: 'Talking', actions: 'endHold' } } },
      },
    },
    Parked: {
      on: {
        UNPARK: { target: 'Connected', actions: 'endPark' },
      },
    },
    Transferring: {
      on: {
        /** A safe transfer's target took the call (XFER-05): it is theirs now. */
        USER_ACCEPTED: { target: 'Connected', actions: 'takeOverTransfer' },
        OFFERED: { actions: 'recordRinging' },
        OFFER_MISSED: { actions: 'recordMissed' },
        TRANSFERRING_USER_LEFT: { actions: 'handOff' },
        TRANSFERRED_TO_SERVICE: { target: 'InQueue', actions: 'moveToServiceQueue' },
        TRANSFERRED_TO_USER: { target: 'Ringing', actions: 'handToUser' },
        TRANSFERRED_EXTERNALLY: { target: 'Ended', actions: 'leaveExternally' },
        TRANSFER_FAILED: [
          /** XFER-05: a safe transfer returns the call to the transferring user. */
          { guard: 'returnsToUser', target: 'Connected', actions: 'recordTransferFailure' },
          { guard: 'returnsToQueue', target: 'InQueue', actions: 'recordTransferFailure' },
          /** XFER-03 / WF-06: the workflow leaves through the Exit announcement route. */
          { target: 'InIVRAfterQueue', actions: 'failToExitRoute' },
        ],
      },
    },
    /** TASK-03: back in the workflow's IVR steps after the queue. */
    InIVRAfterQueue: {
      entry: 'startIvr',
      exit: 'stopIvr',
      on: { QUEUED: { target: 'InQueue', actions: 'markQueued' } },
    },
    /** ACW-11: while the user is in ACW the task shows In ACW. */
    InACW: {
      on: { ACW_ENDED: { target: 'Ended', actions: 'endAfterAcw' } },
    },
    Ended: {
      on: { ENDED: {}, ACW_ENDED: { actions: 'recordAcwTime' } },
    },
  },
});

/** The outcome fields of a service session record: exactly what the reporting rules decided. */
const sessionOutcomeOf = (decided: DecidedOutcome<ServiceSessionOutcome | null>): Pick<ServiceSessionRecord, 'outcome' | 'because'> => ({
  outcome: decided.outcome,
  because: decided.because,
});

/**
 * Settle the transferring user's session (the connected user's, or the one a blind PSTN transfer already
 * ended, XFER-06) with the outcome the reporting rules decided for it.
 */
function closeUserSession(ctx: CallContext, at: number, decided: DecidedOutcome<UserSessionOutcome>): UserSessionRecord[] {
  const user = ctx.user ?? ctx.handedOffBy;
  let idx = -1;
  ctx.userSessions.forEach((u, i) => {
    if (u.user === user && u.outcome === null) idx = i;
  });
  return ctx.userSessions.map((u, i) => (i === idx ? { ...u, endedAt: u.endedAt ?? at, outcome: decided.outcome, because: decided.because } : u));
}

/** Close open user sessions (all, or only `user`'s); one without an outcome yet gets the reporting rules' one. */
function closeOpenUserSessions(ctx: CallContext, at: number, user: string | null): UserSessionRecord[] {
  return ctx.userSessions.map((u) => {
    // A session ended without an outcome is a handed-off user's whose transfer never settled (the call ended first).
    if ((u.endedAt !== null && u.outcome !== null) || (user !== null && u.user !== user)) return u;
    if (u.outcome !== null) return { ...u, endedAt: at };
    const decided = openUserSessionOutcome({ user: u.user, stillRinging: ctx.ringing.includes(u.user) });
    return { ...u, endedAt: u.endedAt ?? at, outcome: decided.verdict, because: decided.because };
  });
}

function settleLastTransfer(ctx: CallContext, ok: boolean, because: RuleId[], message: string): CallContext['transfers'] {
  return ctx.transfers.map((t, i) => (i === ctx.transfers.length - 1 ? { ...t, ok, because, message } : t));
}

/** The task state Nimbus shows for a snapshot (TASK-01), or `Ended` once the task is over. */
export function taskStateOf(value: unknown): string {
  const top = typeof value === 'string' ? value : Object.keys(value as object)[0];
  switch (top) {
    case 'Establishing':
      return 'Establishing';
    case 'InIVR':
      return 'In IVR';
    case 'InQueue':
      return 'In Queue';
    case 'Ringing':
      return 'Ringing';
    case 'DialingOut':
      return 'Dialing Out';
    case 'Connected':
      return 'Connected';
    case 'Parked':
      return 'Parked';
    case 'Transferring':
      return 'Transferring';
    case 'InIVRAfterQueue':
      return 'In IVR After Queue';
    case 'InACW':
      return 'In ACW';
    default:
      return 'Ended';
  }
}
