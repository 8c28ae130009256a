/**
 * The facts the rule functions read: plain data, computed by the engine from the tenant model and the
 * machines' snapshots. Rules never see actors, the clock or Graph.
 */
import type { Activity, Availability, DutyState } from '../domain/enums.js';
import type { BehaviorSettings, ServiceSpec, TenantSpec, UserSpec } from '../domain/model.js';

export interface TenantFacts extends Omit<TenantSpec, 'domains'> {
  /** The tenant's own domains (given, or derived from the users' UPNs). */
  domains: string[];
  behavior: BehaviorSettings;
}

export type ServiceFacts = ServiceSpec;

/** A blocking flag remembers the service that caused it (for `behavior.blockingFlagScope`). */
export interface FlagSource {
  service: string;
  call?: string;
}

export interface UserFlags {
  ringing?: FlagSource;
  /** The user is in an active (not parked) Nimbus task, or in a parked one without Task Parallelization. */
  connected?: FlagSource;
  onHold?: FlagSource;
  acw?: FlagSource & { extended: boolean };
  rona?: FlagSource & { persistent: boolean };
  notAvailableReason?: boolean;
}

export interface UserFacts {
  id: string;
  upn: string;
  licenses: string[];
  nimbusLicenses: UserSpec['nimbusLicense'];
  /** Presence as Nimbus sees it (Graph), after Enhanced Presence Privacy and extended tracking are applied. */
  presence: { availability: Availability; activity: Activity };
  duty: DutyState;
  flags: UserFlags;
  /** Tasks this user holds parked, and whether one is active right now. */
  parkedTasks: number;
  activeTask: boolean;
  taskParallelization: { enabled: boolean; max: number };
}

export interface Membership {
  service: string;
  user: string;
  active: boolean;
  role: 'Agent' | 'Owner';
}
