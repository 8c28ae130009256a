/**
 * One test per class of mistake, each pinned to the exact line:column a user would jump to and to the
 * words that tell them what to change.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioLoadError } from '../../../sim/scenario/errors.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { expectProblem, fixture, invalid, loadError, problemsOfFile } from './helpers.js';

describe('invalid scenario files', () => {
  it('YAML syntax error: reported where the parser noticed it, with a hint', () => {
    const problems = problemsOfFile(invalid('yaml-syntax.yaml'));
    expect(problems).toHaveLength(1);
    expectProblem(problems, { line: 4, column: 3, message: 'YAML syntax error', hint: 'not closed' });
  });

  it('wrong type: says what was expected and what was written', () => {
    const problems = problemsOfFile(invalid('wrong-type.yaml'));
    expectProblem(problems, { line: 2, column: 7, message: 'tags: expected a list, got "licensing"' });
    expectProblem(problems, { line: 3, column: 7, message: 'seed: expected a number, got "often"' });
  });

  it('unknown top-level key: did you mean, and no duplicate "missing steps" problem', () => {
    const problems = problemsOfFile(invalid('unknown-top-level-key.yaml'));
    expect(problems).toHaveLength(1);
    expectProblem(problems, { line: 2, column: 1, message: 'unknown top-level key "stpes"', hint: 'did you mean "steps"?', expected: 'steps' });
  });

  it('unknown nested key: positioned at the key, suggestion from that object', () => {
    const problems = problemsOfFile(invalid('unknown-nested-key.yaml'));
    expectProblem(problems, {
      line: 8,
      column: 7,
      message: 'services[0].distribution: unknown key "ringTimout"',
      hint: 'did you mean "ringTimeout"?',
    });
  });

  it('missing required key: reported at the map that lacks it', () => {
    const problems = problemsOfFile(invalid('missing-required.yaml'));
    expectProblem(problems, { line: 3, column: 5, message: 'services[0]: missing required key "license"' });
  });

  it('unknown verb: did you mean over the verbs', () => {
    const problems = problemsOfFile(invalid('unknown-verb.yaml'));
    expectProblem(problems, { line: 8, column: 5, message: 'steps[1]: unknown verb "anser"', hint: 'did you mean "answer"?', expected: 'inboundCall' });
  });

  it('bad enum value: lists canonical values and suggests the closest', () => {
    const problems = problemsOfFile(invalid('bad-enum.yaml'));
    expectProblem(problems, {
      line: 5,
      column: 44,
      message: 'steps[0].presence.availability: "Do Not Disturbb" is not a Teams availability',
      expected: 'one of: Available, Busy, Do Not Disturb',
      hint: 'did you mean "Do Not Disturb"?',
    });
  });

  it('bad duration: shows the accepted forms and the likely fix', () => {
    const problems = problemsOfFile(invalid('bad-duration.yaml'));
    expectProblem(problems, { line: 3, column: 11, message: '"10 seconds" is not a duration', expected: '1h30m or 00:10:00', hint: 'write 10s' });
  });

  it('bad E.164 number: quoted number without country code', () => {
    const problems = problemsOfFile(invalid('bad-e164.yaml'));
    expectProblem(problems, { line: 6, column: 21, message: 'services[0].pstn.number: "0445550100" is not an E.164 phone number', hint: 'country code' });
  });

  it('bad E.164 number: unquoted, YAML dropped the +', () => {
    const problems = problemsOfFile(invalid('unquoted-e164.yaml'));
    expectProblem(problems, { line: 7, column: 15, message: 'is not an E.164 phone number', hint: 'quote it: "+41445550100"' });
  });

  it('duplicate ids: points at the second one and names the first', () => {
    const problems = problemsOfFile(invalid('duplicate-ids.yaml'));
    expectProblem(problems, { line: 5, column: 11, message: 'users[2].id: duplicate user id "alice"', hint: 'users[0] (line 3)' });
  });

  it('dangling member and supervisor user ids', () => {
    const problems = problemsOfFile(invalid('dangling-member.yaml'));
    expectProblem(problems, { line: 6, column: 22, message: 'services[0].members[1].user: unknown user "bobb"', hint: 'did you mean "bob"? known users: alice, bob' });
    expectProblem(problems, { line: 7, column: 19, message: 'services[0].supervisors[0]: unknown user "sam"', hint: 'known users: alice, bob' });
  });

  it('a workflow Transfer to an unknown service, at the target', () => {
    const problems = problemsOfFile(invalid('workflow-loop.yaml'));
    expect(problems).toHaveLength(1);
    expectProblem(problems, { line: 6, column: 122, message: 'services[3].workflow[1].Transfer.to.service: unknown service "Nowhere"', hint: 'known services: Lobby, Front, Desk, Help' });
  });

  it('workflows that hand calls round in a loop, at the Transfer that starts it; one that queues first is no loop', () => {
    const problems = problemsOfFile(invalid('workflow-loop-only.yaml'));
    // Desk transfers to Lobby only after its Queue, so it is not part of the loop and not reported.
    expect(problems).toHaveLength(1);
    expectProblem(problems, {
      line: 3,
      column: 94,
      message: 'services[0].workflow[1]: the workflows transfer calls round in a loop: Lobby → Front → Lobby',
      hint: 'end one of them with Queue, Voice Message or Disconnect',
    });
  });

  it('dangling user, service and call references in steps and expectations', () => {
    const problems = problemsOfFile(invalid('dangling-step-refs.yaml'));
    expect(problems).toHaveLength(6);
    expectProblem(problems, { line: 7, column: 56, message: 'steps[0].inboundCall.to: unknown service "B"', hint: 'known services: A' });
    expectProblem(problems, { line: 8, column: 21, message: 'steps[1].answer.user: unknown user "alicia"', hint: 'did you mean "alice"?' });
    expectProblem(problems, { line: 9, column: 50, message: 'steps[2].transfer.to.user: unknown user "carl"' });
    expectProblem(problems, { line: 10, column: 21, message: 'steps[3].hangup.call: unknown call "c9"', hint: 'calls created so far: c1' });
    expectProblem(problems, { line: 11, column: 92, message: 'steps[4].scheduleOutbound.preferredUser: unknown user "alicia"', hint: 'did you mean "alice"?' });
    expectProblem(problems, { line: 13, column: 37, message: 'steps[5].expect.session.service: unknown service "Z"' });
  });

  it('call used before the step that creates it, and a creating step reusing an id', () => {
    const problems = problemsOfFile(invalid('call-before-created.yaml'));
    expectProblem(problems, { line: 7, column: 34, message: 'call "c1" is used before the step that creates it', hint: 'steps[1] (line 8)' });
    expectProblem(problems, { line: 9, column: 26, message: 'steps[2].inboundCall.call: call "c1" already exists', hint: 'own id' });
    const reused = problemsOfFile(invalid('call-reused.yaml'));
    expectProblem(reused, { line: 8, column: 27, message: 'steps[1].callOnBehalf.call: call "c1" already exists (created by steps[0], line 7)' });
  });

  it('extends a missing file: positioned at the extends value', () => {
    const problems = problemsOfFile(invalid('extends-missing.yaml'));
    expectProblem(problems, { line: 2, column: 10, message: 'extends "./no-such-base.yaml": no such file', hint: 'no-such-base.yaml' });
  });

  it('extends cycle: names the chain, positioned where the cycle closes', () => {
    const problems = problemsOfFile(invalid('extends-cycle-a.yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toMatch(/extends-cycle-b\.yaml$/);
    expectProblem(problems, { line: 1, column: 10, message: 'extends cycle: extends-cycle-a.yaml -> extends-cycle-b.yaml -> extends-cycle-a.yaml' });
  });

  it('extends leaving the suite root', () => {
    const problems = problemsOfFile(invalid('extends-outside-root.yaml'));
    expectProblem(problems, { line: 2, column: 10, message: 'leaves the suite root', hint: 'pass --allow-outside-root' });
  });

  it('a mistake in the extended file is reported in that file', () => {
    const problems = problemsOfFile(invalid('extends-bad-base.yaml'));
    expect(problems[0]?.file).toMatch(/_broken-base\.yaml$/);
    expectProblem(problems, { line: 2, column: 42, message: 'users[0]: unknown key "presense"', hint: 'did you mean "presence"?' });
  });

  it('a bad value merged over the extended file is reported where it was written', () => {
    const problems = problemsOfFile(invalid('extends-bad-override.yaml'));
    expect(problems[0]?.file).toMatch(/extends-bad-override\.yaml$/);
    expectProblem(problems, { line: 5, column: 34, message: 'services[0].distribution.ringTimeout: "soon" is not a duration' });
  });

  it('empty file and a file of comments only', () => {
    expectProblem(problemsOfFile(invalid('empty.yaml')), { line: 1, column: 1, message: 'the file is empty' });
    expectProblem(problemsOfFile(invalid('comments-only.yaml')), { line: 1, column: 1, message: 'the file is empty' });
  });

  it('top level that is not a map', () => {
    expectProblem(problemsOfFile(invalid('not-a-map.yaml')), { line: 1, column: 1, message: 'the top level must be a map of keys (name, steps, ...), got a list' });
  });

  it('both at and after on one step', () => {
    const problems = problemsOfFile(invalid('at-and-after.yaml'));
    expectProblem(problems, { line: 6, column: 5, message: 'steps[1]: a step takes either "at"' });
  });

  it('two verbs in one step', () => {
    const problems = problemsOfFile(invalid('two-verbs.yaml'));
    expectProblem(problems, { line: 6, column: 5, message: 'a step takes exactly one verb, found "duty" and "presence"' });
  });

  it('transfer targets, alternatives and literal values', () => {
    const problems = problemsOfFile(invalid('bad-target.yaml'));
    expectProblem(problems, { line: 9, column: 44, message: 'steps[1].transfer.to: unknown key "servce"', hint: 'did you mean "service"?' });
    expectProblem(problems, { line: 10, column: 56, message: '"service" and "user" cannot be used together', expected: '{ service }, { user }, { pstn }, { upn }' });
    expectProblem(problems, { line: 11, column: 36, message: 'steps[3].inboundCall.from: "12345" is not accepted here', expected: 'E.164' });
    expectProblem(problems, { line: 12, column: 29, message: 'steps[4].graphFault.endpoint: "presense" is not allowed here', hint: 'did you mean "presence"?' });
    expectProblem(problems, { line: 12, column: 47, message: 'steps[4].graphFault.status: 404 is not accepted here', expected: '429, 500, 503, network' });
  });

  it('every invalid fixture fails with positioned problems, never another error', () => {
    const files = readdirSync(fixture('invalid')).filter((name) => !name.startsWith('_') && name !== 'extends-cycle-b.yaml');
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const error = loadError(() => loadScenarioFile(invalid(name)));
      expect(error, name).toBeInstanceOf(ScenarioLoadError);
      expect(error.problems.length, name).toBeGreaterThan(0);
      for (const problem of error.problems) {
        expect(problem.line, `${name}: ${problem.message}`).toBeGreaterThan(0);
        expect(problem.column, `${name}: ${problem.message}`).toBeGreaterThan(0);
      }
      expect(error.format()).not.toMatch(/\n\s+at /);
    }
  });
});
