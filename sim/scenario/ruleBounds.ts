/**
 * Settings the rulebook bounds and a scenario cannot express as a plain schema range, because the bound is
 * itself a `tenant.behavior` setting: a service's RONA Reset Time must lie between 10s and
 * behavior.ronaResetTimeMax (RONA-07, open question 3). The product would refuse to save such a value, so a
 * scenario that sets one is a harness error (exit code 2), found by the loader with the rule that decides it.
 */
import { ronaResetTimeAllowed } from '../../src/rules/rona.js';
import type { ServiceSpec, TenantSpec } from '../../src/domain/model.js';
import type { ScenarioProblem } from './errors.js';
import { locate, problemAt, type SourceRef } from './yamlSource.js';

export function settingBoundProblems(
  scenario: { tenant: TenantSpec; services: readonly ServiceSpec[] },
  root: unknown,
  rootRef: SourceRef,
): ScenarioProblem[] {
  const tenant = { ...scenario.tenant, domains: scenario.tenant.domains ?? [] };
  const problems: ScenarioProblem[] = [];
  scenario.services.forEach((service, i) => {
    const decision = ronaResetTimeAllowed({ tenant, ms: service.distribution.ronaResetTime });
    if (decision.verdict) return;
    const at = locate(root, rootRef, ['services', i, 'distribution', 'ronaResetTime']);
    const failed = decision.checks.filter((c) => !c.passed).map((c) => c.detail);
    problems.push(
      problemAt(at.ref, ['services', i, 'distribution', 'ronaResetTime'], `services[${i}] (${service.id}): distribution.ronaResetTime: ${failed.join('; ')} [RONA-07]`, {
        expected: 'a RONA Reset Time from 10s up to tenant.behavior.ronaResetTimeMax (320m by default)',
        hint: 'RONA Reset Time is bounded by RONA-07; raise tenant.behavior.ronaResetTimeMax (open question 3) to allow up to 8h',
      }),
    );
  });
  return problems;
}
