/**
 * Plain lines for the explorer's panels, shared by the Ink view and the non-TTY transcript. Decisions and
 * assertions are formatted by the reporters' own functions, so the explorer says what the reports say.
 */
import { formatClock } from '../../../src/domain/duration.js';
import { formatDecision, formatFailure } from '../../../sim/report/pretty.js';
import { formatVerdict, oneLine, ruleLabel } from '../../../sim/report/text.js';
import type { Step } from '../../../sim/scenario/schema.js';
import { refLabel, type ActorView, type LogEntry, type WhyRow } from './session.js';

const mark = (ok: boolean | null): string => (ok === true ? '✓' : ok === false ? '✗' : '·');

/** `00:00:00.000  L26 transfer ✗ carl transfers c1 to …` */
export function entryHead(entry: LogEntry): string {
  const where = entry.line !== undefined ? `L${entry.line} ` : '';
  return `${formatClock(entry.at)}  ${where}${entry.verb} ${mark(entry.ok)} ${oneLine(entry.text)}`;
}

/** Everything an entry explains: the refusal (or decision) with every rule checked, failed assertions, errors. */
export function entryDetail(entry: LogEntry, titleWidth = 90): string[] {
  const lines: string[] = [];
  if (entry.error) {
    lines.push(`error: ${oneLine(entry.error.message)}`);
    if (entry.error.hint) lines.push(`hint: ${oneLine(entry.error.hint)}`);
  }
  if (entry.decision) {
    const [head = '', ...rest] = formatDecision(entry.decision, { titleWidth });
    lines.push(`${entry.ok === false ? 'refused' : 'decided'}: ${head}`, ...rest);
  }
  for (const a of entry.assertions ?? []) {
    if (a.passed) lines.push(`✓ ${oneLine(a.key)}: ${oneLine(a.subject)} — ${oneLine(a.message)}`);
    else lines.push(...formatFailure(a, { titleWidth }).split('\n'));
  }
  return lines;
}

/** `L27 expect` / `L26 transfer { call: c1, by: carl, … }` of the step to run next. */
export function stepPreview(step: Step, line: number): string {
  const args = step.verb === 'wait' ? String(step.args) : JSON.stringify(step.args);
  return `L${line} ${step.verb} ${oneLine(args ?? '')}`;
}

export function actorLabel(a: ActorView): string {
  return refLabel(a.ref);
}

/** The state panel of one actor: state paths, then the events it accepts now (✓ when guards allow the generic payload). */
export function actorLines(a: ActorView): string[] {
  const lines = [`${actorLabel(a)}: ${a.headline}`, ...a.states.map((s) => `  state ${s}`)];
  const accepts = a.accepts.map((t) => (a.enabled.includes(t) ? `${t}✓` : t));
  lines.push(`  accepts now: ${accepts.length > 0 ? accepts.join(' ') : '(nothing: final state)'}`);
  return lines;
}

function decisionLine(label: string, d: WhyRow['button']): string {
  const because = d.because.length > 0 ? `  [${d.because.join(', ')}]` : '';
  return `${mark(d.verdict)} ${label}: ${formatVerdict(d.verdict)} — ${oneLine(d.summary)}${because}`;
}

/**
 * The "why" panel of a user: for every service, the Call-on-Behalf button, the dial pad and selectability,
 * each with the rules that decided it; refused ones list their failed checks with rule titles.
 */
export function whyLines(user: string, rows: readonly WhyRow[], titleWidth = 80): string[] {
  if (rows.length === 0) return [`${user}: no services in this tenant`];
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(`service ${r.service}${r.member ? '' : ' (not a member)'}`);
    for (const [label, d] of [
      ['Call-on-Behalf button', r.button],
      ['dial pad', r.dialPad],
      ['selectable', r.selectable],
    ] as const) {
      lines.push(`  ${decisionLine(label, d)}`);
      if (d.verdict === false) for (const c of d.checks.filter((x) => !x.passed)) lines.push(`      ✗ ${ruleLabel(c.rule, titleWidth)}${c.detail ? ` — ${oneLine(c.detail)}` : ''}`);
    }
  }
  return lines;
}

/** Recent decisions about a call (PSTN license binding, transfers), newest last. */
export function callDecisionLines(decisions: readonly WhyRow['button'][] | readonly { question: string; verdict: unknown; summary: string; because: string[] }[], max = 4): string[] {
  return decisions.slice(-max).map((d) => `${d.verdict === false ? '✗' : '✓'} ${oneLine(d.question)} → ${formatVerdict(d.verdict)}: ${oneLine(d.summary)}${d.because.length ? `  [${d.because.join(', ')}]` : ''}`);
}
