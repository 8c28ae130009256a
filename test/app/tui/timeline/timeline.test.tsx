import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../../sim/scenario/load.js';
import { ExplorerSession } from '../../../../app/tui/explorer/session.js';
import { buildTimeline, callLine, layoutTimeline, type TraceSample } from '../../../../app/tui/timeline/model.js';
import { TimelineView } from '../../../../app/tui/timeline/TimelineView.js';

const samples: TraceSample[] = [
  { at: 0, lane: 'user:bea:status', label: 'Available' },
  { at: 0, lane: 'call:c1:task', label: 'Establishing' },
  { at: 0, lane: 'user:bea:status', label: 'Ringing' },
  { at: 0, lane: 'user:bea:status', label: 'Ringing' },
  { at: 20_000, lane: 'user:bea:status', label: 'RONA' },
  { at: 20_000, lane: 'call:c1:task', label: 'In Queue' },
];

describe('timeline model', () => {
  it('starts a column when time moves or a lane changes twice at one instant, and drops repeats', () => {
    const m = buildTimeline(samples);
    expect(m.columns).toEqual([0, 0, 20_000]);
    expect(m.lanes.map((l) => l.title)).toEqual(['bea status', 'c1 task']);
    expect([...(m.lanes[0]?.changes ?? [])]).toEqual([
      [0, 'Available'],
      [1, 'Ringing'],
      [2, 'RONA'],
    ]);
  });

  it('lays out to the width and scrolls; times print where they change', () => {
    const m = buildTimeline(samples);
    const wide = layoutTimeline(m, 80);
    expect(wide.rows[0]).toMatch(/^\s+00:00:00\.000\s+00:00:20\.000$/);
    expect(wide.rows[1]).toMatch(/^bea status\s+┃Available\s+┃Ringing\s+┃RONA$/);
    expect(wide.rows.every((r) => [...r].length <= 80)).toBe(true);
    const narrow = layoutTimeline(m, 40, 5);
    expect(narrow.to - narrow.from).toBe(2);
    expect(narrow.from).toBe(1);
    expect(narrow.rows[0]?.startsWith('◀')).toBe(true);
    expect(narrow.rows[1]).toContain('┃Ringing');
    expect(narrow.rows[1]).not.toContain('Available');
    expect(layoutTimeline(m, 40, 0).rows[0]?.endsWith('▶')).toBe(true);
  });

  it('marks the first responding service as the license holder, with transfers and outcomes', () => {
    const line = callLine({
      id: 'c1',
      firstRespondingService: 'B',
      serviceSessions: [
        { service: 'B', startedAt: 0, endedAt: 0, outcome: 'User Internal Transfer Success' },
        { service: 'C', startedAt: 0, endedAt: 0, outcome: 'Transfer Failed' },
      ],
      transfers: [{ at: 0, by: 'carl', to: '+41795550199', mode: 'blind', ok: false, because: ['XFER-03'], message: 'Transfer failed' }],
      supervision: [{ supervisor: 'sam', mode: 'Whisper', startedAt: 0, endedAt: null, endedBecause: [] }],
    });
    expect(line).toBe(
      'c1: B★ → C · ★ license holder B · ✗ transfer carl→+41795550199 at 00:00:00.000 [XFER-03] · supervised by sam (Whisper) 00:00:00.000–end · outcome B: User Internal Transfer Success, C: Transfer Failed',
    );
  });
});

describe('TimelineView on scenario B', () => {
  it('shows user and call lanes from a real run and scrolls with the arrow keys', async () => {
    const trace = await ExplorerSession.traceScenario(loadScenarioFile('scenarios/scenario-b.yaml'));
    const model = buildTimeline(trace.samples, trace.calls);
    const ui = render(<TimelineView title="Scenario B" model={model} width={70} />);
    const first = ui.lastFrame() ?? '';
    expect(first).toMatch(/bea status\s+┃Available/);
    expect(first).toMatch(/c1 task\s+┃Establishing/);
    const flat = first.replace(/\s+/g, ' ');
    expect(flat).toContain('★ license holder B');
    expect(flat).toMatch(/✗ transfer carl→\+41795550199 .*XFER-03/);
    expect(first).toMatch(/columns 1–4 of \d+/);
    let scrolled = '';
    for (let i = 0; i < 100 && !/columns 4–7 of/.test(scrolled); i++) {
      if (i % 20 === 0) ui.stdin.write('\u001b[C');
      await new Promise((r) => setTimeout(r, 10));
      scrolled = ui.lastFrame() ?? '';
    }
    expect(scrolled).toMatch(/columns 4–7 of/);
    expect(scrolled).toContain('◀');
    ui.unmount();
  });
});
