/**
 * Small zod building blocks shared by the tenant model and the scenario schema. Each one validates, turns
 * the accepted spelling into the canonical value, and carries metadata the JSON Schema generator reads
 * (`nimbus` in `.meta()`), so editors can complete canonical values while any accepted spelling validates.
 */
import { z } from 'zod';
import { canonicalEnum, type EnumSpec } from './enums.js';
import { E164, MAX_DURATION_MS, UPN, formatDuration, parseDuration } from './duration.js';
import { findMicrosoftLicense, knownLicenseNames } from './licenses.js';

export interface NimbusFieldMeta {
  kind: 'enum' | 'duration' | 'e164' | 'upn' | 'license';
  values?: readonly string[];
  /** Extra accepted spellings (Graph names, legacy names), so the JSON Schema accepts them too. */
  aliases?: readonly string[];
  enumName?: string;
}

/** A string field of an enumeration, matched ignoring case, spaces, hyphens and underscores. */
export function enumField<T extends string>(spec: EnumSpec<T>) {
  return z
    .string()
    .transform((raw, ctx): T => {
      const value = canonicalEnum(spec, raw);
      if (value === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: `"${raw}" is not a ${spec.name}; expected one of: ${spec.values.join(', ')}`,
          params: { nimbus: 'enum', enumName: spec.name, values: spec.values, got: raw },
        });
        return z.NEVER;
      }
      return value;
    })
    .meta({ nimbus: { kind: 'enum', values: spec.values, aliases: Object.keys(spec.aliases ?? {}), enumName: spec.name } satisfies NimbusFieldMeta });
}

/** A duration string (`500ms`, `20s`, `10m`, `1h30m`, `hh:mm:ss`) held as milliseconds. */
export const durationField = () =>
  z
    .union([z.string(), z.number().int().nonnegative()])
    .transform((raw, ctx): number => {
      const ms = typeof raw === 'number' ? raw * 1000 : parseDuration(raw);
      if (ms === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: `"${String(raw)}" is not a duration; write it like 500ms, 20s, 10m, 1h30m or 00:10:00`,
          params: { nimbus: 'duration', got: raw },
        });
        return z.NEVER;
      }
      if (!(ms <= MAX_DURATION_MS)) {
        ctx.issues.push({ code: 'custom', input: raw, message: `"${String(raw)}" is longer than virtual time allows; durations are at most ${formatDuration(MAX_DURATION_MS)} (a year)`, params: { nimbus: 'durationRange', got: raw } });
        return z.NEVER;
      }
      return ms;
    })
    .meta({ nimbus: { kind: 'duration' } satisfies NimbusFieldMeta });

export const durationDefault = (ms: number) => durationField().prefault(formatDuration(ms));

export const e164Field = () =>
  z
    .union([z.string(), z.number()])
    .transform((raw, ctx): string => {
      const text = String(raw).replace(/[\s()-]/g, '');
      if (!E164.test(text)) {
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: `"${String(raw)}" is not an E.164 phone number; write it like "+41445550100" (quoted, with the leading +)`,
          params: { nimbus: 'e164', got: raw },
        });
        return z.NEVER;
      }
      return text;
    })
    .meta({ nimbus: { kind: 'e164' } satisfies NimbusFieldMeta });

export const upnField = () =>
  z
    .string()
    .transform((raw, ctx): string => {
      if (!UPN.test(raw)) {
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: `"${raw}" is not a user principal name; write it like alice@contoso.com`,
          params: { nimbus: 'upn', got: raw },
        });
        return z.NEVER;
      }
      return raw.toLowerCase();
    })
    .meta({ nimbus: { kind: 'upn' } satisfies NimbusFieldMeta });

/** A Microsoft license by display name or SKU part number; held as the display name. */
export const licenseField = () =>
  z
    .string()
    .transform((raw, ctx): string => {
      const lic = findMicrosoftLicense(raw);
      if (!lic) {
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: `"${raw}" is not a known Microsoft license; expected a display name or SKU part number such as ${knownLicenseNames().slice(0, 6).join(', ')}`,
          params: { nimbus: 'license', values: knownLicenseNames(), got: raw },
        });
        return z.NEVER;
      }
      return lic.displayName;
    })
    .meta({ nimbus: { kind: 'license', values: knownLicenseNames() } satisfies NimbusFieldMeta });

/** Identifier of a service, user or call inside one scenario. */
export const idField = () =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .pipe(z.string().min(1).regex(/^[A-Za-z0-9][\w.\-]*$/, 'an id is letters, digits, ".", "-" or "_"'));
