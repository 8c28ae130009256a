/**
 * The reporting model of a run, shaped like Nimbus's historic reporting (rulebook 2.9-2.11, 2.19, 3.14):
 * unified conversations (one per call) → service sessions (one per service context traversed, REP-07,
 * XFER-11) → user sessions (one per user involvement). Field names follow the Nimbus facts (`OutcomeId`,
 * `TotalQueueTime`, `IsUnderSla`, ...). Built from the call machines' context; the only decision made here,
 * IsUnderSla (REP-08), comes from src/rules through the engine's policy module. Documented in
 * docs/report-json.md ("Reporting").
 */
import { outcomeInfo, type OutcomeGroup, type ServiceSessionOutcome, type UserSessionOutcome } from '../src/domain/enums.js';
import { outcomeGroupId } from '../src/rules/reporting.js';
import type { RuleId } from '../src/rules/decision.js';
import * as policy from './engine/policy.js';
import type { World } from './engine/world.js';

export interface ReportingUserSession {
  UserSessionId: string;
  UserId: string;
  UserUpn: string;
  StartedAt: number;
  EndedAt: number | null;
  /** User session outcome (2.11): Accepted, Declined, Cancelled, RONA, Transferred Internally, ... */
  Outcome: UserSessionOutcome | null;
  Because: RuleId[];
}

export interface ReportingServiceSession {
  ServiceSessionId: string;
  ServiceId: string;
  ServiceName: string;
  StartedAt: number;
  EndedAt: number | null;
  /** 1-7 from the rulebook (2.10); 100+ are nimbus-sim's own ids (docs/outcomes.md). Null while open. */
  OutcomeId: number | null;
  Outcome: ServiceSessionOutcome | null;
  OutcomeGroupId: number | null;
  OutcomeGroup: OutcomeGroup | null;
  MeansHandled: boolean | null;
  HandledText: 'Handled' | 'Not Handled' | null;
  /** Rules that decided the outcome. */
  Because: RuleId[];
  TotalQueueTime: number;
  TotalIvrTime: number;
  TotalConnectedTime: number;
  HoldTime: number;
  HoldCount: number;
  AcwTime: number;
  /** REP-08; null when the task was never queued in this service or the session is still open. */
  IsUnderSla: boolean | null;
  DistributionAlgorithm: string | null;
  /** DIST-09; null: distribution policy levels are not modelled (DIST-06 out of scope). */
  DistributionPolicyLevel: number | null;
  UserSessions: ReportingUserSession[];
}

export interface ReportingConversation {
  UnifiedConversationId: string;
  CallId: string;
  /** `Inbound Service`, `Call On Behalf`, `Outbound Call`, `Outbound Call (With Workflow)`. */
  TaskType: string;
  From: string;
  To: string;
  StartedAt: number;
  EndedAt: number | null;
  /** OUT-07: false when the call is not written to reporting (its service sessions are still listed). */
  Reported: boolean;
  ServiceSessions: ReportingServiceSession[];
}

export interface ReportingModel {
  UnifiedConversations: ReportingConversation[];
}

/** The reporting model of every call of the world, in the order the calls started. */
export function reportingModel(world: World): ReportingModel {
  return { UnifiedConversations: [...world.calls.keys()].map((id) => conversation(world, id)) };
}

/** One call's unified conversation. */
export function conversation(world: World, callId: string): ReportingConversation {
  const ctx = world.call(callId).getSnapshot().context;
  const sessions = ctx.serviceSessions.map((s, i): ReportingServiceSession => {
    const next = ctx.serviceSessions[i + 1];
    const info = s.outcome === null ? null : outcomeInfo(s.outcome);
    const users = ctx.userSessions.filter((u) => u.service === s.service && u.startedAt >= s.startedAt && (next === undefined || u.startedAt < next.startedAt));
    return {
      ServiceSessionId: `${callId}-ss${i + 1}`,
      ServiceId: s.service,
      ServiceName: world.service(s.service).name ?? s.service,
      StartedAt: s.startedAt,
      EndedAt: s.endedAt,
      OutcomeId: info?.id ?? null,
      Outcome: s.outcome,
      OutcomeGroupId: info ? outcomeGroupId(info.group) : null,
      OutcomeGroup: info?.group ?? null,
      MeansHandled: info?.handled ?? null,
      HandledText: info ? (info.handled ? 'Handled' : 'Not Handled') : null,
      Because: [...s.because],
      TotalQueueTime: s.queueTime,
      TotalIvrTime: s.ivrTime,
      TotalConnectedTime: s.connectedTime,
      HoldTime: s.holdTime,
      HoldCount: s.holdCount,
      AcwTime: s.acwTime,
      IsUnderSla: s.everQueued && s.outcome !== null ? policy.rules.isUnderSla({ service: world.serviceFacts(s.service), queueTimeMs: s.queueTime }).verdict : null,
      DistributionAlgorithm: s.distributionAlgorithm,
      DistributionPolicyLevel: null,
      UserSessions: users.map((u, j) => ({
        UserSessionId: `${callId}-ss${i + 1}-us${j + 1}`,
        UserId: u.user,
        UserUpn: world.user(u.user).upn,
        StartedAt: u.startedAt,
        EndedAt: u.endedAt,
        Outcome: u.outcome,
        Because: [...u.because],
      })),
    };
  });
  return {
    UnifiedConversationId: `uc-${callId}`,
    CallId: callId,
    TaskType: ctx.type,
    From: ctx.from,
    To: ctx.to,
    StartedAt: ctx.serviceSessions[0]?.startedAt ?? 0,
    EndedAt: ctx.endedAt,
    Reported: ctx.reported,
    ServiceSessions: sessions,
  };
}
