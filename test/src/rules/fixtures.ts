/**
 * Fact builders for the rule tests. Tenant and services go through the real zod schemas, so they carry the
 * same defaults as a scenario; users are built as the engine builds UserFacts.
 */
import type { z } from 'zod';
import { ServiceSpec, TenantSpec, type BehaviorSettings } from '../../../src/domain/model.js';
import type { Activity, Availability, DutyState } from '../../../src/domain/enums.js';
import type { Membership, ServiceFacts, TenantFacts, UserFacts, UserFlags } from '../../../src/rules/facts.js';
import type { Decision } from '../../../src/rules/decision.js';

type TenantOverrides = Partial<Omit<TenantFacts, 'behavior'>> & { behavior?: Partial<BehaviorSettings> };

export function tenant(over: TenantOverrides = {}): TenantFacts {
  const base = TenantSpec.parse(undefined);
  const { behavior, ...rest } = over;
  return { ...base, domains: ['contoso.com'], ...rest, behavior: { ...base.behavior, ...behavior } };
}

type ServiceInput = z.input<typeof ServiceSpec>;
type ServiceOverrides = Partial<ServiceInput>;

/** A service as a scenario writes it (any accepted spelling), with the model's defaults applied. Default id A. */
export function service(input: ServiceOverrides & Pick<ServiceInput, 'license' | 'assignment'>): ServiceFacts {
  return ServiceSpec.parse({ ...input, id: input.id ?? 'A' });
}

export const cc = (over: ServiceOverrides = {}): ServiceFacts => service({ license: 'Contact Center', assignment: 'MS Teams-based', ...over });
export const er = (over: ServiceOverrides = {}): ServiceFacts => service({ license: 'Enterprise Routing', assignment: 'MS Teams-based', ...over });
export const ar = (over: ServiceOverrides = {}): ServiceFacts => service({ license: 'Advanced Routing', assignment: 'MS Teams-based', ...over });

export interface UserOverrides {
  presence?: Availability;
  activity?: Activity;
  duty?: DutyState;
  licenses?: string[];
  /** Shorthand for nimbusLicenses: ['Contact Center']. */
  ccLicense?: boolean;
  flags?: UserFlags;
  parkedTasks?: number;
  activeTask?: boolean;
  /** Task Parallelization: true (limit 2) or the limit. */
  tp?: boolean | number;
  upn?: string;
}

export function user(id: string, over: UserOverrides = {}): UserFacts {
  const tp = over.tp ?? false;
  return {
    id,
    upn: over.upn ?? `${id}@contoso.com`,
    licenses: over.licenses ?? ['Teams Phone Standard'],
    nimbusLicenses: over.ccLicense ? ['Contact Center'] : [],
    presence: { availability: over.presence ?? 'Available', activity: over.activity ?? 'Available' },
    duty: over.duty ?? 'On Duty',
    flags: over.flags ?? {},
    parkedTasks: over.parkedTasks ?? 0,
    activeTask: over.activeTask ?? false,
    taskParallelization: { enabled: tp !== false, max: typeof tp === 'number' ? tp : 2 },
  };
}

export function member(u: UserFacts, s: ServiceFacts, over: Partial<Membership> = {}): Membership {
  return { service: s.id, user: u.id, active: true, role: 'Agent', ...over };
}

/** The failed rules of a decision, for exact assertions. */
export const failedRules = <V>(d: Decision<V>): string[] => [...new Set(d.checks.filter((c) => !c.passed).map((c) => c.rule))];

/** Every detail must be a concrete sentence (no "undefined", no "[object Object]"). */
export function assertWellFormed<V>(d: Decision<V>): void {
  for (const c of d.checks) {
    if (!c.detail || /undefined|\[object Object\]|NaN/.test(c.detail)) throw new Error(`bad detail for ${c.rule}: ${c.detail}`);
  }
  if (!d.summary || /undefined|\[object Object\]/.test(d.summary)) throw new Error(`bad summary: ${d.summary}`);
  JSON.stringify(d.inputs);
}
