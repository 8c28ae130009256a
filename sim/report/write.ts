/**
 * Writes the report files of a run. Each file is written to a temporary file in the same directory and
 * then renamed over the target, so a reader (a CI upload, a watching IDE) never sees a half-written
 * report and a crashed run never leaves a truncated one.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SuiteResult } from '../result.js';
import { toJsonReport } from './json.js';
import { toJUnitXml, type WallTimes } from './junit.js';
import { toMarkdown } from './markdown.js';
import { toHtml } from './html.js';

export type ReportFormat = 'json' | 'junit' | 'md' | 'html';

const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  json: 'nimbus-sim.json',
  junit: 'junit.xml',
  md: 'summary.md',
  html: 'report.html',
};

const RENDER: Readonly<Record<ReportFormat, (suite: SuiteResult, wallMs: WallTimes) => string>> = {
  json: toJsonReport,
  junit: (suite, wallMs) => toJUnitXml(suite, wallMs),
  md: (suite) => toMarkdown(suite),
  html: toHtml,
};

export interface WriteReportsOptions {
  outDir: string;
  formats: readonly ReportFormat[];
  /** How long each scenario took, for JUnit's `time` (only JUnit: the other reports stay deterministic). */
  wallMs?: WallTimes;
}

/** Write `content` to `file` atomically: temp file in the same directory, then rename. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const guard = guardAgainstInterrupt(tmp);
  try {
    await writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    if (guard.interrupted()) return;
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    if (!guard.interrupted()) throw error;
  } finally {
    guard.release();
  }
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface InterruptGuard {
  interrupted: () => boolean;
  /** Uninstalls the listeners; after an interrupt, removes the temp file and raises the signal again. */
  release: () => void;
}

/**
 * While `tmp` may exist, Ctrl-C (or a CI runner's SIGTERM) must not leave it in --out: the interrupted run
 * leaves the old report or none. The temp file is removed at once, but the write in flight (on libuv's
 * thread pool) may still create it afterwards, so the signal is raised again only when that write has
 * settled and the file is removed once more; the process then ends as it would have (exit 130 for Ctrl-C).
 * A second signal while waiting does not wait.
 */
function guardAgainstInterrupt(tmp: string): InterruptGuard {
  let caught: NodeJS.Signals | undefined;
  const uninstall = (): void => {
    for (const s of INTERRUPTS) process.off(s, onSignal);
  };
  const raise = (signal: NodeJS.Signals): void => {
    rmSync(tmp, { force: true });
    uninstall();
    // Other listeners (Ink's view) still run; without any, the default action ends the process.
    process.kill(process.pid, signal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    if (caught !== undefined) return raise(signal);
    caught = signal;
    rmSync(tmp, { force: true });
  }
  for (const s of INTERRUPTS) process.on(s, onSignal);
  return {
    interrupted: () => caught !== undefined,
    release: () => (caught === undefined ? uninstall() : raise(caught)),
  };
}

/**
 * Writes the asked formats (each once, in the order given) into `outDir`, creating it if needed, and
 * returns the written paths (`outDir` joined with `nimbus-sim.json`, `junit.xml`, `summary.md`, `report.html`).
 */
export async function writeReports(suite: SuiteResult, options: WriteReportsOptions): Promise<string[]> {
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const format of new Set(options.formats)) {
    const file = path.join(options.outDir, REPORT_FILES[format]);
    await writeFileAtomic(file, RENDER[format](suite, options.wallMs ?? new Map()));
    written.push(file);
  }
  return written;
}
