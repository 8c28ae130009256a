/**
 * JSON values checked against Graph's CSDL: declared properties only, property types and enum members,
 * nullability, navigation properties only where asked for, derived types by `@odata.type` (an abstract type
 * needs one). The mock checks request bodies and action parameters with it; the metadata contract test checks
 * every response the mock writes.
 *
 * Instance and property annotations (`@odata.context`, `@odata.nextLink`, `name@odata.type`) are not
 * properties: they are skipped, except `@odata.type`, which must name the declared type or one derived from it.
 */
import { derivesFrom, propertiesOf, typeChain, type CsdlModel, type CsdlProperty, type CsdlTypeRef } from './model.js';

export interface MetadataViolation {
  /** JSON path of the offending value, e.g. `targets[0].identity.phone.id`; `body` for the whole body. */
  path: string;
  problem: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,7})?)?(Z|[+-]\d\d:\d\d)$/;
const TIME_OF_DAY = /^\d\d:\d\d(:\d\d(\.\d{1,12})?)?$/;
const DURATION = /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const INTEGER_RANGES: Record<string, readonly [number, number]> = {
  'Edm.Byte': [0, 255],
  'Edm.SByte': [-128, 127],
  'Edm.Int16': [-32768, 32767],
  'Edm.Int32': [-2147483648, 2147483647],
  // IEEE754Compatible=false (what the mock declares in Content-Type): Int64 is a JSON number.
  'Edm.Int64': [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `'${v}'` : typeof v === 'object' ? 'an object' : String(v));

/** Why `value` is not a valid `type` primitive, or undefined when it is. */
function primitiveProblem(type: string, value: unknown): string | undefined {
  const range = INTEGER_RANGES[type];
  if (range) return Number.isInteger(value) && (value as number) >= range[0] && (value as number) <= range[1] ? undefined : `expected ${type}, got ${describe(value)}`;
  const ok = ((): boolean => {
    switch (type) {
      case 'Edm.String':
      case 'Edm.Binary':
        return typeof value === 'string';
      case 'Edm.Boolean':
        return typeof value === 'boolean';
      case 'Edm.Double':
      case 'Edm.Single':
      case 'Edm.Decimal':
        return typeof value === 'number';
      case 'Edm.Guid':
        return typeof value === 'string' && GUID.test(value);
      case 'Edm.DateTimeOffset':
        return typeof value === 'string' && DATE_TIME_OFFSET.test(value);
      case 'Edm.Date':
        return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value);
      case 'Edm.TimeOfDay':
        return typeof value === 'string' && TIME_OF_DAY.test(value);
      case 'Edm.Duration':
        return typeof value === 'string' && DURATION.test(value);
      default:
        return false;
    }
  })();
  return ok ? undefined : `expected ${type}, got ${describe(value)}`;
}

const KNOWN_PRIMITIVES = new Set(['Edm.String', 'Edm.Binary', 'Edm.Boolean', 'Edm.Double', 'Edm.Single', 'Edm.Decimal', 'Edm.Guid', 'Edm.DateTimeOffset', 'Edm.Date', 'Edm.TimeOfDay', 'Edm.Duration', ...Object.keys(INTEGER_RANGES)]);

/**
 * How undeclared properties of open types are read. `strict` (what the mock writes): never. `open` (what a
 * client sends): OData lets an open type carry dynamic properties; one a derived type declares (Graph's own
 * samples put `applicationInstance` in a plain `identitySet`) is checked against that declaration.
 */
export type DynamicProperties = 'strict' | 'open';

/** Checks one value of a declared type reference (collection or single), appending what is wrong to `out`. */
function checkValue(model: CsdlModel, ref: CsdlTypeRef, value: unknown, path: string, out: MetadataViolation[], dynamic: DynamicProperties = 'strict'): void {
  if (ref.collection) {
    if (!Array.isArray(value)) {
      out.push({ path, problem: `expected Collection(${ref.type}), got ${describe(value)}` });
      return;
    }
    value.forEach((item, i) => checkSingle(model, ref, item, `${path}[${i}]`, out, dynamic));
    return;
  }
  checkSingle(model, ref, value, path, out, dynamic);
}

function checkSingle(model: CsdlModel, ref: CsdlTypeRef, value: unknown, path: string, out: MetadataViolation[], dynamic: DynamicProperties): void {
  if (value === null) {
    if (!ref.nullable) out.push({ path, problem: `null is not allowed (${ref.type}, Nullable=false)` });
    return;
  }
  const members = model.enums[ref.type];
  if (members) {
    if (typeof value !== 'string' || !members.includes(value)) out.push({ path, problem: `${describe(value)} is not a member of ${ref.type} (${members.join(', ')})` });
    return;
  }
  if (model.types[ref.type]) {
    checkStructured(model, ref.type, value, path, out, { dynamic });
    return;
  }
  if (!KNOWN_PRIMITIVES.has(ref.type)) {
    out.push({ path, problem: `type ${ref.type} is not in the metadata` });
    return;
  }
  const problem = primitiveProblem(ref.type, value);
  if (problem) out.push({ path, problem });
}

/** The type an object claims by `@odata.type` (must derive from `declared`), or the declared type. */
function effectiveType(model: CsdlModel, declared: string, value: Record<string, unknown>, path: string, out: MetadataViolation[]): string | undefined {
  const annotated = value['@odata.type'];
  let type = declared;
  if (annotated !== undefined) {
    const name = typeof annotated === 'string' ? annotated.replace(/^#/, '') : '';
    if (!model.types[name] || !derivesFrom(model, name, declared)) {
      out.push({ path: `${path}.@odata.type`, problem: `${describe(annotated)} is not ${declared} or a type derived from it` });
      return undefined;
    }
    type = name;
  }
  if (model.types[type]?.abstract) {
    out.push({ path, problem: `${type} is abstract: give the @odata.type of a derived type` });
    return undefined;
  }
  return type;
}

export interface StructuredCheckOptions {
  /** Navigation properties the request asked for (`$select`/`$expand`); any other is a violation. */
  navigation?: ReadonlySet<string>;
  /** Default `strict`. */
  dynamic?: DynamicProperties;
}

/** The declaration of a dynamic property on an open type: the one a type derived from it gives, if any. */
function dynamicDeclaration(model: CsdlModel, type: string, name: string): CsdlProperty | undefined {
  for (const candidate of Object.values(model.types)) {
    if (candidate.name === type || !derivesFrom(model, candidate.name, type)) continue;
    const declared = candidate.properties.find((p) => p.name === name);
    if (declared) return declared;
  }
  return undefined;
}

/** Checks an object of a structured (entity or complex) type. */
export function checkStructured(model: CsdlModel, declared: string, value: unknown, path: string, out: MetadataViolation[], options: StructuredCheckOptions = {}): void {
  if (!isObject(value)) {
    out.push({ path, problem: `expected an object of ${declared}, got ${describe(value)}` });
    return;
  }
  const type = effectiveType(model, declared, value, path, out);
  if (!type) return;
  const dynamic = options.dynamic ?? 'strict';
  const open = dynamic === 'open' && typeChain(model, type).some((t) => t.open);
  const properties = propertiesOf(model, type);
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('@')) continue;
    const property = properties.get(key) ?? (open ? dynamicDeclaration(model, type, key) : undefined);
    const at = `${path}.${key}`;
    if (!property) {
      if (!open) out.push({ path: at, problem: `${type} declares no property '${key}'` });
    } else if (property.navigation && !options.navigation?.has(key)) out.push({ path: at, problem: `navigation property '${key}' was neither expanded nor selected` });
    else checkValue(model, property, item, at, out, dynamic);
  }
}

/**
 * Checks a bound action's request body against its signature: no unknown parameter, every parameter declared
 * `Nullable="false"` given and not null, every value of its declared type. A nullable parameter may be left
 * out (it reads as null): `OptionalParameter` only adds a default, which none of these actions declares.
 */
export function checkActionParameters(model: CsdlModel, actionName: string, body: unknown): MetadataViolation[] {
  const action = model.actions[actionName];
  if (!action) return [{ path: 'body', problem: `action '${actionName}' is not in the metadata` }];
  const out: MetadataViolation[] = [];
  if (!isObject(body)) return [{ path: 'body', problem: `expected a JSON object with the parameters of ${actionName}, got ${describe(body)}` }];
  const declared = new Map(action.parameters.map((p) => [p.name, p]));
  for (const key of Object.keys(body)) {
    if (!key.includes('@') && !declared.has(key)) out.push({ path: key, problem: `${actionName} has no parameter '${key}' (it takes ${action.parameters.map((p) => p.name).join(', ') || 'none'})` });
  }
  for (const parameter of action.parameters) {
    const given = Object.hasOwn(body, parameter.name);
    if (!given) {
      if (!parameter.nullable && !parameter.optional) out.push({ path: parameter.name, problem: `${actionName} needs the parameter '${parameter.name}' (${parameter.type}, Nullable=false)` });
      continue;
    }
    const value = body[parameter.name];
    if (value === null && parameter.collection && parameter.nullable) continue;
    checkValue(model, parameter, value, parameter.name, out, 'open');
  }
  return out;
}
