/**
 * The shape of the organization's metadata: tables, columns and choices, named as EntityDefinitions and
 * AttributeDefinitions name them in the Web API (dataverse.md §4.1, §4.2: `IsOptimisticConcurrencyEnabled`).
 */

/** Column types the emulator stores. Lookup covers Customer and Owner: a lookup may target several tables. */
export type ColumnType =
  | "String"
  | "Memo"
  | "Integer"
  | "BigInt"
  | "Decimal"
  | "Money"
  | "Boolean"
  | "DateTime"
  | "Picklist"
  | "MultiSelectPicklist"
  | "State"
  | "Status"
  | "Lookup"
  | "Uniqueidentifier";

/** Only SystemRequired is enforced by the platform; ApplicationRequired is a form rule that the Web API ignores. */
export type RequiredLevel = "None" | "Recommended" | "ApplicationRequired" | "SystemRequired";
export type DateTimeBehavior = "UserLocal" | "DateOnly" | "TimeZoneIndependent";
export type StringFormat = "Text" | "Email" | "Url" | "Phone";
export type OwnershipType = "UserOwned" | "OrganizationOwned" | "BusinessOwned" | "None";

interface ColumnBase {
  readonly logicalName: string;
  readonly displayName: string;
  readonly requiredLevel: RequiredLevel;
  readonly isCustom: boolean;
  /** False for columns the platform fills, such as createdon or versionnumber. */
  readonly isValidForCreate: boolean;
  readonly isValidForUpdate: boolean;
  /** False for secrets such as serviceendpoint.authvalue, which "cannot be retrieved" (§3.1). */
  readonly isValidForRead: boolean;
}

export interface StringColumn extends ColumnBase {
  readonly type: "String" | "Memo";
  readonly maxLength: number;
  readonly format: StringFormat;
}

export interface NumberColumn extends ColumnBase {
  readonly type: "Integer" | "BigInt" | "Decimal" | "Money";
  /** Digits after the decimal point; 0 for whole numbers. */
  readonly precision: number;
  readonly minValue: number;
  readonly maxValue: number;
}

export interface BooleanColumn extends ColumnBase {
  readonly type: "Boolean";
  readonly trueLabel: string;
  readonly falseLabel: string;
  /** Set on create when the caller leaves the column out, as a two-option column always has a value. */
  readonly defaultValue: boolean | null;
}

export interface DateTimeColumn extends ColumnBase {
  readonly type: "DateTime";
  readonly behavior: DateTimeBehavior;
}

/** Where a choice column's options come from: a global choice by name, or options of its own. */
export type OptionSource = { readonly global: string } | { readonly local: readonly ChoiceOption[] };

export interface ChoiceColumn extends ColumnBase {
  readonly type: "Picklist" | "MultiSelectPicklist" | "State" | "Status";
  readonly options: OptionSource;
  readonly defaultValue: number | null;
}

/** One table a lookup can point at, the navigation property that binds to it and the relationship's name. */
export interface LookupTarget {
  readonly table: string;
  readonly navigationProperty: string;
  /** Schema name of the one-to-many relationship, which is also the collection navigation on `table`. */
  readonly relationship: string;
  /** What deleting the referenced row does to this lookup's rows. */
  readonly onDelete: "RemoveLink" | "Cascade";
}

export interface LookupColumn extends ColumnBase {
  readonly type: "Lookup";
  readonly targets: readonly LookupTarget[];
}

export interface IdColumn extends ColumnBase {
  readonly type: "Uniqueidentifier";
}

export type ColumnDefinition =
  StringColumn | NumberColumn | BooleanColumn | DateTimeColumn | ChoiceColumn | LookupColumn | IdColumn;

/** A lookup target as a caller describes it; the catalog names the navigation and relationship when left out. */
export interface LookupTargetSpec {
  readonly table: string;
  readonly navigationProperty?: string;
  readonly relationship?: string;
  readonly onDelete?: "RemoveLink" | "Cascade";
}

export type LookupColumnSpec = Omit<LookupColumn, "targets"> & { readonly targets: readonly LookupTargetSpec[] };

/** A column as `addColumn` accepts it. */
export type ColumnSpec = Exclude<ColumnDefinition, LookupColumn> | LookupColumnSpec;

/** One option of a choice. Status options name their state; state options name their default status. */
export interface ChoiceOption {
  readonly value: number;
  readonly label: string;
  readonly state?: number;
  readonly defaultStatus?: number;
}

/** A global choice (option set) that several columns may share. */
export interface ChoiceDefinition {
  readonly name: string;
  readonly displayName: string;
  readonly options: readonly ChoiceOption[];
}

/** A table as the catalog keeps it; its columns are read with `MetadataCatalog.columns`. */
export interface TableDefinition {
  readonly logicalName: string;
  readonly entitySetName: string;
  readonly primaryIdAttribute: string;
  readonly primaryNameAttribute: string | null;
  readonly displayName: string;
  readonly ownershipType: OwnershipType;
  readonly isOptimisticConcurrencyEnabled: boolean;
  readonly isCustomEntity: boolean;
  readonly isManaged: boolean;
  /** Unique name of the solution that brought the table ("System" for the platform's own). */
  readonly solution: string;
}

/** Which statecode and statuscode options a table has; custom tables get Active/Inactive. */
export interface StateModel {
  readonly states: readonly ChoiceOption[];
  readonly statuses: readonly ChoiceOption[];
}

/** A table as `addTable` accepts it. System columns (createdon, versionnumber, ownerid...) are added for it. */
export interface TableSpec {
  readonly logicalName: string;
  readonly entitySetName: string;
  readonly displayName: string;
  readonly primaryIdAttribute?: string;
  readonly primaryNameAttribute?: string | null;
  readonly ownershipType?: OwnershipType;
  readonly isOptimisticConcurrencyEnabled?: boolean;
  readonly isCustomEntity?: boolean;
  readonly isManaged?: boolean;
  readonly solution?: string;
  /** false: no statecode/statuscode. Default: Active/Inactive for custom tables, none for system ones. */
  readonly stateModel?: StateModel | false;
  readonly columns?: readonly ColumnSpec[];
}
