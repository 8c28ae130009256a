/**
 * One rule of the catalogue (src/rules/catalogue.data.ts), and the parser of a domain rulebook's
 * "- **AREA-nn** statement. [source]" lines that scripts/compare-rulebook.ts checks the catalogue against.
 */
export interface RuleEntry<Id extends string = string> {
  id: Id;
  area: string;
  /** A short headline, shown beside the id in reports, `why` and `nimbus-sim rules`. */
  title: string;
  /** The whole rule, without source links. In the catalogue it is the project's wording, never the rulebook's. */
  statement: string;
  sources: string[];
  /** Marked (inferred) in the rulebook: a modelling assumption. */
  inferred: boolean;
}

const RULE_LINE = /^- \*\*([A-Z]+-\d{2})\*\* (.*)$/;

/** A parsed rulebook's title is its statement's first sentence (it has no headlines of its own). */
export function parseRulebook(markdown: string): RuleEntry[] {
  const out: RuleEntry[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const m = RULE_LINE.exec(line);
    if (!m) continue;
    const [, id, rest] = m as unknown as [string, string, string];
    const sources = [...rest.matchAll(/\[(https?:\/\/[^\]]+)\]/g)].map((s) => s[1] as string);
    const inferred = /\(inferred\)/.test(rest);
    const statement = rest.replace(/\s*\[https?:\/\/[^\]]+\]/g, '').replace(/\s*\(inferred\)/, '').trim();
    const first = /^(.+?[.;])(\s|$)/.exec(statement)?.[1] ?? statement;
    out.push({ id, area: id.split('-')[0] as string, title: first.replace(/[.;]$/, ''), statement, sources, inferred });
  }
  return out;
}
