/**
 * The `reporting` section of the JSON report (docs/report-json.md, "Reporting"): unified conversations →
 * service sessions → user sessions with Nimbus's field names, outcome ids/groups from the rulebook, and
 * byte-identical output for the same run.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { runScenario, suiteOf } from '../../sim/runner.js';
import { toJsonReport, toJsonReportObject } from '../../sim/report/json.js';
import type { ReportingModel } from '../../sim/reporting.js';

async function run(file: string) {
  const result = await runScenario(loadScenarioFile(file));
  expect(result.status).toBe('passed');
  return result;
}

describe('JSON report: reporting section', () => {
  it('writes a transfer to another service as two service sessions of one unified conversation (REP-07)', async () => {
    const result = await run('scenarios/rules/REP/REP-07-several-service-sessions.yaml');
    const reporting = result.reporting as ReportingModel;
    expect(reporting.UnifiedConversations).toHaveLength(1);
    const uc = reporting.UnifiedConversations[0]!;
    expect(uc).toMatchObject({ UnifiedConversationId: 'uc-c1', CallId: 'c1', TaskType: 'Inbound Service', Reported: true });
    expect(uc.ServiceSessions.map((s) => [s.ServiceId, s.OutcomeId, s.Outcome, s.OutcomeGroupId, s.OutcomeGroup, s.MeansHandled, s.HandledText])).toEqual([
      ['Front', 6, 'User Internal Transfer Success', 1, 'Handled By User', true, 'Handled'],
      ['Back', 5, 'User Accepted', 1, 'Handled By User', true, 'Handled'],
    ]);
    const back = uc.ServiceSessions[1]!;
    expect(back).toMatchObject({ TotalQueueTime: 8_000, TotalConnectedTime: 60_000, HoldCount: 0, IsUnderSla: true, DistributionAlgorithm: 'Direct Conference' });
    expect(back.UserSessions.map((u) => [u.UserId, u.UserUpn, u.Outcome])).toEqual([['dan', 'dan@contoso.com', 'Accepted']]);
    expect(uc.ServiceSessions[0]!.UserSessions.map((u) => u.Outcome)).toEqual(['Transferred Internally']);
  });

  it('gives hang-ups their outcome ids and IVR/queue times (REP-02, REP-03)', async () => {
    const result = await run('scenarios/rules/REP/REP-03-hangup-in-ivr-queue-ivr-after-queue.yaml');
    const sessions = (result.reporting as ReportingModel).UnifiedConversations.map((c) => c.ServiceSessions[0]!);
    expect(sessions.map((s) => [s.OutcomeId, s.OutcomeGroupId, s.MeansHandled, s.HandledText])).toEqual([
      [2, 3, false, 'Not Handled'],
      [4, 3, false, 'Not Handled'],
      [3, 3, false, 'Not Handled'],
    ]);
    expect(sessions.map((s) => [s.TotalIvrTime, s.TotalQueueTime])).toEqual([
      [10_000, 0],
      [0, 40_000],
      [20_000, 60_000],
    ]);
    expect(sessions.map((s) => s.IsUnderSla)).toEqual([null, false, false]);
  });

  it('is written in the JSON report with its keys in a fixed order, byte-identical across runs', async () => {
    const a = toJsonReport(suiteOf([await run('scenarios/rules/REP/REP-05-last-outcome.yaml')], null));
    const b = toJsonReport(suiteOf([await run('scenarios/rules/REP/REP-05-last-outcome.yaml')], null));
    expect(a).toBe(b);
    const obj = toJsonReportObject(suiteOf([await run('scenarios/rules/REP/REP-05-last-outcome.yaml')], null));
    const scenario = (obj.scenarios as unknown[])[0] as { reporting: { UnifiedConversations: { ServiceSessions: Record<string, unknown>[] }[] } };
    const session = scenario.reporting.UnifiedConversations[0]!.ServiceSessions[0]!;
    expect(Object.keys(session)).toEqual([
      'ServiceSessionId', 'ServiceId', 'ServiceName', 'StartedAt', 'EndedAt', 'OutcomeId', 'Outcome', 'OutcomeGroupId', 'OutcomeGroup',
      'MeansHandled', 'HandledText', 'Because', 'TotalQueueTime', 'TotalIvrTime', 'TotalConnectedTime', 'HoldTime', 'HoldCount', 'AcwTime',
      'IsUnderSla', 'DistributionAlgorithm', 'DistributionPolicyLevel', 'UserSessions',
    ]);
    expect(session.Outcome).toBe('User External Transfer Success');
    expect(session.OutcomeId).toBe(7);
  });
});
