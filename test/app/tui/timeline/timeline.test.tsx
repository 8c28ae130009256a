import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../../sim/scenario/load.js';
import { ExplorerSession } from '../../../../app/tui/explorer/session.js';
import { press } from '../../../../app/tui/keys.js';
import { buildTimeline, callLine, initialTimelineScroll, layoutTimeline, timelineFrame, timelineKey, type TraceSample } from '../../../../app/tui/timeline/model.js';
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

describe('timelineFrame', () => {
  const many = buildTimeline(Array.from({ length: 90 }, (_, i) => ({ at: i * 1000, lane: `user:u${String(i % 30).padStart(2, '0')}:status`, label: `L${i}` })));

  it('fills exactly the height: title, time axis and a window of the rows, and says which rows show', () => {
    const frame = timelineFrame(many, 'many', 80, 20, initialTimelineScroll);
    expect(frame.rows).toHaveLength(18);
    expect(frame.title).toBe('timeline · columns 1–5 of 90 · rows 1–18 of 30 · many');
    expect(frame.rows[0]?.text).toMatch(/^u00 status\s+┃L0 /);
    for (const row of [frame.title, frame.header, ...frame.rows.map((r) => r.text)]) expect([...row].length).toBeLessThanOrEqual(80);
  });

  it('keys: ←→ page through time, ↑↓ and page keys through rows, g/G to the ends; never past them', () => {
    let at = initialTimelineScroll;
    const key = (...presses: ReturnType<typeof press>[]) => {
      for (const p of presses) at = timelineKey(at, p, timelineFrame(many, 'many', 80, 20, at), 20) ?? at;
      return timelineFrame(many, 'many', 80, 20, at);
    };
    expect(key(press('', { rightArrow: true })).columns).toEqual({ from: 4, to: 9, total: 90 });
    for (let i = 0; i < 40; i++) key(press('', { rightArrow: true }));
    expect(key().columns).toEqual({ from: 85, to: 90, total: 90 });
    expect(key(press('G')).slice).toEqual({ start: 12, end: 30, total: 30 });
    expect(key(press('j')).slice.start).toBe(12);
    expect(key(press('', { pageUp: true })).slice.start).toBe(0);
    expect(timelineKey(at, press('n'), timelineFrame(many, 'many', 80, 20, at), 20)).toBeUndefined();
  });

  it('wraps each call line to the width under the lanes, with a blank row between', () => {
    const model = buildTimeline(samples, [{ id: 'c1', firstRespondingService: 'B', transfers: [], supervision: [], serviceSessions: [{ service: 'B', startedAt: 0, endedAt: 0, outcome: 'Customer Hangup In Queue' }] }]);
    const frame = timelineFrame(model, 'x', 30, 20, initialTimelineScroll);
    expect(frame.rows.map((r) => r.text)).toEqual([expect.stringMatching(/^bea status/), expect.stringMatching(/^c1 task/), '', 'c1: B★ · ★ license holder B ·', '  outcome B: Customer Hangup', '  In Queue']);
  });
});

describe('TimelineView on scenario B', () => {
  it('draws user and call lanes from a real run, and the frame scrolled in time', async () => {
    const trace = await ExplorerSession.traceScenario(loadScenarioFile('scenarios/scenario-b.yaml'));
    const model = buildTimeline(trace.samples, trace.calls);
    const ui = render(<TimelineView frame={timelineFrame(model, 'Scenario B', 70, 30, initialTimelineScroll)} />);
    const first = ui.lastFrame() ?? '';
    expect(first).toMatch(/bea status\s+┃Available/);
    expect(first).toMatch(/c1 task\s+┃Establishing/);
    const flat = first.replace(/\s+/g, ' ');
    expect(flat).toContain('★ license holder B');
    expect(flat).toMatch(/✗ transfer carl→\+41795550199 .*XFER-03/);
    expect(first).toMatch(/columns 1–4 of \d+ · Scenario B/);
    ui.rerender(<TimelineView frame={timelineFrame(model, 'Scenario B', 70, 30, { offset: 3, scroll: 0 })} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(ui.lastFrame()).toMatch(/columns 4–7 of/);
    expect(ui.lastFrame()).toContain('◀');
    ui.unmount();
  });
});
