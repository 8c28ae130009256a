/** The config's settings under the command line's: a flag always wins, paths are relative to the config. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyConfig } from '../../../app/cli/config.js';

const found = { file: 'nimbus-sim.config.yaml', folder: '/p', config: { suites: ['scenarios', '/abs/suite'], reporters: ['plain' as const, 'junit' as const], out: 'out/r', seed: 7, filter: 'XFER', verbose: true } };

describe('applyConfig', () => {
  it('fills in what the command line leaves out, with paths relative to the working folder', () => {
    expect(applyConfig({ positionals: [], values: {} }, found, '/p/sub')).toEqual({
      positionals: [join('..', 'scenarios'), '/abs/suite'],
      values: { reporter: 'plain,junit', out: join('..', 'out', 'r'), seed: '7', filter: 'XFER', verbose: true },
    });
  });

  it('keeps every flag and path the command line gives', () => {
    const args = { positionals: ['mine.yaml'], values: { reporter: 'json', out: 'x', seed: '1', filter: 'COB' } };
    expect(applyConfig(args, found, '/p')).toEqual({ positionals: ['mine.yaml'], values: { ...args.values, verbose: true } });
  });

  it('keeps `out: -` as the JSON report on stdout', () => {
    expect(applyConfig({ positionals: [], values: {} }, { ...found, config: { out: '-' } }, '/p').values.out).toBe('-');
  });
});
