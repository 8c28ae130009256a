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

/** Control characters that can sit inside a pasted or typed-ahead chunk, as the key Ink reports alone. */
const CONTROL: Record<string, KeyFlags> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\u007f': { backspace: true },
  '\b': { backspace: true },
};

/**
 * The presses in what Ink hands a useInput handler. Ink splits escape sequences (arrows, page keys) into
 * separate calls, but a run of plain characters that arrives in one chunk (a paste, keys typed faster than a
 * frame, tmux send-keys of a string) comes as one `input`; each character is a key of its own, so a pasted
 * `/XFER` filters and `nnnnnn` steps six times.
 */
export function keyPresses(input: string, key: KeyFlags): KeyPress[] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
  return chars.map((c) => {
    const control = CONTROL[c];
    return control ? { input: '', key: control } : { input: c, key: c !== c.toLowerCase() ? { shift: true } : {} };
  });
}

/**
 * What a one-line text field holds after a key: backspace/delete removes the last character, a printable key
 * adds itself; undefined when the key does not edit (arrows, Ctrl and Meta combinations).
 */
export function editText(text: string, { input, key }: KeyPress): string | undefined {
  if (key.backspace || key.delete) return text.slice(0, -1);
  if (input && !key.ctrl && !key.meta) return text + input;
  return undefined;
}
