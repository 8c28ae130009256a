/**
 * `nimbus-sim rules`: the rule catalogue with each rule's status (modelled, out of scope, not modelled),
 * where it is modelled, and the scenarios that prove it (a scenario proves the rules in its `because`
 * list and in tags that are rule ids). `--check` fails when a modelled rule has no proving scenario or a
 * scenario names a rule id the rulebook does not have.
 */
import { RULEBOOK, isRuleId, type RuleId } from '../../src/rules/index.js';
import { ruleStatus, type RuleStatus } from '../../sim/coverage/ruleStatus.js';
import { ScenarioLoadError } from '../../sim/scenario/errors.js';
import { loadAll, printProblems } from './load.js';
import type { ParsedArgs } from './main.js';

const RULE_ID_SHAPE = /^[A-Z]{2,5}-\d{2}$/;

export interface RuleRow {
  id: RuleId;
  title: string;
  status: RuleStatus;
  where: string;
  scenarios: string[];
}

export function ruleRows(scenarios: { file: string; because: readonly string[]; tags: readonly string[] }[]): { rows: RuleRow[]; unknown: { file: string; id: string }[] } {
  const proofs = new Map<string, string[]>();
  const unknown: { file: string; id: string }[] = [];
  for (const s of scenarios) {
    const cited = new Set([...s.because, ...s.tags.filter((t) => RULE_ID_SHAPE.test(t))]);
    for (const id of cited) {
      if (!isRuleId(id)) unknown.push({ file: s.file, id });
      else proofs.set(id, [...(proofs.get(id) ?? []), s.file]);
    }
  }
  const rows = RULEBOOK.map((r) => ({ id: r.id, title: r.title, ...ruleStatus(r.id), scenarios: proofs.get(r.id) ?? [] }));
  return { rows, unknown };
}

export function rulesCommand(args: ParsedArgs): number {
  let loaded;
  try {
    loaded = loadAll(args.positionals);
  } catch (err) {
    if (err instanceof ScenarioLoadError) {
      printProblems(err.problems);
      return 2;
    }
    throw err;
  }
  if (loaded.problems.length > 0) {
    printProblems(loaded.problems);
    return 2;
  }
  const cwd = process.cwd();
  const { rows, unknown } = ruleRows(loaded.scenarios.map((s) => ({ file: s.file.startsWith(cwd) ? s.file.slice(cwd.length + 1) : s.file, because: s.because, tags: s.tags })));
  const modelled = rows.filter((r) => r.status === 'modelled');
  const unproved = modelled.filter((r) => r.scenarios.length === 0);
  const inScope = rows.filter((r) => r.status !== 'out of scope');
  const proved = inScope.filter((r) => r.scenarios.length > 0);
  if (args.values.json === true) {
    process.stdout.write(`${JSON.stringify({ rules: rows, unknownIds: unknown, totals: { rules: rows.length, modelled: modelled.length, outOfScope: rows.length - inScope.length, proved: proved.length, inScope: inScope.length } }, null, 2)}\n`);
  } else {
    for (const r of rows) {
      const proof = r.scenarios.length > 0 ? `${r.scenarios.length} scenario${r.scenarios.length === 1 ? '' : 's'}` : r.status === 'out of scope' ? '' : 'NO SCENARIO';
      process.stdout.write(`${r.id.padEnd(8)} ${r.status.padEnd(13)} ${proof.padEnd(12)} ${r.title}\n`);
    }
    process.stdout.write(
      `\n${rows.length} rules: ${modelled.length} modelled, ${rows.length - inScope.length} out of scope, ${inScope.length - modelled.length} not modelled; ${proved.length}/${inScope.length} in-scope rules proved by a scenario (${Math.round((100 * proved.length) / Math.max(1, inScope.length))}%)\n`,
    );
  }
  if (args.values.check === true) {
    for (const u of unknown) process.stderr.write(`${u.file}: cites ${u.id}, which is not a rule of the rulebook\n`);
    for (const r of unproved) process.stderr.write(`${r.id} is modelled (${r.where}) but no scenario proves it\n`);
    return unknown.length > 0 || unproved.length > 0 ? 1 : 0;
  }
  return 0;
}
