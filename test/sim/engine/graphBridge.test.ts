/**
 * The Graph bridge reads what Graph says in Graph's own format: the rules behind a refusal come from the
 * error details, never from matching the message text; a Teams presence change goes through mock.control.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/scenario/load.js';
import { createWorld } from '../../../sim/engine/setup.js';

const scenario = parseScenarioText(
  `name: bridge
services:
  - { id: A, name: "WF-01 desk", license: Enterprise Routing, assignment: MS Teams-based, members: [ann] }
users:
  - { id: ann, upn: ann@contoso.com, licenses: [Teams Phone Standard] }
steps:
  - wait: 1s
`,
  'bridge.yaml',
);

describe('GraphBridge', () => {
  it('takes a refusal rules from the error details; a rule id in a display name is only text', async () => {
    const world = await createWorld(scenario);
    const outcome = await world.graph.createOutboundCall('c1', 'A', { kind: 'pstn', value: '+41795550111' });
    world.stop();
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Graph 403 Forbidden: Outbound PSTN call from WF-01 desk refused: .* \[LIC-01\]$/);
    expect(outcome.because).toEqual(['LIC-01']);
  });

  it('a presence change in Teams reaches the mock through its control API and is read back through Graph', async () => {
    const world = await createWorld(scenario);
    const seen = await world.graph.changePresence('ann', 'Away', 'Available', false);
    const inCall = await world.graph.changePresence('ann', 'Busy', 'In a call', true);
    const presence = world.graph.mock.db.byId.presences(world.graph.mock.graphIdOf('ann', 'user'));
    world.stop();
    expect(seen).toEqual({ availability: 'Away', activity: 'Away' });
    expect(inCall).toMatchObject({ availability: 'Busy' });
    expect(presence).toMatchObject({ availability: 'Busy', activity: 'InACall', preferred: null, sessions: [] });
  });
});
