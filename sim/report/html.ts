/**
 * One self-contained HTML file (`report.html`): inline CSS, no scripts, no external assets (fonts, images,
 * CDNs), so it opens from a CI artifact or an e-mail attachment offline. For every scenario: status,
 * failures with expected vs actual, a timeline (one lane per subject: calls, users, services, Graph, steps,
 * placed at virtual time) and the decision trail of every step. Failed scenarios come first and are open;
 * passed ones are collapsed (`<details>`). Deterministic: no wall-clock stamp, same suite same bytes.
 */
import { formatDuration } from '../../src/domain/duration.js';
import type { AssertionResult, Decision, ScenarioResult, SuiteResult, TimelineEntry } from '../result.js';
import { compact, decisionChecks, failureLocation, formatInputs, formatVerdict, maxOf, plural, portablePath, ruleTitle, showBidiControls } from './text.js';
import { stripIllegalXmlChars } from './xml.js';
import { compareCodePoints } from '../order.js';

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return showBidiControls(stripIllegalXmlChars(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;

const CSS = `
:root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--mute:#57606a;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px;color:#1f2328}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:14px 0 6px}
code,.mono{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.totals{color:var(--mute)}.passed{color:var(--ok)}.failed{color:var(--bad)}.error{color:var(--warn)}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{background:var(--bg)}
details.scenario{border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:0 12px}
details.scenario>summary{cursor:pointer;padding:8px 0;font-weight:600}
.fail{border-left:4px solid var(--bad);background:#fff5f5;padding:6px 10px;margin:8px 0}
.kv{display:grid;grid-template-columns:90px 1fr;gap:2px 8px}
.trail{margin:4px 0 4px 0;padding-left:18px}.trail li{margin:2px 0}.ck-ok{color:var(--ok)}.ck-no{color:var(--bad)}
.tl{position:relative;border:1px solid var(--line);background:var(--bg);margin:6px 0 12px}
.lane{position:relative;height:22px;border-top:1px dashed var(--line)}.lane:first-child{border-top:0}
.lane>.name{position:absolute;left:4px;top:3px;width:150px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;color:var(--mute);font-size:12px}
.track{position:absolute;left:160px;right:10px;top:0;bottom:0}
.ev{position:absolute;top:5px;width:10px;height:12px;margin-left:-5px;border-radius:3px;background:#0969da}
.ev.k-decision{background:#8250df}.ev.k-graph{background:#bf8700}.ev.k-step{background:#57606a}.ev.k-timer{background:#6e7781}
.ev.k-session{background:#1a7f37}.ev.k-status,.ev.k-presence{background:#0550ae}.ev.k-supervision{background:#bc4c00}
.axis{display:flex;justify-content:space-between;margin-left:160px;margin-right:10px;color:var(--mute);font-size:11px}
.steps td:first-child,.steps td:nth-child(2){white-space:nowrap}
`;

function ruleRef(id: string): string {
  const title = ruleTitle(id);
  return `<abbr title="${h(title ?? 'not in the rulebook')}"><b>${h(id)}</b></abbr>`;
}

function decisionHtml(d: Decision<unknown>): string {
  const because = d.because.length > 0 ? ` [${d.because.map(ruleRef).join(', ')}]` : '';
  const checks = decisionChecks(d)
    .map((c) => `<li><span class="${c.passed ? 'ck-ok' : 'ck-no'}">${c.passed ? '✓' : '✗'}</span> ${ruleRef(c.rule)} ${h(ruleTitle(c.rule) ?? '')}${c.detail === '' ? '' : ` — ${h(c.detail)}`}</li>`)
    .join('');
  const inputs = formatInputs(d.inputs);
  return `<div class="decision"><code>${h(d.question)}</code> → <b>${h(formatVerdict(d.verdict))}</b>: ${h(d.summary)}${because}<ul class="trail">${checks}${
    inputs.length > 0 ? `<li class="mono">inputs: ${h(inputs.join(' · '))}</li>` : ''
  }</ul></div>`;
}

function failureHtml(file: string, f: AssertionResult): string {
  const why = f.explanation.length === 0 ? '<p>No decision was recorded for this value.</p>' : f.explanation.map(decisionHtml).join('');
  return `<div class="fail"><b>✗ expect ${h(f.key)}</b> ${h(f.subject)} — <code>${h(`${file}:${f.line}`)}</code><p>${h(f.message)}</p>
<div class="kv"><span>Expected</span><code>${h(compact(f.expected))}</code><span>Actual</span><code>${h(compact(f.actual))}</code></div>
<h4>Decided by</h4>${why}</div>`;
}

/** Subjects in a readable order: steps, calls, services, users, Graph, anything else. */
function laneOrder(subject: string): number {
  const prefix = subject.split(':')[0] ?? '';
  const order: Record<string, number> = { step: 0, call: 1, service: 2, user: 3, graph: 4 };
  return order[prefix] ?? 5;
}

/** A timeline: one lane per subject, one mark per entry at its virtual time (hover for the text). */
export function timelineHtml(entries: readonly TimelineEntry[], durationMs: number): string {
  if (entries.length === 0) return '<p class="totals">No timeline entries.</p>';
  const end = maxOf(entries.map((e) => e.at), Math.max(durationMs, 1));
  const lanes = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const lane = lanes.get(e.subject);
    if (lane === undefined) lanes.set(e.subject, [e]);
    else lane.push(e);
  }
  const sorted = [...lanes.keys()].sort((a, b) => laneOrder(a) - laneOrder(b) || compareCodePoints(a, b));
  const rows = sorted.map((subject) => {
    const marks = (lanes.get(subject) ?? [])
      .map((e) => {
        const left = ((e.at / end) * 100).toFixed(2);
        const because = e.because !== undefined && e.because.length > 0 ? ` [${e.because.join(', ')}]` : '';
        return `<span class="ev k-${h(e.kind)}" style="left:${left}%" title="${h(`${formatDuration(e.at)} ${e.kind}: ${e.text}${because}`)}"></span>`;
      })
      .join('');
    return `<div class="lane"><span class="name" title="${h(subject)}">${h(subject)}</span><div class="track">${marks}</div></div>`;
  });
  return `<div class="tl">${rows.join('')}</div><div class="axis"><span>0</span><span>${h(formatDuration(Math.round(end / 2)))}</span><span>${h(formatDuration(end))}</span></div>`;
}

function timelineTable(entries: readonly TimelineEntry[]): string {
  const rows = entries
    .map(
      (e) =>
        `<tr><td class="mono">${h(formatDuration(e.at))}</td><td>${h(e.subject)}</td><td>${h(e.kind)}</td><td>${h(e.text)}${
          e.because !== undefined && e.because.length > 0 ? ` [${e.because.map(ruleRef).join(', ')}]` : ''
        }</td></tr>`,
    )
    .join('');
  return `<details><summary>Timeline entries (${entries.length})</summary><table><tr><th>Virtual time</th><th>Subject</th><th>Kind</th><th>What happened</th></tr>${rows}</table></details>`;
}

function scenarioHtml(s: ScenarioResult): string {
  const file = portablePath(s.file);
  const open = s.status === 'passed' ? '' : ' open';
  const mark = s.status === 'passed' ? '✓' : s.status === 'failed' ? '✗' : '!';
  const parts: string[] = [
    `<details class="scenario"${open} id="${h(`s-${file}`)}"><summary><span class="${s.status}">${mark}</span> ${h(s.name)} <span class="totals mono">${h(
      failureLocation(s),
    )} · ${s.assertions.passed}/${s.assertions.passed + s.assertions.failed} assertions · virtual ${h(formatDuration(s.virtualDurationMs))} · seed ${s.seed}</span></summary>`,
  ];
  if (s.error !== undefined) {
    parts.push(`<div class="fail"><b>Harness error</b>${s.error.line === undefined ? '' : ` at <code>${h(`${file}:${s.error.line}`)}</code>`}: ${h(s.error.message)}${
      s.error.hint === undefined ? '' : `<p>Hint: ${h(s.error.hint)}</p>`
    }</div>`);
  }
  for (const f of s.failures) parts.push(failureHtml(file, f));
  parts.push('<h3>Timeline</h3>', timelineHtml(s.timeline, s.virtualDurationMs), timelineTable(s.timeline));
  if (s.calls.length > 0) {
    const rows = s.calls
      .map((c) => {
        const outcomes = c.serviceSessions.map((x) => `${x.service}: ${x.outcome ?? 'open'}`).join(', ');
        const transfers = c.transfers.map((t) => `${t.ok ? '→' : '✗'} ${t.to} (${t.mode}, by ${t.by})`).join('; ');
        return `<tr><td><code>${h(c.id)}</code></td><td>${h(c.type)}</td><td>${h(c.services.join(' → '))}</td><td>${h(c.firstRespondingService ?? '—')}</td><td>${h(
          transfers || '—',
        )}</td><td>${h(outcomes || '—')}</td><td>${h(c.state)}</td></tr>`;
      })
      .join('');
    parts.push(
      `<h3>Calls</h3><table><tr><th>Call</th><th>Type</th><th>Services visited</th><th>PSTN license holder</th><th>Transfers</th><th>Outcomes</th><th>State</th></tr>${rows}</table>`,
    );
  }
  const stepRows = s.steps
    .map((st) => {
      const ok = st.ok === null ? '' : st.ok ? '<span class="ck-ok">✓</span>' : '<span class="ck-no">✗</span>';
      const decision = st.decision === undefined ? '' : decisionHtml(st.decision);
      return `<tr><td class="mono">${h(formatDuration(st.at))}</td><td>line ${st.line}</td><td>${ok} ${h(st.text)}${decision}</td></tr>`;
    })
    .join('');
  parts.push(`<h3>Steps and decision trails</h3><table class="steps">${stepRows}</table>`, '</details>');
  return parts.join('\n');
}

/** The scenarios a harness error stopped, under their own heading: where, what and the hint, linked to the details. */
function errorsHtml(errored: readonly ScenarioResult[]): string {
  if (errored.length === 0) return '';
  const items = errored.map((s) => {
    const file = portablePath(s.file);
    const e = s.error;
    const where = e?.line === undefined ? file : `${file}:${e.line}${e.column === undefined ? '' : `:${e.column}`}`;
    const hint = e?.hint === undefined ? '' : ` <span class="totals">Hint: ${h(e.hint)}</span>`;
    return `<li><span class="error">!</span> <a href="#${h(`s-${file}`)}">${h(s.name)}</a> <code>${h(where)}</code>: ${h(e?.message ?? 'unknown harness error')}${hint}</li>`;
  });
  return `<h2 class="error">Errors (${errored.length})</h2>
<p>Stopped before the end by a harness error (invalid input found while running, or a defect): no verdict.</p>
<ul>${items.join('')}</ul>
`;
}

export function toHtml(suite: SuiteResult): string {
  const t = suite.totals;
  const ok = t.failed === 0 && t.errors === 0;
  const errored = suite.scenarios.filter((s) => s.status === 'error');
  // Errors, then failures, then passes: a scenario without a verdict is never listed among the passes.
  const ordered = [...errored, ...suite.scenarios.filter((s) => s.status === 'failed'), ...suite.scenarios.filter((s) => s.status === 'passed')];
  const summaryRows = ordered
    .map(
      (s) =>
        `<tr><td class="${s.status}">${h(s.status)}</td><td><a href="#${h(`s-${portablePath(s.file)}`)}">${h(s.name)}</a></td><td><code>${h(portablePath(s.file))}</code></td><td>${
          s.assertions.passed
        }/${s.assertions.passed + s.assertions.failed}</td><td>${h(formatDuration(s.virtualDurationMs))}</td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`nimbus-sim: ${t.passed}/${t.scenarios} passed`)}</title>
<style>${CSS}</style>
</head>
<body>
<h1 class="${ok ? 'passed' : 'failed'}">${ok ? '✓' : '✗'} nimbus-sim ${h(suite.tool.version)}</h1>
<p class="totals">${h(plural(t.scenarios, 'scenario'))}: <b class="passed">${t.passed} passed</b>, <b class="failed">${t.failed} failed</b>, <b class="error">${h(
    plural(t.errors, 'error'),
  )}</b> · ${h(plural(t.assertions, 'assertion'))}, ${t.assertionsFailed} failed${suite.seed === null ? '' : ` · seed ${suite.seed}`} · all times are virtual</p>
${errorsHtml(errored)}<h2>Scenarios</h2>
<table><tr><th>Status</th><th>Scenario</th><th>File</th><th>Assertions</th><th>Virtual time</th></tr>${summaryRows}</table>
<h2>Details</h2>
${ordered.map(scenarioHtml).join('\n')}
</body>
</html>
`;
}
