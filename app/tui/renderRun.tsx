/**
 * Mounts the run view with Ink on a terminal. With a TTY on stdin and stdout it is the interactive
 * {@link RunApp} (keys, detail pages, timelines; `finish()` then waits until the user quits with q); with
 * stdin piped or closed it is the static {@link RunView} and no keys are read (no raw mode). On a non-TTY
 * stdout (CI logs, pipes) it renders nothing: callers print the plain reporters' lines there instead.
 */
import { render, type Instance } from 'ink';
import type { ScenarioResult } from '../../sim/result.js';
import { RunView, type RunViewModel } from './RunView.js';
import { RunApp } from './run/RunApp.js';
import { ColorContext, interactiveTerminal } from './terminal.js';
import type { TimelineModel } from './timeline/model.js';
import { colorEnabled } from '../../sim/report/color.js';

export interface RunViewHandle {
  /** Re-render with a new view model (Ink throttles frames). */
  update(vm: RunViewModel): void;
  /** Render the last model; interactive: wait for q; then unmount and resolve once Ink has let go of the terminal. Idempotent. */
  finish(): Promise<void>;
  /** Whether anything is drawn (false on a non-TTY). */
  readonly active: boolean;
}

export interface RunViewOptions {
  /** Default `process.stdout`. */
  stdout?: NodeJS.WriteStream;
  /** Default `process.stdin` (read only when interactive). */
  stdin?: NodeJS.ReadStream;
  /** Render even when `stdout.isTTY` is not true (tests). */
  force?: boolean;
  /** Read keys. Default: stdin and stdout are both TTYs. */
  interactive?: boolean;
  /** Wall clock for the elapsed counter (tests). */
  now?: () => number;
  /** Builds a scenario's timeline; default: reload its file and replay it with its seed. */
  loadTimeline?: (result: ScenarioResult) => Promise<TimelineModel>;
}

/** Replays a finished scenario (same file, same seed → same run) to record its timeline. */
export async function replayTimeline(result: ScenarioResult): Promise<TimelineModel> {
  const [{ loadScenarioFile }, { ExplorerSession }, { buildTimeline }] = await Promise.all([
    import('../../sim/scenario/load.js'),
    import('./explorer/session.js'),
    import('./timeline/model.js'),
  ]);
  const trace = await ExplorerSession.traceScenario(loadScenarioFile(result.file, { allowOutsideRoot: true }), { seed: result.seed });
  return buildTimeline(trace.samples, result.calls);
}

export function startRunView(total: number, options: RunViewOptions = {}): RunViewHandle {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  if (stdout.isTTY !== true && options.force !== true) {
    return { active: false, update: () => undefined, finish: async () => undefined };
  }
  const interactive = options.interactive ?? interactiveTerminal(stdin, stdout);
  const now = options.now ?? Date.now;
  const startedAt = now();
  const loadTimeline = options.loadTimeline ?? replayTimeline;
  const color = colorEnabled({ color: true });
  let vm: RunViewModel = { total, done: [] };
  let finished: Promise<void> | undefined;
  const view = (done: boolean) =>
    interactive ? (
      <ColorContext.Provider value={color}>
        <RunApp total={vm.total} done={vm.done} {...(vm.running !== undefined && !done ? { running: vm.running } : {})} startedAt={startedAt} now={now} finished={done} loadTimeline={loadTimeline} />
      </ColorContext.Provider>
    ) : done ? (
      <RunView total={vm.total} done={vm.done} />
    ) : (
      <RunView {...vm} />
    );
  const instance: Instance = render(view(false), { stdout, stdin, patchConsole: false, exitOnCtrlC: interactive });
  // Quitting (q or Ctrl-C) while scenarios still run ends the process once Ink has restored the terminal;
  // so do SIGINT and SIGTERM at any time.
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    process.exit(signal === 'SIGTERM' ? 143 : 130);
  };
  if (interactive) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  void instance.waitUntilExit().then(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (finished === undefined) process.exit(130);
  });
  return {
    active: true,
    update(next) {
      if (finished !== undefined) return;
      vm = next;
      instance.rerender(view(false));
    },
    finish() {
      finished ??= (async () => {
        instance.rerender(view(true));
        if (!interactive) instance.unmount();
        await instance.waitUntilExit();
      })();
      return finished;
    },
  };
}
