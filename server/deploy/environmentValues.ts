/**
 * The solution's environment variable values a profile may set (shared/DESIGN.md: csb_ShowCheckmark,
 * csb_SyncCoSellOnly, csb_DealValueField, csb_CountryField, csb_SyncEndpointUrl, csb_FieldMapping), checked before
 * anything is deployed with the rules the form and the service apply to them, since Dataverse stores any text
 * ("Values are not validated by Dataverse", dataverse.md §4.5).
 */
import { customizeMapping, environmentVariables, logicalNamePattern } from "../../core";
import { httpsUrlParser } from "../config/urls";
import type { ProfileReader } from "./profileReader";

const schema = environmentVariables;
export const KNOWN_VARIABLES: readonly string[] = Object.values(schema).map((variable) => variable.schemaName);

const parseEndpoint = httpsUrlParser({ shape: "path" });

/** Why a value can't be used for this variable, or null when it can. */
function problemOf(name: string, value: string): string | null {
  switch (name) {
    case schema.showCheckmark.schemaName:
    case schema.syncCoSellOnly.schemaName:
      return value === "yes" || value === "no" ? null : 'must be "yes" or "no" (a Yes/No variable)';
    case schema.dealValueField.schemaName:
    case schema.countryField.schemaName:
      return logicalNamePattern.test(value) ? null : "must be a column's logical name, e.g. estimatedvalue";
    case schema.syncEndpointUrl.schemaName: {
      const parsed = parseEndpoint(value);
      return parsed.ok ? null : `${parsed.reason} (the service's base URL)`;
    }
    default:
      return null;
  }
}

/**
 * The values under `environmentVariables`, with csb_SyncEndpointUrl defaulting to the service's URL (the form calls
 * the service there). csb_FieldMapping is checked together with the two column variables, as the service reads them.
 */
export function readEnvironmentValues(profile: ProfileReader, serviceUrl: string | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of profile.entries("environmentVariables")) {
    const key = `environmentVariables.${name}`;
    if (!KNOWN_VARIABLES.includes(name)) {
      profile.problem(
        key,
        `is not an environment variable of the solution; the solution has ${KNOWN_VARIABLES.join(", ")}`,
      );
      continue;
    }
    if (typeof value !== "string") {
      profile.problem(key, "must be a string (environment variable values are text; JSON goes in as a string)");
      continue;
    }
    const problem = problemOf(name, value.trim());
    if (problem !== null) profile.problem(key, problem);
    else values[name] = value.trim();
  }
  const mapping = customizeMapping({
    fieldMappingJson: values[schema.fieldMapping.schemaName] ?? null,
    dealValueColumn: values[schema.dealValueField.schemaName] ?? null,
    countryColumn: values[schema.countryField.schemaName] ?? null,
  });
  if (!mapping.ok) {
    for (const error of mapping.errors)
      profile.problem(`environmentVariables.${schema.fieldMapping.schemaName}`, error);
  }
  if (values[schema.syncEndpointUrl.schemaName] === undefined && serviceUrl !== undefined) {
    values[schema.syncEndpointUrl.schemaName] = serviceUrl;
  }
  return values;
}
