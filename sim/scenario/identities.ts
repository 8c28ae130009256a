/**
 * Identities that must be unique across a whole scenario (its own file and everything it extends, merged):
 * UPNs, users' and resource accounts' alike, compared case-insensitively as Entra ID does, and service phone
 * numbers. Two users with one UPN used to pass `check` and then fail the run with an internal error when the
 * mock Graph refused its directory; here they are the user's mistake, with the position of the second one.
 */
import { resolveTenant, seedFromScenario } from '../engine/graphSeed.js';
import type { ScenarioProblem } from './errors.js';
import { displayPath } from './issues.js';
import type { Scenario } from './schema.js';
import { locate, position, problemAt, type Path, type PlainMap, type SourceRef } from './yamlSource.js';

type Identities = Pick<Scenario, 'tenant' | 'services' | 'users'>;

interface Claim {
  /** The value compared (lower-cased UPN, or the number as written). */
  key: string;
  shown: string;
  path: Path;
  owner: string;
  /** Why the value is what it is, when the file does not write it. */
  derived?: string;
}

export function duplicateIdentityProblems(scenario: Identities, data: PlainMap, rootRef: SourceRef): ScenarioProblem[] {
  return [...duplicates(upnClaims(scenario), data, rootRef, 'UPN'), ...duplicates(numberClaims(scenario), data, rootRef, 'phone number')];
}

/** The UPNs the directory will hold, exactly as the run seeds the mock Graph (defaults included). */
function upnClaims(scenario: Identities): Claim[] {
  const seed = seedFromScenario(scenario, resolveTenant(scenario));
  const services = (seed.services ?? []).map((s, i): Claim => {
    const written = scenario.services[i]?.resourceAccount.upn !== undefined;
    return {
      key: s.upn.toLowerCase(),
      shown: s.upn,
      path: written ? ['services', i, 'resourceAccount', 'upn'] : ['services', i, 'id'],
      owner: `service ${s.id}'s resource account`,
      ...(written ? {} : { derived: `the resource account of a service without resourceAccount.upn is ${s.upn}` }),
    };
  });
  const users = scenario.users.map((u, i): Claim => ({ key: u.upn.toLowerCase(), shown: u.upn, path: ['users', i, 'upn'], owner: `user ${u.id}` }));
  return [...services, ...users];
}

function numberClaims(scenario: Identities): Claim[] {
  return scenario.services.flatMap((s, i): Claim[] =>
    s.pstn === undefined ? [] : [{ key: s.pstn.number, shown: s.pstn.number, path: ['services', i, 'pstn', 'number'], owner: `service ${s.id}` }],
  );
}

function duplicates(claims: readonly Claim[], data: PlainMap, rootRef: SourceRef, what: string): ScenarioProblem[] {
  const first = new Map<string, Claim>();
  const problems: ScenarioProblem[] = [];
  for (const claim of claims) {
    const earlier = first.get(claim.key);
    if (earlier === undefined) {
      first.set(claim.key, claim);
      continue;
    }
    const earlierLine = position(locate(data, rootRef, earlier.path).ref).line;
    const hint = `${earlier.owner} (${displayPath(earlier.path)}, line ${earlierLine}) already has ${what} ${earlier.shown}; each ${what} belongs to one user or service`;
    problems.push(
      problemAt(locate(data, rootRef, claim.path).ref, claim.path, `${displayPath(claim.path)}: duplicate ${what} "${claim.shown}" (${claim.owner})`, {
        hint: claim.derived === undefined ? hint : `${claim.derived}; ${hint}`,
      }),
    );
  }
  return problems;
}
