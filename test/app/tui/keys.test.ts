/** One-line text fields in the Ink views: what a key does to the text. */
import { describe, expect, it } from 'vitest';
import { editText, keyPresses, press } from '../../../app/tui/keys.js';

describe('editText', () => {
  it('adds printable keys and removes the last character on backspace or delete', () => {
    expect(editText('ab', press('c'))).toBe('abc');
    expect(editText('ab', press('', { backspace: true }))).toBe('a');
    expect(editText('', press('', { delete: true }))).toBe('');
  });
  it('leaves the text alone for keys that do not edit', () => {
    expect(editText('ab', press('', { upArrow: true }))).toBeUndefined();
    expect(editText('ab', press('c', { ctrl: true }))).toBeUndefined();
    expect(editText('ab', press('x', { meta: true }))).toBeUndefined();
  });
});

describe('keyPresses', () => {
  it('splits a chunk of plain keys into one press per key, uppercase with shift', () => {
    expect(keyPresses('nnn', {})).toEqual([press('n'), press('n'), press('n')]);
    expect(keyPresses('/XF', {})).toEqual([press('/'), press('X', { shift: true }), press('F', { shift: true })]);
  });
  it('turns enter, tab and backspace inside a chunk into their keys', () => {
    expect(keyPresses('a\r\t\u007f', {})).toEqual([press('a'), press('', { return: true }), press('', { tab: true }), press('', { backspace: true })]);
  });
  it('leaves a single key, and Ctrl or Meta combinations, as Ink reported them', () => {
    expect(keyPresses('q', {})).toEqual([press('q')]);
    expect(keyPresses('', { upArrow: true })).toEqual([press('', { upArrow: true })]);
    expect(keyPresses('ab', { meta: true })).toEqual([press('ab', { meta: true })]);
    expect(keyPresses('★✓', {})).toEqual([press('★'), press('✓')]);
  });
});
