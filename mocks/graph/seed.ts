/**
 * What the mock Graph is created from: a plain description of the tenant's directory. The engine maps a
 * scenario (tenant, services, users) onto this shape; nothing else about the scenario leaks into the mock.
 */
import { z } from 'zod';
import { Activity, Availability, PstnConnectivity, canonicalEnum, graphActivity, graphAvailability } from '../../src/domain/enums.js';
import { E164, UPN } from '../../src/domain/duration.js';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';

const licenseName = z.string().superRefine((raw, ctx) => {
  if (!findMicrosoftLicense(raw)) ctx.addIssue({ code: 'custom', message: `unknown Microsoft license "${raw}"` });
});

const upn = z.string().regex(UPN, 'expected an e-mail shaped UPN');

export const GraphSeedSchema = z
  .object({
    tenant: z
      .object({
        name: z.string().default('Contoso'),
        domains: z.array(z.string()).default([]),
        /** Tenant-wide admin consents, e.g. `User.Read.All` (COB-14, PERM-*). */
        consents: z.array(z.string()).default([]),
      })
      .prefault({}),
    /** Each service is represented in Graph by its resource account (application instance). */
    services: z
      .array(
        z.object({
          id: z.string().min(1),
          upn,
          displayName: z.string().min(1),
          licenses: z.array(licenseName).default([]),
          pstnNumber: z.string().regex(E164, 'expected an E.164 number').optional(),
          connectivity: z
            .string()
            .transform((raw, ctx) => {
              const value = canonicalEnum(PstnConnectivity, raw);
              if (!value) ctx.addIssue({ code: 'custom', message: `unknown PSTN connectivity "${raw}"` });
              return value ?? z.NEVER;
            })
            .optional(),
        }),
      )
      .default([]),
    users: z
      .array(
        z.object({
          id: z.string().min(1),
          upn,
          displayName: z.string().min(1),
          licenses: z.array(licenseName).default([]),
          /** Graph spelling (`DoNotDisturb`) or display spelling (`Do Not Disturb`, `Appear Offline`). */
          availability: z.string().default('Available'),
          activity: z.string().optional(),
        }),
      )
      .default([]),
  })
  .superRefine((seed, ctx) => {
    const seen = new Map<string, string>();
    for (const [kind, list] of [['service', seed.services], ['user', seed.users]] as const) {
      list.forEach((entry, index) => {
        const key = entry.upn.toLowerCase();
        const other = seen.get(key);
        if (other) ctx.addIssue({ code: 'custom', path: [`${kind}s`, index, 'upn'], message: `UPN ${entry.upn} is already used by ${other}` });
        seen.set(key, `${kind} ${entry.id}`);
      });
      const ids = new Set<string>();
      list.forEach((entry, index) => {
        if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: [`${kind}s`, index, 'id'], message: `duplicate ${kind} id ${entry.id}` });
        ids.add(entry.id);
      });
    }
  });

export type GraphSeed = z.input<typeof GraphSeedSchema>;
export type ParsedGraphSeed = z.output<typeof GraphSeedSchema>;
export type GraphSeedService = ParsedGraphSeed['services'][number];
export type GraphSeedUser = ParsedGraphSeed['users'][number];

/** Graph presence wire values as they are stored and returned. */
export interface GraphPresenceState {
  availability: string;
  activity: string;
}

/**
 * How a seeded presence appears in Graph. "Appear Away" and "Appear Offline" are a user's own choice in
 * Teams, which Graph models as a preferred presence on top of a live client session; everything else is the
 * Teams client's own session state.
 */
export interface SeededPresence {
  client: GraphPresenceState;
  preferred?: GraphPresenceState;
}

const defaultActivity: Record<string, string> = {
  Available: 'Available',
  Busy: 'Busy',
  DoNotDisturb: 'DoNotDisturb',
  Away: 'Away',
  BeRightBack: 'BeRightBack',
  Offline: 'Offline',
};

export function seededPresence(availabilityRaw: string, activityRaw?: string): SeededPresence {
  const availability = canonicalEnum(Availability, availabilityRaw);
  if (!availability) throw new Error(`unknown Teams availability "${availabilityRaw}"`);
  const wire = graphAvailability[availability];
  const activity = activityRaw === undefined ? defaultActivity[wire] ?? wire : wireActivity(activityRaw);
  if (availability === 'Appear Away') return { client: { availability: 'Available', activity: 'Available' }, preferred: { availability: 'Away', activity: 'Away' } };
  if (availability === 'Appear Offline') return { client: { availability: 'Available', activity: 'Available' }, preferred: { availability: 'Offline', activity: 'OffWork' } };
  return { client: { availability: wire, activity } };
}

/** Graph activity spelling for a display or Graph spelling; unknown activities pass through unchanged. */
function wireActivity(raw: string): string {
  const activity = canonicalEnum(Activity, raw);
  return activity ? graphActivity(activity) : raw;
}
