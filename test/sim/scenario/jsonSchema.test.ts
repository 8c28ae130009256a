import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/domain/duration.js';
import { DURATION_PATTERN, fragmentJsonSchema, fragmentJsonSchemaText, scenarioJsonSchema, scenarioJsonSchemaText, spellingPattern } from '../../../sim/scenario/jsonSchema.js';
import { STEP_VERBS } from '../../../sim/scenario/schema.js';
import { fixture, invalid, valid } from './helpers.js';

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A small validator for the JSON Schema features the generated schema uses (type, properties, required,
 * additionalProperties, patternProperties, items, anyOf, allOf, if/then/else, enum, pattern, $ref). Enough to show the schema
 * accepts real scenarios and rejects the mistakes editors should flag, without a validator dependency.
 */
function accepts(root: Json, schema: unknown, value: unknown): boolean {
  if (!isJson(schema)) return true;
  if (typeof schema['$ref'] === 'string') {
    const target = schema['$ref'].replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (isJson(node) ? node[key] : undefined), root);
    return accepts(root, target, value);
  }
  if (Array.isArray(schema['anyOf']) && !schema['anyOf'].some((branch) => accepts(root, branch, value))) return false;
  if (Array.isArray(schema['allOf']) && !schema['allOf'].every((branch) => accepts(root, branch, value))) return false;
  if (schema['if'] !== undefined) {
    const branch = accepts(root, schema['if'], value) ? schema['then'] : schema['else'];
    if (!accepts(root, branch, value)) return false;
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value as never)) return false;
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) return false;
  if (typeof value === 'string' && typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) return false;
  if (Array.isArray(value) && schema['items'] !== undefined) return value.every((item) => accepts(root, schema['items'], item));
  if (isJson(value) && Array.isArray(schema['required']) && !schema['required'].every((key) => typeof key === 'string' && key in value)) return false;
  if (isJson(value) && isJson(schema['properties'])) {
    const properties = schema['properties'];
    const patterns = isJson(schema['patternProperties']) ? Object.keys(schema['patternProperties']) : [];
    return Object.entries(value).every(([key, child]) => {
      if (key in properties) return accepts(root, properties[key], child);
      if (patterns.some((p) => new RegExp(p, 'u').test(key))) return true;
      return schema['additionalProperties'] !== false;
    });
  }
  return true;
}

function typeMatches(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isJson(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

const schema = scenarioJsonSchema() as Json;
const yamlOf = (path: string): unknown => parse(readFileSync(path, 'utf8'), { merge: true });

describe('scenario JSON Schema', () => {
  it('is committed exactly as generated (run: npx tsx scripts/gen-json-schema.ts)', () => {
    expect(readFileSync(fixture('../../schema/scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('has an id, a title and no internal metadata', () => {
    expect(schema).toMatchObject({ $id: 'urn:nimbus-sim:scenario:v1', title: 'nimbus-sim scenario', type: 'object' });
    expect(scenarioJsonSchemaText()).not.toContain('"nimbus":');
  });

  it('lists every top-level key of the contract and requires name and steps', () => {
    const properties = schema['properties'] as Json;
    for (const key of ['name', 'description', 'tags', 'seed', 'tenant', 'services', 'users', 'steps', 'extends']) expect(properties).toHaveProperty(key);
    expect(schema['required']).toEqual(['name', 'steps']);
    expect(schema['additionalProperties']).toBe(false);
  });

  it('offers one step shape per verb', () => {
    const items = ((schema['properties'] as Json)['steps'] as Json)['items'] as Json;
    const verbs = (items['anyOf'] as Json[]).map((branch) => (branch['required'] as string[])[0]);
    expect(verbs).toEqual(STEP_VERBS);
    expect((items['anyOf'] as Json[]).every((branch) => typeof branch['description'] === 'string')).toBe(true);
  });

  it('lets a file that extends another name services and users by id only', () => {
    expect(accepts(schema, schema, { name: 'x', extends: 'base.yaml', services: [{ id: 'A', distribution: { ringTimeout: '10s' } }], steps: [{ wait: '1s' }] })).toBe(true);
    expect(accepts(schema, schema, { name: 'x', services: [{ id: 'A', distribution: { ringTimeout: '10s' } }], steps: [{ wait: '1s' }] })).toBe(false);
  });

  it('accepts the spec section 5 example and the other valid fixtures', () => {
    for (const name of ['scenario-b.yaml', 'spellings.yaml', 'anchors.yaml', 'extends/child.yaml']) {
      expect(accepts(schema, schema, yamlOf(valid(name))), name).toBe(true);
    }
  });

  it('rejects mistakes an editor should flag', () => {
    const flagged = ['unknown-top-level-key.yaml', 'unknown-nested-key.yaml', 'unknown-verb.yaml', 'bad-enum.yaml', 'bad-duration.yaml', 'bad-e164.yaml', 'bad-target.yaml', 'missing-required.yaml'];
    for (const name of flagged) {
      expect(accepts(schema, schema, yamlOf(invalid(name))), name).toBe(false);
    }
  });

  it('completes canonical enum values and accepts every spelling the loader accepts', () => {
    const pattern = new RegExp(spellingPattern(['Do Not Disturb', 'DND']), 'u');
    for (const spelling of ['Do Not Disturb', 'DoNotDisturb', 'do-not-disturb', 'DO_NOT_DISTURB', ' do not disturb ', 'dnd']) expect(pattern.test(spelling), spelling).toBe(true);
    for (const wrong of ['Do Not Disturbb', 'Do', 'Not Disturb']) expect(pattern.test(wrong), wrong).toBe(false);
    const state = (((schema['properties'] as Json)['tenant'] as Json)['properties'] as Json)['state'] as Json;
    expect(state).toEqual({ default: 'Active', allOf: [{ $ref: '#/definitions/TenantState' }] });
    const tenantState = (schema['definitions'] as Json)['TenantState'] as Json;
    expect(tenantState['anyOf']).toEqual([{ enum: ['Active', 'Trial', 'Suspended', 'Expired', 'Canceled', 'Lab'] }, { type: 'string', pattern: expect.any(String) }]);
    expect(new RegExp(((tenantState['anyOf'] as Json[])[1] as Json)['pattern'] as string, 'u').test('cancelled')).toBe(true);
    expect(accepts(schema, schema, { name: 'x', users: [{ id: 'a', upn: 'a@b.ch', presence: 'BusyIdle' }], steps: [{ wait: '1s' }] })).toBe(true);
    expect(accepts(schema, schema, { name: 'x', users: [{ id: 'a', upn: 'a@b.ch', presence: 'Bussy' }], steps: [{ wait: '1s' }] })).toBe(false);
  });

  it('describes durations with a pattern that agrees with the loader', () => {
    const pattern = new RegExp(DURATION_PATTERN, 'u');
    const samples = ['500ms', '20s', '10m', '1h', '1h30m', '1h 30m', '2H', '0', '00:10:00', '1:02:03.5', '1.5s', '1m30s500ms', '', 'ms', '10 seconds', '1:2:3', '30m1h', 'soon', '10mss'];
    for (const sample of samples) expect(pattern.test(sample), sample).toBe(parseDuration(sample) !== undefined);
  });

  it('compiles every pattern as a JavaScript and a Unicode regular expression', () => {
    const patterns = [...scenarioJsonSchemaText().matchAll(/"pattern": (".*")/g)].map((m) => JSON.parse(m[1] as string) as string);
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) {
      expect(() => new RegExp(p)).not.toThrow();
      expect(() => new RegExp(p, 'u')).not.toThrow();
    }
  });
});

describe('fragment JSON Schema', () => {
  const fragment = fragmentJsonSchema() as Json;

  it('is committed exactly as generated (run: npm run schema)', () => {
    expect(readFileSync(fixture('../../schema/fragment.schema.json'), 'utf8')).toBe(fragmentJsonSchemaText());
  });

  it('accepts the fragments scenarios extend, which have neither name nor steps, and still flags mistakes', () => {
    for (const file of ['scenarios/cob/_tenant.yaml', 'test/fixtures/invalid/_tenant-base.yaml']) {
      const value = yamlOf(file);
      expect(accepts(schema, schema, value), `${file} fails the scenario schema`).toBe(false);
      expect(accepts(fragment, fragment, value), file).toBe(true);
    }
    expect(fragment).toMatchObject({ $id: 'urn:nimbus-sim:fragment:v1', title: 'nimbus-sim scenario fragment' });
    expect(accepts(fragment, fragment, { services: [{ id: 'A', license: 'No Such Tier', assignment: 'MS Teams-based' }] })).toBe(false);
  });
});
