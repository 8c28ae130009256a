/**
 * The JSON Schema editors use to validate and complete scenario files
 * (`# yaml-language-server: $schema=../schema/scenario.schema.json`), generated from the same zod schemas
 * the loader validates with. It describes what a user may write (zod's input side), so enumerations offer
 * their canonical values for completion while accepting every spelling the loader accepts.
 *
 * Draft-07 because it is the draft editors' YAML/JSON language services support best.
 */
import { z } from 'zod';
import { normalizeEnumKey } from '../../src/domain/enums.js';
import { UPN } from '../../src/domain/duration.js';
import { microsoftLicenses } from '../../src/domain/licenses.js';
import type { NimbusFieldMeta } from '../../src/domain/schemaKit.js';
import { ScenarioSpec, type StepVerb } from './schema.js';
import { nimbusMeta, unwrap } from './schemaWalk.js';

const SCENARIO_SCHEMA_ID = 'urn:nimbus-sim:scenario:v1';

type Json = Record<string, unknown>;

/** Matches a value ignoring case, spaces, hyphens and underscores, as `canonicalEnum` does. */
export function spellingPattern(values: readonly string[]): string {
  const SEP = '[\\s_-]*';
  const alternatives = [...new Set(values.map(normalizeEnumKey))].map((key) =>
    [...key]
      .map((c) => {
        const lower = c.toLowerCase();
        const upper = c.toUpperCase();
        return lower === upper ? escapeRegex(c) : `[${lower}${upper}]`;
      })
      .join(SEP),
  );
  return `^${SEP}(?:${alternatives.join('|')})${SEP}$`;
}

const escapeRegex = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** What `parseDuration` accepts: `500ms`, `20s`, `10m`, `1h`, `1h30m` (spaces allowed, any case) or `hh:mm:ss[.mmm]`. */
const NUMBER = '\\d+(?:\\.\\d+)?';
export const DURATION_PATTERN =
  `^\\s*(?:0|\\d+:[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?|(?=\\d)(?:${NUMBER}\\s*[hH]\\s*)?(?:${NUMBER}\\s*[mM](?![sS])\\s*)?(?:${NUMBER}\\s*[sS]\\s*)?(?:\\d+\\s*[mM][sS])?)\\s*$`;

const E164_LENIENT = '^[\\s()-]*\\+[\\s()-]*[1-9](?:[\\s()-]*\\d){6,14}[\\s()-]*$';

const DURATION_DESCRIPTION = 'Duration: 500ms, 20s, 10m, 1h, 1h30m or hh:mm:ss (a bare number is seconds).';

/** Replaces the JSON zod made for a schemaKit field with one editors can complete and check. */
function nimbusFieldSchema(meta: NimbusFieldMeta): Json {
  switch (meta.kind) {
    case 'enum': {
      const values = meta.values ?? [];
      return {
        description: `${meta.enumName ?? 'Value'}: ${values.join(' | ')}. Case, spaces, hyphens and underscores are ignored.`,
        anyOf: [{ enum: [...values] }, { type: 'string', pattern: spellingPattern([...values, ...(meta.aliases ?? [])]) }],
      };
    }
    case 'license': {
      const names = microsoftLicenses.map((l) => l.displayName);
      return {
        description: 'Microsoft license: display name or SKU part number as Graph returns it (MCOEV, PHONESYSTEM_VIRTUALUSER, MCOPSTN1, ...).',
        anyOf: [{ enum: names }, { type: 'string', pattern: spellingPattern([...(meta.values ?? []), ...names]) }],
      };
    }
    case 'duration':
      return {
        description: DURATION_DESCRIPTION,
        anyOf: [
          { type: 'string', pattern: DURATION_PATTERN },
          { type: 'integer', minimum: 0 },
        ],
      };
    case 'e164':
      // The loader drops spaces, hyphens and parentheses before checking E.164, so the pattern does too.
      return { description: 'Phone number in E.164 form, quoted: "+41445550100".', type: 'string', pattern: E164_LENIENT };
    case 'upn':
      return { description: 'User principal name (e-mail shaped): alice@contoso.com.', type: 'string', pattern: UPN.source };
  }
}

const isNimbusMeta = (value: unknown): value is NimbusFieldMeta =>
  typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';

/** Keeps what zod derived from wrappers (default, description) and replaces the rest. */
function rewriteInPlace(json: Json, replacement: Json): void {
  const kept: Json = {};
  for (const key of ['default', 'title']) if (key in json) kept[key] = json[key];
  for (const key of Object.keys(json)) delete json[key];
  Object.assign(json, replacement, kept);
}

const VERB_DESCRIPTIONS: Record<StepVerb, string> = {
  wait: 'Advance virtual time; timers (RONA, ACW, ring timeouts) fire.',
  presence: 'Teams presence change (goes through the mock Graph).',
  duty: 'On Duty / Off Duty.',
  inboundCall: 'A customer calls a service; distribution starts.',
  answer: 'The user accepts the offered task.',
  decline: 'The user declines the offer.',
  ignore: 'The user lets the offer ring out (RONA).',
  transfer: 'Transfer the call to a service, user, PSTN number or UPN (blind by default).',
  callOnBehalf: 'Call on Behalf; the call id names the new outbound session.',
  scheduleOutbound: 'Scheduled outbound call (OUT-*).',
  park: 'Park the task (PAR-*).',
  unpark: 'Pick up a parked task.',
  hold: 'Put the call on hold.',
  resume: 'Resume a held call.',
  ronaSettings: "Change a service's Persistent RONA / RONA Reset Time at run time; flags already set keep their settings (RONA-10).",
  consult: 'Ask to start a consultation call from this task: allowed or refused (PAR-17); the consultation itself is not simulated.',
  hangup: 'End the call or leave it: by customer, target or a user id.',
  endAcw: 'End after-call work early (ACW-05).',
  extendAcw: 'Extend after-call work (ACW-06).',
  resetRona: 'Manual RONA reset (RONA-08).',
  supervise: 'Supervision: Listen, Whisper or Barge In (SUP-*).',
  graphFault: 'Make the mock Graph misbehave for the next `count` matching requests.',
  notAvailableReason: 'Set or clear a pending Not Available Reason (PRES-11).',
  setActive: "Toggle a member's per-service Active flag (SVC-08).",
  expect: 'Assertions at this point in virtual time; several keys are all checked.',
};

const TOP_LEVEL_DESCRIPTIONS: Record<string, string> = {
  name: 'Scenario name, shown in reports.',
  description: 'Free text.',
  tags: 'Labels for selecting scenarios.',
  because: 'Rule ids this scenario proves.',
  seed: 'Seed for everything random in the run.',
  extends: 'Path (relative to this file) of a file whose tenant, services and users are merged in first; lists merge by id.',
  tenant: 'Tenant-wide settings.',
  services: 'Nimbus services; steps refer to them by id.',
  users: 'Users; services and steps refer to them by id.',
  steps: 'Ordered steps: one verb each, plus optional at (time from start) or after (delay after the previous step).',
};

function describeTopLevel(schema: Json): void {
  const properties = schema['properties'];
  if (!isJson(properties)) return;
  for (const [key, text] of Object.entries(TOP_LEVEL_DESCRIPTIONS)) {
    const property = properties[key];
    if (isJson(property) && !('description' in property)) property['description'] = text;
  }
  // Scratch keys for YAML anchors (`x-agent: &agent {...}`), ignored by the loader.
  schema['patternProperties'] = { '^x-': {} };
  const steps = properties['steps'];
  const items = isJson(steps) ? steps['items'] : undefined;
  const branches = isJson(items) ? items['anyOf'] : undefined;
  if (!Array.isArray(branches)) return;
  for (const branch of branches) {
    if (!isJson(branch) || !Array.isArray(branch['required'])) continue;
    const verb = branch['required'][0];
    if (typeof verb === 'string' && verb in VERB_DESCRIPTIONS) {
      branch['title'] = verb;
      branch['description'] = VERB_DESCRIPTIONS[verb as StepVerb];
    }
  }
}

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function scenarioJsonSchema(): object {
  const definitions = new Map<string, Json>();
  const generated = z.toJSONSchema(ScenarioSpec, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const meta = z.globalRegistry.get(zodSchema)?.['nimbus'];
      if (isNimbusMeta(meta)) rewriteInPlace(jsonSchema as Json, referenceTo(definitions, meta));
      restoreEnumDefault(zodSchema, jsonSchema as Json);
    },
  }) as Json;
  describeTopLevel(generated);
  relaxForExtends(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'nimbus-sim scenario',
    description: 'A nimbus-sim scenario: tenant, services, users and the steps to run (scenario format v1).',
    ...rest,
    definitions: Object.fromEntries([...definitions].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/**
 * zod leaves out `.default()` values of transformed fields on the input side, since an output value need
 * not be valid input. A canonical enum value is valid input, so editors can still show it.
 */
function restoreEnumDefault(schema: z.core.$ZodType, json: Json): void {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if (def.type !== 'default' || json['default'] !== undefined) return;
  const innerDef = (unwrap(def.innerType) as z.core.$ZodTypes)._zod.def;
  const enumValued = nimbusMeta(def.innerType)?.kind === 'enum' || (innerDef.type === 'array' && nimbusMeta(innerDef.element)?.kind === 'enum');
  if (enumValued) json['default'] = def.defaultValue;
}

/**
 * Each kind of field is defined once under `definitions` (the spelling patterns are long) and referenced
 * through allOf, because draft-07 ignores keywords such as `default` next to a bare $ref.
 */
function referenceTo(definitions: Map<string, Json>, meta: NimbusFieldMeta): Json {
  const name = definitionName(meta);
  if (!definitions.has(name)) definitions.set(name, nimbusFieldSchema(meta));
  return { allOf: [{ $ref: `#/definitions/${name}` }] };
}

const FIELD_DEFINITION_NAMES = { duration: 'Duration', e164: 'PhoneNumber', upn: 'UserPrincipalName', license: 'MicrosoftLicense' } as const;

const definitionName = (meta: NimbusFieldMeta): string =>
  meta.kind === 'enum'
    ? (meta.enumName ?? 'value').replace(/(?:^|[\s/-]+)(\w)/g, (_match, c: string) => c.toUpperCase()).replace(/\W/g, '')
    : FIELD_DEFINITION_NAMES[meta.kind];

/**
 * A file that `extends` another may name a service or user by id only, to override a few fields; the
 * loader checks the merged result. Without `extends`, editors still flag a missing license or UPN.
 */
function relaxForExtends(schema: Json): void {
  const properties = schema['properties'];
  if (!isJson(properties)) return;
  const fullRequirements: Json = {};
  for (const list of ['services', 'users']) {
    const listSchema = properties[list];
    const items = isJson(listSchema) ? listSchema['items'] : undefined;
    if (!isJson(items) || !Array.isArray(items['required'])) continue;
    fullRequirements[list] = { items: { required: items['required'] } };
    items['required'] = ['id'];
  }
  schema['if'] = { required: ['extends'] };
  schema['else'] = { properties: fullRequirements };
}

const FRAGMENT_SCHEMA_ID = 'urn:nimbus-sim:fragment:v1';

/**
 * The schema of a fragment: a file starting with `_` that scenarios `extends` for its tenant, services and
 * users. The loader needs neither `name` nor `steps` there, so the editor must not flag their absence;
 * everything else is the scenario schema.
 */
export function fragmentJsonSchema(): object {
  const { $schema, $id: _id, title: _title, description: _description, required: _required, ...rest } = scenarioJsonSchema() as Json;
  return {
    $schema,
    $id: FRAGMENT_SCHEMA_ID,
    title: 'nimbus-sim scenario fragment',
    description: 'A nimbus-sim fragment (a file starting with _): the tenant, services and users that scenarios extend. Neither name nor steps is required.',
    ...rest,
  };
}

/** The committed `schema/scenario.schema.json` text: pretty, stable, newline-terminated. */
export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

/** The committed `schema/fragment.schema.json` text. */
export const fragmentJsonSchemaText = (): string => `${JSON.stringify(fragmentJsonSchema(), null, 2)}\n`;
