/**
 * Runs scenarios: builds the world, plays the steps in virtual time with the spec's settle semantics, checks
 * the expectations, and turns the world into a ScenarioResult. Same scenario and seed, same result.
 */
import { relative, sep } from 'node:path';
import { outcomeInfo } from '../src/domain/enums.js';
import { taskStateOf } from '../src/machines/callSessionMachine.js';
import type { RuleId } from '../src/rules/decision.js';
import { conversation, reportingModel } from './reporting.js';
import { playSteps } from './engine/player.js';
import { openRun, type ScenarioRun } from './engine/run.js';
import type { ActorInspector, World } from './engine/world.js';
import type { GraphResponseObserver } from '../mocks/graph/index.js';
import type { CallResult, ScenarioResult, SuiteResult, UserResult } from './result.js';
import type { Scenario } from './scenario/schema.js';

import { TOOL_VERSION } from './version.js';

export interface RunOptions {
  /** Overrides the scenario's own seed. */
  seed?: number;
  /** Working directory that report paths are relative to. */
  cwd?: string;
  /** Inspects this run's actors (coverage, property runs); other runs in the process are not seen. */
  inspect?: ActorInspector;
  /** Sees every response of this run's mock Graph (the metadata contract test). */
  onGraphResponse?: GraphResponseObserver;
  /** The mock checks the modelled Nimbus's request bodies too (WorldOptions.checkGraphRequests). */
  checkGraphRequests?: boolean;
}

const DEFECT_HINT = 'this is a nimbus-sim defect; please report it with the scenario file';

export async function runScenario(scenario: Scenario, opts: RunOptions = {}): Promise<ScenarioResult> {
  // The overriding seed replaces the file's everywhere the seed is read (fault draws, generated data), not
  // only in the report: otherwise `--seed N` would print N and still replay the file's faults.
  const seeded = opts.seed === undefined ? scenario : { ...scenario, seed: opts.seed };
  const { run, error } = await play(seeded, opts);
  return scenarioResult(seeded, opts, run, error);
}

/** Build the run, play its steps and stop it; a harness error says where and why playing stopped. */
async function play(scenario: Scenario, opts: RunOptions): Promise<{ run: ScenarioRun | undefined; error: ScenarioResult['error'] }> {
  let run: ScenarioRun | undefined;
  let error: ScenarioResult['error'];
  try {
    run = await openRun(scenario, {
      ...(opts.inspect ? { inspect: opts.inspect } : {}),
      ...(opts.onGraphResponse ? { onGraphResponse: opts.onGraphResponse } : {}),
      ...(opts.checkGraphRequests ? { checkGraphRequests: true } : {}),
    });
    await run.world.settle();
    const halt = await playSteps(run);
    if (halt) error = { message: halt.error.message, line: halt.line, column: 1, ...(halt.error.hint ? { hint: halt.error.hint } : {}) };
  } catch (err) {
    error = { message: `internal error: ${err instanceof Error ? err.message : String(err)}`, hint: DEFECT_HINT };
    if (process.env.NIMBUS_SIM_DEBUG && err instanceof Error) console.error(err.stack);
  } finally {
    run?.world.stop();
  }
  // A Graph request the mock does not serve means the model and the mock disagree: a defect, never silent.
  const unhandled = run?.world.graph.mock.unhandled ?? [];
  if (!error && unhandled.length > 0) {
    error = { message: `internal error: the modelled Nimbus made Graph requests the mock does not serve: ${unhandled.map((u) => `${u.method} ${u.url}`).join(', ')}`, hint: DEFECT_HINT };
  }
  return { run, error };
}

function scenarioResult(scenario: Scenario, opts: RunOptions, run: ScenarioRun | undefined, error: ScenarioResult['error']): ScenarioResult {
  const world = run?.world;
  const checks = run?.steps.flatMap((s) => s.assertions ?? []) ?? [];
  const failures = checks.filter((c) => !c.passed);
  const status: ScenarioResult['status'] = error ? 'error' : failures.length > 0 ? 'failed' : 'passed';
  const result: ScenarioResult = {
    name: scenario.name,
    file: relative(opts.cwd ?? process.cwd(), scenario.file).split(sep).join('/'),
    suitePath: scenario.suitePath,
    tags: scenario.tags,
    because: scenario.because as RuleId[],
    seed: opts.seed ?? scenario.seed,
    status,
    virtualDurationMs: world?.clock.now() ?? 0,
    assertions: { passed: checks.length - failures.length, failed: failures.length },
    steps: run?.steps ?? [],
    failures,
    timeline: world?.timeline ?? [],
    calls: world ? callResults(world) : [],
    users: world ? userResults(world) : [],
    graph: world ? world.graph.stats() : { requests: 0, faultsInjected: 0, retries: 0, byEndpoint: {} },
    rulesExercised: world ? [...world.rulesExercised].sort() : [],
  };
  if (world) result.reporting = reportingModel(world);
  if (error) result.error = error;
  return result;
}

export async function runSuite(scenarios: Scenario[], opts: RunOptions & { onResult?: (r: ScenarioResult) => void } = {}): Promise<SuiteResult> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const r = await runScenario(scenario, opts);
    results.push(r);
    opts.onResult?.(r);
  }
  return suiteOf(results, opts.seed ?? null);
}

export function suiteOf(results: ScenarioResult[], seed: number | null): SuiteResult {
  return {
    tool: { name: 'nimbus-sim', version: TOOL_VERSION },
    seed,
    scenarios: results,
    totals: {
      scenarios: results.length,
      passed: results.filter((r) => r.status === 'passed').length,
      failed: results.filter((r) => r.status === 'failed').length,
      errors: results.filter((r) => r.status === 'error').length,
      assertions: results.reduce((n, r) => n + r.assertions.passed + r.assertions.failed, 0),
      assertionsFailed: results.reduce((n, r) => n + r.assertions.failed, 0),
    },
  };
}

function callResults(world: World): CallResult[] {
  return [...world.calls.entries()].map(([id, actor]) => {
    const snap = actor.getSnapshot();
    const ctx = snap.context;
    const reported = conversation(world, id);
    const licenseDecision = world.callExtras.get(id)?.decisions.find((d) => d.question === 'servicePstnLicense' && ctx.firstRespondingService !== null) ?? null;
    return {
      id,
      type: ctx.type,
      from: ctx.from,
      to: ctx.to,
      state: taskStateOf(snap.value),
      services: ctx.serviceSessions.map((s) => s.service),
      firstRespondingService: ctx.firstRespondingService,
      pstnLicenseFrom: ctx.firstRespondingService,
      pstnLicense: licenseDecision,
      reported: ctx.reported,
      unifiedConversationId: `uc-${id}`,
      serviceSessions: ctx.serviceSessions.map((s, i) => {
        const info = s.outcome === null ? null : outcomeInfo(s.outcome);
        return {
          service: s.service,
          startedAt: s.startedAt,
          endedAt: s.endedAt,
          outcome: s.outcome,
          outcomeId: info?.id ?? null,
          outcomeGroup: info?.group ?? null,
          handled: info?.handled ?? null,
          because: s.because,
          queueTime: s.queueTime,
          connectedTime: s.connectedTime,
          holdTime: s.holdTime,
          holdCount: s.holdCount,
          acwTime: s.acwTime,
          isUnderSla: reported.ServiceSessions[i]?.IsUnderSla ?? null,
          distributionAlgorithm: s.distributionAlgorithm,
        };
      }),
      userSessions: ctx.userSessions.map((u) => ({ ...u })),
      transfers: ctx.transfers.map((t) => ({ ...t })),
      supervision: ctx.supervision.map((s) => ({ ...s })),
    };
  });
}

function userResults(world: World): UserResult[] {
  return [...world.users.values()].map((u) => {
    const state = world.userState(u.id);
    const seen = world.presenceSeen.get(u.id);
    return {
      id: u.id,
      upn: u.upn,
      state: state.headline,
      statuses: state.statuses,
      availability: seen?.availability ?? u.presence,
      activity: seen?.activity ?? u.activity ?? u.presence,
    };
  });
}
