import { describe, expect, it } from 'vitest';
import { parseRulebook } from '../../../src/rules/rulebook.js';

// The parser behind `npm run rules:compare`: a wrong id, title or source here makes the comparison report ids
// that differ, or miss wording copied from the rulebook.
describe('parseRulebook', () => {
  it('reads the id, area, statement, title, sources and the inferred mark of each rule line', () => {
    const markdown = [
      '# Transfers',
      '',
      '- **XFER-03** A PSTN transfer fails when the first service has no license. The call stays. [https://help.example/xfer]',
      '- **COB-05** Do Not Disturb is only a note; it never refuses. (inferred)',
    ].join('\n');
    expect(parseRulebook(markdown)).toEqual([
      {
        id: 'XFER-03',
        area: 'XFER',
        title: 'A PSTN transfer fails when the first service has no license',
        statement: 'A PSTN transfer fails when the first service has no license. The call stays.',
        sources: ['https://help.example/xfer'],
        inferred: false,
      },
      {
        id: 'COB-05',
        area: 'COB',
        title: 'Do Not Disturb is only a note',
        statement: 'Do Not Disturb is only a note; it never refuses.',
        sources: [],
        inferred: true,
      },
    ]);
  });

  it('reads Windows line endings as well as Unix ones', () => {
    const rules = parseRulebook('- **RONA-01** One rule.\r\n- **RONA-02** Another rule.\r\n');
    expect(rules.map((r) => [r.id, r.statement])).toEqual([
      ['RONA-01', 'One rule.'],
      ['RONA-02', 'Another rule.'],
    ]);
  });

  it('skips lines that only look like a rule: indented, mid-sentence, a one-digit number, no statement', () => {
    const markdown = [
      '  - **ACW-01** Indented: a nested bullet quoting a rule.',
      'See - **ACW-02** in the text.',
      '- **ACW-3** One digit only.',
      '- **ACW-04**',
      '- **ACW-05** The only rule.',
    ].join('\n');
    expect(parseRulebook(markdown).map((r) => r.id)).toEqual(['ACW-05']);
  });

  it('keeps every http and https source, wherever it stands, and none of them in the statement', () => {
    const [rule] = parseRulebook(
      '- **LIC-02** The resource account needs a license.[https://a.example/one][http://b.example/two] (inferred)',
    );
    expect(rule?.sources).toEqual(['https://a.example/one', 'http://b.example/two']);
    expect(rule?.statement).toBe('The resource account needs a license.');
    expect(rule?.inferred).toBe(true);
  });

  it('drops the inferred mark wherever it stands, and the spaces around the statement', () => {
    expect(parseRulebook('- **PAR-01** (inferred) Parking is modelled as a hold.  ')[0]?.statement).toBe('Parking is modelled as a hold.');
    expect(parseRulebook('- **PAR-02** Parking ends on pickup(inferred)')[0]?.statement).toBe('Parking ends on pickup');
  });

  it('takes the first sentence as the title: a period inside a word does not end it, and a one-sentence rule is its own title', () => {
    expect(parseRulebook('- **LIC-05** Version 2.0 of the plan is required. Older plans are not.')[0]?.title).toBe('Version 2.0 of the plan is required');
    expect(parseRulebook('- **LIC-06** A; b.')[0]?.title).toBe('A');
    expect(parseRulebook('- **LIC-07** No end mark at all')[0]?.title).toBe('No end mark at all');
  });
});
