/**
 * One Nimbus user ("agent") as four parallel regions:
 *   teams  - Online / Offline, from the Teams presence Nimbus reads through Graph (PRES-01, US-02)
 *   duty   - On Duty / Off Duty (US-05, US-07)
 *   work   - Idle / Ringing / Connected (Talking, OnHold, Parked) / AfterCallWork (US-08..10, PAR-03/04/14, ACW-04)
 *   rona   - Clear / Flagged (non-persistent, RONA-14) / Persistent (RONA-06, reset by RONA-08 conditions)
 *
 * The machine decides no rule itself. The engine asks the rule functions first (is this RONA persistent?
 * does ACW apply and for how long?) and sends their verdicts in the events; where the machine's own context
 * is all a rule needs (PAR-11, PAR-14, RONA-08) its named guards ask the rule function. Timers are XState
 * delays on the run's virtual clock.
 */
import { and, assign, emit, not, setup } from 'xstate';
import type { Activity, Availability, DutyState } from '../domain/enums.js';
import { parkedTaskEndFreesUser, resumesOwnParkedTask } from '../rules/parking.js';
import { persistentRonaEndsOn, type RonaResetTrigger } from '../rules/rona.js';

export interface TaskRef {
  call: string;
  service: string;
}

export interface AgentContext {
  userId: string;
  availability: Availability;
  activity: Activity;
  taskParallelization: { enabled: boolean; max: number };
  /** The task currently offered to this user (US-09). */
  offer: (TaskRef & { ringTimeoutMs: number; kind: 'distribution' | 'invitation' }) | null;
  /** The task the user is connected to right now (talking, on hold, or parked without TP). */
  active: TaskRef | null;
  /** Tasks parked by this user (PAR-02). */
  parked: TaskRef[];
  acw: { service: string; call: string; durationMs: number; extensionsUsed: number } | null;
  rona: { service: string; persistent: boolean; resetMs: number } | null;
  notAvailableReason: boolean;
}

export interface AgentInput {
  userId: string;
  availability: Availability;
  activity: Activity;
  duty: DutyState;
  taskParallelization: { enabled: boolean; max: number };
  notAvailableReason?: boolean;
}

export type AgentEvent =
  | { type: 'PRESENCE_CHANGED'; availability: Availability; activity: Activity; online: boolean }
  | { type: 'DUTY_CHANGED'; duty: DutyState }
  | { type: 'OFFER'; call: string; service: string; ringTimeoutMs: number; kind: 'distribution' | 'invitation' }
  | { type: 'ACCEPT'; call: string }
  | { type: 'DECLINE'; call: string }
  | { type: 'IGNORE'; call: string }
  | { type: 'OFFER_WITHDRAWN'; call: string }
  | { type: 'HOLD'; call: string }
  | { type: 'RESUME'; call: string }
  | { type: 'PARK'; call: string; blocking: boolean }
  | { type: 'UNPARK'; call: string }
  /** The user's part in a task ended (hang-up, transfer away, customer left). `acwMs` is the ACW the rules granted. */
  | { type: 'TASK_ENDED'; call: string; acwMs: number | null }
  | { type: 'END_ACW' }
  | { type: 'EXTEND_ACW'; extensionMs: number }
  | { type: 'FLAG_RONA'; service: string; persistent: boolean; resetMs: number }
  | { type: 'RESET_RONA' }
  /** Clears a non-persistent RONA after the distribution attempt it blocked (RONA-14, nextAttempt). */
  | { type: 'CLEAR_TRANSIENT_RONA' }
  | { type: 'NOT_AVAILABLE_REASON'; pending: boolean };

/** What the machine tells the engine (subscribe with `actor.on(type, ...)`). */
export type AgentEmitted =
  | { type: 'offerMissed'; call: string; service: string; reason: 'declined' | 'ignored' | 'timeout' }
  | { type: 'acwEnded'; call: string; service: string; reason: 'timer' | 'early' }
  | { type: 'ronaCleared'; reason: 'timer' | 'manual' | 'offline' | 'offDuty' | 'nextAttempt' };

const parkedCalls = (ctx: AgentContext): string[] => ctx.parked.map((t) => t.call);
const ronaEndsOn = (trigger: RonaResetTrigger): boolean => persistentRonaEndsOn({ event: trigger }).verdict;

/** The user is connected to no task any more, and the task that ended is no longer parked either. */
const withoutEndedTask = (context: AgentContext, event: AgentEvent): Pick<AgentContext, 'active' | 'parked'> => ({
  active: null,
  parked: 'call' in event ? context.parked.filter((t) => t.call !== event.call) : context.parked,
});

const acwStartedBy = (context: AgentContext, event: AgentEvent): AgentContext['acw'] =>
  event.type === 'TASK_ENDED' && event.acwMs ? { service: context.active?.service ?? '', call: event.call, durationMs: event.acwMs, extensionsUsed: 0 } : null;

export const agentMachine = setup({
  types: {
    context: {} as AgentContext,
    events: {} as AgentEvent,
    input: {} as AgentInput,
    emitted: {} as AgentEmitted,
  },
  guards: {
    isOffline: ({ event }) => event.type === 'PRESENCE_CHANGED' && !event.online,
    isOnline: ({ event }) => event.type === 'PRESENCE_CHANGED' && event.online,
    isOffDuty: ({ event }) => event.type === 'DUTY_CHANGED' && event.duty === 'Off Duty',
    isOnDuty: ({ event }) => event.type === 'DUTY_CHANGED' && event.duty === 'On Duty',
    hasRona: ({ context }) => context.rona !== null,
    isOfferedCall: ({ context, event }) => 'call' in event && context.offer?.call === event.call,
    isActiveCall: ({ context, event }) => 'call' in event && context.active?.call === event.call,
    isParkedCall: ({ context, event }) => 'call' in event && context.parked.some((t) => t.call === event.call),
    /** PAR-14: with Task Parallelization, parking frees the user until the parallel limit is reached. */
    parkingIsNonBlocking: ({ event }) => event.type === 'PARK' && !event.blocking,
    acwGranted: ({ event }) => event.type === 'TASK_ENDED' && event.acwMs !== null && event.acwMs > 0,
    ronaIsPersistent: ({ event }) => event.type === 'FLAG_RONA' && event.persistent,
    canResumeParked: ({ context, event }) => event.type === 'UNPARK' && resumesOwnParkedTask({ parkedCalls: parkedCalls(context), call: event.call }).verdict,
    parkedEndFreesSlot: ({ context, event }) =>
      event.type === 'TASK_ENDED' &&
      parkedTaskEndFreesUser({ taskParallelization: context.taskParallelization, parkedCalls: parkedCalls(context), endedCall: event.call }).verdict,
    ronaEndsWhenOffline: () => ronaEndsOn('wentOffline'),
    ronaEndsOffDuty: () => ronaEndsOn('offDuty'),
    ronaEndsOnManualReset: () => ronaEndsOn('manualReset'),
    ronaEndsAfterResetTime: () => ronaEndsOn('resetTimeElapsed'),
  },
  actions: {
    recordPresence: assign(({ event }) =>
      event.type === 'PRESENCE_CHANGED' ? { availability: event.availability, activity: event.activity } : {},
    ),
    recordOffer: assign({
      offer: ({ event }) =>
        event.type === 'OFFER'
          ? { call: event.call, service: event.service, ringTimeoutMs: event.ringTimeoutMs, kind: event.kind }
          : null,
    }),
    clearOffer: assign({ offer: null }),
    connectOffered: assign({ active: ({ context }) => (context.offer ? { call: context.offer.call, service: context.offer.service } : null), offer: null }),
    emitDeclined: emit(({ context }) => ({ type: 'offerMissed' as const, call: context.offer?.call ?? '', service: context.offer?.service ?? '', reason: 'declined' as const })),
    emitIgnored: emit(({ context }) => ({ type: 'offerMissed' as const, call: context.offer?.call ?? '', service: context.offer?.service ?? '', reason: 'ignored' as const })),
    emitTimedOut: emit(({ context }) => ({ type: 'offerMissed' as const, call: context.offer?.call ?? '', service: context.offer?.service ?? '', reason: 'timeout' as const })),
    parkActive: assign({
      parked: ({ context }) => (context.active ? [...context.parked, context.active] : context.parked),
      active: null,
    }),
    /** Without a free parallel slot the parked task keeps the user Connected (PAR-03). */
    keepParkedAsActive: assign({
      parked: ({ context }) => (context.active ? [...context.parked, context.active] : context.parked),
    }),
    unparkToActive: assign(({ context, event }) => {
      if (event.type !== 'UNPARK') return {};
      const task = context.parked.find((t) => t.call === event.call);
      return { active: task ?? context.active, parked: context.parked.filter((t) => t.call !== event.call) };
    }),
    dropParked: assign({
      parked: ({ context, event }) => ('call' in event ? context.parked.filter((t) => t.call !== event.call) : context.parked),
    }),
    /** The task ends for the user and the ACW the rules granted starts: one assign, one snapshot copy. */
    endTaskIntoAcw: assign(({ context, event }) => ({ acw: acwStartedBy(context, event), ...withoutEndedTask(context, event) })),
    extendAcw: assign({
      acw: ({ context, event }) =>
        context.acw && event.type === 'EXTEND_ACW'
          ? { ...context.acw, durationMs: event.extensionMs, extensionsUsed: context.acw.extensionsUsed + 1 }
          : context.acw,
    }),
    emitAcwEndedByTimer: emit(({ context }) => ({ type: 'acwEnded' as const, call: context.acw?.call ?? '', service: context.acw?.service ?? '', reason: 'timer' as const })),
    emitAcwEndedEarly: emit(({ context }) => ({ type: 'acwEnded' as const, call: context.acw?.call ?? '', service: context.acw?.service ?? '', reason: 'early' as const })),
    clearAcw: assign({ acw: null }),
    clearActive: assign({ active: null }),
    /** The task that kept the user Connected stays parked; the user is no longer connected to it. */
    releaseParkedActive: assign(({ context, event }) => withoutEndedTask(context, event)),
    clearActiveAndParked: assign(({ context, event }) => withoutEndedTask(context, event)),
    recordRona: assign({
      rona: ({ event }) => (event.type === 'FLAG_RONA' ? { service: event.service, persistent: event.persistent, resetMs: event.resetMs } : null),
    }),
    clearRona: assign({ rona: null }),
    recordNotAvailableReason: assign({
      notAvailableReason: ({ event }) => (event.type === 'NOT_AVAILABLE_REASON' ? event.pending : false),
    }),
  },
  delays: {
    RING_TIMEOUT: ({ context }) => context.offer?.ringTimeoutMs ?? 30_000,
    ACW_DURATION: ({ context }) => context.acw?.durationMs ?? 0,
    RONA_RESET: ({ context }) => context.rona?.resetMs ?? 600_000,
  },
}).createMachine({
  id: 'agent',
  type: 'parallel',
  context: ({ input }) => ({
    userId: input.userId,
    availability: input.availability,
    activity: input.activity,
    taskParallelization: input.taskParallelization,
    offer: null,
    active: null,
    parked: [],
    acw: null,
    rona: null,
    notAvailableReason: input.notAvailableReason ?? false,
  }),
  on: {
    NOT_AVAILABLE_REASON: { actions: 'recordNotAvailableReason' },
  },
  states: {
    teams: {
      initial: 'Online',
      states: {
        Online: {
          on: {
            PRESENCE_CHANGED: [
              { guard: 'isOffline', target: 'Offline', actions: 'recordPresence' },
              { actions: 'recordPresence' },
            ],
          },
        },
        Offline: {
          on: {
            PRESENCE_CHANGED: [{ guard: 'isOnline', target: 'Online', actions: 'recordPresence' }, { actions: 'recordPresence' }],
          },
        },
      },
    },
    duty: {
      initial: 'OnDuty',
      states: {
        OnDuty: { on: { DUTY_CHANGED: { guard: 'isOffDuty', target: 'OffDuty' } } },
        OffDuty: { on: { DUTY_CHANGED: { guard: 'isOnDuty', target: 'OnDuty' } } },
      },
    },
    work: {
      initial: 'Idle',
      states: {
        Idle: {
          on: {
            OFFER: { target: 'Ringing', actions: 'recordOffer' },
            UNPARK: { guard: 'canResumeParked', target: 'Connected.Talking', actions: 'unparkToActive' },
            TASK_ENDED: { guard: 'isParkedCall', actions: 'dropParked' },
          },
        },
        Ringing: {
          after: { RING_TIMEOUT: { target: 'Idle', actions: ['emitTimedOut', 'clearOffer'] } },
          on: {
            ACCEPT: { guard: 'isOfferedCall', target: 'Connected.Talking', actions: 'connectOffered' },
            DECLINE: { guard: 'isOfferedCall', target: 'Idle', actions: ['emitDeclined', 'clearOffer'] },
            IGNORE: { guard: 'isOfferedCall', target: 'Idle', actions: ['emitIgnored', 'clearOffer'] },
            OFFER_WITHDRAWN: { guard: 'isOfferedCall', target: 'Idle', actions: 'clearOffer' },
            TASK_ENDED: { guard: 'isParkedCall', actions: 'dropParked' },
          },
        },
        Connected: {
          initial: 'Talking',
          on: {
            TASK_ENDED: [
              { guard: and(['isActiveCall', 'acwGranted']), target: 'AfterCallWork', actions: 'endTaskIntoAcw' },
              { guard: 'isActiveCall', target: 'Idle', actions: 'clearActiveAndParked' },
              /** Another task of a Task Parallelization user ended while parked: the current one goes on. */
              { guard: 'isParkedCall', actions: 'dropParked' },
            ],
          },
          states: {
            Talking: {
              on: {
                HOLD: { guard: 'isActiveCall', target: 'OnHold' },
                PARK: [
                  { guard: 'parkingIsNonBlocking', target: '#agent.work.Idle', actions: 'parkActive' },
                  { guard: 'isActiveCall', target: 'Parked', actions: 'keepParkedAsActive' },
                ],
              },
            },
            OnHold: { on: { RESUME: { guard: 'isActiveCall', target: 'Talking' } } },
            /** Parked without a free parallel slot: the user stays Connected (PAR-03, PAR-14). */
            Parked: {
              on: {
                UNPARK: { guard: 'canResumeParked', target: 'Talking', actions: 'unparkToActive' },
                TASK_ENDED: { guard: and(['isParkedCall', not('isActiveCall'), 'parkedEndFreesSlot']), target: '#agent.work.Idle', actions: 'releaseParkedActive' },
              },
            },
          },
        },
        AfterCallWork: {
          after: { ACW_DURATION: { target: 'Idle', actions: ['emitAcwEndedByTimer', 'clearAcw'] } },
          on: {
            END_ACW: { target: 'Idle', actions: ['emitAcwEndedEarly', 'clearAcw'] },
            /** ACW-06: the extension starts a fresh counter, so the state is re-entered. */
            EXTEND_ACW: { target: 'AfterCallWork', reenter: true, actions: 'extendAcw' },
            TASK_ENDED: { guard: 'isParkedCall', actions: 'dropParked' },
          },
        },
      },
    },
    rona: {
      initial: 'Clear',
      states: {
        Clear: {
          on: {
            FLAG_RONA: [
              { guard: 'ronaIsPersistent', target: 'Persistent', actions: 'recordRona' },
              { target: 'Flagged', actions: 'recordRona' },
            ],
          },
        },
        Flagged: {
          /** RONA-14 with behavior.nonPersistentRona = fixedTime; `resetMs` is infinite for nextAttempt. */
          after: { RONA_RESET: { target: 'Clear', actions: ['clearRona', emit({ type: 'ronaCleared', reason: 'timer' })] } },
          on: {
            CLEAR_TRANSIENT_RONA: { target: 'Clear', actions: ['clearRona', emit({ type: 'ronaCleared', reason: 'nextAttempt' })] },
            FLAG_RONA: [
              { guard: 'ronaIsPersistent', target: 'Persistent', actions: 'recordRona' },
              { target: 'Flagged', reenter: true, actions: 'recordRona' },
            ],
          },
        },
        Persistent: {
          after: {
            RONA_RESET: { guard: 'ronaEndsAfterResetTime', target: 'Clear', actions: ['clearRona', emit({ type: 'ronaCleared', reason: 'timer' })] },
          },
        },
      },
      on: {
        PRESENCE_CHANGED: {
          guard: and(['isOffline', 'hasRona', 'ronaEndsWhenOffline']),
          target: '.Clear',
          actions: ['clearRona', emit({ type: 'ronaCleared', reason: 'offline' })],
        },
        DUTY_CHANGED: {
          guard: and(['isOffDuty', 'hasRona', 'ronaEndsOffDuty']),
          target: '.Clear',
          actions: ['clearRona', emit({ type: 'ronaCleared', reason: 'offDuty' })],
        },
        RESET_RONA: {
          guard: and(['hasRona', 'ronaEndsOnManualReset']),
          target: '.Clear',
          actions: ['clearRona', emit({ type: 'ronaCleared', reason: 'manual' })],
        },
      },
    },
  },
});
