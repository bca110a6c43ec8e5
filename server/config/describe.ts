/**
 * The human-readable summary of a configuration, for the start-up log and `cosell-bridge config check`. Secrets are
 * shown only as "set": not their length, not their last characters, nothing that narrows a guess.
 */
import type { ConfigSection } from "./keySpec";
import { allConfigKeys, filePathOf, secretFileVariable, specOf, type ConfigKey } from "./keys";
import type { Config, ValueOrigin } from "./types";
import { formatDuration } from "./values";

/** Headings of the sections, in the order they are shown. */
export const sectionTitles: Record<ConfigSection, string> = {
  server: "Server",
  storage: "Storage",
  dataverse: "Dataverse",
  partnerCenter: "Partner Center",
  formApi: "Form API",
  sync: "Sync",
  queue: "Queue",
};

const SET = "set";
const list = (items: readonly string[]) => items.join(", ");

/** How each setting's value is shown; secrets never reach this table except as SET. */
const shownValues: Record<ConfigKey, (config: Config) => string | undefined> = {
  PORT: (config) => String(config.server.port),
  HOST: (config) => config.server.host,
  PUBLIC_URL: (config) => config.server.publicUrl,
  LOG_LEVEL: (config) => config.server.logLevel,
  DATA_DIR: (config) =>
    config.storage.kind === "pglite" ? config.storage.dataDir : "not used (DATABASE_URL is set, so PostgreSQL is used)",
  DATABASE_URL: (config) =>
    config.storage.kind === "postgres" ? `${SET}, PostgreSQL at ${config.storage.location}` : undefined,
  DATABASE_SCHEMA: (config) => config.storage.schema ?? "cosell_bridge",
  FORM_API_ISSUER: (config) => config.formApi.issuer,
  FORM_API_AUDIENCE: (config) => config.formApi.audience,
  FORM_API_JWKS_URL: (config) => config.formApi.jwksUrl,
  FORM_API_ADMIN_ROLE: (config) => config.formApi.adminRole,
  CORS_ORIGINS: (config) => list(config.formApi.corsOrigins),
  SYNC_RECONCILE_MINUTES: (config) => formatDuration(config.sync.reconcileIntervalMs),
  REFERRAL_LINK_TEMPLATE: (config) => config.sync.referralLinkTemplate,
  QUEUE_MAX_ATTEMPTS: (config) => String(config.queue.maxAttempts),
  QUEUE_CONCURRENCY: (config) => String(config.queue.concurrency),
  QUEUE_RETRY_BASE: (config) => formatDuration(config.queue.retryBaseMs),
  QUEUE_RETRY_MAX: (config) => formatDuration(config.queue.retryMaxMs),
  QUEUE_JOB_TIMEOUT: (config) => formatDuration(config.queue.jobTimeoutMs),
  DATAVERSE_URL: (config) => config.dataverse.url,
  DATAVERSE_TENANT_ID: (config) => config.dataverse.tenantId,
  DATAVERSE_CLIENT_ID: (config) => config.dataverse.clientId,
  DATAVERSE_CLIENT_SECRET: () => SET,
  DATAVERSE_AUTHORITY: (config) => config.dataverse.authority,
  DATAVERSE_WEBHOOK_KEY: () => SET,
  PARTNER_CENTER_API_URL: (config) => config.partnerCenter.apiUrl,
  PARTNER_CENTER_WEBHOOKS_API_URL: (config) => config.partnerCenter.webhooksApiUrl,
  PARTNER_CENTER_TENANT_ID: (config) => config.partnerCenter.tenantId,
  PARTNER_CENTER_CLIENT_ID: (config) => config.partnerCenter.clientId,
  PARTNER_CENTER_CLIENT_SECRET: () => SET,
  PARTNER_CENTER_REFRESH_TOKEN: () => SET,
  PARTNER_CENTER_AUTHORITY: (config) => config.partnerCenter.authority,
  PARTNER_CENTER_CERTIFICATE_HOSTS: (config) => list(config.partnerCenter.certificateHosts),
  PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: (config) =>
    config.partnerCenter.trustEmulatorCertificates
      ? "true (certificate chain and issuer checks are OFF: emulator use only)"
      : "false",
};

function describeOrigin(key: ConfigKey, origin: ValueOrigin): string {
  const spec = specOf(key);
  switch (origin) {
    case "env":
      return "env";
    case "env-file":
      return secretFileVariable(key);
    case "file":
      return `file ${filePathOf(key)}`;
    case "default":
      return spec.derivedDefault === undefined ? "default" : `default: ${spec.derivedDefault}`;
  }
}

const NAME_WIDTH = Math.max(...allConfigKeys.map((key) => key.length));

/**
 * A summary of `config` grouped by section: one line per setting with its value and where it came from (env, the
 * `*_FILE` variable, the file and its key, or default). Secrets appear only as "set".
 */
export function describeConfig(config: Config): string {
  const lines = [`Configuration file: ${config.configFile ?? "none (environment variables and defaults only)"}`];
  for (const [section, title] of Object.entries(sectionTitles)) {
    lines.push("", title);
    for (const key of allConfigKeys.filter((candidate) => specOf(candidate).section === section)) {
      const value = shownValues[key](config);
      const origin = config.sources[key];
      const where = value === undefined || origin === undefined ? "" : `  (${describeOrigin(key, origin)})`;
      lines.push(`  ${key.padEnd(NAME_WIDTH)}  ${value ?? "not set"}${where}`);
    }
  }
  return lines.join("\n");
}
