/**
 * The Microsoft.Xrm.Sdk data contracts as DataContractJsonSerializer writes them (dataverse.md §3.3, "Typed attribute
 * value encodings"). A value whose declared type is `object` (an attribute value, an input parameter) carries a
 * `__type` hint; a value whose declared type is already known (an image's Entity, OwningExtension) does not.
 */
import { dataContractDate, type JsonValue } from "./data-contract-json";
import type { TypedAttributes, TypedValue } from "./typed-values";

const CONTRACTS_NAMESPACE = "http://schemas.microsoft.com/xrm/2011/Contracts";

/** The `__type` hint of an SDK contract, e.g. `Entity:http://schemas.microsoft.com/xrm/2011/Contracts`. */
export function contractTypeHint(contractName: string): string {
  return `${contractName}:${CONTRACTS_NAMESPACE}`;
}

/**
 * How a multi-select (OptionSetValueCollection) value is written. Not documented (§3.3 is silent), so configurable:
 * - "array" (default): a JSON array of typed OptionSetValue objects. DataContractJsonSerializer writes every
 *   collection contract as an array and cannot put `__type` on one; a real Create payload captured from Dataverse
 *   (a public test fixture) shows exactly this.
 * - "typedCollection": `{"__type":"OptionSetValueCollection:<ns>","Items":[<typed OptionSetValue>...]}`, for
 *   receivers that must also cope with a type-hinted wrapper.
 */
export type MultiSelectEncoding = "array" | "typedCollection";

/** One `{key, value}` entry of a DataContract dictionary (AttributeCollection, ParameterCollection, ...). */
export function keyValue(key: string, value: JsonValue): JsonValue {
  return { key, value };
}

/** An EntityReference; `withTypeHint` when its declared type is `object`. */
export function entityReferenceJson(
  reference: { readonly logicalName: string; readonly id: string; readonly name?: string | undefined },
  withTypeHint: boolean,
): JsonValue {
  return {
    ...(withTypeHint ? { __type: contractTypeHint("EntityReference") } : {}),
    Id: reference.id,
    KeyAttributes: [],
    LogicalName: reference.logicalName,
    Name: reference.name ?? null,
    RowVersion: null,
  };
}

function optionSetValueJson(value: number): JsonValue {
  return { __type: contractTypeHint("OptionSetValue"), Value: value };
}

/** One attribute value in its DataContract JSON form. DateTime values are written as UTC (no offset). */
export function encodeTypedValue(value: TypedValue, multiSelect: MultiSelectEncoding): JsonValue {
  switch (value.type) {
    case "string":
    case "number":
    case "boolean":
    case "guid":
      return value.value;
    case "null":
      return null;
    case "dateTime":
      return dataContractDate(value.value);
    case "entityReference":
      return entityReferenceJson(value, true);
    case "optionSetValue":
      return optionSetValueJson(value.value);
    case "money":
      return { __type: contractTypeHint("Money"), Value: value.value };
    case "optionSetValueCollection": {
      const items = value.values.map(optionSetValueJson);
      return multiSelect === "array" ? items : { __type: contractTypeHint("OptionSetValueCollection"), Items: items };
    }
  }
}

/** An AttributeCollection: `[{key, value}]` in the attributes' order. */
export function attributesJson(attributes: TypedAttributes, multiSelect: MultiSelectEncoding): JsonValue {
  return Object.entries(attributes).map(([name, value]) => keyValue(name, encodeTypedValue(value, multiSelect)));
}

/** What an Entity is made of. */
export interface EntityParts {
  readonly logicalName: string;
  readonly id: string;
  readonly attributes: TypedAttributes;
  readonly rowVersion: string | null;
}

/** An Entity with its members in DataContract order; `withTypeHint` when its declared type is `object`. */
export function entityJson(entity: EntityParts, multiSelect: MultiSelectEncoding, withTypeHint: boolean): JsonValue {
  return {
    ...(withTypeHint ? { __type: contractTypeHint("Entity") } : {}),
    Attributes: attributesJson(entity.attributes, multiSelect),
    EntityState: null,
    FormattedValues: [],
    Id: entity.id,
    KeyAttributes: [],
    LogicalName: entity.logicalName,
    RelatedEntities: [],
    RowVersion: entity.rowVersion,
  };
}
