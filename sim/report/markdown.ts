/**
 * Markdown for CI job summaries (GitHub `$GITHUB_STEP_SUMMARY`, GitLab/Jenkins artifacts): a totals line,
 * failures first (scenario, file:line, expected vs actual, the rules that decided), a table of every
 * scenario, and a Mermaid sequence diagram of each call (open under its failure, collapsed per passed
 * scenario after the table). Every user string is
 * escaped for where it lands: inline Markdown, table cells, code spans or Mermaid text.
 */
import { formatDuration } from '../../src/domain/duration.js';
import type { AssertionResult, CallResult, Decision, ScenarioResult, SuiteResult } from '../result.js';
import { compact, decisionChecks, failureLocation, formatInputs, formatVerdict, maxOf, oneLine, plural, portablePath, ruleTitle, showBidiControls, truncate } from './text.js';
import { faultRate, faultRateText, suiteFaultRate } from './faultRate.js';

export interface MarkdownOptions {
  /** Failed scenarios written out in full; the rest are only listed (job summaries are capped at 1 MiB). Default 50. */
  maxFailureDetails?: number;
  /** Call diagrams of passed scenarios (collapsed, after the table); beyond this many calls they are left out. Default 300. */
  maxCallDiagrams?: number;
}

// ---------------------------------------------------------------------------------------------- escaping

/**
 * Inline Markdown text: user strings cannot open HTML, emphasis, links, code spans or table cells. With
 * `lineStart` (the text begins a line) they cannot start a heading, list or quote either.
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  const inline = showBidiControls(oneLine(text))
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return lineStart ? inline.replace(/^(\s*)([+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2') : inline;
}

/**
 * A code span holding `text` verbatim: the fence is one backtick longer than the longest run inside, and
 * padded when the text starts or ends with a backtick. Pass `inTable` to escape `|` (GFM splits cells on a
 * pipe even inside code spans; `\|` there renders as `|`).
 */
export function codeSpan(text: string, inTable = false): string {
  let body = showBidiControls(oneLine(text));
  if (inTable) body = body.replace(/\|/g, '\\|');
  const longest = maxOf([...body.matchAll(/`+/g)].map((m) => m[0].length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A table cell: inline-escaped (pipes included). */
const cell = (text: string): string => escapeMarkdown(text);

/**
 * Text inside a Mermaid diagram (participant labels, messages, notes). Mermaid ends a statement at `;` and
 * a line comment at `#`, reads `%%` as a comment and renders HTML, so those characters are written as its
 * entity codes (`#59;`, `#35;`, `#lt;` ...), which it decodes before drawing. A leading `wrap:`/`nowrap:`
 * would be read as a directive, so its colon is encoded too.
 */
export function escapeMermaid(text: string): string {
  const named: Record<string, string> = { '<': '#lt;', '>': '#gt;', '&': '#amp;', '"': '#quot;' };
  return showBidiControls(oneLine(text))
    .replace(/[#;&<>"%`]/g, (c) => named[c] ?? `#${c.charCodeAt(0)};`)
    .replace(/^(\s*(?:no)?wrap):/i, '$1#58;');
}

/**
 * A message or note of a diagram: wrapped at `width` characters with Mermaid's `<br/>` and cut after
 * `maxLines` lines. Mermaid scales a diagram to its widest label, so one long refusal message on a
 * single line made the whole call unreadably small; the full text stays in the decision trail.
 */
export function mermaidLabel(text: string, width = 64, maxLines = 4): string {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ').filter((w) => w !== '')) {
    for (let rest = word; rest !== ''; ) {
      const room = line === '' ? width : width - line.length - 1;
      if (rest.length <= room) {
        line = line === '' ? rest : `${line} ${rest}`;
        rest = '';
      } else if (line !== '') {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (line !== '') lines.push(line);
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), truncate(lines.slice(maxLines - 1).join(' '), width)] : lines;
  return shown.map(escapeMermaid).join('<br/>');
}

// ---------------------------------------------------------------------------------------------- pieces

const STATUS: Record<ScenarioResult['status'], string> = { passed: '✅ passed', failed: '❌ failed', error: '⚠️ error' };

function rule(id: string): string {
  const title = ruleTitle(id);
  return title === undefined ? `**${id}**` : `**${id}** ${escapeMarkdown(truncate(title, 140))}`;
}

function decisionLines(d: Decision<unknown>): string[] {
  const because = d.because.length > 0 ? ` (${d.because.map((id) => `**${id}**`).join(', ')})` : '';
  const lines = [`- ${codeSpan(d.question)} → **${escapeMarkdown(formatVerdict(d.verdict))}**: ${escapeMarkdown(d.summary)}${because}`];
  for (const c of decisionChecks(d)) {
    lines.push(`  - ${c.passed ? '✓' : '✗'} ${rule(c.rule)}${c.detail === '' ? '' : ` — ${escapeMarkdown(c.detail)}`}`);
  }
  const inputs = formatInputs(d.inputs);
  if (inputs.length > 0) lines.push(`  - inputs: ${inputs.map((i) => codeSpan(i)).join(', ')}`);
  return lines;
}

function failureLines(file: string, f: AssertionResult): string[] {
  const lines = [
    `**✗ ${codeSpan(f.key)} ${escapeMarkdown(f.subject)}** — ${codeSpan(`${file}:${f.line}`)}`,
    '',
    escapeMarkdown(f.message, true),
    '',
    `- Expected: ${codeSpan(compact(f.expected))}`,
    `- Actual: ${codeSpan(compact(f.actual))}`,
  ];
  if (f.explanation.length === 0) {
    lines.push('- Decided by: no decision was recorded for this value');
  } else {
    lines.push('- Decided by:');
    for (const d of f.explanation) lines.push(...decisionLines(d).map((l) => `  ${l}`));
  }
  return lines;
}

/**
 * The `to` of a transfer as a kind and an id. The engine writes `service C`, `user carl`, a bare E.164
 * number or a UPN; `service:C`-style prefixes and bare service ids are understood too.
 */
function parseTarget(to: string, services: readonly string[]): { kind: string; id: string } {
  const m = /^(service|user|pstn|upn)[: ](.*)$/s.exec(to);
  if (m !== null) return { kind: m[1] ?? '', id: (m[2] ?? '').trim() };
  if (services.includes(to)) return { kind: 'service', id: to };
  if (/^\+\d/.test(to)) return { kind: 'pstn', id: to };
  return { kind: to.includes('@') ? 'upn' : '', id: to };
}

/** A Mermaid `sequenceDiagram` of one call: customer → services visited → transfers, with outcomes. */
export function callDiagram(call: CallResult): string {
  const participants: { key: string; alias: string; label: string }[] = [];
  const alias = (key: string, label: string): string => {
    const found = participants.find((p) => p.key === key);
    if (found !== undefined) return found.alias;
    const p = { key, alias: `P${participants.length + 1}`, label };
    participants.push(p);
    return p.alias;
  };
  const service = (id: string): string => alias(`service:${id}`, `Service ${id}`);
  const inbound = call.type === 'Inbound Service';
  const from = alias(`from:${call.from}`, `${inbound ? 'Customer' : 'From'} ${call.from}`);
  for (const s of call.services) service(s);

  const body: string[] = [];
  const drawn = new Set<string>();
  const first = call.services[0];
  let current: string | undefined;
  const arrive = (id: string): void => {
    current = id;
    drawn.add(id);
    if (id === call.firstRespondingService) {
      const held = call.pstnLicenseFrom === null || call.pstnLicenseFrom === id ? ' · PSTN license holder (XFER-02)' : '';
      body.push(`Note over ${service(id)}: first responding service${held}`);
    }
  };
  if (first !== undefined) {
    body.push(`${from}->>${service(first)}: ${mermaidLabel(`${call.id} ${inbound ? 'inbound call' : call.type}`)}`);
    arrive(first);
  } else {
    const target = alias(`to:${call.to}`, call.to);
    body.push(`${from}->>${target}: ${mermaidLabel(`${call.id} ${call.type}`)}`);
  }
  if (call.pstnLicenseFrom !== null && call.pstnLicenseFrom !== call.firstRespondingService) {
    body.push(`Note over ${service(call.pstnLicenseFrom)}: PSTN license holder (XFER-02)`);
  }
  if (call.pstnLicense !== null) {
    const holder = call.pstnLicenseFrom ?? call.firstRespondingService;
    const over = holder !== null ? service(holder) : from;
    body.push(`Note over ${over}: ${mermaidLabel(`PSTN license: ${call.pstnLicense.summary}`)}`);
  }
  for (const t of call.transfers) {
    const target = parseTarget(t.to, call.services);
    const label = target.kind === 'pstn' ? `PSTN ${target.id}` : target.kind === 'user' ? `User ${target.id}` : target.id;
    const to = target.kind === 'service' ? service(target.id) : alias(`to:${target.kind}:${target.id}`, label);
    const source = current !== undefined ? service(current) : from;
    const arrow = t.ok ? '->>' : '-x';
    const because = t.because.length > 0 ? ` [${t.because.join(', ')}]` : '';
    const text = t.ok ? `transfer (${t.mode}) by ${t.by}${because}` : `transfer (${t.mode}) by ${t.by} FAILED: ${t.message}${because}`;
    body.push(`${source}${arrow}${to}: ${mermaidLabel(text)}`);
    if (t.ok && target.kind === 'service') arrive(target.id);
  }
  // Services reached without a recorded transfer (e.g. workflow routing), in visiting order.
  for (const s of call.services) {
    if (drawn.has(s)) continue;
    body.push(`${current !== undefined ? service(current) : from}-->>${service(s)}: routed`);
    arrive(s);
  }
  for (const s of call.serviceSessions) {
    const because = s.because.length > 0 ? ` [${s.because.join(', ')}]` : '';
    body.push(`Note over ${service(s.service)}: ${mermaidLabel(`session: ${s.outcome ?? 'open'}${because}`)}`);
  }
  const last = current !== undefined ? service(current) : from;
  body.push(`Note over ${from === last ? from : `${from},${last}`}: ${mermaidLabel(`call ${call.id}: ${call.state}`)}`);

  return [
    '```mermaid',
    'sequenceDiagram',
    ...participants.map((p) => `    participant ${p.alias} as ${escapeMermaid(p.label)}`),
    ...body.map((l) => `    ${l}`),
    '```',
  ].join('\n');
}

function scenarioSection(s: ScenarioResult): string[] {
  const file = portablePath(s.file);
  const lines = [
    `#### ${s.status === 'error' ? '⚠️' : '❌'} ${escapeMarkdown(s.name)}`,
    '',
    `${codeSpan(failureLocation(s))} · virtual time ${formatDuration(s.virtualDurationMs)} · seed ${s.seed} · ${faultRateText(faultRate([s]))}`,
  ];
  if (s.error !== undefined) {
    const where = s.error.line === undefined ? file : `${file}:${s.error.line}${s.error.column === undefined ? '' : `:${s.error.column}`}`;
    lines.push('', `**Harness error** at ${codeSpan(where)}: ${escapeMarkdown(s.error.message)}`);
    if (s.error.hint !== undefined) lines.push('', `Hint: ${escapeMarkdown(s.error.hint)}`);
  }
  for (const f of s.failures) lines.push('', ...failureLines(file, f));
  for (const call of s.calls) {
    lines.push('', `**Call ${codeSpan(call.id)}** (${escapeMarkdown(call.type)}, ${escapeMarkdown(call.from)} → ${escapeMarkdown(call.to)})`, '', callDiagram(call));
  }
  return lines;
}

/** Each scenario's section while the budget lasts, then how many were left out; returns the budget left. */
function detailSections(out: string[], scenarios: readonly ScenarioResult[], budget: number, what: string): number {
  // A failed scenario's section holds a diagram per call (100k calls and more): no push(...section), it would overflow the stack.
  for (const s of scenarios.slice(0, Math.max(0, budget))) {
    out.push('');
    for (const line of scenarioSection(s)) out.push(line);
  }
  if (scenarios.length > budget) out.push('', `…and ${scenarios.length - Math.max(0, budget)} more ${what}; see \`junit.xml\` or \`nimbus-sim.json\`.`);
  return budget - scenarios.length;
}

// ---------------------------------------------------------------------------------------------- report

export function toMarkdown(suite: SuiteResult, options: MarkdownOptions = {}): string {
  const t = suite.totals;
  const ok = t.failed === 0 && t.errors === 0;
  const seed = suite.seed === null ? '' : ` · seed ${suite.seed}`;
  const out = [
    `## ${ok ? '✅' : '❌'} nimbus-sim ${escapeMarkdown(suite.tool.version)}`,
    '',
    `**${plural(t.scenarios, 'scenario')}: ${t.passed} passed, ${t.failed} failed, ${plural(t.errors, 'error')}** · ${plural(t.assertions, 'assertion')}, ${t.assertionsFailed} failed${seed} · ${faultRateText(suiteFaultRate(suite))} · times are virtual`,
  ];
  const errored = suite.scenarios.filter((s) => s.status === 'error');
  const failed = suite.scenarios.filter((s) => s.status === 'failed');
  let budget = options.maxFailureDetails ?? 50;
  if (errored.length > 0) {
    out.push('', '### Errors', '', 'Stopped before the end by a harness error (invalid input found while running, or a defect): no verdict.');
    budget = detailSections(out, errored, budget, 'stopped scenarios');
  }
  if (failed.length > 0) {
    out.push('', '### Failures');
    detailSections(out, failed, budget, 'failed scenarios');
  }
  out.push('', '### Scenarios', '', '| Status | Scenario | File | Assertions | Virtual time |', '| --- | --- | --- | --- | --- |');
  // Errors and failures first, each group apart from the passes, in run order within a group.
  for (const s of [...errored, ...failed, ...suite.scenarios.filter((x) => x.status === 'passed')]) {
    const total = s.assertions.passed + s.assertions.failed;
    out.push(
      `| ${STATUS[s.status]} | ${cell(s.name)} | ${codeSpan(portablePath(s.file), true)} | ${s.assertions.passed}/${total} | ${formatDuration(s.virtualDurationMs)} |`,
    );
  }
  const passedWithCalls = suite.scenarios.filter((s) => s.status === 'passed' && s.calls.length > 0);
  if (passedWithCalls.length > 0) {
    let budget = options.maxCallDiagrams ?? 300;
    out.push('', '### Calls of passed scenarios');
    for (const s of passedWithCalls) {
      if (budget < s.calls.length) {
        out.push('', `…diagrams of ${passedWithCalls.length - passedWithCalls.indexOf(s)} more scenarios left out; see \`nimbus-sim.json\` or \`report.html\`.`);
        break;
      }
      budget -= s.calls.length;
      out.push('', `<details><summary>${escapeMarkdown(s.name)} (${plural(s.calls.length, 'call')})</summary>`);
      for (const call of s.calls) {
        out.push('', `**Call ${codeSpan(call.id)}** (${escapeMarkdown(call.type)}, ${escapeMarkdown(call.from)} → ${escapeMarkdown(call.to)})`, '', callDiagram(call));
      }
      out.push('', '</details>');
    }
  }
  return `${out.join('\n')}\n`;
}
