/**
 * The model-based run can fail: each test injects a known bug into a copy of a rule or a machine and
 * asserts that replaying the generated paths catches it.
 */
import { describe, expect, it } from 'vitest';
import { agentMachine } from '../../src/machines/agentMachine.js';
import { callSessionMachine } from '../../src/machines/callSessionMachine.js';
import * as rules from '../../src/rules/index.js';
import { AGENT_MODEL_CONFIGS, agentModel, runAgentPath, type AgentRules, type PathRun } from '../../sim/modelling/agentModel.js';
import { SESSION_MODEL_CONFIGS, runSessionPath, sessionModel } from '../../sim/modelling/sessionModel.js';

const firstFailure = (runs: Iterable<PathRun>): PathRun | undefined => {
  for (const r of runs) if (r.failures.length > 0) return r;
  return undefined;
};

function* agentRuns(configIndex: number, opts: Parameters<typeof runAgentPath>[2]) {
  const config = AGENT_MODEL_CONFIGS[configIndex];
  if (!config) throw new Error('no such agent model configuration');
  const model = agentModel(config);
  for (const path of model.explore().paths) yield runAgentPath(model, path, opts);
}

describe('the model-based run catches injected bugs', () => {
  it('the real machines and rules pass (the baseline of the mutants below)', () => {
    expect(firstFailure(agentRuns(0, {}))).toBeUndefined();
  });

  it('a rule bug: Do Not Disturb disables Call on Behalf (COB-05 says it must not)', () => {
    const buggy: AgentRules = {
      ...rules,
      callOnBehalfButton: (args) => {
        const d = rules.callOnBehalfButton(args);
        return args.user.presence.availability === 'Do Not Disturb' ? { ...d, verdict: false } : d;
      },
    };
    const caught = firstFailure(agentRuns(0, { rules: buggy }));
    expect(caught?.failures.join('\n')).toMatch(/Call on Behalf is disabled, the rulebook says enabled/);
    expect(caught?.description).toMatch(/PRESENCE_CHANGED/);
  });

  it('a machine bug: parking always frees the user, even without Task Parallelization (PAR-03)', () => {
    const buggy = agentMachine.provide({ guards: { parkingIsNonBlocking: () => true } });
    const caught = firstFailure(agentRuns(0, { machine: buggy }));
    expect(caught?.description).toMatch(/PARK/);
    expect(caught?.failures.join('\n')).toMatch(/the model expects|PAR-03/);
  });

  it('a machine bug: a failed safe transfer does not return the call to the transferring user (XFER-05)', () => {
    const buggy = callSessionMachine.provide({ guards: { returnsToUser: () => false } });
    const config = SESSION_MODEL_CONFIGS[0];
    if (!config) throw new Error('no session model');
    const model = sessionModel(config);
    const caught = firstFailure((function* () {
      for (const p of model.explore().paths) yield runSessionPath(model, p, { machine: buggy });
    })());
    expect(caught?.description).toMatch(/TRANSFER_FAILED/);
    expect(caught?.failures.join('\n')).toMatch(/the model expects \{"Connected":"Talking"\}/);
  });
});
