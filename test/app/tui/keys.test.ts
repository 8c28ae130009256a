/** One-line text fields in the Ink views: what a key does to the text. */
import { describe, expect, it } from 'vitest';
import { editText, press } from '../../../app/tui/keys.js';

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
