/**
 * The rule catalogue as the rest of nimbus-sim reads it: look-ups by id, and which rules the rule module
 * decides (each module exports the ids it cites; a test keeps those lists honest).
 */
import { RULE_IDS, RULEBOOK, type RuleId } from './catalogue.data.js';
import type { RuleEntry } from './rulebook.js';
import { acwRules } from './acw.js';
import { callOnBehalfRules } from './callOnBehalf.js';
import { distributionRules } from './distribution.js';
import { inboundRules } from './inbound.js';
import { outboundRules } from './outbound.js';
import { parkingRules } from './parking.js';
import { presenceRules } from './presence.js';
import { pstnRules } from './pstn.js';
import { reportingRules } from './reporting.js';
import { ronaRules } from './rona.js';
import { selectabilityRules } from './selectability.js';
import { supervisionRules } from './supervision.js';
import { transferRules } from './transfer.js';

export { RULE_IDS, RULEBOOK };
export type { RuleEntry };

const byId = new Map<string, RuleEntry<RuleId>>(RULEBOOK.map((r) => [r.id, r]));
const ids: ReadonlySet<string> = new Set<string>(RULE_IDS);

/** Is `s` the id of a rule in the catalogue? */
export function isRuleId(s: string): s is RuleId {
  return ids.has(s);
}

/** The catalogue entry of a rule id (undefined for a string that is no rule id). */
export function ruleById(id: RuleId): RuleEntry<RuleId>;
export function ruleById(id: string): RuleEntry<RuleId> | undefined;
export function ruleById(id: string): RuleEntry<RuleId> | undefined {
  return byId.get(id);
}

/** The rules each module of src/rules cites, by module file name. */
export const RULES_BY_MODULE: Readonly<Record<string, readonly RuleId[]>> = {
  presence: presenceRules,
  selectability: selectabilityRules,
  callOnBehalf: callOnBehalfRules,
  pstn: pstnRules,
  transfer: transferRules,
  inbound: inboundRules,
  outbound: outboundRules,
  rona: ronaRules,
  acw: acwRules,
  parking: parkingRules,
  supervision: supervisionRules,
  distribution: distributionRules,
  reporting: reportingRules,
};

/** Every rule the rule module decides or cites, in catalogue order. */
export const MODELLED_RULES: readonly RuleId[] = (() => {
  const cited = new Set<RuleId>(Object.values(RULES_BY_MODULE).flat());
  return RULE_IDS.filter((id) => cited.has(id));
})();

/** Catalogue rules no rule function cites (facts of the engine, the UI or reporting data, or not modelled). */
export const UNMODELLED_RULES: readonly RuleId[] = RULE_IDS.filter((id) => !MODELLED_RULES.includes(id));
