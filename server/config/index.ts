/**
 * server/config: the sync service's configuration, read from environment variables and an optional JSON file,
 * validated at start with one message per bad or missing key (`cosell-bridge config check` prints the same).
 *
 * Precedence: environment variable, then the JSON file (`--config <path>`, else `CONFIG_FILE`), then the default.
 * In the file, a setting sits in the section shown in italics, under its file key, e.g. `{ "dataverse": { "url":
 * "https://contoso.crm.dynamics.com" } }`; unknown sections and keys are errors. Secrets (S) are never read from the
 * file: set them in the environment, or write them to a file and name it in `<VARIABLE>_FILE` (e.g.
 * `DATAVERSE_CLIENT_SECRET_FILE=/run/secrets/dataverse`; trailing newlines are dropped; setting both is an error).
 * Every URL must use https, except for localhost, *.localhost, 127.0.0.1 and [::1] (the local emulators).
 * Problem messages never quote the value given, so a secret pasted into the wrong variable is not logged.
 *
 * | Variable                                   | File key                  | Default; rule                            |
 * | ------------------------------------------ | ------------------------- | ---------------------------------------- |
 * | *server*                                   |                           |                                          |
 * | PORT                                       | port                      | 3978; 0–65535 (0 picks a free port)      |
 * | HOST                                       | host                      | 0.0.0.0; the address to listen on        |
 * | PUBLIC_URL                                 | publicUrl                 | required; external base URL for webhooks |
 * | LOG_LEVEL                                  | logLevel                  | info; trace, debug … fatal, silent       |
 * | *storage*                                  |                           |                                          |
 * | DATA_DIR                                   | dataDir                   | ./.data; the PGlite folder               |
 * | DATABASE_URL (S)                           | —                         | unset; postgres:// URL → PostgreSQL      |
 * | DATABASE_SCHEMA                            | schema                    | cosell_bridge; the service's schema      |
 * | *formApi*                                  |                           |                                          |
 * | FORM_API_ISSUER                            | issuer                    | required; `iss` of form tokens, verbatim |
 * | FORM_API_AUDIENCE                          | audience                  | required; `aud` of form tokens           |
 * | FORM_API_JWKS_URL                          | jwksUrl                   | required; the issuer's JWKS URL          |
 * | FORM_API_ADMIN_ROLE                        | adminRole                 | CoSellBridge.Admin; role for /admin      |
 * | CORS_ORIGINS                               | corsOrigins               | origin of DATAVERSE_URL; https origins   |
 * | *sync*                                     |                           |                                          |
 * | SYNC_RECONCILE_MINUTES                     | reconcileMinutes          | 15; 1–1440 minutes (or 90s, 2h)          |
 * | REFERRAL_LINK_TEMPLATE                     | referralLinkTemplate      | unset; https URL with {referralId}       |
 * | *queue*                                    |                           |                                          |
 * | QUEUE_MAX_ATTEMPTS                         | maxAttempts               | 8; 1–100 tries per job                   |
 * | QUEUE_CONCURRENCY                          | concurrency               | 4; 1–100 jobs at once per process        |
 * | QUEUE_RETRY_BASE                           | retryBase                 | 2 (s); 100ms–10m, doubled per attempt    |
 * | QUEUE_RETRY_MAX                            | retryMax                  | 10 (m); 1s–24h, longest retry delay      |
 * | QUEUE_JOB_TIMEOUT                          | jobTimeout                | 120 (s); 1s–1h, then another worker runs |
 * | *dataverse*                                |                           |                                          |
 * | DATAVERSE_URL                              | url                       | required; organization URL, no path      |
 * | DATAVERSE_TENANT_ID                        | tenantId                  | required; GUID                           |
 * | DATAVERSE_CLIENT_ID                        | clientId                  | required; GUID (the application user)    |
 * | DATAVERSE_CLIENT_SECRET (S)                | —                         | required                                 |
 * | DATAVERSE_AUTHORITY                        | authority                 | https://login.microsoftonline.com        |
 * | DATAVERSE_WEBHOOK_KEY (S)                  | —                         | required; ≥ 32 characters, no spaces     |
 * | *partnerCenter*                            |                           |                                          |
 * | PARTNER_CENTER_API_URL                     | apiUrl                    | https://api.partner.microsoft.com        |
 * | PARTNER_CENTER_WEBHOOKS_API_URL            | webhooksApiUrl            | https://api.partnercenter.microsoft.com  |
 * | PARTNER_CENTER_TENANT_ID                   | tenantId                  | required; GUID                           |
 * | PARTNER_CENTER_CLIENT_ID                   | clientId                  | required; GUID                           |
 * | PARTNER_CENTER_CLIENT_SECRET (S)           | —                         | required                                 |
 * | PARTNER_CENTER_REFRESH_TOKEN (S)           | —                         | required; a Referrals admin's token      |
 * | PARTNER_CENTER_AUTHORITY                   | authority                 | https://login.microsoftonline.com        |
 * | PARTNER_CENTER_CERTIFICATE_HOSTS           | certificateHosts          | 3psostorageacct.blob.core.windows.net    |
 * | PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES | trustEmulatorCertificates | false; refused with NODE_ENV=production  |
 *
 * Also read: `CONFIG_FILE` (path of the JSON file) and `NODE_ENV`. `cosell-bridge config check --help` prints the
 * same list with an example for each key, generated from the declarations in serviceKeys.ts and connectionKeys.ts.
 */
export { configCheck, CONFIG_CHECK_USAGE, type ConfigCheckOptions, type ConfigCheckResult } from "./check";
export { describeConfig } from "./describe";
export { allConfigKeys, configKeys, type ConfigKey, type ConfigValue } from "./keys";
export { loadConfig, type LoadConfigOptions } from "./loadConfig";
export { describeConfigKeys } from "./reference";
export { Secret } from "./secret";
export type { Environment } from "./sources";
export type { Config, ConfigProblem, LoadConfigResult, LogLevel, StorageConfig, ValueOrigin } from "./types";
export {
  durationParser,
  integerParser,
  listParser,
  parseBoolean,
  parseGuid,
  parseHost,
  parseHostWithPort,
  type Parsed,
  type Parser,
} from "./values";
export { httpsUrlParser, isLoopbackHost, parseDatabaseUrl, parseOrigin, parseReferralLinkTemplate } from "./urls";
