import { dirname, resolve } from "node:path";
import { readConfigFile, type ConfigFileValues } from "./configFile";
import {
  allConfigKeys,
  CONFIG_FILE_VARIABLE,
  NODE_ENV_VARIABLE,
  specOf,
  type ConfigKey,
  type ConfigValue,
} from "./keys";
import { findRawSetting, readVariable, type Environment } from "./sources";
import type { Config, ConfigProblem, LoadConfigResult, StorageConfig, ValueOrigin } from "./types";

/** What loadConfig reads. */
export interface LoadConfigOptions {
  /** The environment, usually process.env. */
  readonly env: Environment;
  /** Path of the configuration file given with --config; it takes precedence over CONFIG_FILE. */
  readonly file?: string;
  /** Folder that relative paths in the environment are resolved against; default the process's working folder. */
  readonly cwd?: string;
}

/** The parsed settings that were found, and for each where it came from and the key its problems are named by. */
class ParsedSettings {
  private readonly values = new Map<ConfigKey, unknown>();
  readonly origins: Partial<Record<ConfigKey, ValueOrigin>> = {};
  readonly labels: Partial<Record<ConfigKey, string>> = {};

  set(key: ConfigKey, value: unknown, origin: ValueOrigin, label: string): void {
    this.values.set(key, value);
    this.origins[key] = origin;
    this.labels[key] = label;
  }

  optional<K extends ConfigKey>(key: K): ConfigValue<K> | undefined {
    // Only set() stores values, always the output of configKeys[key].parse, so the type holds.
    return this.values.get(key) as ConfigValue<K> | undefined;
  }

  /** A value that is required or has a default; only read once no problem was found, so it is always there. */
  required<K extends ConfigKey>(key: K): ConfigValue<K> {
    const value = this.optional(key);
    if (value === undefined) throw new Error(`internal error: ${key} has no value although no problem was found`);
    return value;
  }
}

function readAllSettings(env: Environment, fileValues: ConfigFileValues, cwd: string, problems: ConfigProblem[]) {
  const settings = new ParsedSettings();
  for (const key of allConfigKeys) {
    const spec = specOf(key);
    const raw = findRawSetting(key, { env, fileValues, cwd }, problems);
    if (raw === "failed") continue;
    if (raw === "unset") {
      if (spec.required === true) problems.push({ key, message: `is not set. Expected ${spec.expected}.` });
      continue;
    }
    const parsed = spec.parse(raw.text);
    if (parsed.ok) {
      settings.set(key, parsed.value, raw.origin, raw.label);
    } else {
      problems.push({ key: raw.label, message: `${parsed.reason}. Expected ${spec.expected}.` });
    }
  }
  return settings;
}

/** Rules that involve more than one setting, or the environment the service runs in. */
function checkCombinations(settings: ParsedSettings, env: Environment, problems: ConfigProblem[]): void {
  const production = readVariable(env, NODE_ENV_VARIABLE)?.toLowerCase() === "production";
  if (production && settings.optional("PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES") === true) {
    problems.push({
      key: settings.labels.PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES ?? "PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES",
      message:
        "must not be true when NODE_ENV=production: it skips the certificate chain and Microsoft issuer checks of " +
        "Partner Center webhook signatures, which only the local emulator needs. Remove it or set it to false.",
    });
  }
}

function buildStorage(settings: ParsedSettings, baseFolder: string): StorageConfig {
  const database = settings.optional("DATABASE_URL");
  const schema = settings.required("DATABASE_SCHEMA");
  if (database !== undefined) {
    return { kind: "postgres", databaseUrl: database.url, location: database.location, schema };
  }
  return { kind: "pglite", dataDir: resolve(baseFolder, settings.required("DATA_DIR")), schema };
}

function buildConfig(settings: ParsedSettings, cwd: string, configFile: string | undefined): Config {
  const sources = { ...settings.origins };
  const dataverseUrl = settings.required("DATAVERSE_URL");
  const corsOrigins = settings.optional("CORS_ORIGINS") ?? [dataverseUrl];
  sources.CORS_ORIGINS ??= "default";
  const referralLinkTemplate = settings.optional("REFERRAL_LINK_TEMPLATE");
  // A relative DATA_DIR from the file is relative to the file, as an admin reading the file would expect.
  const dataFolderBase = settings.origins.DATA_DIR === "file" && configFile !== undefined ? dirname(configFile) : cwd;
  return {
    server: {
      port: settings.required("PORT"),
      host: settings.required("HOST"),
      publicUrl: settings.required("PUBLIC_URL"),
      logLevel: settings.required("LOG_LEVEL"),
    },
    storage: buildStorage(settings, dataFolderBase),
    dataverse: {
      url: dataverseUrl,
      tenantId: settings.required("DATAVERSE_TENANT_ID"),
      clientId: settings.required("DATAVERSE_CLIENT_ID"),
      clientSecret: settings.required("DATAVERSE_CLIENT_SECRET"),
      authority: settings.required("DATAVERSE_AUTHORITY"),
      webhookKey: settings.required("DATAVERSE_WEBHOOK_KEY"),
    },
    partnerCenter: {
      apiUrl: settings.required("PARTNER_CENTER_API_URL"),
      webhooksApiUrl: settings.required("PARTNER_CENTER_WEBHOOKS_API_URL"),
      tenantId: settings.required("PARTNER_CENTER_TENANT_ID"),
      clientId: settings.required("PARTNER_CENTER_CLIENT_ID"),
      clientSecret: settings.required("PARTNER_CENTER_CLIENT_SECRET"),
      refreshToken: settings.required("PARTNER_CENTER_REFRESH_TOKEN"),
      authority: settings.required("PARTNER_CENTER_AUTHORITY"),
      certificateHosts: settings.required("PARTNER_CENTER_CERTIFICATE_HOSTS"),
      trustEmulatorCertificates: settings.required("PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES"),
    },
    formApi: {
      issuer: settings.required("FORM_API_ISSUER"),
      audience: settings.required("FORM_API_AUDIENCE"),
      jwksUrl: settings.required("FORM_API_JWKS_URL"),
      adminRole: settings.required("FORM_API_ADMIN_ROLE"),
      corsOrigins,
    },
    sync: {
      reconcileIntervalMs: settings.required("SYNC_RECONCILE_MINUTES"),
      ...(referralLinkTemplate === undefined ? {} : { referralLinkTemplate }),
    },
    queue: {
      maxAttempts: settings.required("QUEUE_MAX_ATTEMPTS"),
      concurrency: settings.required("QUEUE_CONCURRENCY"),
      retryBaseMs: settings.required("QUEUE_RETRY_BASE"),
      retryMaxMs: settings.required("QUEUE_RETRY_MAX"),
      jobTimeoutMs: settings.required("QUEUE_JOB_TIMEOUT"),
    },
    sources,
    ...(configFile === undefined ? {} : { configFile }),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Reads and validates the configuration from the environment and the optional configuration file (--config, else
 * CONFIG_FILE). Reports every problem at once, each naming its key, so one run of `config check` finds them all.
 * Never throws for bad input, and no problem message contains a secret.
 */
export function loadConfig(options: LoadConfigOptions): LoadConfigResult {
  const { env } = options;
  const cwd = options.cwd ?? process.cwd();
  const problems: ConfigProblem[] = [];
  const fileName = options.file ?? readVariable(env, CONFIG_FILE_VARIABLE);
  const configFile = fileName === undefined ? undefined : resolve(cwd, fileName);
  const namedBy = options.file === undefined ? CONFIG_FILE_VARIABLE : "--config";
  const fileValues =
    configFile === undefined ? new Map<ConfigKey, string>() : readConfigFile(configFile, namedBy, problems);
  const settings = readAllSettings(env, fileValues, cwd, problems);
  checkCombinations(settings, env, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: deepFreeze(buildConfig(settings, cwd, configFile)) };
}
