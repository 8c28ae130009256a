/**
 * Graph's OData metadata (CSDL) as plain data: the structured types, enums, bound actions and the entity
 * container of the part of Microsoft Graph v1.0 the mock serves. `v1.ts` holds the slice the mock checks
 * requests against; the metadata contract test reads the whole fixture into the same shape.
 *
 * Names are qualified with the schema namespace (`microsoft.graph.call`); primitive types keep their EDM
 * names (`Edm.Guid`). A type reference is its element type plus whether it is a collection.
 */

export interface CsdlTypeRef {
  /** `Edm.String`, `microsoft.graph.modality`, ... (the element type of a collection). */
  type: string;
  collection: boolean;
  /** CSDL `Nullable` (default true); on a collection it is about its elements, a collection itself is never null. */
  nullable: boolean;
}

export interface CsdlProperty extends CsdlTypeRef {
  name: string;
  /** A navigation property: in a response only when `$expand`ed or `$select`ed. */
  navigation: boolean;
}

export interface CsdlStructuredType {
  name: string;
  kind: 'entity' | 'complex';
  base: string | null;
  abstract: boolean;
  /** Declared open (dynamic properties allowed by OData); the mock writes declared properties only all the same. */
  open: boolean;
  /** Own properties, without the base type's. */
  properties: CsdlProperty[];
}

export interface CsdlParameter extends CsdlTypeRef {
  name: string;
  /** Annotated `Org.OData.Core.V1.OptionalParameter`. */
  optional: boolean;
}

export interface CsdlAction {
  name: string;
  /** The binding parameter's type (the resource the action is posted to). */
  boundTo: string;
  /** Parameters without the binding parameter, in declared order. */
  parameters: CsdlParameter[];
  returns: CsdlTypeRef | null;
}

export interface CsdlModel {
  types: Record<string, CsdlStructuredType>;
  /** Enum members by enum type name, in declared order. */
  enums: Record<string, string[]>;
  actions: Record<string, CsdlAction>;
  /** Entity set or singleton name -> its (entity) type; `collection` tells which it is. */
  container: Record<string, { type: string; collection: boolean }>;
}

/** The type and its base types, most derived first. */
export function typeChain(model: CsdlModel, name: string): CsdlStructuredType[] {
  const chain: CsdlStructuredType[] = [];
  for (let type = model.types[name]; type; type = type.base ? model.types[type.base] : undefined) chain.push(type);
  return chain;
}

/** Every property of a type, its base types' included, by name. */
export function propertiesOf(model: CsdlModel, name: string): Map<string, CsdlProperty> {
  const out = new Map<string, CsdlProperty>();
  for (const type of typeChain(model, name).reverse()) for (const p of type.properties) out.set(p.name, p);
  return out;
}

/** Whether `name` is `ancestor` or derives from it. */
export const derivesFrom = (model: CsdlModel, name: string, ancestor: string): boolean => typeChain(model, name).some((t) => t.name === ancestor);
