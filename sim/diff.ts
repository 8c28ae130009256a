/**
 * What changed between two runs, read from their JSON reports (`nimbus-sim.json`): scenarios added and
 * removed, verdicts (passed / failed / error), call outcomes, and the decisions each step got. Scenarios
 * are matched by their path inside the suite (`suitePath`) and name, so two runs of one suite started from
 * different folders match; reports written before `suitePath` existed are matched by `file`. Steps are
 * matched by their index and verb; calls by id. Pure and deterministic.
 */
import { z } from 'zod';

const DecisionShape = z.looseObject({ question: z.string(), verdict: z.unknown(), because: z.array(z.string()), summary: z.string() });
const ReportShape = z.looseObject({
  scenarios: z.array(
    z.looseObject({
      name: z.string(),
      file: z.string(),
      suitePath: z.string().optional(),
      status: z.enum(['passed', 'failed', 'error']),
      steps: z
        .array(z.looseObject({ index: z.number(), verb: z.string(), line: z.number(), text: z.string(), ok: z.boolean().nullable().optional(), decision: DecisionShape.optional() }))
        .default([]),
      calls: z
        .array(
          z.looseObject({
            id: z.string(),
            state: z.string(),
            services: z.array(z.string()).default([]),
            serviceSessions: z.array(z.looseObject({ service: z.string(), outcome: z.string().nullable() })).default([]),
          }),
        )
        .default([]),
      failures: z.array(z.looseObject({ key: z.string(), subject: z.string(), message: z.string() })).default([]),
    }),
  ),
});
export type RunReport = z.output<typeof ReportShape>;
type ScenarioEntry = RunReport['scenarios'][number];
type Status = ScenarioEntry['status'];

/** Parses a JSON report; throws an Error naming the first problem when the text is not one. */
export function parseRunReport(text: string, label: string): RunReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${label} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = ReportShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${label} is not a nimbus-sim JSON report: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape'}`);
  }
  return parsed.data;
}

const RANK: Record<Status, number> = { passed: 0, failed: 1, error: 2 };

export interface ChangeLine {
  /** `status`, `outcome`, `call`, `decision`, `step`. */
  kind: string;
  subject: string;
  before: string;
  after: string;
}

export interface ScenarioDiff {
  key: string;
  name: string;
  file: string;
  before: Status;
  after: Status;
  /** Verdict got worse (passed → failed/error, failed → error). */
  worse: boolean;
  better: boolean;
  changes: ChangeLine[];
}

export interface RunDiff {
  added: { key: string; name: string; file: string; status: Status }[];
  removed: { key: string; name: string; file: string; status: Status }[];
  changed: ScenarioDiff[];
  unchanged: number;
  worse: number;
  better: number;
}

type KeyOf = (s: ScenarioEntry) => string;
const bySuitePath: KeyOf = (s) => `${s.suitePath ?? s.file}#${s.name}`;
const byFile: KeyOf = (s) => `${s.file}#${s.name}`;

/**
 * How the two runs' scenarios are matched: by suite path when both reports carry it everywhere; an older
 * report without it is matched by `file` on both sides, as before (mixing the two would match nothing).
 */
function matchingKey(before: RunReport, after: RunReport): KeyOf {
  const everywhere = (r: RunReport) => r.scenarios.every((s) => s.suitePath !== undefined);
  return everywhere(before) && everywhere(after) ? bySuitePath : byFile;
}

function decisionText(d: z.output<typeof DecisionShape> | undefined): string {
  if (d === undefined) return '—';
  const verdict = typeof d.verdict === 'string' ? d.verdict : JSON.stringify(d.verdict);
  return `${d.question} → ${verdict}${d.because.length > 0 ? ` [${d.because.join(', ')}]` : ''}`;
}

function callText(c: ScenarioEntry['calls'][number]): string {
  const outcomes = c.serviceSessions.map((s) => `${s.service}: ${s.outcome ?? 'open'}`).join(', ');
  return `${c.state}${outcomes === '' ? '' : ` (${outcomes})`}`;
}

/** Calls by id: a changed state or outcome, then (for a call in both runs) a changed path through services. */
function callChanges(before: ScenarioEntry['calls'], after: ScenarioEntry['calls']): ChangeLine[] {
  const changes: ChangeLine[] = [];
  const callsA = new Map(before.map((c) => [c.id, c]));
  const callsB = new Map(after.map((c) => [c.id, c]));
  for (const id of [...new Set([...callsA.keys(), ...callsB.keys()])]) {
    const ca = callsA.get(id);
    const cb = callsB.get(id);
    const textA = ca === undefined ? '(no such call)' : callText(ca);
    const textB = cb === undefined ? '(no such call)' : callText(cb);
    if (textA !== textB) changes.push({ kind: 'outcome', subject: `call ${id}`, before: textA, after: textB });
    const pathA = ca?.services.join(' → ') ?? '';
    const pathB = cb?.services.join(' → ') ?? '';
    if (ca !== undefined && cb !== undefined && pathA !== pathB) changes.push({ kind: 'call', subject: `call ${id} services`, before: pathA, after: pathB });
  }
  return changes;
}

/** Steps by index: a step run in one run only or with another verb, else a changed decision, else a changed result. */
function stepChanges(before: ScenarioEntry['steps'], after: ScenarioEntry['steps']): ChangeLine[] {
  const changes: ChangeLine[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const sa = before[i];
    const sb = after[i];
    const subject = `step ${i + 1} ${sb?.verb ?? sa?.verb ?? ''} (line ${sb?.line ?? sa?.line ?? '?'})`;
    if (sa === undefined || sb === undefined || sa.verb !== sb.verb) {
      changes.push({ kind: 'step', subject, before: sa === undefined ? '(not run)' : sa.text, after: sb === undefined ? '(not run)' : sb.text });
      continue;
    }
    const da = decisionText(sa.decision);
    const db = decisionText(sb.decision);
    if (da !== db) changes.push({ kind: 'decision', subject, before: da, after: db });
    else if ((sa.ok ?? null) !== (sb.ok ?? null)) changes.push({ kind: 'step', subject, before: sa.text, after: sb.text });
  }
  return changes;
}

function compareScenario(a: ScenarioEntry, b: ScenarioEntry, keyOf: KeyOf): ScenarioDiff {
  const verdict: ChangeLine[] = a.status !== b.status ? [{ kind: 'status', subject: 'verdict', before: a.status, after: b.status }] : [];
  // A scenario may have 100k calls and steps: concat, not push(...), which would overflow the stack.
  const changes = verdict.concat(callChanges(a.calls, b.calls), stepChanges(a.steps, b.steps));
  return {
    key: keyOf(b),
    name: b.name,
    file: b.file,
    before: a.status,
    after: b.status,
    worse: RANK[b.status] > RANK[a.status],
    better: RANK[b.status] < RANK[a.status],
    changes,
  };
}

export function diffRuns(before: RunReport, after: RunReport): RunDiff {
  const keyOf = matchingKey(before, after);
  const a = new Map(before.scenarios.map((s) => [keyOf(s), s]));
  const b = new Map(after.scenarios.map((s) => [keyOf(s), s]));
  const brief = (s: ScenarioEntry) => ({ key: keyOf(s), name: s.name, file: s.file, status: s.status });
  const added = after.scenarios.filter((s) => !a.has(keyOf(s))).map(brief);
  const removed = before.scenarios.filter((s) => !b.has(keyOf(s))).map(brief);
  const changed: ScenarioDiff[] = [];
  let unchanged = 0;
  for (const s of after.scenarios) {
    const old = a.get(keyOf(s));
    if (old === undefined) continue;
    const d = compareScenario(old, s, keyOf);
    if (d.changes.length === 0) unchanged++;
    else changed.push(d);
  }
  return {
    added,
    removed,
    changed,
    unchanged,
    worse: changed.filter((c) => c.worse).length,
    better: changed.filter((c) => c.better).length,
  };
}

/** Readable text: regressions first, then improvements, other changes, added and removed scenarios. */
export function formatRunDiff(d: RunDiff): string {
  const lines: string[] = [];
  const section = (title: string, items: ScenarioDiff[]): void => {
    if (items.length === 0) return;
    lines.push('', title);
    for (const c of items) {
      lines.push(`  ${c.name}  (${c.file})${c.before !== c.after ? `  ${c.before} → ${c.after}` : ''}`);
      for (const ch of c.changes) {
        if (ch.kind === 'status') continue;
        lines.push(`    ${ch.kind} ${ch.subject}: ${ch.before}  →  ${ch.after}`);
      }
    }
  };
  section('Worse', d.changed.filter((c) => c.worse));
  section('Better', d.changed.filter((c) => c.better));
  section('Changed (same verdict)', d.changed.filter((c) => !c.worse && !c.better));
  // Loops, not push(...list): a spread of a run-sized list overflows the stack.
  if (d.added.length > 0) lines.push('', 'New scenarios');
  for (const s of d.added) lines.push(`  + ${s.name}  (${s.file})  ${s.status}`);
  if (d.removed.length > 0) lines.push('', 'Removed scenarios');
  for (const s of d.removed) lines.push(`  - ${s.name}  (${s.file})  was ${s.status}`);
  const head = `${d.worse} worse, ${d.better} better, ${d.changed.length - d.worse - d.better} changed otherwise, ${d.unchanged} unchanged, ${d.added.length} new, ${d.removed.length} removed`;
  return [head, ...lines].join('\n');
}
