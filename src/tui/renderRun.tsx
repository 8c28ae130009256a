/**
 * Mounts {@link RunView} with Ink on a terminal. No keys are read (no raw mode), so it is safe with stdin
 * piped or closed. On a non-TTY stdout (CI logs, pipes) it renders nothing: callers print the plain
 * reporters' lines there instead.
 */
import { render, type Instance } from 'ink';
import { RunView, type RunViewModel } from './RunView.js';

export interface RunViewHandle {
  /** Re-render with a new view model (Ink throttles frames). */
  update(vm: RunViewModel): void;
  /** Render the last model, unmount and resolve once Ink has let go of the terminal. Idempotent. */
  finish(): Promise<void>;
  /** Whether anything is drawn (false on a non-TTY). */
  readonly active: boolean;
}

export interface RunViewOptions {
  /** Default `process.stdout`. */
  stdout?: NodeJS.WriteStream;
  /** Render even when `stdout.isTTY` is not true (tests). */
  force?: boolean;
}

export function startRunView(total: number, options: RunViewOptions = {}): RunViewHandle {
  const stdout = options.stdout ?? process.stdout;
  if (stdout.isTTY !== true && options.force !== true) {
    return { active: false, update: () => undefined, finish: async () => undefined };
  }
  let vm: RunViewModel = { total, done: [] };
  let finished: Promise<void> | undefined;
  const instance: Instance = render(<RunView {...vm} />, { stdout, patchConsole: false, exitOnCtrlC: false });
  return {
    active: true,
    update(next) {
      if (finished !== undefined) return;
      vm = next;
      instance.rerender(<RunView {...vm} />);
    },
    finish() {
      finished ??= (async () => {
        instance.rerender(<RunView total={vm.total} done={vm.done} />);
        instance.unmount();
        await instance.waitUntilExit();
      })();
      return finished;
    },
  };
}
