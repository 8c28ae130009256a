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
  if (!interrupts.begin(tmp)) return;
  try {
    await writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    if (interrupts.caught === undefined) await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    if (interrupts.caught === undefined) throw error;
  } finally {
    interrupts.end(tmp);
  }
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C (or a CI runner's SIGTERM) while reports are written must not leave a temp file in --out: the
 * interrupted run leaves the old report or none. The temp files in flight are removed at once, but a write
 * in flight (on libuv's thread pool) may still create its file afterwards, so the signal is raised again
 * only when those writes have settled and their files are removed once more; the process then ends as it
 * would have (exit 130 for Ctrl-C). A second signal does not wait.
 *
 * Process-wide on purpose: signals belong to the process, not to a run. The listeners are installed once
 * and removed only to raise the signal again: installing and removing them around every write let a signal
 * that arrived in between hang Node 24.
 */
class InterruptGuard {
  caught: NodeJS.Signals | undefined;
  private readonly inFlight = new Set<string>();
  private installed = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    for (const tmp of this.inFlight) rmSync(tmp, { force: true });
    if (this.caught !== undefined || this.inFlight.size === 0) return this.raise(signal);
    this.caught = signal;
  };

  /** Registers a temp file about to be written; false once interrupted (nothing more is written). */
  begin(tmp: string): boolean {
    if (this.caught !== undefined) return false;
    if (!this.installed) for (const s of INTERRUPTS) process.on(s, this.onSignal);
    this.installed = true;
    this.inFlight.add(tmp);
    return true;
  }

  end(tmp: string): void {
    this.inFlight.delete(tmp);
    if (this.caught === undefined) return;
    rmSync(tmp, { force: true });
    if (this.inFlight.size === 0) this.raise(this.caught);
  }

  private raise(signal: NodeJS.Signals): void {
    for (const s of INTERRUPTS) process.off(s, this.onSignal);
    this.installed = false;
    // Other listeners (Ink's view) still run; without any, the default action ends the process.
    process.kill(process.pid, signal);
  }
}

const interrupts = new InterruptGuard();

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
