import type { ConfigKey } from "./keys";
import type { Secret } from "./secret";

/** Log levels the service understands, most to least verbose, plus "silent". */
export const logLevels = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * Where a value came from: the environment variable itself, the file named by its `*_FILE` variable, the
 * configuration file, or the built-in default.
 */
export type ValueOrigin = "env" | "env-file" | "file" | "default";

/** Embedded PGlite in a local folder (the default), or PostgreSQL when DATABASE_URL is set. */
export type StorageConfig =
  | { readonly kind: "pglite"; readonly dataDir: string; readonly schema?: string }
  | {
      readonly kind: "postgres";
      /** The schema of the service's tables (DATABASE_SCHEMA, set by loadConfig); the queue's are `<schema>_boss`. */
      readonly schema?: string;
      /** The full connection URL; it usually carries a password. */
      readonly databaseUrl: Secret;
      /** Host, port and database name only, safe to log, e.g. "db.internal:5432/cosell". */
      readonly location: string;
    };

/** The validated, frozen configuration of the sync service. URLs are absolute; ids are lower-case GUIDs. */
export interface Config {
  readonly server: {
    readonly port: number;
    readonly host: string;
    /** The service's external base URL without a trailing slash; webhooks are registered under it. */
    readonly publicUrl: string;
    readonly logLevel: LogLevel;
  };
  readonly storage: StorageConfig;
  readonly dataverse: {
    /** The organization root, e.g. "https://contoso.crm.dynamics.com" (no path, no trailing slash). */
    readonly url: string;
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret: Secret;
    /** The Azure AD host; the tenant id is appended by the token client. */
    readonly authority: string;
    /** The key Dataverse sends with every webhook call (service endpoint auth type WebhookKey). */
    readonly webhookKey: Secret;
  };
  readonly partnerCenter: {
    /** Referrals API origin (token resource https://api.partner.microsoft.com in production). */
    readonly apiUrl: string;
    /** Webhook registration API origin (token resource https://api.partnercenter.microsoft.com in production). */
    readonly webhooksApiUrl: string;
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret: Secret;
    /** Delegated refresh token of a Referrals admin user. */
    readonly refreshToken: Secret;
    readonly authority: string;
    /** Hosts (optionally host:port) that webhook signing certificates may be downloaded from. */
    readonly certificateHosts: readonly string[];
    /** Skip the chain and Microsoft-issuer checks of signing certificates: for the local emulator only. */
    readonly trustEmulatorCertificates: boolean;
  };
  readonly formApi: {
    /** Expected `iss` claim, exactly as written in the configuration. */
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUrl: string;
    /** The app role (`roles` claim) that admits a token to the admin API. */
    readonly adminRole: string;
    /** Origins allowed by CORS, e.g. ["https://contoso.crm.dynamics.com"]. */
    readonly corsOrigins: readonly string[];
  };
  readonly sync: {
    readonly reconcileIntervalMs: number;
    /** URL template of the referral link written back to Dataverse; contains "{referralId}". */
    readonly referralLinkTemplate?: string;
  };
  readonly queue: {
    readonly maxAttempts: number;
    readonly concurrency: number;
    /** First retry delay; doubled per attempt with full jitter, never below an API's Retry-After. */
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    /** A job running longer than this is taken over by another worker: how fast a crash heals. */
    readonly jobTimeoutMs: number;
  };
  /** Where each value that is set came from; keys that are unset and optional are absent. */
  readonly sources: Readonly<Partial<Record<ConfigKey, ValueOrigin>>>;
  /** Absolute path of the configuration file that was read, if any. */
  readonly configFile?: string;
}

/** One thing wrong with the configuration. Never contains the value of a secret. */
export interface ConfigProblem {
  /** The environment variable (e.g. "DATAVERSE_URL"), its `*_FILE` twin, or "file: <section>.<key>". */
  readonly key: string;
  /** What is wrong and what a valid value looks like. */
  readonly message: string;
}

/** The outcome of loadConfig: a configuration, or every problem found (not just the first). */
export type LoadConfigResult =
  { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };
