import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../../sim/scenario/load.js';
import { ExplorerApp } from '../../../../app/tui/explorer/ExplorerApp.js';
import { ExplorerSession, emptyScenario, genericEvent, stateLines } from '../../../../app/tui/explorer/session.js';
import { transcript } from '../../../../app/tui/explorer/transcript.js';
import { expectFits, renderAt, resize, screenLines, tick, until } from '../screen.js';

const scenarioB = () => loadScenarioFile('scenarios/scenario-b.yaml');
const sessions: ExplorerSession[] = [];
const open = async (s = scenarioB()) => {
  const session = await ExplorerSession.open(s);
  sessions.push(session);
  return session;
};
afterEach(() => {
  sessions.splice(0).forEach((s) => s.close());
});

describe('ExplorerSession', () => {
  it('steps scenario B to the failed PSTN transfer and explains it with XFER-03', async () => {
    const s = await open();
    let entry;
    while ((entry = await s.next()) !== undefined && entry.verb !== 'transfer' || entry?.ok !== false) {
      if (entry === undefined) break;
    }
    expect(entry?.verb).toBe('transfer');
    expect(entry?.ok).toBe(false);
    expect(entry?.decision?.question).toBe('pstnTransfer');
    expect(entry?.decision?.because).toContain('XFER-03');
    expect(s.actor({ kind: 'callSession', id: 'c1' })?.headline).toBe('Ended');
    expect(s.nextStepIndex).toBe(6);
  });

  it('time travel: going back replays the prefix and lands on the same state', async () => {
    const s = await open();
    for (let i = 0; i < 3; i++) await s.next();
    const before = JSON.stringify(s.actors().map((a) => [a.ref, a.states, a.headline]));
    await s.next();
    expect(s.actor({ kind: 'agent', id: 'carl' })?.headline).toBe('Connected');
    expect(await s.back()).toBe(true);
    expect(JSON.stringify(s.actors().map((a) => [a.ref, a.states, a.headline]))).toBe(before);
    expect(s.history).toHaveLength(3);
    await s.travelTo(0);
    expect(s.actors().filter((a) => a.ref.kind === 'callSession')).toHaveLength(0);
    expect(await s.back()).toBe(false);
  });

  it('sends a raw event derived from the machine and the actor context, and lists what the actor accepts', async () => {
    const s = await open();
    await s.next();
    await s.next(); // bea answers c1
    const bea = s.actor({ kind: 'agent', id: 'bea' });
    expect(bea?.states).toContain('work.Connected.Talking');
    expect(bea?.accepts).toContain('HOLD');
    expect(bea?.enabled).toContain('HOLD');
    const hold = s.eventTemplate({ kind: 'agent', id: 'bea' }, 'HOLD');
    expect(hold).toEqual({ type: 'HOLD', call: 'c1' });
    await s.send({ kind: 'agent', id: 'bea' }, hold);
    expect(s.actor({ kind: 'agent', id: 'bea' })?.states).toContain('work.Connected.OnHold');
    await s.back();
    expect(s.actor({ kind: 'agent', id: 'bea' })?.states).toContain('work.Connected.Talking');
  });

  it('the why panel gives button, dial pad and selectability decisions for every service', async () => {
    const s = await open();
    const rows = s.why('bea');
    expect(rows.map((r) => r.service)).toEqual(['B', 'C']);
    expect(rows[0]?.member).toBe(true);
    expect(rows[1]?.member).toBe(false);
    expect(rows[0]?.selectable.verdict).toBe(true);
    expect(rows[1]?.selectable.verdict).toBe(false);
    expect(rows[0]?.dialPad.because).toContain('COB-06');
    expect(s.why('nobody')).toEqual([]);
  });

  it('opens an empty tenant', async () => {
    const s = await open(emptyScenario());
    expect(s.actors()).toEqual([]);
    expect(await s.next()).toBeUndefined();
  });

  it('the plain transcript shows the refusal with rule ids and titles', async () => {
    const s = await open();
    const lines: string[] = [];
    for await (const l of transcript(s)) lines.push(l);
    const text = lines.join('\n');
    expect(text).toMatch(/L30 transfer ✗ carl transfers c1 to \+41795550199: Transfer failed/);
    expect(text).toMatch(/✗ XFER-03 Unlicensed first service, failed PSTN transfer/);
    expect(text).toContain('why (carl):');
    expect(text).not.toContain('\u001b[');
  });
});

describe('helpers', () => {
  it('state values become dotted paths', () => {
    expect(stateLines({ work: { Connected: 'Talking' }, duty: 'OnDuty' })).toEqual(['work.Connected.Talking', 'duty.OnDuty']);
    expect(stateLines('Ended')).toEqual(['Ended']);
  });
  it('a call event carries the virtual time, a user event the task it concerns', () => {
    expect(genericEvent('ENDED', { callId: 'c1', user: 'bea', currentService: 'B' }, 500)).toEqual({ type: 'ENDED', at: 500, user: 'bea', service: 'B' });
    expect(genericEvent('UNPARK', { offer: null, active: null, parked: [{ call: 'c2', service: 'B' }] }, 0)).toEqual({ type: 'UNPARK', call: 'c2' });
  });
});

describe('ExplorerApp', () => {
  it('steps with n, shows why the PSTN transfer failed, goes back with b, and quits with q', async () => {
    const s = await open();
    const ui = render(<ExplorerApp session={s} />);
    expect(ui.lastFrame()).toContain('step 0/7');
    expect(ui.lastFrame()).toContain('agent bea');
    expect(ui.lastFrame()).toContain('nothing yet: press n');
    expect(ui.lastFrame()).toMatch(/q quit/);
    for (let i = 1; i <= 6; i++) {
      ui.stdin.write('n');
      await until(ui.lastFrame, `step ${i}/7`);
      await tick();
    }
    const failed = await until(ui.lastFrame, 'refused: pstnTransfer');
    expect(failed).toMatch(/L30 transfer ✗ carl transfers c1/);
    expect(failed).toMatch(/✗ XFER-03 Unlicensed first service, failed PSTN transfer/);
    ui.stdin.write('b');
    await until(ui.lastFrame, 'step 5/7');
    expect(ui.lastFrame()).toContain('L29 expect ✓');
    ui.unmount();
  });

  it('sends an event picked from the accepted list through the payload editor', async () => {
    const s = await open();
    await s.next();
    await s.next();
    const ui = render(<ExplorerApp session={s} />);
    expect(ui.lastFrame()).toContain('› agent bea');
    ui.stdin.write('e');
    await until(ui.lastFrame, 'send which event to agent bea?');
    const accepts = s.actor({ kind: 'agent', id: 'bea' })?.accepts ?? [];
    for (let i = 0; i < accepts.indexOf('HOLD'); i++) {
      ui.stdin.write('\u001b[B');
      await tick();
    }
    ui.stdin.write('\r');
    await until(ui.lastFrame, '{"type":"HOLD","call":"c1"}');
    ui.stdin.write('\r');
    await until(ui.lastFrame, 'sent HOLD to agent bea');
    expect(s.actor({ kind: 'agent', id: 'bea' })?.states).toContain('work.Connected.OnHold');
    expect(ui.lastFrame()).toContain('state work.Connected.OnHold');
    ui.unmount();
  });

  it('t shows the timeline of the session so far, and it follows new steps', async () => {
    const s = await open();
    await s.next();
    const ui = render(<ExplorerApp session={s} />);
    await tick();
    ui.stdin.write('t');
    const shown = await until(ui.lastFrame, /timeline · columns .* · so far/);
    expect(shown).toMatch(/c1 task\s+┃Establishing/);
    expect(shown).toContain('←→ time · ↑↓ rows');
    const columnsOf = (f: string) => Number(/columns \d+–\d+ of (\d+)/.exec(f)?.[1] ?? NaN);
    const before = columnsOf(shown);
    for (let i = 2; i <= 4; i++) {
      ui.stdin.write('n');
      await until(ui.lastFrame, `step ${i}/7`);
      await tick();
    }
    expect(columnsOf(ui.lastFrame() ?? '')).toBeGreaterThan(before);
    expect(ui.lastFrame()).toMatch(/carl status\s+┃Available/);
    ui.stdin.write('t');
    await until(ui.lastFrame, 'accepts now');
    ui.unmount();
  });

  it('calls the Mermaid exporter for the selected actor', async () => {
    const s = await open();
    const asked: string[] = [];
    const ui = render(<ExplorerApp session={s} exportMermaid={(ref) => (asked.push(`${ref.kind}:${ref.id}`), 'wrote agent-machine.mmd')} />);
    ui.stdin.write('m');
    await until(ui.lastFrame, 'wrote agent-machine.mmd');
    expect(asked).toEqual(['agent:bea']);
    ui.unmount();
  });
});

const longShift = () => loadScenarioFile('test/e2e/fixtures/long/long-shift.yaml', { allowOutsideRoot: true });

describe('ExplorerApp at 80x24 on a 70-step scenario with 16 calls', () => {
  it('every view fits: the machines, the panel, the pickers, the timeline, the log and the help; each scrolls to its end', async () => {
    const s = await open(longShift());
    const steps = s.scenario.steps.length;
    const ui = await renderAt(<ExplorerApp session={s} />);
    expectFits(await until(ui.lastFrame, `step 0/${steps}`));
    ui.stdin.write('r');
    const end = expectFits(await until(ui.lastFrame, `step ${steps}/${steps} ·`));
    expect(end).toMatch(/actors 1–\d+ of 20/);
    expect(end).toContain('next: end of scenario');
    // the actor list follows the selection down to the last call session
    ui.stdin.write('j'.repeat(19));
    const bottom = expectFits(await until(ui.lastFrame, '› call session c16'));
    expect(bottom).toMatch(/actors \d+–20 of 20/);
    // an agent's context is longer than the panel's rows: J/K and the page keys scroll it
    ui.stdin.write('k'.repeat(19));
    await until(ui.lastFrame, '› agent bea');
    ui.stdin.write('w');
    const bea = expectFits(await until(ui.lastFrame, 'context:'));
    expect(bea).toMatch(/J K PgUp PgDn scroll · 1–\d+ of \d+/);
    const panelTotal = Number(/J K PgUp PgDn scroll · 1–\d+ of (\d+)/.exec(bea)?.[1]);
    for (let i = 0; i < 5; i++) ui.stdin.write('\u001b[6~');
    expectFits(await until(ui.lastFrame, new RegExp(`J K PgUp PgDn scroll · \\d+–${panelTotal} of ${panelTotal}`)));
    // the event picker and the payload editor
    ui.stdin.write('e');
    expectFits(await until(ui.lastFrame, 'send which event to agent bea?'));
    ui.stdin.write('\u001b[B'.repeat(40));
    ui.stdin.write('\r');
    expectFits(await until(ui.lastFrame, 'event payload for agent bea'));
    await new Promise((r) => setTimeout(r, 60));
    ui.stdin.write('\u001b');
    expectFits(await until(ui.lastFrame, 'J K PgUp PgDn scroll'));
    // the log: opens at its end, where the last step is
    ui.stdin.write('l');
    const log = expectFits(await until(ui.lastFrame, 'esc back · ? help · q quit'));
    const lastLine = s.scenario.stepLines.at(-1);
    expect(log).toMatch(new RegExp(`L${lastLine} expect ✓`));
    ui.stdin.write('g');
    const top = expectFits(await until(ui.lastFrame, /^1–\d+ of \d+ · ↑↓ PgUp PgDn/m));
    expect(top).toMatch(/L16 inboundCall ✓ \+41791110001 calls B \(c1\)/);
    ui.stdin.write('G');
    expectFits(await until(ui.lastFrame, new RegExp(`L${lastLine} expect ✓`)));
    // the timeline: to its last column and its last row
    ui.stdin.write('t');
    const timeline = expectFits(await until(ui.lastFrame, /timeline · columns 1–\d+ of (\d+) · rows 1–\d+ of (\d+)/));
    const columns = Number(/columns 1–\d+ of (\d+)/.exec(timeline)?.[1]);
    for (let i = 0; i < columns; i++) ui.stdin.write('\u001b[C');
    expectFits(await until(ui.lastFrame, new RegExp(`columns \\d+–${columns} of ${columns}`)));
    ui.stdin.write('G');
    const timelineEnd = expectFits(await until(ui.lastFrame, /rows \d+–(\d+) of \1/));
    expect(timelineEnd).toMatch(/^c16: B★/m);
    // the help, from the timeline, back to it
    ui.stdin.write('?');
    expectFits(await until(ui.lastFrame, 'Keys of the explorer'));
    ui.stdin.write('G');
    expectFits(await until(ui.lastFrame, 'log'));
    ui.stdin.write('?');
    await until(ui.lastFrame, /timeline · columns/);
    ui.unmount();
  });

  it('follows a resize in every view: 120x40, 60x16, and back to 80x24', async () => {
    const s = await open(longShift());
    await s.next();
    const ui = await renderAt(<ExplorerApp session={s} />);
    for (const view of ['', 'l', 't']) {
      if (view) ui.stdin.write(view);
      for (const [columns, rows] of [[120, 40], [60, 16], [80, 24]] as const) {
        await resize(ui, columns, rows);
        expectFits(ui.lastFrame(), columns, rows);
      }
      if (view) ui.stdin.write(view);
    }
    ui.unmount();
  });
});

describe('ExplorerApp with batched keys', () => {
  it('"nnnnnn" in one chunk runs six steps, one after the other', async () => {
    const s = await open();
    const ui = await renderAt(<ExplorerApp session={s} />);
    ui.stdin.write('nnnnnn');
    const failed = expectFits(await until(ui.lastFrame, 'step 6/7 ·'));
    await until(ui.lastFrame, /explore step 6\/7 · virtual [\d:.]+ · history 6$/m);
    expect(s.history).toHaveLength(6);
    expect(failed).toMatch(/L30 transfer ✗ carl transfers c1/);
    // the refusal with its rules, in the rows the last action has at 80x24
    expect(failed).toMatch(/refused: pstnTransfer/);
    ui.stdin.write('bb');
    await until(ui.lastFrame, /history 4$/m);
    expect(screenLines(ui.lastFrame()).join('\n')).toContain('step 4/7');
    ui.unmount();
  });

  it('a pasted payload is typed whole into the editor', async () => {
    const s = await open();
    await s.next();
    await s.next();
    const ui = await renderAt(<ExplorerApp session={s} />);
    ui.stdin.write('e');
    await until(ui.lastFrame, 'send which event to agent bea?');
    ui.stdin.write('\r');
    await until(ui.lastFrame, 'event payload for agent bea');
    for (let i = 0; i < 40; i++) ui.stdin.write('\u007f');
    ui.stdin.write('{"type":"HOLD","call":"c1"}');
    await until(ui.lastFrame, '{"type":"HOLD","call":"c1"}▏');
    ui.stdin.write('\r');
    await until(ui.lastFrame, 'sent HOLD to agent bea');
    expect(s.actor({ kind: 'agent', id: 'bea' })?.states).toContain('work.Connected.OnHold');
    ui.unmount();
  });
});
