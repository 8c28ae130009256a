/**
 * The scenario-level `faults:` section (extension): Graph faults armed before the run starts, by endpoint and
 * count (like the `graphFault` step) or by a seeded rate. Example:
 *
 *   faults:
 *     - { endpoint: presence, status: 429, rate: 0.2, retryAfter: 2s }   # 20% of presence requests, seeded
 *     - { endpoint: calls, status: 503, count: 2 }                        # the first two calls requests
 *     - { endpoint: "*", latency: 300ms, rate: 1 }                        # every request 300 ms slower
 *     - { endpoint: "*", status: 429, rate: 1, user: tom }                # tom is throttled for the whole run
 *
 * The draws are seeded with the scenario's `seed` (or `run --seed`), so a run is reproducible. A fault
 * affects a user only because the file says so (`user:`): no value in the tenant (a UPN, a number) ever
 * arms one by itself.
 */
import { z } from 'zod';
import { durationField } from '../../src/domain/schemaKit.js';
import { formatDuration } from '../../src/domain/duration.js';
import type { GraphFaultSpec } from '../../mocks/graph/faults.js';

export const ScenarioFault = z
  .strictObject({
    endpoint: z.enum(['presence', 'users', 'licenseDetails', 'calls', 'subscribedSkus', '*']),
    status: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal('network')]).optional(),
    /** Affect the first `count` matching requests. */
    count: z.number().int().min(1).optional(),
    /** Affect each matching request with this probability (seeded). */
    rate: z.number().min(0).max(1).optional(),
    retryAfter: durationField().optional(),
    latency: durationField().optional(),
    /** Only requests about this user (a user id of the scenario): its Graph object id is in the request path. */
    user: z.string().min(1).optional(),
  })
  .refine((f) => f.status !== undefined || f.latency !== undefined, { message: 'a fault needs a status, a latency, or both' })
  .refine((f) => !(f.count !== undefined && f.rate !== undefined), { message: 'a fault takes count or rate, not both' });
export type ScenarioFault = z.output<typeof ScenarioFault>;

export const ScenarioFaults = z.array(ScenarioFault).optional();

/**
 * The mock's fault specs for a scenario's `faults:`; without count or rate a fault affects one request.
 * `graphIdOf` gives a user's Graph object id, which is how a request names the user.
 */
export function graphFaultSpecs(faults: readonly ScenarioFault[], seed: number, graphIdOf: (userId: string) => string): GraphFaultSpec[] {
  return faults.map((f, i) => ({
    endpoint: f.endpoint,
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.rate !== undefined ? { rate: f.rate, seed: seed + i } : { count: f.count ?? 1 }),
    ...(f.retryAfter !== undefined ? { retryAfterMs: f.retryAfter } : {}),
    ...(f.latency !== undefined ? { latencyMs: f.latency } : {}),
    ...(f.user !== undefined ? { pathIncludes: graphIdOf(f.user) } : {}),
  }));
}

/** `presence 429 at 20% (Retry-After 2s), calls 503 ×2, * 429 at 100% for user tom` */
export function describeFaults(faults: readonly ScenarioFault[]): string {
  return faults
    .map((f) => {
      const what = [f.status !== undefined ? String(f.status) : null, f.latency !== undefined ? `+${formatDuration(f.latency)}` : null].filter(Boolean).join(' ');
      const how = f.rate !== undefined ? `at ${Math.round(f.rate * 1000) / 10}%` : `×${f.count ?? 1}`;
      return `${f.endpoint} ${what} ${how}${f.retryAfter !== undefined ? ` (Retry-After ${formatDuration(f.retryAfter)})` : ''}${f.user !== undefined ? ` for user ${f.user}` : ''}`;
    })
    .join(', ');
}
