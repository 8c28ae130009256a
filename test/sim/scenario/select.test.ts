/** Text filters over scenarios: name, file and tags, ignoring case. */
import { describe, expect, it } from 'vitest';
import { mentions } from '../../../sim/scenario/select.js';

describe('mentions', () => {
  const scenario = { name: 'Scenario B - PSTN transfer', file: 'scenarios/scenario-b.yaml', tags: ['XFER-03', 'pstn'] };
  it('matches the name, the file or a tag, whatever their case', () => {
    expect(mentions(scenario, 'pstn transfer')).toBe(true);
    expect(mentions(scenario, 'scenario-b')).toBe(true);
    expect(mentions(scenario, 'xfer-03')).toBe(true);
    expect(mentions(scenario, 'cob')).toBe(false);
  });
});
