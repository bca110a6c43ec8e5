/**
 * The environment variable definitions (shared/DESIGN.md): schema names and defaults from core/dataverse/schema.ts,
 * display names, descriptions and types here. The solution carries no values: an admin (or `cosell-bridge deploy`)
 * sets them per environment, and an upgrade keeps what they set.
 */
import { environmentVariables } from "../../core/dataverse/schema";

/** Dataverse's environment variable types (dataverse.md §4.5); Yes/No variables hold "yes" or "no". */
export const environmentVariableTypes = {
  String: 100_000_000,
  Number: 100_000_001,
  Boolean: 100_000_002,
  JSON: 100_000_003,
} as const;

export interface EnvironmentVariableDefinition {
  readonly schemaName: string;
  readonly displayName: string;
  readonly description: string;
  readonly type: keyof typeof environmentVariableTypes;
  /** Empty means no default. */
  readonly defaultValue: string;
}

type VariableKey = keyof typeof environmentVariables;

const described: Readonly<Record<VariableKey, Omit<EnvironmentVariableDefinition, "schemaName" | "defaultValue">>> = {
  showCheckmark: {
    displayName: "Show the co-sell checkmark",
    description: "Whether the opportunity form shows the sync status checkmark: yes or no.",
    type: "Boolean",
  },
  syncCoSellOnly: {
    displayName: "Sync co-sell opportunities only",
    description:
      "yes syncs only opportunities that ask Microsoft for help; no syncs every opportunity marked for sync.",
    type: "Boolean",
  },
  dealValueField: {
    displayName: "Deal value column",
    description: "The opportunity column that holds the deal value sent to Partner Center (e.g. estimatedvalue).",
    type: "String",
  },
  countryField: {
    displayName: "Country column of the account",
    description: "The account column with the customer's country as an ISO 3166 alpha-2 code (e.g. address1_country).",
    type: "String",
  },
  syncEndpointUrl: {
    displayName: "Sync service URL",
    description:
      "The base URL of the Co-sell Bridge service, e.g. https://cosell-bridge.contoso.com. Set it after import.",
    type: "String",
  },
  fieldMapping: {
    displayName: "Field mapping (JSON)",
    description: "Changes to the default field mapping, as JSON. Empty uses the default mapping.",
    type: "JSON",
  },
};

/** Every environment variable definition, in core's order. */
export const environmentVariableDefinitions: readonly EnvironmentVariableDefinition[] = (
  Object.keys(environmentVariables) as VariableKey[]
).map((key) => ({ ...environmentVariables[key], ...described[key] }));
