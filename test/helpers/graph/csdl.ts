/**
 * A small CSDL (OData metadata XML) reader for the Graph v1.0 fixture: enough of the format for what Graph's
 * clean metadata uses in the subset (one Schema with alias `graph`, EntityType, ComplexType, EnumType, Action,
 * EntityContainer). It reads tags with a tokenizer, not a general XML parser: the fixture is machine-written,
 * attribute values are double-quoted and carry no markup. Anything it does not know fails loudly.
 */
import { readFileSync } from 'node:fs';
import type { CsdlAction, CsdlModel, CsdlParameter, CsdlStructuredType, CsdlTypeRef } from '../../../mocks/graph/metadata/model.js';

interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** `<a>` opens, `</a>` closes, `<a/>` both. */
  kind: 'open' | 'close' | 'empty';
}

function* tags(xml: string): Generator<Tag> {
  const pattern = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z:]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    if (xml.slice(last, m.index).trim() !== '') throw new Error(`csdl: unexpected text before <${m[2]}> at ${m.index}`);
    last = pattern.lastIndex;
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([A-Za-z:]+)="([^"]*)"/g)) attrs[a[1] as string] = a[2] as string;
    yield { name: m[2] as string, attrs, kind: m[1] ? 'close' : m[4] ? 'empty' : 'open' };
  }
  if (xml.slice(last).trim() !== '') throw new Error('csdl: trailing text after the last tag');
}

/** `graph.x` and `microsoft.graph.x` to `microsoft.graph.x`; `Collection(T)` to T with the flag. */
function typeRef(raw: string, nullable: string | undefined): CsdlTypeRef {
  const inner = /^Collection\((.+)\)$/.exec(raw)?.[1];
  const name = inner ?? raw;
  return { type: name.replace(/^graph\./, 'microsoft.graph.'), collection: inner !== undefined, nullable: nullable !== 'false' };
}

const qualify = (name: string | undefined): string | null => (name ? name.replace(/^graph\./, 'microsoft.graph.') : null);

const attr = (tag: Tag, name: string): string => {
  const value = tag.attrs[name];
  if (value === undefined) throw new Error(`csdl: <${tag.name}> without ${name}`);
  return value;
};

/** Elements whose content this reader skips (annotations on types and properties). */
const SKIPPED = new Set(['Annotation', 'Record', 'PropertyValue', 'Collection', 'String', 'Key', 'PropertyRef', 'NavigationPropertyBinding']);

function readCsdl(xml: string): CsdlModel {
  const model: CsdlModel = { types: {}, enums: {}, actions: {}, container: {} };
  let namespace = '';
  let type: CsdlStructuredType | undefined;
  let enumMembers: string[] | undefined;
  let action: CsdlAction | undefined;
  let parameter: CsdlParameter | undefined;
  for (const tag of tags(xml)) {
    if (tag.kind === 'close') {
      if (tag.name === 'EntityType' || tag.name === 'ComplexType') type = undefined;
      if (tag.name === 'EnumType') enumMembers = undefined;
      if (tag.name === 'Action') action = undefined;
      if (tag.name === 'Parameter') parameter = undefined;
      continue;
    }
    switch (tag.name) {
      case 'Schema':
        namespace = attr(tag, 'Namespace');
        break;
      case 'EntityType':
      case 'ComplexType': {
        const name = `${namespace}.${attr(tag, 'Name')}`;
        // Graph's metadata declares `userIdentity` twice (same base, different properties): one type with both.
        type = model.types[name] ?? { name, kind: tag.name === 'EntityType' ? 'entity' : 'complex', base: qualify(tag.attrs['BaseType']), abstract: tag.attrs['Abstract'] === 'true', open: tag.attrs['OpenType'] === 'true', properties: [] };
        model.types[name] = type;
        if (tag.kind === 'empty') type = undefined;
        break;
      }
      case 'Property':
      case 'NavigationProperty':
        if (!type) throw new Error(`csdl: <${tag.name} Name="${tag.attrs['Name']}"> outside a type`);
        if (type.properties.some((p) => p.name === tag.attrs['Name'])) break;
        type.properties.push({ name: attr(tag, 'Name'), ...typeRef(attr(tag, 'Type'), tag.attrs['Nullable']), navigation: tag.name === 'NavigationProperty' });
        break;
      case 'EnumType':
        if (tag.attrs['IsFlags'] === 'true') throw new Error(`csdl: flags enum ${tag.attrs['Name']} is not supported`);
        enumMembers = [];
        model.enums[`${namespace}.${attr(tag, 'Name')}`] = enumMembers;
        break;
      case 'Member':
        if (!enumMembers) throw new Error('csdl: <Member> outside an EnumType');
        enumMembers.push(attr(tag, 'Name'));
        break;
      case 'Action':
        if (tag.attrs['IsBound'] !== 'true') throw new Error(`csdl: unbound action ${tag.attrs['Name']} is not supported`);
        action = { name: attr(tag, 'Name'), boundTo: '', parameters: [], returns: null };
        model.actions[action.name] = action;
        if (tag.kind === 'empty') action = undefined;
        break;
      case 'Parameter': {
        if (!action) throw new Error('csdl: <Parameter> outside an Action');
        const ref = typeRef(attr(tag, 'Type'), tag.attrs['Nullable']);
        if (attr(tag, 'Name') === 'bindingParameter') action.boundTo = ref.type;
        else {
          parameter = { name: attr(tag, 'Name'), ...ref, optional: false };
          action.parameters.push(parameter);
          if (tag.kind === 'empty') parameter = undefined;
        }
        break;
      }
      case 'ReturnType':
        if (!action) throw new Error('csdl: <ReturnType> outside an Action');
        action.returns = typeRef(attr(tag, 'Type'), tag.attrs['Nullable']);
        break;
      case 'EntitySet':
        model.container[attr(tag, 'Name')] = { type: attr(tag, 'EntityType'), collection: true };
        break;
      case 'Singleton':
        model.container[attr(tag, 'Name')] = { type: attr(tag, 'Type'), collection: false };
        break;
      case 'Annotation':
        if (parameter && tag.attrs['Term'] === 'Org.OData.Core.V1.OptionalParameter') parameter.optional = true;
        break;
      case 'EntityContainer':
        break;
      default:
        if (!SKIPPED.has(tag.name)) throw new Error(`csdl: <${tag.name}> is not supported`);
    }
  }
  return model;
}

const FIXTURE = new URL('../../fixtures/graph/graph-v1.0-csdl-subset.xml', import.meta.url);

/** The vendored Graph v1.0 metadata subset (test/fixtures/graph/README.md names its source). */
export const graphV1Metadata = (): CsdlModel => readCsdl(readFileSync(FIXTURE, 'utf8'));

/** Entries of a record, one per line, as TypeScript (JSON values are valid object literals). */
const entryLines = (record: Record<string, unknown>): string =>
  Object.entries(record)
    .map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)},`)
    .join('\n');

/** The source of mocks/graph/metadata/v1.ts: the fixture's model as TypeScript data the mock can import. */
export function metadataModule(model: CsdlModel): string {
  return `/**
 * Microsoft Graph v1.0 metadata as data: the CSDL subset in test/fixtures/graph/ (its README names the source),
 * read by test/helpers/graph/csdl.ts. The mock checks request bodies and action parameters against it.
 * Generated: test/mocks/graph/metadata/v1.test.ts keeps it equal to the fixture, and
 * \`npx vitest run -u test/mocks/graph/metadata/v1.test.ts\` writes it again.
 */
import type { CsdlModel } from './model.js';

export const GRAPH_V1_METADATA: CsdlModel = {
  types: {
${entryLines(model.types)}
  },
  enums: {
${entryLines(model.enums)}
  },
  actions: {
${entryLines(model.actions)}
  },
  container: {
${entryLines(model.container)}
  },
};
`;
}
