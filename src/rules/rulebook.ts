/** Parses the rulebook's "- **AREA-nn** statement. [source]" lines into catalogue entries. */
export interface RuleEntry<Id extends string = string> {
  id: Id;
  area: string;
  /** The rule statement, first sentence, without the source links. */
  title: string;
  statement: string;
  sources: string[];
  /** Marked (inferred) in the rulebook: a modelling assumption. */
  inferred: boolean;
}

const RULE_LINE = /^- \*\*([A-Z]+-\d{2})\*\* (.*)$/;

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
