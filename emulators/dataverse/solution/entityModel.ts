/**
 * The typed model of the `Entities` and `optionsets` sections of customizations.xml (Microsoft's
 * CustomizationsSolution.xsd: EntitiesType, EntityInfoType, optionsettype).
 */
import type { Label, RootComponentBehavior } from "./manifestModel";

/** One choice of an option set. `state` is set for status reasons, `defaultStatus` for states. */
export interface OptionDefinition {
  value: number;
  labels: readonly Label[];
  state: number | undefined;
  defaultStatus: number | undefined;
}

/** The XSD's OptionSetEnumType. */
export type OptionSetKind = "picklist" | "bit" | "state" | "status";

/** A global option set (`optionsets/optionset`) or one defined inside an attribute. */
export interface OptionSetDefinition {
  name: string;
  kind: OptionSetKind;
  isGlobal: boolean;
  displayNames: readonly Label[];
  descriptions: readonly Label[];
  options: readonly OptionDefinition[];
}

/** Where a choice column takes its options from: a global option set by name, or its own. */
export type OptionSetBinding = { kind: "global"; name: string } | { kind: "local"; definition: OptionSetDefinition };

/** `RequiredLevel` as Dataverse writes it. */
export type RequiredLevel = "none" | "recommended" | "required" | "systemrequired";

/** DateTime behaviour codes of the `Behavior` element: 1 user local, 2 date only, 3 time-zone independent. */
export type DateTimeBehavior = "UserLocal" | "DateOnly" | "TimeZoneIndependent";

/** What every attribute has, whatever its type. */
export interface AttributeCommon {
  logicalName: string;
  /** `PhysicalName`, e.g. "csb_SyncStatus". */
  schemaName: string;
  displayNames: readonly Label[];
  descriptions: readonly Label[];
  requiredLevel: RequiredLevel;
  /** `IsCustomField`: a column some solution created, as opposed to one that comes with the table. */
  isCustom: boolean;
  isCustomizable: boolean | undefined;
  isAuditEnabled: boolean | undefined;
  /** `DisplayMask` contains PrimaryName: the table's primary name column. */
  isPrimaryName: boolean;
  introducedVersion: string | undefined;
}

/** The type-specific part of an attribute; `type` names the Dataverse attribute type the XML `Type` maps to. */
export type AttributeDetails =
  | { type: "String"; maxLength: number; format: string | undefined }
  | { type: "Memo"; maxLength: number }
  | { type: "Boolean"; optionSet: OptionSetDefinition; defaultValue: boolean | undefined }
  | { type: "DateTime"; format: "date" | "datetime"; behavior: DateTimeBehavior }
  | { type: "Picklist" | "MultiSelectPicklist"; optionSet: OptionSetBinding; defaultValue: number | undefined }
  | { type: "State" | "Status"; optionSet: OptionSetDefinition }
  | { type: "Lookup" | "Owner" | "Customer"; targets: readonly string[] }
  | {
      type: "Money" | "Decimal" | "Double";
      precision: number | undefined;
      minValue: number | undefined;
      maxValue: number | undefined;
    }
  | {
      type: "Integer" | "BigInt";
      format: string | undefined;
      minValue: number | undefined;
      maxValue: number | undefined;
    }
  | { type: "Uniqueidentifier" | "PrimaryKey" };

/** One `attribute` of an entity. */
export type SolutionAttribute = AttributeCommon & AttributeDetails;

/** The attribute types the reader knows. */
export type AttributeType = SolutionAttribute["type"];

/** `OwnershipTypeMask`. */
export type TableOwnership = "UserOwned" | "OrgOwned" | "BusinessOwned" | "None";

/** A form of `FormXml/forms/systemform`, with the `form` element kept as XML text. */
export interface SolutionForm {
  id: string;
  /** The `type` of the enclosing `forms` element, e.g. "main" or "quick". */
  type: string;
  names: readonly Label[];
  formXml: string;
}

/**
 * One `Entity`. `kind` "new" is a table this solution creates (its name carries the publisher prefix and its root
 * component includes subcomponents); "existing" is a table the organization already has, to which the solution adds
 * or changes the attributes listed.
 */
export interface SolutionEntity {
  logicalName: string;
  /** `Name` of the Entity, e.g. "Opportunity" or "csb_PartnerCenterSolution". */
  schemaName: string;
  kind: "new" | "existing";
  rootBehavior: RootComponentBehavior | undefined;
  displayNames: readonly Label[];
  collectionNames: readonly Label[];
  descriptions: readonly Label[];
  entitySetName: string | undefined;
  ownership: TableOwnership | undefined;
  primaryIdAttribute: string | undefined;
  primaryNameAttribute: string | undefined;
  isCustomizable: boolean | undefined;
  isAuditEnabled: boolean | undefined;
  introducedVersion: string | undefined;
  attributes: readonly SolutionAttribute[];
  forms: readonly SolutionForm[];
}
