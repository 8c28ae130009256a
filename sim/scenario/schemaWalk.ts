/**
 * Walks the zod schemas along an issue path to learn what was expected there: the keys an object accepts
 * (for "did you mean" on unknown keys), the options of a union (to explain which alternative was meant)
 * and the `nimbus` field metadata of schemaKit fields (enum values, durations, phone numbers).
 */
import { z } from 'zod';
import type { NimbusFieldMeta } from '../../src/domain/schemaKit.js';
import type { Path } from './yamlSource.js';

type Schema = z.core.$ZodType;

/** Strips wrappers that do not change the input's shape; a union stays a union. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let guard = 0; guard < 32; guard++) {
    const def = (current as z.core.$ZodTypes)._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        current = def.innerType;
        break;
      case 'pipe':
        // Input side: what the user writes, before transforms.
        current = def.in;
        break;
      case 'lazy':
        current = def.getter();
        break;
      default:
        return current;
    }
  }
  return current;
}

/** The alternatives a value at this schema may take, unions flattened. */
function alternatives(schema: Schema): Schema[] {
  const inner = unwrap(schema);
  const def = (inner as z.core.$ZodTypes)._zod.def;
  return def.type === 'union' ? def.options.flatMap((option) => alternatives(option)) : [inner];
}

/** Every schema the value at `path` (relative to `schema`) may be checked against. */
function schemasAt(schema: Schema, path: Path): Schema[] {
  let current: Schema[] = [schema];
  for (const step of path) {
    const next: Schema[] = [];
    for (const candidate of current.flatMap(alternatives)) {
      const def = (candidate as z.core.$ZodTypes)._zod.def;
      if (def.type === 'object' && typeof step === 'string' && Object.hasOwn(def.shape, step)) {
        next.push(def.shape[step] as Schema);
      } else if (def.type === 'array' && typeof step === 'number') {
        next.push(def.element);
      }
    }
    // A numeric step through "one item or a list" fields lands on the item itself.
    current = next.length > 0 ? next : typeof step === 'number' ? current : [];
    if (current.length === 0) return [];
  }
  return current;
}

/** Keys accepted by the object(s) at `path`, in declaration order. */
export function knownKeysAt(schema: Schema, path: Path): string[] {
  const keys = new Set<string>();
  for (const candidate of schemasAt(schema, path).flatMap(alternatives)) {
    const def = (candidate as z.core.$ZodTypes)._zod.def;
    if (def.type === 'object') for (const key of Object.keys(def.shape)) keys.add(key);
  }
  return [...keys];
}

/** Keys of each object alternative at `path`, for "takes exactly one of ..." explanations. */
export function objectAlternativesAt(schema: Schema, path: Path): string[][] {
  const result: string[][] = [];
  for (const candidate of schemasAt(schema, path).flatMap(alternatives)) {
    const def = (candidate as z.core.$ZodTypes)._zod.def;
    if (def.type === 'object') result.push(Object.keys(def.shape));
  }
  return result;
}

const isNimbusMeta = (value: unknown): value is NimbusFieldMeta =>
  typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';

/** schemaKit metadata of a field, looking through optional/default wrappers. */
export function nimbusMeta(schema: Schema): NimbusFieldMeta | undefined {
  let current = schema;
  for (let guard = 0; guard < 32; guard++) {
    const meta = z.globalRegistry.get(current)?.['nimbus'];
    if (isNimbusMeta(meta)) return meta;
    const def = (current as z.core.$ZodTypes)._zod.def;
    if ('innerType' in def) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return undefined;
  }
  return undefined;
}

export function nimbusMetaAt(schema: Schema, path: Path): NimbusFieldMeta | undefined {
  for (const candidate of schemasAt(schema, path)) {
    const meta = nimbusMeta(candidate);
    if (meta) return meta;
  }
  return undefined;
}
