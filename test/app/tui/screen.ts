/**
 * Rendering the terminal UI's views at a given terminal size with ink-testing-library (whose stdout says 100
 * columns and no rows): the size is set on its stdout and a resize announced, as a terminal does, so the
 * views' own resize handling is what brings them to the size. Then what a frame must satisfy to fit.
 */
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { expect } from 'vitest';

const COLUMNS = 80;
const ROWS = 24;

export type Rendered = ReturnType<typeof render>;

/**
 * Resizes the terminal and resolves once the view has redrawn at the new size: Ink first repeats its last
 * frame on resize, then React renders the view again, so wait until frames stop coming.
 */
export async function resize(ui: Rendered, columns: number, rows: number): Promise<void> {
  const before = ui.frames.length;
  Object.defineProperty(ui.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
  ui.stdout.emit('resize');
  let seen = before;
  for (let quiet = 0, i = 0; i < 1000 && (ui.frames.length === before || quiet < 10); i++) {
    await new Promise((r) => setTimeout(r, 5));
    quiet = ui.frames.length === seen ? quiet + 1 : 0;
    seen = ui.frames.length;
  }
  if (ui.frames.length === before) throw new Error(`no frame was drawn after the resize to ${columns}x${rows}`);
}

/** The element rendered on an 80x24 terminal (or the size given). */
export async function renderAt(element: ReactElement, columns = COLUMNS, rows = ROWS): Promise<Rendered> {
  const ui = render(element);
  await resize(ui, columns, rows);
  return ui;
}

const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The frame's lines as a terminal shows them (colour codes removed). */
export const screenLines = (frame: string | undefined): string[] => (frame ?? '').replace(ESCAPES, '').split('\n');

/** No line wider than the terminal, no more lines than it has rows; returns the frame for further checks. */
export function expectFits(frame: string | undefined, columns = COLUMNS, rows = ROWS): string {
  const lines = screenLines(frame);
  expect(lines.length, `the frame has ${lines.length} rows:\n${frame ?? ''}`).toBeLessThanOrEqual(rows);
  for (const line of lines) expect([...line].length, `this line is wider than ${columns} columns:\n${line}`).toBeLessThanOrEqual(columns);
  return frame ?? '';
}

export const tick = () => new Promise((r) => setTimeout(r, 0));

/** Waits until the frame shows `text` (Ink draws asynchronously), and returns it. */
export async function until(frame: () => string | undefined, text: string | RegExp, tries = 600): Promise<string> {
  for (let i = 0; i < tries; i++) {
    const f = frame() ?? '';
    if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the screen never showed ${String(text)}:\n${frame() ?? ''}`);
}
