/** The version every report and `nimbus-sim --version` print is the package's own, read in one place. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../sim/runner.js';
import { parseScenarioText } from '../../sim/scenario/load.js';
import { TOOL_VERSION } from '../../sim/version.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('TOOL_VERSION', () => {
  it('is the version in package.json', () => {
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('is the version a run reports', async () => {
    const suite = await runSuite([parseScenarioText('name: version\nsteps: [{ wait: 1s }]\n', 'version.yaml')]);
    expect(suite.tool).toEqual({ name: 'nimbus-sim', version: pkg.version });
  });
});
