/**
 * Magic fixtures for quick reproductions: values a scenario (or an imported tenant) can use to get a known
 * misbehaviour without writing fault steps. They are in fictional ranges so they never collide with real data:
 *
 * - PSTN number `+15550100403` on a service: the number is **never licensed**: whatever the file says, its
 *   resource account holds no license (as if the customer's license assignment never went through).
 * - A user whose UPN starts with `unlicensed` (`unlicensed@contoso.com`, `unlicensed.agent@...`): holds no
 *   Microsoft license at all (no Teams Phone, LIC-05).
 * - A user whose UPN starts with `throttled`: **always throttled**: every Graph request that names the user
 *   (presence, licenseDetails, the user object) answers 429 with Retry-After 1 s, for the whole run.
 */
import type { GraphFaultSpec } from '../../mocks/graph/faults.js';
import type { Scenario } from '../scenario/schema.js';

const NEVER_LICENSED_NUMBER = '+15550100403';
const UNLICENSED_UPN = /^unlicensed[^@]*@/i;
const THROTTLED_UPN = /^throttled[^@]*@/i;

/** The scenario with the never-licensed number and unlicensed users stripped of licenses; the same object when no magic value is used. */
export function withMagicFixtures(scenario: Scenario): Scenario {
  const stripService = scenario.services.some((s) => s.pstn?.number === NEVER_LICENSED_NUMBER && s.resourceAccount.licenses.length > 0);
  const stripUser = scenario.users.some((u) => UNLICENSED_UPN.test(u.upn) && u.licenses.length > 0);
  if (!stripService && !stripUser) return scenario;
  return {
    ...scenario,
    services: scenario.services.map((s) => (s.pstn?.number === NEVER_LICENSED_NUMBER ? { ...s, resourceAccount: { ...s.resourceAccount, licenses: [] } } : s)),
    users: scenario.users.map((u) => (UNLICENSED_UPN.test(u.upn) ? { ...u, licenses: [] } : u)),
  };
}

/** Always-throttled users: one never-ending 429 fault per user, matched on the user's Graph object id. */
export function magicFaults(scenario: Scenario, graphIdOf: (userId: string) => string): GraphFaultSpec[] {
  return scenario.users
    .filter((u) => THROTTLED_UPN.test(u.upn))
    .map((u) => ({ endpoint: '*' as const, status: 429 as const, rate: 1, retryAfterMs: 1000, pathIncludes: graphIdOf(u.id) }));
}

/** What the magic values did, for the run's timeline. */
export function magicNotes(scenario: Scenario): string[] {
  return [
    ...scenario.services.filter((s) => s.pstn?.number === NEVER_LICENSED_NUMBER).map((s) => `magic fixture: service ${s.id} has ${NEVER_LICENSED_NUMBER}, a number that is never licensed (its resource account holds no license)`),
    ...scenario.users.filter((u) => UNLICENSED_UPN.test(u.upn)).map((u) => `magic fixture: user ${u.id} (${u.upn}) holds no Microsoft license`),
    ...scenario.users.filter((u) => THROTTLED_UPN.test(u.upn)).map((u) => `magic fixture: user ${u.id} (${u.upn}) is always throttled: every Graph request about them answers 429`),
  ];
}
