/**
 * Which rules of the rulebook nimbus-sim models, and where. The rule module (src/rules) lists the rules its
 * decision functions cite; the rules below are enforced by the machines and the engine (task states,
 * transfer mechanics, timers). Rules about UI, Power BI, retention or documentation history are out of
 * scope, each with its reason; docs/rules-coverage.md is generated from this file by `nimbus-sim rules --md`.
 */
import { MODELLED_RULES, RULES_BY_MODULE, type RuleId } from '../../src/rules/index.js';

/** Rules the machines (src/machines) and the engine (sim/engine) enforce, with the place that does. */
const ENGINE_RULES: Readonly<Partial<Record<RuleId, string>>> = {
  'US-02': 'src/machines/agentMachine.ts (teams region: Offline)',
  'US-07': 'sim/engine/verbs/people.ts (duty)',
  'US-09': 'src/machines/agentMachine.ts (work.Ringing)',
  'US-10': 'src/machines/agentMachine.ts (work.Connected)',
  'DIST-01': 'sim/engine/distribution.ts (queued tasks offered at every quiet point; longest idle per behavior.longestIdleSince)',
  'DIST-09': 'src/machines/callSessionMachine.ts (distributionAlgorithm per service session)',
  'RONA-02': 'sim/engine/verbs/calls.ts (onOfferMissed requeues the task)',
  'RONA-04': 'src/rules/selectability.ts via the agent rona region',
  'RONA-07': 'sim/scenario/ruleBounds.ts (out-of-range RONA Reset Time is a loader error), src/rules/rona.ts',
  'ACW-11': 'src/machines/callSessionMachine.ts (InACW)',
  'ACW-12': 'src/machines/callSessionMachine.ts (acwTime per service session)',
  'PAR-02': 'src/machines/agentMachine.ts (parked tasks), sim/engine/verbs/handling.ts',
  'PAR-05': 'src/machines/callSessionMachine.ts (park time is not connected time)',
  'PAR-06': 'src/machines/callSessionMachine.ts (holdCount excludes parks)',
  'PAR-08': 'sim/engine/verbs/handling.ts (park ends supervision)',
  'PAR-09': 'sim/engine/verbs/handling.ts (unpark)',
  'PAR-10': 'sim/engine/lifecycle.ts (a parked hang-up frees the user, no ACW)',
  'PAR-12': 'src/domain/model.ts (taskParallelization off by default)',
  'SUP-05': 'sim/engine/verbs/handling.ts (Listen)',
  'SUP-06': 'sim/engine/verbs/handling.ts (Whisper)',
  'SUP-07': 'sim/engine/verbs/handling.ts (Barge In)',
  'COB-10': 'src/rules/callOnBehalf.ts (per service button), sim/engine/verbs/outbound.ts',
  'COB-11': 'sim/engine/verbs/outbound.ts (no scheduled task needed)',
  'COB-12': 'sim/engine/verbs/outbound.ts (invitation first, then dial-out)',
  'COB-13': 'src/machines/callSessionMachine.ts (Ringing while the invitation rings)',
  'XFER-05': 'sim/engine/verbs/transfer.ts (safe transfer returns to the user)',
  'XFER-06': 'sim/engine/verbs/transfer.ts (blind transfer frees the user)',
  'XFER-07': 'sim/engine/lifecycle.ts (PSTN ring limit, behavior.pstnRingLimit)',
  'XFER-11': 'src/machines/callSessionMachine.ts (one service session per service)',
  'REP-07': 'src/machines/callSessionMachine.ts (one service session per service), sim/reporting.ts (unified conversation in the JSON report)',
  'TASK-01': 'src/machines/callSessionMachine.ts (task states), sim/engine/verbs/calls.ts (inboundCall acceptAfter / ivrTime reach Establishing / In IVR)',
  'TASK-03': 'src/machines/callSessionMachine.ts (LEFT_QUEUE → InIVRAfterQueue), sim/engine/verbs/calls.ts (inboundCall queueTimeout)',
  'WF-01': 'sim/engine/workflow.ts (Accept binds the first responding service), src/rules/transfer.ts (workflowStructure)',
  'WF-05': 'sim/engine/workflow.ts (Queue activity), src/domain/model.ts (distribution.ringTimeout of the Queue activity)',
  'WF-02': 'sim/engine/workflow.ts (Disconnect / end of the workflow: Disconnected By System)',
  'WF-06': 'sim/engine/workflow.ts (Transfer activity to PSTN: Exit route), sim/engine/verbs/transfer.ts',
  'XFER-04': 'sim/engine/workflow.ts and sim/engine/verbs/transfer.ts (the target service\'s workflow runs)',
  'OUT-05': 'sim/engine/workflow.ts (Outbound with Workflow runs the service workflow), src/rules/outbound.ts',
  'SVC-01': 'src/rules/common.ts (tierAtLeast) gating features in src/rules/inbound.ts, distribution.ts, outbound.ts',
  'SVC-02': 'src/rules/common.ts (tierAtLeast: a higher tier includes every lower-tier feature)',
  'SVC-04': 'src/domain/model.ts (assignment type)',
  'US-11': 'src/rules/presence.ts (PRES-05 opt-ins make Busy / Away presence-eligible), src/rules/selectability.ts',
  'SVC-08': 'sim/engine/verbs/people.ts (setActive), src/rules/selectability.ts',
  'PRES-11': 'sim/engine/verbs/people.ts (notAvailableReason)',
  'PRES-12': 'sim/engine/verbs/handling.ts (hold keeps the user in the conference and blocked, PAR-04; parking with Task Parallelization frees them). The Teams presence itself is not changed by Nimbus calls',
  'OUT-01': 'sim/engine/verbs/outbound.ts (scheduled outbound is queued and distributed)',
};

/** Rules nimbus-sim does not model, and why. */
const OUT_OF_SCOPE: Readonly<Partial<Record<RuleId, string>>> = {
  'SVC-03': 'provisioning from MS Teams: a scenario states the tier directly',
  'SVC-05': 'the assignment type is fixed by construction: a scenario cannot change it mid-run',
  'SVC-06': 'manual service creation in Service Administration (an admin UI flow)',
  'SVC-07': 'team membership sync: scenarios declare members directly',
  'SVC-09': 'New Users immediately active: scenarios declare each member\'s Active flag',
  'MOD-04': 'workflow reassignment at run time (scenarios fix the workflow)',
  'MOD-05': 'adaptive cards in a Teams channel (UI)',
  'US-06': 'custom responsibility profiles beyond On / Off Duty',
  'PRES-08': 'calls a user places outside Nimbus are not simulated; a scenario sets the presence Teams shows meanwhile',
  'US-14': 'Services Overview counter (UI)',
  'DIST-06': 'distribution policy levels and skills (not in the scenario contract yet)',
  'DIST-07': 'preferred users (not in the scenario contract yet)',
  'RONA-09': 'Assistant count-up timer (UI)',
  'ACW-08': 'where ACW is shown (UI)',
  'ACW-10': 'User Supervisor acting on ACW (not in the scenario contract yet)',
  'PAR-07': 'transcription bot (no media in the simulator)',
  'PAR-18': 'Services Overview capacity display (UI)',
  'SUP-12': 'User Supervision of duty states (not in the scenario contract yet)',
  'SUP-13': 'External Tasks (modality not simulated)',
  'COB-14': 'O365 contact search in the COB dialog (UI search; UPN targets are given directly)',
  'COB-15': 'My Sessions direction label (UI)',
  'OUT-08': 'audio delay on the Microsoft side (no media)',
  'OUT-10': 'Transfer on User Exit with Outbound with Workflow (not in the scenario contract yet)',
  'OUT-11': 'dashboard widget (UI)',
  'LIC-07': 'Nimbus user license purchase (modelled only as the per-user license list)',
  'XFER-08': 'Attendant Console transfer to voicemail (not in the scenario contract yet)',
  'XFER-09': 'consultation calls (not in the scenario contract yet)',
  'XFER-10': 'custom context parameters',
  'XFER-12': 'Transfer on User Exit (not in the scenario contract yet)',
  'REP-09': 'where Nimbus computes outcome group / MeansHandled / HandledText (Power BI vs OData) is a property of the real reporting stack; the JSON report simply includes them',
  'REP-10': 'OData retention (24 months): a simulator run keeps no history',
  'REP-11': 'task type dimension: the JSON report writes TaskType for the simulated kinds, but Inbound Direct (calls to a user, not a service) is not simulated',
  'REP-12': 'KPI calculations of the Power BI template (no KPIs are computed)',
  'REP-13': 'My Sessions colours (UI); the user session outcomes they colour are modelled (REP-06, RONA-13)',
  'TASK-02': 'Terminated / Blocked are error states of a real deployment whose task was not cleaned up; the simulated task always ends cleanly',
  'TASK-04': 'administrator deletion of stuck tasks (an admin UI action on a real system; no stuck tasks exist in the simulator)',
  'WF-04': 'Availability Based Routing (not in the scenario contract yet)',
  'WF-08': 'Record Consent (not in the scenario contract yet)',
  'WF-09': 'text-to-speech voices',
  'PERM-01': 'delegated consent UI',
  'PERM-02': 'attendant functions without consent (not in the scenario contract yet)',
  'PERM-03': 'how the Nimbus app reads Graph: modelled as the mock Graph itself',
  'PERM-04': 'Calling Bot / Media Bot split (internal architecture)',
  'PERM-05': 'admin consent flow (tenant.extendedPresence states the result)',
  'SVC-12': 'Power Automate connector availability (covered by OUT-02 for scheduled outbound)',
};

export type RuleStatus = 'modelled' | 'out of scope' | 'not modelled';

export function ruleStatus(id: RuleId): { status: RuleStatus; where: string } {
  if (MODELLED_RULES.includes(id)) {
    const modules = Object.entries(RULES_BY_MODULE)
      .filter(([, ids]) => ids.includes(id))
      .map(([m]) => `src/rules/${m}.ts`);
    return { status: 'modelled', where: modules.join(', ') || 'src/rules' };
  }
  const engine = ENGINE_RULES[id];
  if (engine) return { status: 'modelled', where: engine };
  const reason = OUT_OF_SCOPE[id];
  if (reason) return { status: 'out of scope', where: reason };
  return { status: 'not modelled', where: '' };
}
