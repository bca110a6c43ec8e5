/**
 * The solution's environment variables as the panel uses them (shared/DESIGN.md, "Dataverse schema"): the sync
 * service's address, whether to show the checkmark, whether only co-sell deals sync, and the field mapping that
 * validation must follow.
 */
import { type MappingResult, customizeMapping, environmentVariables, toFlag, toText } from "../../../core";

/** Effective values by schema name (the value row if any, else the default); null when not defined. */
export type EnvironmentValues = Readonly<Record<string, string | null>>;

export interface PanelSettings {
  readonly syncEndpointUrl: string | null;
  readonly showCheckmark: boolean;
  readonly syncCoSellOnly: boolean;
  readonly mapping: MappingResult;
}

function valueOf(values: EnvironmentValues, variable: { schemaName: string; defaultValue: string }): string | null {
  return toText(values[variable.schemaName] ?? variable.defaultValue);
}

function flagOf(values: EnvironmentValues, variable: { schemaName: string; defaultValue: string }): boolean {
  return toFlag(valueOf(values, variable)) ?? toFlag(variable.defaultValue) ?? false;
}

export function panelSettingsOf(values: EnvironmentValues): PanelSettings {
  return {
    syncEndpointUrl: valueOf(values, environmentVariables.syncEndpointUrl),
    showCheckmark: flagOf(values, environmentVariables.showCheckmark),
    syncCoSellOnly: flagOf(values, environmentVariables.syncCoSellOnly),
    mapping: customizeMapping({
      dealValueColumn: valueOf(values, environmentVariables.dealValueField),
      countryColumn: valueOf(values, environmentVariables.countryField),
      fieldMappingJson: valueOf(values, environmentVariables.fieldMapping),
    }),
  };
}

export type SyncEndpoint =
  | { readonly kind: "none" }
  | { readonly kind: "invalid"; readonly url: string }
  | { readonly kind: "ok"; readonly baseUrl: string };

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The sync service's base URL: the control's syncEndpointUrl input wins over csb_SyncEndpointUrl. Only https is
 * accepted, since the call carries the user's bearer token; plain http only on this machine (the local demo).
 */
export function resolveSyncEndpoint(inputUrl: string | null, environmentUrl: string | null): SyncEndpoint {
  const url = toText(inputUrl) ?? toText(environmentUrl);
  if (url === null) return { kind: "none" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: "invalid", url };
  }
  const secure = parsed.protocol === "https:";
  const local = parsed.protocol === "http:" && loopbackHosts.has(parsed.hostname);
  if ((!secure && !local) || parsed.search !== "" || parsed.hash !== "" || parsed.username !== "") {
    return { kind: "invalid", url };
  }
  return { kind: "ok", baseUrl: `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}` };
}
