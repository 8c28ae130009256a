/**
 * Small helpers shared by the rule modules: how services and users are named in detail texts, tier
 * comparisons, license lookups and the Task Parallelization limit. Nothing here decides a rule.
 */
import { tierRank, type ServiceLicenseTier } from '../domain/enums.js';
import { formatDuration } from '../domain/duration.js';
import { findMicrosoftLicense } from '../domain/licenses.js';
import { failedDetails, type DecisionBuilder, type RuleCheck } from './decision.js';
import type { TenantFacts, UserFacts } from './facts.js';

export const svc = (service: { id: string }): string => `service ${service.id}`;
export const usr = (user: { id: string }): string => `user ${user.id}`;

/** SVC-02: tiers are cumulative, so "at least Enterprise Routing" includes Contact Center. */
export const tierAtLeast = (tier: ServiceLicenseTier, min: ServiceLicenseTier): boolean => tierRank(tier) >= tierRank(min);

/** LIC-07: the per-user Contact Center Nimbus license. */
export const hasCcLicense = (user: Pick<UserFacts, 'nimbusLicenses'>): boolean => user.nimbusLicenses.includes('Contact Center');

export const dur = (ms: number): string => formatDuration(ms);

export const listOrNone = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Display names of a license list, whatever spelling (SKU part number, legacy name) was stored. */
export const licenseNames = (names: readonly string[]): string[] => names.map((n) => findMicrosoftLicense(n)?.displayName ?? n);

/** PAR-15: the user's Task Parallelization limit, or the tenant default (behavior.taskParallelizationMax). */
export function tpLimit(tenant: TenantFacts, user: UserFacts): { max: number; source: string } {
  const own = user.taskParallelization.max;
  const fallback = tenant.behavior.taskParallelizationMax;
  if (Number.isInteger(own) && own >= 1) return { max: own, source: `taskParallelization.max; tenant default behavior.taskParallelizationMax = ${fallback}` };
  return { max: fallback, source: `behavior.taskParallelizationMax` };
}

/** SVC-11 as one check: a Suspended tenant rejects tasks and sign-ins. */
export function checkTenantNotSuspended(b: DecisionBuilder, tenant: TenantFacts, what: string): boolean {
  const suspended = tenant.state === 'Suspended';
  return b.check(
    'SVC-11',
    !suspended,
    suspended
      ? `tenant ${tenant.name} is Suspended: users cannot sign in and ${what} is rejected`
      : `tenant ${tenant.name} is ${tenant.state} (not Suspended)`,
  );
}

/** Replay a list of checks gathered elsewhere into a builder. */
export function replay(b: DecisionBuilder, checks: readonly RuleCheck[]): void {
  for (const c of checks) b.add(c);
}

/** "<prefix>: <failed detail>; <failed detail>" for a refused decision's summary, rendered when read. */
export function refusal(prefix: string, b: DecisionBuilder): () => string {
  return () => `${prefix}: ${failedDetails(b.failed)}`;
}
