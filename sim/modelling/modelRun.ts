/**
 * Runs every generated path of both machines' models against the real actors and measures what they
 * cover (transitions and states actually taken by the actors, seen through `inspect`).
 */
import type { AnyStateMachine } from 'xstate';
import { agentMachine } from '../../src/machines/agentMachine.js';
import { callSessionMachine } from '../../src/machines/callSessionMachine.js';
import { AGENT_MODEL_CONFIGS, agentModel, runAgentPath, type AgentRules, type PathRun } from './agentModel.js';
import { machineGraph, TransitionRecorder } from './machineGraph.js';
import { SESSION_MODEL_CONFIGS, runSessionPath, sessionModel } from './sessionModel.js';

export type MachineName = 'agent' | 'session';

export interface ModelRunResult {
  machine: MachineName;
  paths: number;
  steps: number;
  modelStates: number;
  failures: PathRun[];
  recorder: TransitionRecorder;
}

export const MACHINES: Record<MachineName, AnyStateMachine> = { agent: agentMachine, session: callSessionMachine };

export interface ModelRunOptions {
  /** A system under test other than the real machine (a faulty copy, in the tests that prove the tests). */
  sut?: AnyStateMachine;
  rules?: AgentRules;
}

export function runAgentModels(opts: ModelRunOptions = {}): ModelRunResult {
  const recorder = new TransitionRecorder(machineGraph(agentMachine));
  const result: ModelRunResult = { machine: 'agent', paths: 0, steps: 0, modelStates: 0, failures: [], recorder };
  for (const config of AGENT_MODEL_CONFIGS) {
    const model = agentModel(config);
    const x = model.explore();
    result.modelStates += x.states;
    for (const path of x.paths) {
      const run = runAgentPath(model, path, { inspect: recorder.inspect, ...(opts.sut ? { machine: opts.sut } : {}), ...(opts.rules ? { rules: opts.rules } : {}) });
      result.paths++;
      result.steps += run.steps;
      if (run.failures.length > 0) result.failures.push({ ...run, description: `[${config.name}] ${run.description}` });
    }
  }
  return result;
}

export function runSessionModels(opts: ModelRunOptions = {}): ModelRunResult {
  const recorder = new TransitionRecorder(machineGraph(callSessionMachine));
  const result: ModelRunResult = { machine: 'session', paths: 0, steps: 0, modelStates: 0, failures: [], recorder };
  for (const config of SESSION_MODEL_CONFIGS) {
    const model = sessionModel(config);
    const x = model.explore();
    result.modelStates += x.states;
    for (const path of x.paths) {
      const run = runSessionPath(model, path, { inspect: recorder.inspect, ...(opts.sut ? { machine: opts.sut } : {}) });
      result.paths++;
      result.steps += run.steps;
      if (run.failures.length > 0) result.failures.push({ ...run, description: `[${config.name}] ${run.description}` });
    }
  }
  return result;
}
