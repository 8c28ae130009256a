/**
 * The metadata contract over the whole built-in suite: every request body the simulator sends (through the
 * mock's checking transport) and every response the mock Graph writes while each scenario under scenarios/
 * runs in-process is checked against the Graph v1.0 CSDL fixture
 * (test/fixtures/graph/README.md). Zero violations, and the check must have seen every kind of response the
 * suite produces.
 */
import { describe, expect, it } from 'vitest';
import type { GraphExchange } from '../../../../mocks/graph/index.js';
import { runScenario } from '../../../../sim/runner.js';
import { discoverScenarioFiles, suiteRoot } from '../../../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../../../sim/scenario/load.js';
import { graphV1Metadata } from '../../../helpers/graph/csdl.js';
import { checkGraphResponse } from '../../../helpers/graph/responseContract.js';

const model = graphV1Metadata();

/** `/users/0b1c…/presence` to `/users/{id}/presence`: violations grouped by request shape. */
const shapeOf = (e: GraphExchange): string => `${e.method} ${e.path.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')} ${e.status}`;

describe('the mock Graph answers the built-in suite as v1.0 metadata declares', () => {
  it('has no violation in any response of any scenario', { timeout: 600_000 }, async () => {
    const files = discoverScenarioFiles(['scenarios']);
    const root = suiteRoot(['scenarios']);
    const violations: string[] = [];
    const seen = new Map<string, number>();
    for (const file of files) {
      const onGraphResponse = (exchange: GraphExchange): void => {
        seen.set(shapeOf(exchange), (seen.get(shapeOf(exchange)) ?? 0) + 1);
        for (const v of checkGraphResponse(model, exchange)) violations.push(`${file}: ${exchange.method} ${exchange.path} ${exchange.status}: ${v.path}: ${v.problem}`);
        if (exchange.status === 400 && !exchange.faulted && JSON.stringify(exchange.body).includes('Invalid request body')) violations.push(`${file}: the simulator sent an invalid body: ${exchange.method} ${exchange.path}`);
      };
      // The simulator's own requests are checked against the metadata too: a body it built wrong is a 400 here.
      await runScenario(loadScenarioFile(file, { root }), { onGraphResponse, checkGraphRequests: true });
    }
    expect([...new Set(violations)].slice(0, 40)).toEqual([]);
    // What the suite must exercise for the check to mean something.
    const shapes = [...seen.keys()].join('\n');
    for (const expected of [/^GET \/users\/\{id\}\/licenseDetails 200$/m, /^GET \/users\/\{id\}\/presence 200$/m, /^POST \/communications\/getPresencesByUserId 200$/m, /^POST \/communications\/calls 201$/m, /^POST \/communications\/calls\/\{id\}\/answer 202$/m, /^POST \/communications\/calls\/\{id\}\/transfer 403$/m, / 429$/m]) {
      expect(shapes).toMatch(expected);
    }
  });
});
