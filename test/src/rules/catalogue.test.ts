import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODELLED_RULES, RULEBOOK, RULES_BY_MODULE, RULE_IDS, UNMODELLED_RULES, isRuleId, ruleById } from '../../../src/rules/catalogue.js';
import * as rules from '../../../src/rules/index.js';

const dir = fileURLToPath(new URL('../../../src/rules/', import.meta.url));
const OWNER_FILES = new Set(['decision.ts', 'facts.ts', 'catalogue.data.ts', 'rulebook.ts', 'catalogue.ts', 'index.ts', 'common.ts']);

/** Rule ids quoted in a module's source, outside its own registry constant. */
function citedIn(file: string): string[] {
  const src = readFileSync(`${dir}${file}`, 'utf8').replace(/export const \w+Rules: readonly RuleId\[\] = \[[^\]]*\];/s, '');
  const ids = [...src.matchAll(/'([A-Z]+-\d{2})'/g)].map((m) => m[1] as string);
  // common.ts helpers that record a check of their own
  if (src.includes('checkTenantNotSuspended(')) ids.push('SVC-11');
  return [...new Set(ids)].sort();
}

describe('rule catalogue', () => {
  it('ruleById and isRuleId', () => {
    expect(ruleById('XFER-03')?.title).toBe('Unlicensed first service, failed PSTN transfer');
    expect(ruleById('XFER-99')).toBeUndefined();
    expect(isRuleId('COB-05')).toBe(true);
    expect(isRuleId('COB-5')).toBe(false);
  });

  it('every rule has a short headline and a whole statement of its own', () => {
    expect(RULEBOOK.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of RULEBOOK) {
      expect(rule.area, rule.id).toBe(rule.id.split('-')[0]);
      expect(rule.title.length, `${rule.id} title`).toBeLessThanOrEqual(70);
      expect(rule.title, `${rule.id} title`).toMatch(/^\S.*[^.;:\s]$/);
      expect(rule.statement, `${rule.id} statement`).toMatch(/^\S.*\.$/);
      expect(rule.statement.startsWith(rule.title), `${rule.id}: the statement says more than the title`).toBe(false);
      // A modelling assumption may have no help page behind it; every documented rule names one.
      if (!rule.inferred) expect(rule.sources.length, `${rule.id} sources`).toBeGreaterThan(0);
    }
    expect(new Set(RULEBOOK.map((r) => r.title)).size).toBe(RULEBOOK.length);
  });

  it('every registry id exists in the catalogue', () => {
    for (const [module, ids] of Object.entries(RULES_BY_MODULE)) {
      for (const id of ids) expect(isRuleId(id), `${module}: ${id}`).toBe(true);
    }
  });

  it.each(Object.keys(RULES_BY_MODULE))("the registry of %s.ts lists exactly the rule ids its source cites", (module) => {
    expect(citedIn(`${module}.ts`)).toEqual([...(RULES_BY_MODULE[module] ?? [])].sort());
  });

  it('every decision module has a registry', () => {
    const modules = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !OWNER_FILES.has(f))
      .filter((f) => /export const \w+Rules: readonly RuleId\[\]/.test(readFileSync(`${dir}${f}`, 'utf8')))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(RULES_BY_MODULE).sort()).toEqual(modules);
  });

  it('MODELLED_RULES is the union in catalogue order, UNMODELLED_RULES the rest', () => {
    const union = new Set(Object.values(RULES_BY_MODULE).flat());
    expect(new Set(MODELLED_RULES)).toEqual(union);
    expect(MODELLED_RULES).toEqual(RULE_IDS.filter((id) => union.has(id)));
    expect(MODELLED_RULES.length + UNMODELLED_RULES.length).toBe(RULE_IDS.length);
  });

  it('the index exports the contract the engine calls', () => {
    for (const name of [
      'presenceEligibility',
      'presenceAsSeenByNimbus',
      'isOnline',
      'isSelectable',
      'callOnBehalfButton',
      'dialPad',
      'callOnBehalfTarget',
      'servicePstnLicense',
      'firstRespondingServiceBinding',
      'pstnTransfer',
      'serviceTransfer',
      'userTransferTarget',
      'agentCanHandleCalls',
      'inboundAdmission',
      'scheduleOutbound',
      'outboundReported',
      'preferredUserApplies',
      'ronaOnMissedOffer',
      'ronaResetTriggers',
      'ronaResetTimeAllowed',
      'acwAfterSession',
      'acwEarlyEnd',
      'acwExtension',
      'canPark',
      'canUnpark',
      'parkingBlocks',
      'canHold',
      'canSupervise',
      'supervisionEnds',
      'distributionAllowed',
      'pickCandidates',
      'serviceSessionOutcome',
      'userSessionOutcome',
      'outcomeGroupOf',
      'isUnderSla',
      'ruleById',
      'isRuleId',
    ]) {
      expect(typeof (rules as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
