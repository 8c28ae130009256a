import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { agentMachine } from '../../../../src/machines/agentMachine.js';
import { callSessionMachine } from '../../../../src/machines/callSessionMachine.js';
import { loadScenarioFile } from '../../../../sim/scenario/load.js';
import { ExplorerApp } from '../../../../app/tui/explorer/ExplorerApp.js';
import { ExplorerSession, emptyScenario, genericEvent, stateLines } from '../../../../app/tui/explorer/session.js';
import { transcript } from '../../../../app/tui/explorer/transcript.js';
import { machineToMermaid } from '../../../../app/tui/mermaid.js';

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

const tick = () => new Promise((r) => setTimeout(r, 0));
async function until(frame: () => string | undefined, text: string | RegExp): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const f = frame() ?? '';
    if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`screen never showed ${String(text)}:\n${frame() ?? ''}`);
}

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
    expect(s.actor({ kind: 'call', id: 'c1' })?.headline).toBe('Ended');
    expect(s.nextStepIndex).toBe(6);
  });

  it('time travel: going back replays the prefix and lands on the same state', async () => {
    const s = await open();
    for (let i = 0; i < 3; i++) await s.next();
    const before = JSON.stringify(s.actors().map((a) => [a.ref, a.states, a.headline]));
    await s.next();
    expect(s.actor({ kind: 'user', id: 'carl' })?.headline).toBe('Connected');
    expect(await s.back()).toBe(true);
    expect(JSON.stringify(s.actors().map((a) => [a.ref, a.states, a.headline]))).toBe(before);
    expect(s.history).toHaveLength(3);
    await s.travelTo(0);
    expect(s.actors().filter((a) => a.ref.kind === 'call')).toHaveLength(0);
    expect(await s.back()).toBe(false);
  });

  it('sends a raw event derived from the machine and the actor context, and lists what the actor accepts', async () => {
    const s = await open();
    await s.next();
    await s.next(); // bea answers c1
    const bea = s.actor({ kind: 'user', id: 'bea' });
    expect(bea?.states).toContain('work.Connected.Talking');
    expect(bea?.accepts).toContain('HOLD');
    expect(bea?.enabled).toContain('HOLD');
    const hold = s.eventTemplate({ kind: 'user', id: 'bea' }, 'HOLD');
    expect(hold).toEqual({ type: 'HOLD', call: 'c1' });
    await s.send({ kind: 'user', id: 'bea' }, hold);
    expect(s.actor({ kind: 'user', id: 'bea' })?.states).toContain('work.Connected.OnHold');
    await s.back();
    expect(s.actor({ kind: 'user', id: 'bea' })?.states).toContain('work.Connected.Talking');
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

describe('Mermaid export', () => {
  it('derives states, regions and transitions from the machine definition', () => {
    const text = machineToMermaid(agentMachine);
    expect(text.split('\n')[0]).toBe('stateDiagram-v2');
    for (const region of Object.keys(agentMachine.root.states)) expect(text).toContain(`state "${region}" as agent_${region} {`);
    expect(text).toContain('agent_work_Ringing --> agent_work_Connected_Talking : ACCEPT [isOfferedCall]');
    expect(text).toMatch(/agent_work_AfterCallWork --> agent_work_Idle : after /);
    expect(text.split('\n').filter((l) => l.trim() === '--')).toHaveLength(Object.keys(agentMachine.root.states).length - 1);
    // every event the machine handles appears on some edge
    const events = new Set(Object.values(agentMachine.root.states).flatMap(function walk(n): string[] {
      return [...n.transitions.keys(), ...Object.values(n.states).flatMap(walk)];
    }).filter((e) => !e.startsWith('xstate.')));
    for (const e of events) expect(text).toContain(` : ${e}`);
  });
  it('exports the call session machine with its initial and final states', () => {
    const text = machineToMermaid(callSessionMachine);
    expect(text).toContain(`[*] --> call_${callSessionMachine.root.initial?.target[0]?.key}`);
    for (const state of Object.keys(callSessionMachine.root.states)) expect(text).toContain(`state "${state}" as call_${state}`);
  });
});

describe('ExplorerApp', () => {
  it('steps with n, shows why the PSTN transfer failed, goes back with b, and quits with q', async () => {
    const s = await open();
    const ui = render(<ExplorerApp session={s} />);
    expect(ui.lastFrame()).toContain('step 0/7');
    expect(ui.lastFrame()).toContain('user bea');
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
    expect(ui.lastFrame()).toContain('› user bea');
    ui.stdin.write('e');
    await until(ui.lastFrame, 'send which event to user bea?');
    const accepts = s.actor({ kind: 'user', id: 'bea' })?.accepts ?? [];
    for (let i = 0; i < accepts.indexOf('HOLD'); i++) {
      ui.stdin.write('\u001b[B');
      await tick();
    }
    ui.stdin.write('\r');
    await until(ui.lastFrame, '{"type":"HOLD","call":"c1"}');
    ui.stdin.write('\r');
    await until(ui.lastFrame, 'sent HOLD to user bea');
    expect(s.actor({ kind: 'user', id: 'bea' })?.states).toContain('work.Connected.OnHold');
    expect(ui.lastFrame()).toContain('state work.Connected.OnHold');
    ui.unmount();
  });

  it('t shows the timeline of the session so far, and it follows new steps', async () => {
    const s = await open();
    await s.next();
    const ui = render(<ExplorerApp session={s} />);
    await tick();
    ui.stdin.write('t');
    const shown = await until(ui.lastFrame, 'timeline · so far');
    expect(shown).toMatch(/c1 task\s+┃Establishing/);
    expect(shown).toContain('←→ scroll time · t machines');
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
    expect(asked).toEqual(['user:bea']);
    ui.unmount();
  });
});
