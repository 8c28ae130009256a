import { describe, expect, it } from 'vitest';
import { compareShape } from './shape.js';
import { parseTolerantJson } from './tolerantJson.js';

describe('compareShape', () => {
  it('reports missing keys and type differences, and tolerates extras and documented nulls', () => {
    const documented = { id: 'x', n: 1, nested: { a: true, b: 'y' }, list: [{ k: 'v' }], anything: null };
    const actual = { id: 'y', n: '1', nested: { a: false }, list: [{ k: 'w' }, { k: 2 }], anything: { deep: 1 }, extra: 0 };
    expect(compareShape(documented, actual)).toEqual({
      mismatches: [
        { path: '$.n', problem: 'type', expected: 'number', actual: 'string' },
        { path: '$.nested.b', problem: 'missing', expected: 'string', actual: 'absent' },
        { path: '$.list[1].k', problem: 'type', expected: 'string', actual: 'number' },
      ],
      extra: ['$.extra'],
      unchecked: [],
    });
  });

  it('flags arrays the sample fills but the response leaves empty', () => {
    expect(compareShape({ value: [{ id: 'a' }] }, { value: [] }).unchecked).toEqual(['$.value']);
  });
});

describe('parseTolerantJson', () => {
  it('repairs trailing commas, comments and ellipses outside strings only', () => {
    const text = `{
      // a comment
      "url": "https://example.com/a,}", /* block */
      "list": [1, 2, ...],
      "obj": { "a": 1, },
    }`;
    expect(parseTolerantJson(text)).toEqual({
      ok: true,
      value: { url: 'https://example.com/a,}', list: [1, 2], obj: { a: 1 } },
      repairs: ['line comment', 'block comment', 'ellipsis', 'trailing comma'],
    });
  });

  it('gives up with a reason when the text is not JSON-like', () => {
    expect(parseTolerantJson('<Media Session Configuration>')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
  });
});
