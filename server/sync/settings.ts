/**
 * The admin's settings, read from the solution's csb_ environment variables (dataverse.md §4.5: the value when
 * present, else the default) and turned into the field mapping with core's customizeMapping. Cached for a short
 * time, since every sync needs them and Dataverse counts every call; `invalidate()` forgets them at once.
 */
import { customizeMapping, environmentVariables, toFlag, type FieldMapping } from "../../core";
import { SyncError } from "./errors/syncError";
import type { DataverseGateway, EnvironmentVariableValues } from "./ports";

export interface SyncSettings {
  /** csb_ShowCheckmark: show the checkmark beside synced opportunities. */
  readonly showCheckmark: boolean;
  /** csb_SyncCoSellOnly: only opportunities that ask Microsoft for help become referrals. */
  readonly syncCoSellOnly: boolean;
  /** The effective mapping, or null when the admin's settings are invalid. */
  readonly mapping: FieldMapping | null;
  /** Every problem with csb_FieldMapping, csb_DealValueField and csb_CountryField, each naming its entry. */
  readonly mappingErrors: readonly string[];
}

interface VariableSpec {
  readonly schemaName: string;
  readonly defaultValue: string;
}

export function settingsOf(values: EnvironmentVariableValues): SyncSettings {
  // Schema names are case-insensitive in Dataverse; read them whatever casing the gateway returns.
  const byLowerName = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  const read = (spec: VariableSpec): string => {
    const value = byLowerName.get(spec.schemaName.toLowerCase());
    return value === null || value === undefined || value.trim() === "" ? spec.defaultValue : value;
  };
  const result = customizeMapping({
    dealValueColumn: read(environmentVariables.dealValueField),
    countryColumn: read(environmentVariables.countryField),
    fieldMappingJson: read(environmentVariables.fieldMapping),
  });
  return {
    showCheckmark: toFlag(read(environmentVariables.showCheckmark)) ?? true,
    syncCoSellOnly: toFlag(read(environmentVariables.syncCoSellOnly)) ?? false,
    mapping: result.ok ? result.mapping : null,
    mappingErrors: result.ok ? [] : result.errors,
  };
}

/** The mapping, or the error every sync reports while the admin's settings are invalid (never a guessed mapping). */
export function requireMapping(settings: SyncSettings): FieldMapping {
  if (settings.mapping !== null) return settings.mapping;
  throw new SyncError("mappingInvalid", `The field mapping can't be used: ${settings.mappingErrors.join(" ")}`);
}

export class SettingsCache {
  private cached: { readonly settings: SyncSettings; readonly loadedAt: number } | null = null;
  private loading: Promise<SyncSettings> | null = null;
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  /** The settings, read through `dataverse` when the cached ones are older than the TTL. */
  async get(dataverse: DataverseGateway): Promise<SyncSettings> {
    const cached = this.cached;
    if (cached !== null && this.now().getTime() - cached.loadedAt < this.ttlMs) return cached.settings;
    this.loading ??= this.load(dataverse);
    return this.loading;
  }

  /** Forget the cached settings (after an admin changes an environment variable, or a deployment). */
  invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.loading = null;
  }

  private async load(dataverse: DataverseGateway): Promise<SyncSettings> {
    const generation = this.generation;
    try {
      const settings = settingsOf(await dataverse.readEnvironmentVariables());
      if (generation === this.generation) this.cached = { settings, loadedAt: this.now().getTime() };
      return settings;
    } finally {
      if (generation === this.generation) this.loading = null;
    }
  }
}
