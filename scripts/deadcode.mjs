#!/usr/bin/env node
// Dead code: runs knip (configured in knip.jsonc) and fails on every finding that scripts/deadcode-known.mjs
// does not list. knip can only ignore whole files or whole issue types, which would hide a new dead export in
// any file that already has a known one; comparing finding by finding keeps the check exact.
// Usage: node scripts/deadcode.mjs   (npm run deadcode)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { KNOWN_DEAD_CODE } from './deadcode-known.mjs';

/** The knip issue kinds this check reads, with the word a finding line starts with. */
const KINDS = { files: 'file', dependencies: 'dependency', devDependencies: 'devDependency', exports: 'export', types: 'type', enumMembers: 'enumMember', duplicates: 'duplicate', unlisted: 'unlisted', unresolved: 'unresolved', binaries: 'binary' };

function runKnip() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const knip = fileURLToPath(new URL('../node_modules/knip/bin/knip.js', import.meta.url));
  const r = spawnSync(process.execPath, [knip, '--reporter', 'json', '--no-progress'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // knip exits 1 when it finds anything; only output that is not a report is a failure of knip itself.
  try {
    return JSON.parse(r.stdout);
  } catch {
    process.stderr.write(`knip did not produce a report (exit ${r.status}):\n${r.stderr}${r.stdout}`);
    process.exit(2);
  }
}

/** One line per finding, in the form the known list uses. */
function findingLines(report) {
  const lines = [];
  for (const issue of report.issues) {
    for (const [kind, word] of Object.entries(KINDS)) {
      for (const entry of issue[kind] ?? []) {
        // `duplicates` entries are groups of names exported twice.
        const name = Array.isArray(entry) ? entry.map((e) => e.name).join('|') : entry.name;
        lines.push(kind === 'files' ? `${word} ${issue.file}` : `${word} ${issue.file} ${name}`);
      }
    }
  }
  return lines.sort();
}

const found = findingLines(runKnip());
const known = new Set(KNOWN_DEAD_CODE);
const fresh = found.filter((line) => !known.has(line));
const stale = KNOWN_DEAD_CODE.filter((line) => !found.includes(line));
if (stale.length > 0) {
  console.log(`${stale.length} line(s) of scripts/deadcode-known.mjs match nothing any more; delete them:`);
  for (const line of stale) console.log(`  ${line}`);
}
if (fresh.length > 0) {
  console.error(`${fresh.length} new dead-code finding(s) (remove the export, file or dependency, or use it):`);
  for (const line of fresh) console.error(`  ${line}`);
  process.exit(1);
}
console.log(found.length === 0 ? "no dead code" : `no new dead code (${found.length} accepted finding(s), listed in scripts/deadcode-known.mjs)`);
