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
  const stopCleanup = removeOnInterrupt(tmp);
  try {
    await writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  } finally {
    stopCleanup();
  }
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While `tmp` may exist, Ctrl-C (or a CI runner's SIGTERM) removes it before the process ends, so an
 * interrupted run leaves the old report or none, never a stray `.tmp` in --out. The signal is then raised
 * again with this listener gone, so the process ends as it would have (exit 130 for Ctrl-C). Returns the
 * function that uninstalls the listener once the temp file is renamed or removed.
 */
function removeOnInterrupt(tmp: string): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    rmSync(tmp, { force: true });
    stop();
    // Other listeners (Ink's view) still run; without any, the default action ends the process.
    process.kill(process.pid, signal);
  };
  const stop = (): void => {
    for (const s of INTERRUPTS) process.off(s, onSignal);
  };
  for (const s of INTERRUPTS) process.once(s, onSignal);
  return stop;
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
