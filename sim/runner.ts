/**
 * Runs scenarios: builds the world, plays the steps in virtual time with the spec's settle semantics, checks
 * the expectations, and turns the world into a ScenarioResult. Same scenario and seed, same result.
 */
import { relative, sep } from 'node:path';
import { outcomeInfo } from '../src/domain/enums.js';
import { formatDuration } from '../src/domain/duration.js';
import { taskStateOf } from '../src/machines/callSessionMachine.js';
import type { RuleId } from '../src/rules/decision.js';
import { evaluateExpect } from './assertions.js';
import { conversation, reportingModel } from './reporting.js';
import { distributeAll } from './engine/distribution.js';
import { StepError } from './engine/errors.js';
import { createWorld } from './engine/setup.js';
import { runVerb } from './engine/verbs/index.js';
import type { VerbOutcome } from './engine/verbs/types.js';
import type { World } from './engine/world.js';
import type { AssertionResult, CallResult, ScenarioResult, StepResult, SuiteResult, UserResult } from './result.js';
import type { Scenario } from './scenario/schema.js';

export const TOOL_VERSION = '0.1.0';

export interface RunOptions {
  /** Overrides the scenario's own seed. */
  seed?: number;
  /** Working directory that report paths are relative to. */
  cwd?: string;
}

export async function runScenario(scenario: Scenario, opts: RunOptions = {}): Promise<ScenarioResult> {
  const seed = opts.seed ?? scenario.seed;
  const file = relative(opts.cwd ?? process.cwd(), scenario.file).split(sep).join('/');
  const steps: StepResult[] = [];
  const failures: AssertionResult[] = [];
  let passedAssertions = 0;
  let error: ScenarioResult['error'];
  let world: World | undefined;
  try {
    world = await createWorld(scenario);
    world.onQuiet = () => distributeAll(world as World);
    await world.settle();
    for (const [index, step] of scenario.steps.entries()) {
      const line = scenario.stepLines[index] ?? 0;
      try {
        const target = step.at !== undefined ? step.at : step.after !== undefined ? world.clock.now() + step.after : world.clock.now();
        if (target < world.clock.now()) {
          throw new StepError(
            `at: ${formatDuration(target)} is earlier than the current virtual time ${formatDuration(world.clock.now())}`,
            'steps run in order; use after: for a delay from the previous step',
          );
        }
        await world.advanceTo(target);
        if (step.verb === 'expect') {
          const checks = evaluateExpect(world, step.args).map((c) => ({ ...c, line }));
          for (const c of checks) (c.passed ? passedAssertions++ : failures.push(c));
          steps.push({
            index,
            line,
            verb: 'expect',
            at: world.clock.now(),
            text: `expect ${checks.map((c) => `${c.key} ${c.subject}`).join(', ')}`,
            ok: null,
            assertions: checks,
          });
          continue;
        }
        const w = world;
        const at = w.clock.now();
        if (step.verb === 'wait') {
          // Waiting moves the clock itself, so it runs outside the tracked work it waits for.
          await w.advanceTo(at + step.args);
          steps.push({ index, line, verb: 'wait', at, text: `wait ${formatDuration(step.args)}`, ok: null });
          continue;
        }
        let outcome: VerbOutcome | undefined;
        w.note('step', 'step', `${step.verb}${step.note ? ` — ${step.note}` : ''}`);
        w.track(
          runVerb(w, step).then((o) => {
            outcome = o;
          }),
        );
        await w.settle();
        if (!outcome) throw new Error(`step ${step.verb} did not finish`);
        const result: StepResult = { index, line, verb: step.verb, at, text: outcome.text, ok: outcome.ok };
        if (outcome.decision) result.decision = outcome.decision;
        steps.push(result);
      } catch (err) {
        if (err instanceof StepError) {
          error = { message: err.message, line, column: 1, ...(err.hint ? { hint: err.hint } : {}) };
          break;
        }
        throw err;
      }
    }
  } catch (err) {
    error = { message: `internal error: ${err instanceof Error ? err.message : String(err)}`, hint: 'this is a nimbus-sim defect; please report it with the scenario file' };
    if (process.env.NIMBUS_SIM_DEBUG && err instanceof Error) console.error(err.stack);
  } finally {
    world?.stop();
  }
  // A Graph request the mock does not serve means the model and the mock disagree: a defect, never silent.
  const unhandled = world?.graph.mock.unhandled ?? [];
  if (!error && unhandled.length > 0) {
    error = { message: `internal error: the modelled Nimbus made Graph requests the mock does not serve: ${unhandled.map((u) => `${u.method} ${u.url}`).join(', ')}`, hint: 'this is a nimbus-sim defect; please report it with the scenario file' };
  }
  const status: ScenarioResult['status'] = error ? 'error' : failures.length > 0 ? 'failed' : 'passed';
  const result: ScenarioResult = {
    name: scenario.name,
    file,
    tags: scenario.tags,
    because: scenario.because as RuleId[],
    seed,
    status,
    virtualDurationMs: world?.clock.now() ?? 0,
    assertions: { passed: passedAssertions, failed: failures.length },
    steps,
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
