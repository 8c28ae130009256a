/** The explorer's key reducer without Ink: modes, selection, the work keys ask for, and the payload editor. */
import { describe, expect, it } from 'vitest';
import { explorerFooter, explorerKey, explorerLineColor, initialExplorerUi, parseEvent, type ExplorerKeyContext, type ExplorerUi } from '../../../../app/tui/explorer/model.js';
import { press, type KeyPress } from '../../../../app/tui/keys.js';

const bea = { ref: { kind: 'agent' as const, id: 'bea' }, accepts: ['ACCEPT', 'HOLD', 'SET_DUTY'] };
const ctx: ExplorerKeyContext = { current: bea, actorCount: () => 3 };
const keys = (ui: ExplorerUi, ...presses: KeyPress[]) => presses.reduce((u, p) => explorerKey(u, p, ctx).ui, ui);
const ESC = press('', { escape: true });
const ENTER = press('', { return: true });

describe('explorerKey', () => {
  it('moves the selection within the actors', () => {
    expect(keys(initialExplorerUi, press('j'), press('j'), press('j'), press('j')).selected).toBe(2);
    expect(keys(initialExplorerUi, press('j'), press('', { upArrow: true }), press('k')).selected).toBe(0);
  });

  it('n, b and r ask for engine work; arrows step too, except in the timeline where they scroll time', () => {
    expect(explorerKey(initialExplorerUi, press('n'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'next' } });
    expect(explorerKey(initialExplorerUi, press('', { rightArrow: true }), ctx).effect).toEqual({ kind: 'work', job: { kind: 'next' } });
    expect(explorerKey(initialExplorerUi, press('b'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'back' }, done: 'went back one action (replayed from the start)' });
    expect(explorerKey(initialExplorerUi, press('r'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'runToEnd' } });
    const timeline = keys(initialExplorerUi, press('t'));
    expect(timeline.timeline).toBe(true);
    expect(explorerKey(timeline, press('', { leftArrow: true }), ctx).effect).toBeUndefined();
    expect(explorerKey(timeline, press('n'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'next' } });
  });

  it('ignores keys that start work while busy, but q still quits', () => {
    const busy = { ...initialExplorerUi, busy: true };
    expect(explorerKey(busy, press('n'), ctx)).toEqual({ ui: busy });
    expect(explorerKey(busy, press('j'), ctx).ui.selected).toBe(0);
    expect(explorerKey(busy, press('q'), ctx).effect).toEqual({ kind: 'exit' });
  });

  it('w flips the panel between why and context; m asks for the Mermaid diagram of the selected actor', () => {
    expect(keys(initialExplorerUi, press('w')).panel).toBe('context');
    expect(keys(initialExplorerUi, press('w'), press('w')).panel).toBe('why');
    expect(explorerKey(initialExplorerUi, press('m'), ctx).effect).toEqual({ kind: 'mermaid', actor: bea.ref });
  });

  it('e picks an accepted event, enter asks for its template; esc leaves', () => {
    const pick = keys(initialExplorerUi, press('e'), press('', { downArrow: true }), press('', { downArrow: true }), press('', { downArrow: true }));
    expect(pick.mode).toEqual({ kind: 'pick', cursor: 2 });
    expect(explorerKey(keys(pick, press('', { upArrow: true })), ENTER, ctx).effect).toEqual({ kind: 'template', actor: bea.ref, type: 'HOLD' });
    expect(keys(pick, ESC).mode).toEqual({ kind: 'main' });
    expect(explorerKey(initialExplorerUi, press('e'), { ...ctx, current: { ...bea, accepts: [] } }).ui.mode).toEqual({ kind: 'main' });
  });

  it('the payload editor edits text, says what is wrong with it, and sends a valid event', () => {
    const edit: ExplorerUi = { ...initialExplorerUi, mode: { kind: 'edit', text: '{"type":"HOL' } };
    const typed = keys(edit, press('D'), press('"'), press('}'));
    expect(typed.mode).toEqual({ kind: 'edit', text: '{"type":"HOLD"}' });
    expect(keys(typed, press('', { backspace: true })).mode).toEqual({ kind: 'edit', text: '{"type":"HOLD"' });
    const wrong = keys(edit, ENTER).mode;
    expect(wrong).toMatchObject({ kind: 'edit', error: expect.stringMatching(/^not JSON: /) });
    expect(keys({ ...edit, mode: { kind: 'edit', text: '[1]' } }, ENTER).mode).toMatchObject({ error: 'an event is a JSON object with a "type"' });
    const sent = explorerKey(typed, ENTER, ctx);
    expect(sent.ui.mode).toEqual({ kind: 'main' });
    expect(sent.effect).toEqual({ kind: 'work', job: { kind: 'send', actor: bea.ref, event: { type: 'HOLD' } }, done: 'sent HOLD to agent bea' });
    expect(keys(typed, ESC).mode).toEqual({ kind: 'main' });
  });
});

describe('explorer text', () => {
  it('parses an event payload', () => {
    expect(parseEvent('{"type":"HOLD","call":"c1"}')).toEqual({ type: 'HOLD', call: 'c1' });
    expect(parseEvent('{"call":"c1"}')).toBe('an event is a JSON object with a "type"');
  });
  it('colours refusals, passes and hints; the footer names the arrows by view', () => {
    expect(explorerLineColor('  refused: pstnTransfer')).toBe('red');
    expect(explorerLineColor('✓ expect')).toBe('green');
    expect(explorerLineColor('hint: try')).toBe('yellow');
    expect(explorerFooter(true)).toMatch(/^←→ scroll time · t machines · n next step/);
    expect(explorerFooter(false)).toMatch(/^↑↓ select · t timeline · n next step/);
  });
});
