/**
 * Key presses as plain data, so the views' key handling lives in reducers that tests call without Ink.
 */
import type { Key } from 'ink';

/** Ink's key flags; a test names only the ones it presses. */
export type KeyFlags = Partial<Key>;

export interface KeyPress {
  input: string;
  key: KeyFlags;
}

/** A press of `key` flags with no text, e.g. `press('', { escape: true })`; `press('q')` for a letter. */
export const press = (input: string, key: KeyFlags = {}): KeyPress => ({ input, key });

/**
 * What a one-line text field holds after a key: backspace/delete removes the last character, a printable key
 * adds itself; undefined when the key does not edit (arrows, Ctrl and Meta combinations).
 */
export function editText(text: string, { input, key }: KeyPress): string | undefined {
  if (key.backspace || key.delete) return text.slice(0, -1);
  if (input && !key.ctrl && !key.meta) return text + input;
  return undefined;
}
