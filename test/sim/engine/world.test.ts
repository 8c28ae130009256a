/**
 * World.takingOffers mirrors the agent machine's own answer (`takesOffers` of each snapshot): distribution
 * reads the mirror instead of every member's snapshot, so the two must agree after every event of every
 * agent. Checked over the rule scenarios whose users ring, answer, decline, park, hold, go into ACW and RONA.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { takesOffers } from '../../../src/machines/agentStatus.js';
import { discoverScenarioFiles } from '../../../sim/scenario/discover.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { openRun } from '../../../sim/engine/run.js';
import { playSteps } from '../../../sim/engine/player.js';

const root = fileURLToPath(new URL('../../../scenarios/rules/', import.meta.url));
const files = discoverScenarioFiles(['PAR', 'ACW', 'RONA', 'DIST', 'US'].map((area) => `${root}${area}`));

describe('World.takingOffers', () => {
  let events = 0;

  it('covers scenarios of every area whose agents change work state', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(root.length), f]))('agrees with takesOffers after every agent event: %s', async (_name, file) => {
    const run = await openRun(loadScenarioFile(file));
    const disagreements: string[] = [];
    for (const [user, agent] of run.world.agents) {
      // Subscribed after the world's own subscription, so the mirror is up to date when this one runs.
      agent.subscribe((snapshot) => {
        events++;
        if (run.world.takingOffers.has(user) !== takesOffers(snapshot)) disagreements.push(`${user} in ${JSON.stringify(snapshot.value.work)}`);
      });
      expect(run.world.takingOffers.has(user), user).toBe(takesOffers(agent.getSnapshot()));
    }
    await playSteps(run);
    run.world.stop();
    expect(disagreements).toEqual([]);
  });

  // Runs after the scenarios above (tests in a file run in order): the check above was really exercised.
  it('saw the agents of those scenarios change state many times', () => {
    expect(events).toBeGreaterThan(200);
  });
});
