/**
 * Settings of the service itself: where it listens, where it stores its queue, how the form's API authenticates
 * callers, and how often and how hard it works. The table in index.ts documents them for admins.
 */
import { defineKey } from "./keySpec";
import { logLevels } from "./types";
import { httpsUrlParser, parseDatabaseUrl, parseOrigin, parseReferralLinkTemplate } from "./urls";
import {
  choiceParser,
  durationParser,
  integerParser,
  listParser,
  parseHost,
  parsePath,
  parseSchemaName,
  parseToken,
} from "./values";

/** Settings under "server", "storage", "formApi", "sync" and "queue", in the order describeConfig shows them. */
export const serviceKeys = {
  PORT: defineKey({
    section: "server",
    fileKey: "port",
    fileType: "integer",
    parse: integerParser(0, 65_535),
    defaultValue: "3978",
    expected: "the TCP port to listen on, from 0 to 65535, e.g. 3978 (0 picks a free port)",
  }),
  HOST: defineKey({
    section: "server",
    fileKey: "host",
    fileType: "text",
    parse: parseHost,
    defaultValue: "0.0.0.0",
    expected: "the address to listen on, e.g. 0.0.0.0 (every interface) or 127.0.0.1",
  }),
  PUBLIC_URL: defineKey({
    section: "server",
    fileKey: "publicUrl",
    fileType: "text",
    parse: httpsUrlParser({ shape: "path" }),
    required: true,
    expected:
      "the service's external https base URL, which webhooks are registered under, e.g. https://cosell.contoso.com",
  }),
  LOG_LEVEL: defineKey({
    section: "server",
    fileKey: "logLevel",
    fileType: "text",
    parse: choiceParser(logLevels),
    defaultValue: "info",
    expected: "how much the service logs, e.g. info (or debug while investigating)",
  }),
  DATA_DIR: defineKey({
    section: "storage",
    fileKey: "dataDir",
    fileType: "text",
    parse: parsePath,
    defaultValue: "./.data",
    expected: "the folder of the embedded PGlite database, e.g. ./.data (unused when DATABASE_URL is set)",
  }),
  DATABASE_URL: defineKey({
    section: "storage",
    fileKey: "databaseUrl",
    fileType: "text",
    parse: parseDatabaseUrl,
    secret: true,
    expected: "a PostgreSQL URL such as postgres://cosell:<password>@db.internal:5432/cosell (unset: embedded PGlite)",
  }),
  DATABASE_SCHEMA: defineKey({
    section: "storage",
    fileKey: "schema",
    fileType: "text",
    parse: parseSchemaName,
    defaultValue: "cosell_bridge",
    expected:
      "the schema that holds the service's state (the queue adds <schema>_boss), e.g. cosell_bridge; every command " +
      "of one service must use the same one",
  }),
  FORM_API_ISSUER: defineKey({
    section: "formApi",
    fileKey: "issuer",
    fileType: "text",
    // Compared with the token's `iss` character by character, so it is kept exactly as written.
    parse: httpsUrlParser({ shape: "path", keepAsWritten: true }),
    required: true,
    expected: "the `iss` claim of the form's tokens, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0",
  }),
  FORM_API_AUDIENCE: defineKey({
    section: "formApi",
    fileKey: "audience",
    fileType: "text",
    parse: parseToken,
    required: true,
    expected: "the `aud` claim of the form's tokens, e.g. api://<client-id> of the service's app registration",
  }),
  FORM_API_JWKS_URL: defineKey({
    section: "formApi",
    fileKey: "jwksUrl",
    fileType: "text",
    parse: httpsUrlParser({ shape: "path" }),
    required: true,
    expected: "the issuer's signing keys, e.g. https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys",
  }),
  FORM_API_ADMIN_ROLE: defineKey({
    section: "formApi",
    fileKey: "adminRole",
    fileType: "text",
    parse: parseToken,
    defaultValue: "CoSellBridge.Admin",
    expected: "the app role (`roles` claim) a token needs for the admin API, e.g. CoSellBridge.Admin",
  }),
  CORS_ORIGINS: defineKey({
    section: "formApi",
    fileKey: "corsOrigins",
    fileType: "list",
    parse: listParser(parseOrigin),
    derivedDefault: "the origin of DATAVERSE_URL",
    expected: "comma-separated https origins of the Dynamics organization, e.g. https://contoso.crm.dynamics.com",
  }),
  SYNC_RECONCILE_MINUTES: defineKey({
    section: "sync",
    fileKey: "reconcileMinutes",
    fileType: "duration",
    parse: durationParser("m", 60_000, 86_400_000),
    defaultValue: "15",
    expected: "minutes between two catch-up reconciliations, from 1 to 1440, e.g. 15 (or with a unit: 90s, 2h)",
  }),
  REFERRAL_LINK_TEMPLATE: defineKey({
    section: "sync",
    fileKey: "referralLinkTemplate",
    fileType: "text",
    parse: parseReferralLinkTemplate,
    expected: "an https URL containing {referralId}, e.g. https://links.contoso.com/referrals/{referralId}",
  }),
  QUEUE_MAX_ATTEMPTS: defineKey({
    section: "queue",
    fileKey: "maxAttempts",
    fileType: "integer",
    parse: integerParser(1, 100),
    defaultValue: "8",
    expected: "how many times a job is tried before it is marked failed, from 1 to 100, e.g. 8",
  }),
  QUEUE_CONCURRENCY: defineKey({
    section: "queue",
    fileKey: "concurrency",
    fileType: "integer",
    parse: integerParser(1, 100),
    defaultValue: "4",
    expected: "how many jobs this process runs at once, from 1 to 100, e.g. 4",
  }),
  QUEUE_RETRY_BASE: defineKey({
    section: "queue",
    fileKey: "retryBase",
    fileType: "duration",
    parse: durationParser("s", 100, 600_000),
    defaultValue: "2",
    expected: "the first retry delay (doubled per attempt, with jitter), from 100ms to 10m, e.g. 2 (seconds) or 500ms",
  }),
  QUEUE_RETRY_MAX: defineKey({
    section: "queue",
    fileKey: "retryMax",
    fileType: "duration",
    parse: durationParser("m", 1_000, 86_400_000),
    defaultValue: "10",
    expected: "the longest delay between two retries, from 1s to 24h, e.g. 10 (minutes)",
  }),
  QUEUE_JOB_TIMEOUT: defineKey({
    section: "queue",
    fileKey: "jobTimeout",
    fileType: "duration",
    parse: durationParser("s", 1_000, 3_600_000),
    defaultValue: "120",
    expected:
      "how long a job may run before another worker takes it over (after a crash), from 1s to 1h, e.g. 120 (seconds)",
  }),
};
