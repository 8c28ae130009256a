import { describe, expect, it } from 'vitest';
import { ScenarioLoadError, ScenarioUsageError, formatProblem } from '../../../sim/scenario/errors.js';
import { closest, editDistance } from '../../../sim/scenario/suggest.js';

describe('ScenarioLoadError', () => {
  const error = new ScenarioLoadError([
    { file: 'b.yaml', line: 3, column: 5, message: 'second', path: [] },
    { file: 'a.yaml', line: 9, column: 1, message: 'unknown key "stpes"', expected: 'one of: name, steps', hint: 'did you mean "steps"?', path: ['stpes'] },
    { file: 'b.yaml', line: 1, column: 2, message: 'first', path: [] },
  ]);

  it('sorts problems by file and position', () => {
    expect(error.problems.map((p) => p.message)).toEqual(['unknown key "stpes"', 'first', 'second']);
  });

  it('formats file:line:col: message with indented expected and hint lines', () => {
    expect(error.format()).toBe(
      [
        'a.yaml:9:1: unknown key "stpes"',
        '    expected: one of: name, steps',
        '    hint: did you mean "steps"?',
        'b.yaml:1:2: first',
        'b.yaml:3:5: second',
      ].join('\n'),
    );
    expect(error.message).toBe(error.format());
  });

  it('prints file-level problems without a position', () => {
    expect(formatProblem({ file: 'gone.yaml', line: 0, column: 0, message: 'no such file', path: [] })).toBe('gone.yaml: no such file');
  });

  it('marks usage errors while staying a ScenarioLoadError', () => {
    const usage = new ScenarioUsageError([{ file: 'x', line: 0, column: 0, message: 'no such file or folder', path: [] }]);
    expect(usage).toBeInstanceOf(ScenarioLoadError);
    expect(usage.name).toBe('ScenarioUsageError');
  });
});

describe('did you mean', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('stpes', 'steps')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('ignores case, spaces, hyphens and underscores', () => {
    expect(closest('inbound_call', ['inboundCall', 'answer'])).toBe('inboundCall');
    expect(closest('Do Not Disturbb', ['Available', 'Do Not Disturb'])).toBe('Do Not Disturb');
  });

  it('suggests nothing for unrelated words', () => {
    expect(closest('banana', ['steps', 'name', 'tenant'])).toBeUndefined();
    expect(closest('at', ['id', 'upn'])).toBeUndefined();
  });
});
