/** The environment variable tables (dataverse.md §4.5): definitions, and values bound to their definition. */
import { column, options } from "./columns";
import { activeInactive } from "./platformColumns";
import type { TableSpec } from "./types";

const system = { isCustomEntity: false, solution: "System" } as const;

/** §4.5 environment variable types, including Secret (100000005, OBSERVED in newer docs). */
export const EnvironmentVariableType = {
  String: 100_000_000,
  Number: 100_000_001,
  Boolean: 100_000_002,
  Json: 100_000_003,
  DataSource: 100_000_004,
  Secret: 100_000_005,
} as const;

const environmentVariableDefinition: TableSpec = {
  ...system,
  logicalName: "environmentvariabledefinition",
  entitySetName: "environmentvariabledefinitions",
  displayName: "Environment Variable Definition",
  primaryNameAttribute: "schemaname",
  stateModel: activeInactive,
  columns: [
    column.string("schemaname", { maxLength: 100, createOnly: true, requiredLevel: "SystemRequired" }),
    column.string("displayname", { maxLength: 100, requiredLevel: "SystemRequired", displayName: "Display Name" }),
    column.choice(
      "type",
      options({ 100000000: "String", 100000001: "Number", 100000002: "Boolean", 100000003: "JSON" }).concat(
        options({ 100000004: "Data source", 100000005: "Secret" }),
      ),
      { defaultValue: EnvironmentVariableType.String, displayName: "Type" },
    ),
    column.memo("defaultvalue", { maxLength: 2000, displayName: "Default Value" }),
    column.boolean("isrequired", { displayName: "Is Required" }),
    column.memo("description", { maxLength: 2000, displayName: "Description" }),
  ],
};

const environmentVariableValue: TableSpec = {
  ...system,
  logicalName: "environmentvariablevalue",
  entitySetName: "environmentvariablevalues",
  displayName: "Environment Variable Value",
  primaryNameAttribute: "schemaname",
  stateModel: activeInactive,
  columns: [
    column.string("schemaname", { maxLength: 100, displayName: "Schema Name" }),
    column.memo("value", { maxLength: 2000, displayName: "Value" }),
    column.lookup("environmentvariabledefinitionid", [
      {
        table: "environmentvariabledefinition",
        // The navigation names real clients use (§4.5): PascalCase single-valued, the relationship for the collection.
        navigationProperty: "EnvironmentVariableDefinitionId",
        relationship: "environmentvariabledefinition_environmentvariablevalue",
        onDelete: "Cascade",
      },
    ]),
  ],
};

export const environmentVariableTables: readonly TableSpec[] = [
  environmentVariableDefinition,
  environmentVariableValue,
];
