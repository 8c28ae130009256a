/**
 * The metadata contract for one Graph response: the headers Graph sends with JSON (OData minimal metadata,
 * `OData-Version: 4.0`), an `@odata.context` that resolves against the metadata's entity container, and a
 * body whose every value is as the CSDL declares (mocks/graph/metadata/validate.ts). Error bodies have
 * Graph's error shape.
 */
import { checkStructured, type MetadataViolation } from '../../../mocks/graph/metadata/validate.js';
import { propertiesOf, type CsdlModel } from '../../../mocks/graph/metadata/model.js';

const GRAPH_JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false';

export interface ResponseToCheck {
  status: number;
  headers: Headers;
  body: unknown;
}

/** What an `@odata.context` fragment names: a type, one entity or a collection, and a `$select` list. */
interface ContextTarget {
  type: string;
  collection: boolean;
  select: string[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Resolves `…/$metadata#users('id')/licenseDetails`, `#users(displayName,id)`, `#communications/calls/$entity`
 * or `#Collection(microsoft.graph.presence)` through the container and navigation properties.
 */
function resolveContext(model: CsdlModel, context: string): ContextTarget | string {
  const fragment = /\/\$metadata#(.+)$/.exec(context)?.[1];
  if (!fragment) return `@odata.context '${context}' is not a metadata URL`;
  const collectionOf = /^Collection\(([\w.]+)\)$/.exec(fragment)?.[1];
  if (collectionOf) return model.types[collectionOf] ? { type: collectionOf, collection: true, select: null } : `@odata.context names unknown type ${collectionOf}`;
  const segments = fragment.split('/');
  const entity = segments.at(-1) === '$entity';
  if (entity) segments.pop();
  let target: ContextTarget | undefined;
  for (const [i, segment] of segments.entries()) {
    const m = /^(\w+)(?:\((.*)\))?$/.exec(segment);
    if (!m) return `@odata.context segment '${segment}' is not a name`;
    const [, name = '', args] = m;
    const keyed = args !== undefined && /^'.*'$/.test(args);
    const select = args !== undefined && !keyed ? args.split(',') : null;
    if (i === 0) {
      const root = model.container[name];
      if (!root) return `@odata.context names '${name}', which is no entity set or singleton of the metadata (${Object.keys(model.container).join(', ')})`;
      target = { type: root.type, collection: root.collection && !keyed, select };
      continue;
    }
    if (!target || target.collection) return `@odata.context '${fragment}' navigates from a collection`;
    const property = propertiesOf(model, target.type).get(name);
    if (!property?.navigation) return `@odata.context: ${target.type} has no navigation property '${name}'`;
    target = { type: property.type, collection: property.collection && !keyed, select };
  }
  if (!target) return `@odata.context '${fragment}' is empty`;
  // Graph also ends single-valued navigations in $entity (`users('id')/presence/$entity`).
  return entity ? { ...target, collection: false } : target;
}

function checkError(body: unknown, out: MetadataViolation[]): void {
  const error = isObject(body) ? body['error'] : undefined;
  if (!isObject(error) || typeof error['code'] !== 'string' || typeof error['message'] !== 'string') out.push({ path: 'body', problem: "an error response needs Graph's { error: { code, message } }" });
}

const COLLECTION_ANNOTATIONS = new Set(['@odata.context', '@odata.nextLink', '@odata.count']);

function checkEntity(model: CsdlModel, target: ContextTarget, value: unknown, path: string, out: MetadataViolation[]): void {
  const navigation = new Set(target.select ?? []);
  checkStructured(model, target.type, value, path, out, { navigation });
  if (target.select && isObject(value)) {
    for (const key of Object.keys(value)) if (!key.includes('@') && !target.select.includes(key)) out.push({ path: `${path}.${key}`, problem: `'${key}' was not selected (${target.select.join(',')})` });
  }
}

/** Every way this response departs from Graph v1.0's metadata; an empty list when it conforms. */
export function checkGraphResponse(model: CsdlModel, response: ResponseToCheck): MetadataViolation[] {
  const out: MetadataViolation[] = [];
  if (response.body === undefined) return out;
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status >= 400) {
    if (!contentType.startsWith('application/json')) out.push({ path: 'Content-Type', problem: `expected JSON, got '${contentType}'` });
    checkError(response.body, out);
    return out;
  }
  if (contentType !== GRAPH_JSON_CONTENT_TYPE) out.push({ path: 'Content-Type', problem: `expected '${GRAPH_JSON_CONTENT_TYPE}', got '${contentType}'` });
  if (response.headers.get('odata-version') !== '4.0') out.push({ path: 'OData-Version', problem: `expected '4.0', got '${response.headers.get('odata-version')}'` });
  const body = response.body;
  const context = isObject(body) ? body['@odata.context'] : undefined;
  if (typeof context !== 'string') return [...out, { path: 'body.@odata.context', problem: 'a JSON response needs @odata.context' }];
  const target = resolveContext(model, context);
  if (typeof target === 'string') return [...out, { path: 'body.@odata.context', problem: target }];
  if (!target.collection) {
    checkEntity(model, target, body, 'body', out);
    return out;
  }
  for (const key of Object.keys(body as object)) {
    if (key !== 'value' && !COLLECTION_ANNOTATIONS.has(key)) out.push({ path: `body.${key}`, problem: `a collection response has 'value' and annotations only` });
  }
  const items = (body as Record<string, unknown>)['value'];
  if (!Array.isArray(items)) return [...out, { path: 'body.value', problem: 'a collection response needs a value array' }];
  items.forEach((item, i) => checkEntity(model, target, item, `body.value[${i}]`, out));
  return out;
}
