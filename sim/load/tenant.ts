/**
 * The tenant of a generated contact-center day: `services` services and `agents` agents, built as a scenario
 * file (JSON is YAML) and loaded through the ordinary scenario loader, so every default and validation of a
 * hand-written scenario applies. Deterministic from the seed.
 *
 * The mix exercises the rulebook: every fourth service's resource account has no calling plan (PSTN
 * transfers of calls it answered first fail, XFER-02/03); odd services are Contact Center with ACW and
 * persistent RONA; one in six distributes by Broadcast; all allow Call on Behalf (outbound modality).
 */
import { parseScenarioText } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { Random } from './random.js';

export interface TenantShape {
  agents: number;
  services: number;
  seed: number;
}

export const serviceId = (i: number): string => `S${String(i + 1).padStart(2, '0')}`;
export const agentId = (i: number): string => `a${String(i + 1).padStart(3, '0')}`;

/** Services whose resource account cannot place PSTN calls (no calling plan). */
export const isPstnUnlicensed = (serviceIndex: number): boolean => serviceIndex % 4 === 2;

export function buildTenant(shape: TenantShape): Scenario {
  const rnd = new Random(shape.seed ^ 0x5eed);
  const members: string[][] = Array.from({ length: shape.services }, () => []);
  for (let a = 0; a < shape.agents; a++) {
    const primary = a % shape.services;
    members[primary]?.push(agentId(a));
    // About a third of the agents also serve a second service.
    if (shape.services > 1 && rnd.next() < 0.33) {
      const second = (primary + 1 + rnd.int(shape.services - 1)) % shape.services;
      members[second]?.push(agentId(a));
    }
  }
  const services = members.map((m, i) => {
    const contactCenter = i % 2 === 1;
    const licenses = isPstnUnlicensed(i) ? ['Microsoft Teams Phone Resource Account'] : ['Microsoft Teams Phone Resource Account', 'Microsoft Teams Domestic Calling Plan'];
    return {
      id: serviceId(i),
      license: contactCenter ? 'Contact Center' : 'Enterprise Routing',
      assignment: contactCenter ? 'Skill-based' : 'MS Teams-based',
      modalities: { outbound: true },
      pstn: { number: `+4144555${String(1000 + i).slice(-4)}`, connectivity: 'Calling Plan' },
      resourceAccount: { licenses },
      distribution: {
        type: i % 6 === 5 ? 'Broadcast' : 'Direct',
        ringTimeout: '20s',
        slaTime: '20s',
        ...(contactCenter ? { persistentRona: true, ronaResetTime: '2m', acw: { enabled: true, duration: '30s', extension: '60s' } } : {}),
      },
      members: m,
    };
  });
  const users = Array.from({ length: shape.agents }, (_, a) => ({
    id: agentId(a),
    upn: `${agentId(a)}@contoso.com`,
    licenses: ['Teams Phone Standard'],
    nimbusLicense: 'Contact Center',
  }));
  const file = {
    name: `contact-center day: ${shape.agents} agents, ${shape.services} services`,
    seed: shape.seed,
    tenant: { name: 'Contoso', consents: ['User.Read.All'] },
    services,
    users,
    // The loader wants at least one step; the generator drives the world itself and never runs it.
    steps: [{ wait: '1s' }],
  };
  return parseScenarioText(JSON.stringify(file), 'load/contact-center-day.yaml');
}
