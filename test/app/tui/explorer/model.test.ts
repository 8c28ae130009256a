/** The explorer's key reducer without Ink: modes, selection, the work keys ask for, and the payload editor. */
import { describe, expect, it } from 'vitest';
import { EXPLORER_HELP, explorerFooter, explorerKey, explorerLineColor, initialExplorerUi, logLines, machinesLayout, pageRows, panelExtent, parseEvent, type ExplorerKeyContext, type ExplorerUi } from '../../../../app/tui/explorer/model.js';
import { buildTimeline, timelineFrame } from '../../../../app/tui/timeline/model.js';
import { press, type KeyPress } from '../../../../app/tui/keys.js';

const bea = { ref: { kind: 'agent' as const, id: 'bea' }, accepts: ['ACCEPT', 'HOLD', 'SET_DUTY'] };
const timelineModel = buildTimeline(Array.from({ length: 60 }, (_, i) => ({ at: i * 1000, lane: `user:u${i % 30}:status`, label: `L${i}` })));
const ctx: ExplorerKeyContext = {
  current: bea,
  actorCount: () => 3,
  extent: (part) => (part === 'panel' ? panelExtent(40, 11) : { total: part === 'log' ? 100 : EXPLORER_HELP.length, height: 19 }),
  timeline: (at) => ({ frame: timelineFrame(timelineModel, 'so far', 80, 19, at), height: 19 }),
};
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
    expect(timeline.view).toBe('timeline');
    expect(explorerKey(timeline, press('', { leftArrow: true }), ctx).effect).toBeUndefined();
    expect(explorerKey(timeline, press('n'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'next' } });
  });

  it('asks for work while busy too (the app queues it, so typed-ahead keys each count), and q quits', () => {
    const busy = { ...initialExplorerUi, busy: true };
    expect(explorerKey(busy, press('n'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'next' } });
    expect(explorerKey(busy, press('j'), ctx).ui.selected).toBe(1);
    expect(explorerKey(busy, press('q'), ctx).effect).toEqual({ kind: 'exit' });
  });

  it('scrolls the panel with J/K and the page keys, and a new selection starts it at the top', () => {
    const down = keys(initialExplorerUi, press('J'), press('J'), press('', { pageDown: true }));
    expect(down.panelScroll).toBe(2 + 9);
    expect(keys(down, press('K')).panelScroll).toBe(10);
    expect(keys(down, press('', { pageDown: true }), press('', { pageDown: true }), press('', { pageDown: true })).panelScroll).toBe(40 - 10);
    expect(keys(down, press('j'))).toMatchObject({ selected: 1, panelScroll: 0 });
  });

  it('t, l and ? open the timeline, the log (at its end) and the help; each scrolls; esc returns to the machines', () => {
    const timeline = keys(initialExplorerUi, press('t'), press('', { rightArrow: true }), press('j'), press('G'));
    expect(timeline).toMatchObject({ view: 'timeline', timeline: { offset: 4, scroll: 30 - 17 } });
    expect(keys(timeline, press('', { escape: true })).view).toBe('machines');
    expect(keys(timeline, press('t')).view).toBe('machines');
    const log = keys(initialExplorerUi, press('l'));
    expect(log).toMatchObject({ view: 'log', logScroll: Number.POSITIVE_INFINITY });
    expect(keys(log, press('k')).logScroll).toBe(100 - 19 - 1);
    expect(keys(log, press('g'), press(' ')).logScroll).toBe(18);
    expect(explorerKey(log, press('n'), ctx).effect).toEqual({ kind: 'work', job: { kind: 'next' } });
    expect(keys(log, press('l')).view).toBe('machines');
    const help = keys(log, press('?'));
    expect(help).toMatchObject({ view: 'help', helpBack: 'log', helpScroll: 0 });
    expect(keys(help, press('G')).helpScroll).toBe(EXPLORER_HELP.length - 19);
    expect(explorerKey(help, press('n'), ctx).effect).toBeUndefined();
    expect(keys(help, press('?')).view).toBe('log');
    expect(keys(help, press('', { escape: true })).view).toBe('log');
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
    expect(explorerFooter('timeline')).toMatch(/^←→ time · ↑↓ rows · n next/);
    expect(explorerFooter('machines')).toMatch(/^↑↓ select · n next/);
    for (const view of ['machines', 'timeline', 'log', 'help'] as const) {
      expect([...explorerFooter(view)].length, view).toBeLessThanOrEqual(80);
      expect(explorerFooter(view)).toMatch(/q quit$/);
    }
    for (const line of EXPLORER_HELP) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('shares the rows of the machines view: the last action gets a third at most, the machines the rest', () => {
    expect(machinesLayout(23, 0)).toEqual({ body: 16, detail: 0 });
    expect(machinesLayout(23, 3)).toEqual({ body: 13, detail: 3 });
    expect(machinesLayout(23, 40)).toEqual({ body: 11, detail: 5 });
    expect(machinesLayout(49, 40)).toEqual({ body: 28, detail: 14 });
    expect(pageRows(23)).toBe(19);
    expect(panelExtent(5, 11)).toEqual({ total: 5, height: 11 });
    expect(panelExtent(40, 11)).toEqual({ total: 40, height: 10 });
  });

  it('the log has every action with its detail, oldest first', () => {
    expect(logLines([], 80)).toEqual(['nothing yet: press n to run the first step']);
    const step = { action: { kind: 'step' as const, index: 0 }, at: 0, line: 9, verb: 'answer', text: 'bea answers c1', ok: true };
    const refused = { action: { kind: 'step' as const, index: 1 }, at: 1000, line: 10, verb: 'transfer', text: 'refused', ok: false, error: { message: 'no such call', hint: 'check the id' } };
    expect(logLines([step, refused], 80)).toEqual(['00:00:00.000  L9 answer ✓ bea answers c1', '00:00:01.000  L10 transfer ✗ refused', '    error: no such call', '    hint: check the id']);
    // wrapped to the width, each line keeping its indentation
    expect(logLines([refused], 24)).toEqual(['00:00:01.000 L10', '  transfer ✗ refused', '    error: no such call', '    hint: check the id']);
  });
});
