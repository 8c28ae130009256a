#!/usr/bin/env node
// Condenses Stryker's report into the small artefact that is committed: reports/mutation/summary.json and
// summary.md, with the score per folder and file, which run measured each file (command, commit, date), the
// files of src/rules and src/machines not measured yet, and every surviving mutant by file:line:col.
//
// Usage: node scripts/mutation-summary.mjs [--commit <sha>] [--run <report.json>] [report.json ...]
//   (the second half of `npm run mutate`). Without report arguments it reads the incremental file, which keeps
//   the result of every mutant of every run (runs split with --mutate add up there), and records the run that
//   just wrote reports/mutation/stryker-report.json in reports/mutation/runs.json: the files that run mutated
//   (its `mutate` option), the command that reproduces it, the commit and the date. --commit names the commit
//   the run started from when HEAD moved on while it ran; --run records a report kept elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}reports/mutation`;
const REPORT = `${OUT}/stryker-report.json`;
const INCREMENTAL = `${OUT}/stryker-incremental.json`;
const RUNS = `${OUT}/runs.json`;
/** Stryker's statuses, in the order the tables show them. */
const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'];

function git(...args) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The files the configuration mutates: every .ts file of src/rules and src/machines but the catalogue's text. */
function configuredFiles() {
  return git('ls-files', 'src/rules', 'src/machines')
    .split('\n')
    .filter((f) => f.endsWith('.ts') && f !== 'src/rules/catalogue.data.ts')
    .sort();
}

/** Counts by status and Stryker's score: detected / (detected + undetected), compile errors and ignored left out. */
function tally(mutants) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const m of mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  const sentenceOnly = mutants.filter((m) => m.sentenceOnly).length;
  const percent = (part, whole) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 100);
  return { ...counts, total: mutants.length, score: percent(detected, valid), sentenceOnly, scoreBeyondSentences: percent(detected, valid - sentenceOnly) };
}

/** The source text a mutant replaced, on one line and cut short, so the summary reads without the sources. */
function original(source, { start, end }) {
  const lines = source.split('\n');
  const text = start.line === end.line
    ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
    : [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join(' ');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}

/**
 * The command that reproduces a run from its `mutate`, `concurrency` and `force` options (`--force` re-tests
 * every mutant instead of reusing the incremental file's results).
 */
function commandOf(config) {
  const configured = JSON.stringify(config.mutate) === JSON.stringify(['src/rules/**/*.ts', 'src/machines/**/*.ts', '!src/rules/catalogue.data.ts']);
  const options = `${config.concurrency === 2 ? '' : ` --concurrency ${config.concurrency}`}${config.force ? ' --force' : ''}`;
  return configured ? `npx stryker run${options}` : `npx stryker run --mutate '${config.mutate.join(',')}'${options}`;
}

/** Adds the run that wrote stryker-report.json to runs.json, once (a run is known by its report's time). */
function recordRun(report, commit) {
  const runs = existsSync(RUNS) ? readJson(RUNS) : [];
  if (!existsSync(report)) return runs;
  const finishedAt = statSync(report).mtime.toISOString();
  if (runs.some((r) => r.finishedAt === finishedAt)) return runs;
  const { config, files } = readJson(report);
  const mutated = config.mutate.filter((m) => !m.startsWith('!'));
  // Only the files this run mutated: the report also carries the earlier runs' results kept by the incremental file.
  const named = mutated.filter((m) => !m.includes('*')).map((m) => m.split(':')[0]);
  const globbed = Object.keys(files).filter((f) => mutated.some((m) => m.includes('*') && f.startsWith(m.split('*')[0])));
  const measured = [...new Set([...named, ...globbed])].sort();
  const status = git('status', '--porcelain', '--', 'src/rules', 'src/machines', 'test/src', 'test/scenarios', 'scenarios');
  runs.push({ command: commandOf(config), commit: commit + (status === '' ? '' : ' (with uncommitted changes)'), finishedAt, files: measured });
  writeFileSync(RUNS, `${JSON.stringify(runs, null, 2)}\n`);
  return runs;
}

/**
 * A sentence or a piece of one: a template literal, or a string with a space in it, or empty (no words added).
 * A bare word (a question name such as 'callOnBehalfTarget') is data, not prose.
 */
const isProse = (node) =>
  ts.isTemplateExpression(node) ||
  ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && (node.text === '' || node.text.includes(' '))) ||
  (ts.isParenthesizedExpression(node) && isProse(node.expression)) ||
  (ts.isConditionalExpression(node) && isProse(node.whenTrue) && isProse(node.whenFalse));

/**
 * Does this mutant only shape a sentence? It does when its code lies inside a template literal's `${...}`, or
 * in the condition of a `cond ? 'text' : 'text'` (string literals themselves are excluded from mutation as
 * prose; these conditions only pick one). Read from the syntax tree, so the summary can count them apart.
 */
function onlyShapesASentence(source, { start, end }) {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.Latest, true);
  const offset = (p) => file.getPositionOfLineAndCharacter(p.line - 1, p.column - 1);
  const [from, to] = [offset(start), offset(end)];
  let node = file;
  for (let inner = node; inner; ) {
    node = inner;
    inner = node.getChildren(file).find((c) => c.getStart(file) <= from && c.getEnd() >= to);
  }
  for (let n = node; n && n !== file; n = n.parent) {
    if (ts.isTemplateSpan(n) && n.expression.getStart(file) <= from && n.expression.getEnd() >= to) return true;
    if (ts.isConditionalExpression(n) && n.condition.getStart(file) <= from && n.condition.getEnd() >= to && isProse(n.whenTrue) && isProse(n.whenFalse)) return true;
    if (ts.isBlock(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

function survivorsOf(path, file) {
  return file.mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
    .map((m) => ({
      at: `${path}:${m.location.start.line}:${m.location.start.column}`,
      status: m.status,
      mutator: m.mutatorName,
      sentenceOnly: m.sentenceOnly,
      original: original(file.source, m.location),
      replacement: (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100),
    }));
}

function summarise(report, runs) {
  const files = Object.keys(report.files).sort();
  for (const path of files) {
    const { source, mutants } = report.files[path];
    for (const m of mutants) if (m.status === 'Survived' || m.status === 'NoCoverage') m.sentenceOnly = onlyShapesASentence(source, m.location);
  }
  const lastRun = (path) => runs.findLast((r) => r.files.includes(path));
  const byFile = files.map((path) => {
    const run = lastRun(path);
    return { path, ...tally(report.files[path].mutants), measured: run ? `${run.commit}, ${run.finishedAt.slice(0, 10)}` : 'before runs.json' };
  });
  const folders = [...new Set(files.map((f) => dirname(f)))].map((folder) => ({
    path: folder,
    ...tally(files.filter((f) => dirname(f) === folder).flatMap((f) => report.files[f].mutants)),
  }));
  // A file a run mutated that has no mutant at all (types only, such as facts.ts) is measured too.
  const notMeasured = configuredFiles().filter((f) => !files.includes(f) && !runs.some((r) => r.files.includes(f)));
  return {
    scope: notMeasured.length === 0 ? 'complete' : 'partial',
    configured: configuredFiles().length,
    total: tally(files.flatMap((f) => report.files[f].mutants)),
    folders,
    files: byFile,
    notMeasured,
    runs: runs.filter((r) => r.files.some((f) => files.includes(f))),
    survivors: files.flatMap((path) => survivorsOf(path, report.files[path])),
  };
}

const cell = (text) => `\`${text.replaceAll('|', '\\|').replaceAll('`', "'")}\``;
const row = (t, extra = '') =>
  `| ${t.path} | ${t.score ?? '-'} | ${STATUSES.map((s) => t[s]).join(' | ')} | ${t.total} | ${t.sentenceOnly} | ${t.scoreBeyondSentences ?? '-'} |${extra}`;

function markdown(s) {
  const columns = ['path', 'score %', ...STATUSES, 'total', 'of the survivors: sentence only', 'score % beyond sentences'];
  const head = (extra = '') => `| ${[...columns, ...(extra ? [extra] : [])].join(' | ')} |\n|${' --- |'.repeat(columns.length + (extra ? 1 : 0))}`;
  const scope = s.scope === 'complete'
    ? 'Every file of src/rules and src/machines (catalogue.data.ts aside) is measured.'
    : `**Partial**: ${s.configured - s.notMeasured.length} of ${s.configured} files of src/rules and src/machines are measured; the score is over those only. Not measured yet: ${s.notMeasured.join(', ')}.`;
  return [
    '# Mutation testing of src/rules and src/machines',
    '',
    scope,
    '',
    'Score = (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage). Ignored = string literals (prose) and static mutants (module-level code), which the configuration skips; CompileError = mutants the TypeScript checker rejects.',
    '"Sentence only": a survivor whose code lies inside a template literal or is the condition of a `cond ? \'text\' : \'text\'`, so it changes a sentence and nothing a test of verdicts, rule ids and inputs reads (the summary script finds them in the syntax tree); "score beyond sentences" leaves them out of the denominator. Stryker\'s score is the first column.',
    'docs/developers.md ("Mutation testing") explains the survivors. Each file was last measured by the run named beside it (reports/mutation/runs.json); a run reuses, through the incremental file, the results of mutants whose code and covering tests did not change.',
    '',
    '## Runs',
    '',
    '| command | commit | finished | files |',
    '| --- | --- | --- | --- |',
    ...s.runs.map((r) => `| ${cell(r.command)} | ${r.commit} | ${r.finishedAt.replace('T', ' ').slice(0, 16)} UTC | ${r.files.length} |`),
    '',
    head(),
    row({ path: '**all measured**', ...s.total }),
    ...s.folders.map((f) => row(f)),
    '',
    head('measured on'),
    ...s.files.map((f) => row(f, ` ${f.measured} |`)),
    '',
    `## Surviving mutants (${s.survivors.length})`,
    '',
    '| where | status | mutator | original | replacement | sentence only |',
    '| --- | --- | --- | --- | --- | --- |',
    ...s.survivors.map((m) => `| ${m.at} | ${m.status} | ${m.mutator} | ${cell(m.original)} | ${cell(m.replacement)} | ${m.sentenceOnly ? 'yes' : ''} |`),
    '',
  ].join('\n');
}

/** `--commit <sha>` and `--run <report.json>` (the run to record, by default stryker-report.json); the rest are reports to merge. */
function parseArgs(argv) {
  const options = { commit: 'HEAD', run: REPORT, reports: [] };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--commit') options.commit = argv[++i];
    else if (argv[i] === '--run') options.run = argv[++i];
    else options.reports.push(argv[i]);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const runs = recordRun(options.run, git('rev-parse', '--short', options.commit));
const reports = options.reports.length > 0 ? options.reports : [existsSync(INCREMENTAL) ? INCREMENTAL : REPORT];
const summary = summarise({ files: Object.assign({}, ...reports.map((p) => readJson(p).files)) }, runs);
writeFileSync(`${OUT}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(`${OUT}/summary.md`, markdown(summary));
console.log(`mutation score ${summary.total.score}% (${summary.total.scoreBeyondSentences}% beyond sentence-only survivors) over ${summary.files.length} files (${summary.scope}; ${summary.total.Survived} survived, ${summary.total.NoCoverage} without coverage); written to reports/mutation/summary.{json,md}`);
