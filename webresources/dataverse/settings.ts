/**
 * The admin's settings as the form needs them, from the solution's csb_ environment variables: where the service
 * is, whether to show the checkmark, whether only co-sell deals sync, the sign-in scope, and the field mapping
 * (core's customizeMapping over csb_DealValueField, csb_CountryField and csb_FieldMapping), read the way the
 * service reads them (server/sync/settings.ts) so that the form and the service agree.
 */
import { customizeMapping } from "../../core/mapping/customizeMapping";
import type { FieldMapping } from "../../core/mapping/fields";
import { toFlag } from "../../core/mapping/values";
import { environmentVariables, solutionIdentity } from "../../core/dataverse/schema";
import { messageOf } from "../errorMessage";
import type { DataverseReader } from "./dataverseReader";

/**
 * The scope the page's sign-in asks a token for, e.g. `api://<client-id>/user_impersonation`. Not in core's list:
 * only the form signs in to the service (the solution defines it beside the others).
 */
export const SERVICE_SCOPE_VARIABLE = "csb_SyncServiceScope";

export interface FormSettings {
  /** The service's base URL without a trailing slash, or null when csb_SyncEndpointUrl is empty or invalid. */
  readonly endpointUrl: string | null;
  /** Why endpointUrl is null. */
  readonly endpointProblem: "empty" | "invalid" | null;
  readonly showCheckmark: boolean;
  readonly syncCoSellOnly: boolean;
  readonly serviceScope: string | null;
  /** The effective field mapping, or null when the admin's settings are invalid (mappingErrors says why). */
  readonly mapping: FieldMapping | null;
  readonly mappingErrors: readonly string[];
}

interface VariableSpec {
  readonly schemaName: string;
  readonly defaultValue: string;
}

/** http(s) only; plain http only for the local demo, since a Dynamics page may not call http (mixed content). */
function endpointOf(value: string): { url: string | null; problem: FormSettings["endpointProblem"] } {
  if (value === "") return { url: null, problem: "empty" };
  try {
    const url = new URL(value);
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    if (url.protocol === "https:" || (url.protocol === "http:" && local)) {
      return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, ""), problem: null };
    }
  } catch {
    // Not a URL at all: reported below like any other invalid value.
  }
  return { url: null, problem: "invalid" };
}

export function settingsOf(values: Readonly<Record<string, string | null>>): FormSettings {
  // Schema names are case-insensitive in Dataverse.
  const byLowerName = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  const read = ({ schemaName, defaultValue }: VariableSpec): string => {
    const value = byLowerName.get(schemaName.toLowerCase())?.trim() ?? "";
    return value === "" ? defaultValue : value;
  };
  const endpoint = endpointOf(read(environmentVariables.syncEndpointUrl));
  const mapping = customizeMapping({
    dealValueColumn: read(environmentVariables.dealValueField),
    countryColumn: read(environmentVariables.countryField),
    fieldMappingJson: read(environmentVariables.fieldMapping),
  });
  const scope = read({ schemaName: SERVICE_SCOPE_VARIABLE, defaultValue: "" });
  return {
    endpointUrl: endpoint.url,
    endpointProblem: endpoint.problem,
    showCheckmark: toFlag(read(environmentVariables.showCheckmark)) ?? true,
    syncCoSellOnly: toFlag(read(environmentVariables.syncCoSellOnly)) ?? false,
    serviceScope: scope === "" ? null : scope,
    mapping: mapping.ok ? mapping.mapping : null,
    mappingErrors: mapping.ok ? [] : mapping.errors,
  };
}

/** The environment variables could not be read (no privilege, Dataverse unavailable). */
export class SettingsUnreadable extends Error {
  override readonly name = "SettingsUnreadable";
}

/** Environment variables change rarely ("may take up to an hour to reach apps", dataverse.md §4.5). */
export const SETTINGS_TTL_MS = 5 * 60_000;

/** The settings, read at most once per TTL per page; a failed read is not kept, so the next handler tries again. */
export function settingsCache(reader: () => DataverseReader, now: () => number): () => Promise<FormSettings> {
  let cached: { readonly at: number; readonly settings: Promise<FormSettings> } | null = null;
  return () => {
    if (cached !== null && now() - cached.at < SETTINGS_TTL_MS) return cached.settings;
    const settings = reader()
      .environmentVariables(`${solutionIdentity.publisherPrefix}_`)
      .then(settingsOf, (error: unknown) => {
        throw new SettingsUnreadable(messageOf(error));
      });
    const entry = { at: now(), settings };
    cached = entry;
    settings.catch(() => {
      if (cached === entry) cached = null;
    });
    return settings;
  };
}
