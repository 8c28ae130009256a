#!/usr/bin/env node
// Condenses Stryker's full report (reports/mutation/stryker-report.json, git-ignored: it embeds every mutated
// source file) into the small artefact that is committed: reports/mutation/summary.json and summary.md, with
// the score per folder and file, the commit and date of the run, and every surviving mutant by file:line:col.
// Usage: node scripts/mutation-summary.mjs [report.json ...]   (the second half of `npm run mutate`; several
// reports, e.g. the incremental files of runs split by folder with --mutate, are merged file by file)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}reports/mutation`;
const COMMAND = 'npm run mutate';
/** Stryker's statuses, in the order the tables show them. */
const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'];

function git(...args) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** Counts by status and Stryker's score: detected / (detected + undetected), compile errors and ignored left out. */
function tally(mutants) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const m of mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, total: mutants.length, score: valid === 0 ? null : Math.round((detected / valid) * 10000) / 100 };
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

function summarise(report) {
  const files = Object.keys(report.files).sort();
  const byFile = files.map((path) => ({ path, ...tally(report.files[path].mutants) }));
  const folders = [...new Set(files.map((f) => dirname(f)))].map((folder) => ({
    path: folder,
    ...tally(files.filter((f) => dirname(f) === folder).flatMap((f) => report.files[f].mutants)),
  }));
  const survivors = files.flatMap((path) =>
    report.files[path].mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => ({
        at: `${path}:${m.location.start.line}:${m.location.start.column}`,
        status: m.status,
        mutator: m.mutatorName,
        original: original(report.files[path].source, m.location),
        replacement: (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100),
        line: m.location.start.line,
        column: m.location.start.column,
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map(({ line: _l, column: _c, ...rest }) => rest),
  );
  const status = git('status', '--porcelain', '--', 'src/rules', 'src/machines', 'test/src', 'scenarios');
  return {
    command: COMMAND,
    measuredAt: new Date().toISOString().slice(0, 10),
    commit: git('rev-parse', '--short', 'HEAD') + (status === '' ? '' : ' (with uncommitted changes)'),
    total: tally(files.flatMap((f) => report.files[f].mutants)),
    folders,
    files: byFile,
    survivors,
  };
}

const row = (t) => `| ${t.path} | ${t.score ?? '-'} | ${STATUSES.map((s) => t[s]).join(' | ')} | ${t.total} |`;

function markdown(s) {
  const head = `| path | score % | ${STATUSES.join(' | ')} | total |\n|${' --- |'.repeat(STATUSES.length + 3)}`;
  return [
    '# Mutation testing of src/rules and src/machines',
    '',
    `Measured with \`${s.command}\` on commit ${s.commit}, ${s.measuredAt}. Score = (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage).`,
    'Ignored = static mutants (module-level code) that the run skips; CompileError = mutants the TypeScript checker rejects.',
    'docs/developers.md ("Mutation testing") explains the survivors.',
    '',
    head,
    row({ path: '**all**', ...s.total }),
    ...s.folders.map(row),
    '',
    head,
    ...s.files.map(row),
    '',
    `## Surviving mutants (${s.survivors.length})`,
    '',
    '| where | status | mutator | original | replacement |',
    '| --- | --- | --- | --- | --- |',
    ...s.survivors.map((m) => `| ${m.at} | ${m.status} | ${m.mutator} | \`${m.original.replaceAll('|', '\\|').replaceAll('`', "'")}\` | \`${m.replacement.replaceAll('|', '\\|').replaceAll('`', "'")}\` |`),
    '',
  ].join('\n');
}

const paths = process.argv.length > 2 ? process.argv.slice(2) : [`${OUT}/stryker-report.json`];
const files = Object.assign({}, ...paths.map((p) => JSON.parse(readFileSync(p, 'utf8')).files));
const summary = summarise({ files });
writeFileSync(`${OUT}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(`${OUT}/summary.md`, markdown(summary));
console.log(`mutation score ${summary.total.score}% (${summary.total.Survived} survived, ${summary.total.NoCoverage} without coverage); written to reports/mutation/summary.{json,md}`);
