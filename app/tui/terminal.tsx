/**
 * Terminal manners shared by the interactive views: raw mode only with a TTY on both ends, colours off
 * under NO_COLOR, redraw on resize, and the terminal restored on exit, Ctrl-C, SIGINT and SIGTERM.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactElement } from 'react';
import { render, useApp, useInput, useStdout } from 'ink';
import { colorEnabled } from '../../sim/report/color.js';

/** Whether views may use colour (false when NO_COLOR is set). Tests pass it explicitly. */
export const ColorContext = createContext<boolean>(true);

/** A colour name, or undefined when colour is off (Ink then emits no colour codes). */
export function useTint(): (color: string) => string | undefined {
  const enabled = useContext(ColorContext);
  return (color) => (enabled ? color : undefined);
}

/**
 * A view's key-driven state, readable synchronously: keys can arrive before Ink re-subscribes the input
 * handler after a render, so handlers read `current()` rather than the value of the last render.
 */
export function useKeyState<T>(initial: T): [state: T, current: () => T, set: (next: T) => void] {
  const [state, setState] = useState(initial);
  const ref = useRef(initial);
  const set = (next: T) => {
    ref.current = next;
    setState(next);
  };
  return [state, () => ref.current, set];
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** 80x24, the classic terminal, when the stream does not say (a pipe, a test double). */
const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });

/**
 * The terminal's size, read at every render (so a frame Ink draws on resize already has it) and a render
 * asked for on resize (Ink does not redraw on resize in CI).
 */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [, setResizes] = useState(0);
  useEffect(() => {
    const onResize = () => setResizes((n) => n + 1);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return sizeOf(stdout);
}

/**
 * The rows a view may fill: one fewer than the terminal has, because Ink treats a frame as tall as the terminal
 * as full-screen and clears the whole screen on every redraw (flicker, and the scrollback lost).
 */
export const frameRows = (size: TerminalSize): number => Math.max(1, size.rows - 1);

/** Can we read keys? Only with a TTY stdin and stdout: never raw mode on a pipe, /dev/null or CI. */
export function interactiveTerminal(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): boolean {
  return stdin.isTTY === true && stdout.isTTY === true;
}

/** Ctrl-C in raw mode arrives as a key: leave the view and remember that it was an interrupt. */
function CtrlC({ onInterrupt }: { onInterrupt: () => void }) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt();
      exit();
    }
  });
  return null;
}

/**
 * Mount an interactive view and resolve when it exits: 0 after q, 130 after Ctrl-C or SIGINT, 143 after
 * SIGTERM. Ink leaves raw mode and shows the cursor again on unmount, which happens first in every case.
 */
export async function runInteractive(element: ReactElement): Promise<number> {
  const color = colorEnabled({ color: true });
  let code = 0;
  const instance = render(
    <ColorContext.Provider value={color}>
      {element}
      <CtrlC onInterrupt={() => (code = 130)} />
    </ColorContext.Provider>,
    { exitOnCtrlC: false, patchConsole: true },
  );
  const onSignal = (signal: NodeJS.Signals) => {
    code = signal === 'SIGINT' ? 130 : 143;
    instance.unmount();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return code;
}
