/**
 * EntityMetadata and AttributeMetadata in the Web API's JSON shape, from the organization's catalog: what a client
 * reads to find an entity set name, check `IsOptimisticConcurrencyEnabled` (dataverse.md §4.2), or list a choice
 * column's options. MetadataIds are derived from the logical names, so they stay the same across restarts.
 */
import { createHash } from "node:crypto";
import type { ChoiceOption, ColumnDefinition, MetadataCatalog, TableDefinition } from "../model";

type Json = Record<string, unknown>;

/** AttributeType and AttributeTypeName of each column type; a multi-select choice is a Virtual column. */
const ATTRIBUTE_TYPES: Readonly<Record<ColumnDefinition["type"], readonly [string, string, string]>> = {
  String: ["String", "StringType", "StringAttributeMetadata"],
  Memo: ["Memo", "MemoType", "MemoAttributeMetadata"],
  Integer: ["Integer", "IntegerType", "IntegerAttributeMetadata"],
  BigInt: ["BigInt", "BigIntType", "BigIntAttributeMetadata"],
  Decimal: ["Decimal", "DecimalType", "DecimalAttributeMetadata"],
  Money: ["Money", "MoneyType", "MoneyAttributeMetadata"],
  Boolean: ["Boolean", "BooleanType", "BooleanAttributeMetadata"],
  DateTime: ["DateTime", "DateTimeType", "DateTimeAttributeMetadata"],
  Picklist: ["Picklist", "PicklistType", "PicklistAttributeMetadata"],
  MultiSelectPicklist: ["Virtual", "MultiSelectPicklistType", "MultiSelectPicklistAttributeMetadata"],
  State: ["State", "StateType", "StateAttributeMetadata"],
  Status: ["Status", "StatusType", "StatusAttributeMetadata"],
  Lookup: ["Lookup", "LookupType", "LookupAttributeMetadata"],
  Uniqueidentifier: ["Uniqueidentifier", "UniqueidentifierType", "UniqueIdentifierAttributeMetadata"],
};

/** The metadata type name of a column, e.g. `PicklistAttributeMetadata` (the cast segment of a URL). */
export function metadataTypeOf(column: ColumnDefinition): string {
  return ATTRIBUTE_TYPES[column.type][2];
}

/** An EntityMetadata object. */
export function entityJson(table: TableDefinition): Json {
  return {
    MetadataId: metadataId(`entity:${table.logicalName}`),
    LogicalName: table.logicalName,
    SchemaName: table.logicalName,
    EntitySetName: table.entitySetName,
    LogicalCollectionName: table.entitySetName,
    PrimaryIdAttribute: table.primaryIdAttribute,
    PrimaryNameAttribute: table.primaryNameAttribute,
    DisplayName: label(table.displayName),
    OwnershipType: table.ownershipType,
    IsCustomEntity: table.isCustomEntity,
    IsManaged: table.isManaged,
    IsActivity: table.primaryIdAttribute === "activityid",
    IsOptimisticConcurrencyEnabled: table.isOptimisticConcurrencyEnabled,
    IntroducedVersion: table.isCustomEntity ? "1.0" : "5.0.0.0",
  };
}

/** An AttributeMetadata object; choice columns carry their options when `withOptions`. */
export function attributeJson(
  catalog: MetadataCatalog,
  table: string,
  column: ColumnDefinition,
  withOptions = false,
): Json {
  const [attributeType, typeName, metadataType] = ATTRIBUTE_TYPES[column.type];
  const json: Json = {
    "@odata.type": `#Microsoft.Dynamics.CRM.${metadataType}`,
    MetadataId: metadataId(`attribute:${table}.${column.logicalName}`),
    LogicalName: column.logicalName,
    SchemaName: column.logicalName,
    EntityLogicalName: table,
    AttributeType: attributeType,
    AttributeTypeName: { Value: typeName },
    DisplayName: label(column.displayName),
    RequiredLevel: {
      Value: column.requiredLevel,
      CanBeChanged: true,
      ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings",
    },
    IsCustomAttribute: column.isCustom,
    IsValidForCreate: column.isValidForCreate,
    IsValidForUpdate: column.isValidForUpdate,
    IsValidForRead: column.isValidForRead,
  };
  switch (column.type) {
    case "String":
    case "Memo":
      return { ...json, MaxLength: column.maxLength, Format: column.format };
    case "Integer":
    case "BigInt":
    case "Decimal":
    case "Money":
      return { ...json, Precision: column.precision, MinValue: column.minValue, MaxValue: column.maxValue };
    case "DateTime":
      return {
        ...json,
        DateTimeBehavior: { Value: column.behavior },
        Format: column.behavior === "DateOnly" ? "DateOnly" : "DateAndTime",
      };
    case "Lookup":
      return { ...json, Targets: column.targets.map((target) => target.table) };
    case "Boolean":
      return withOptions ? { ...json, OptionSet: booleanOptions(column.trueLabel, column.falseLabel) } : json;
    case "Picklist":
    case "MultiSelectPicklist":
    case "State":
    case "Status": {
      const options = catalog.optionsOf(column);
      const global = "global" in column.options ? column.options.global : undefined;
      const base = { ...json, DefaultFormValue: column.defaultValue ?? -1 };
      if (!withOptions) return base;
      const optionSet = {
        Name: global ?? `${table}_${column.logicalName}`,
        IsGlobal: global !== undefined,
        Options: options.map(optionJson),
      };
      return { ...base, OptionSet: optionSet, GlobalOptionSet: global === undefined ? null : optionSet };
    }
    case "Uniqueidentifier":
      return json;
  }
}

/** Keeps the selected properties (MetadataId always comes back, as in Dataverse). */
export function selectProperties(json: Json, select: string | undefined): Json {
  if (select === undefined || select.trim() === "") return json;
  const wanted = new Set(["@odata.type", "MetadataId", ...select.split(",").map((name) => name.trim())]);
  return Object.fromEntries(Object.entries(json).filter(([name]) => wanted.has(name)));
}

function optionJson(option: ChoiceOption): Json {
  return {
    Value: option.value,
    Label: label(option.label),
    ...(option.state === undefined ? {} : { State: option.state }),
    ...(option.defaultStatus === undefined ? {} : { DefaultStatus: option.defaultStatus }),
  };
}

function booleanOptions(trueLabel: string, falseLabel: string): Json {
  return { TrueOption: { Value: 1, Label: label(trueLabel) }, FalseOption: { Value: 0, Label: label(falseLabel) } };
}

/** A Label with one English LocalizedLabel, as the Web API returns them. */
function label(text: string): Json {
  const localized = { Label: text, LanguageCode: 1033 };
  return { LocalizedLabels: [localized], UserLocalizedLabel: localized };
}

/** A stable GUID-shaped id for a name. */
function metadataId(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
