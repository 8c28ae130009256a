/** Plain view-model helpers for the interactive run view: filtering, the progress bar, detail lines. */
import type { ScenarioResult } from '../../../sim/result.js';
import { formatError, formatFailure, formatScenarioDetail } from '../../../sim/report/pretty.js';

export interface RowFilter {
  onlyFailures: boolean;
  /** Case-insensitive text matched against name, file and tags. */
  text: string;
}

/** The finished scenarios the table shows, with their index in `done`. */
export function visibleRows(done: readonly ScenarioResult[], filter: RowFilter): { index: number; result: ScenarioResult }[] {
  const needle = filter.text.trim().toLowerCase();
  return done
    .map((result, index) => ({ index, result }))
    .filter(({ result }) => !filter.onlyFailures || result.status !== 'passed')
    .filter(({ result }) => needle === '' || [result.name, result.file, ...result.tags].some((t) => t.toLowerCase().includes(needle)));
}

/** `█████░░░░░` of `width` cells for `done` of `total`. */
export function progressBar(done: number, total: number, width: number): string {
  const w = Math.max(1, width);
  const full = total <= 0 ? w : Math.min(w, Math.round((done / total) * w));
  return `${'█'.repeat(full)}${'░'.repeat(w - full)}`;
}

/** `m:ss` of wall-clock time (the only wall clock in the TUI: how long the run has taken so far). */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The detail of one scenario: first each failure (expected vs actual, then why: every rule checked with id
 * and title) or the harness error, then every step as the pretty report prints it.
 */
export function detailLines(result: ScenarioResult): string[] {
  const options = { color: false, titleWidth: 80 };
  const head: string[] = [];
  if (result.failures.length > 0) {
    head.push(`Failures (${result.failures.length}):`);
    for (const f of result.failures) head.push(...formatFailure(f, options).split('\n').map((l) => `  ${l}`));
    head.push('');
  }
  if (result.error !== undefined) head.push(...formatError(result, options).split('\n'), '');
  return [...head, 'Steps:', ...formatScenarioDetail(result, options).split('\n')];
}
