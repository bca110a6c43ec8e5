/**
 * The whole loop on one machine, for end-to-end tests and benchmarks: both emulators (real clocks), the sync service
 * started in this process exactly as `cosell-bridge serve` starts it (on PGlite in a temp folder or on the local
 * PostgreSQL in a schema of its own), and both webhooks registered at the service's URL.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import {
  DEFAULT_CLIENT_SECRET as DATAVERSE_SECRET,
  DEFAULT_INTEGRATION_CLIENT,
  startDataverseEmulator,
  type DataverseEmulator,
  type DataverseEmulatorOptions,
} from "../../emulators/dataverse";
import {
  DEFAULT_REFERRALS_ADMIN,
  startPartnerCenterEmulator,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../emulators/partner-center";
import { webhookFilteringColumns } from "../../core";
import { loadConfig, type Config } from "../../server/config";
import { DATAVERSE_WEBHOOK_PATH, PARTNER_CENTER_WEBHOOK_PATH } from "../../server/http";
import { PARTNER_CENTER_EVENT_NAMES } from "../../server/intake/partnerCenter";
import { startService, type RunningService, type ServiceOptions } from "../../server/runtime/service";

export const STACK_PC_CLIENT_ID = "c05e11b0-0000-4000-8000-0000000000c1";
export const STACK_PC_CLIENT_SECRET = "pc-client-secret-for-the-bridge-stack-0123";
export const STACK_PC_REFRESH_TOKEN = "pc-refresh-token-for-the-bridge-stack-4567";
export const STACK_WEBHOOK_KEY = "dataverse-webhook-key-for-the-bridge-stack-89ab";
/** Every secret the stack configures: none may appear in a log line, an audit line or an error message. */
export const STACK_SECRETS = [STACK_PC_CLIENT_SECRET, STACK_PC_REFRESH_TOKEN, STACK_WEBHOOK_KEY, DATAVERSE_SECRET];
export const POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export type StackStorage = "pglite" | "postgres";

export interface StackOptions {
  readonly storage: StackStorage;
  /** Distinguishes this stack's PostgreSQL schema and ids; e.g. the test file's name. */
  readonly name: string;
  readonly dataverse?: DataverseEmulatorOptions;
  readonly partnerCenter?: PartnerCenterEmulatorOptions;
  readonly service?: ServiceOptions;
  /** Extra environment variables for the service (e.g. QUEUE_MAX_ATTEMPTS). */
  readonly env?: Readonly<Record<string, string>>;
  /** Register both webhooks (default true). */
  readonly registerWebhooks?: boolean;
  /** Leave the PostgreSQL schemas in place at stop() (default false: they are dropped). */
  readonly keepSchema?: boolean;
  /** The data folder (e.g. a copy of an initialised PGlite folder); the stack deletes it at stop(). Default: new. */
  readonly dataDir?: string;
}

export interface BridgeStack {
  readonly dataverse: DataverseEmulator;
  readonly partnerCenter: PartnerCenterEmulator;
  readonly service: RunningService;
  readonly config: Config;
  /**
   * The environment `cosell-bridge serve` (or any other command) needs to run this service in another process: the
   * same database, schema (DATABASE_SCHEMA) and port. Stop the in-process service first when the database is PGlite.
   */
  readonly env: Readonly<Record<string, string>>;
  readonly schema: string;
  /** The PGlite folder (unused with PostgreSQL). */
  readonly dataDir: string;
  /** Stops the service and the emulators, deletes the PGlite folder and drops the PostgreSQL schemas. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, so PUBLIC_URL can be known before the service listens. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/** Where the emulators are: running in this process, or elsewhere (the benchmark runs them in child processes). */
export type EmulatorAddress = Pick<DataverseEmulator | PartnerCenterEmulator, "url" | "tenantId">;

export function stackEnvironment(
  dataverse: EmulatorAddress,
  partnerCenter: EmulatorAddress,
  storage: { readonly kind: StackStorage; readonly dataDir: string },
  port: number,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "silent",
    ...(storage.kind === "postgres" ? { DATABASE_URL: POSTGRES_URL } : { DATA_DIR: storage.dataDir }),
    DATAVERSE_URL: dataverse.url,
    DATAVERSE_AUTHORITY: dataverse.url,
    DATAVERSE_TENANT_ID: dataverse.tenantId,
    DATAVERSE_CLIENT_ID: DEFAULT_INTEGRATION_CLIENT.clientId,
    DATAVERSE_CLIENT_SECRET: DATAVERSE_SECRET,
    DATAVERSE_WEBHOOK_KEY: STACK_WEBHOOK_KEY,
    PARTNER_CENTER_API_URL: partnerCenter.url,
    PARTNER_CENTER_WEBHOOKS_API_URL: partnerCenter.url,
    PARTNER_CENTER_AUTHORITY: partnerCenter.url,
    PARTNER_CENTER_TENANT_ID: partnerCenter.tenantId,
    PARTNER_CENTER_CLIENT_ID: STACK_PC_CLIENT_ID,
    PARTNER_CENTER_CLIENT_SECRET: STACK_PC_CLIENT_SECRET,
    PARTNER_CENTER_REFRESH_TOKEN: STACK_PC_REFRESH_TOKEN,
    PARTNER_CENTER_CERTIFICATE_HOSTS: new URL(partnerCenter.url).host,
    PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "true",
    // The form's tokens: a seller's Dataverse token (audience = the organization URL) stands in for the service's.
    FORM_API_ISSUER: `${dataverse.url}/${dataverse.tenantId}/v2.0`,
    FORM_API_AUDIENCE: dataverse.url,
    FORM_API_JWKS_URL: `${dataverse.url}/${dataverse.tenantId}/discovery/v2.0/keys`,
    CORS_ORIGINS: "http://localhost:8080",
    QUEUE_RETRY_BASE: "100ms",
    QUEUE_RETRY_MAX: "2s",
    QUEUE_JOB_TIMEOUT: "5s",
    ...extra,
  };
}

export function configFromEnvironment(env: Readonly<Record<string, string>>): Config {
  const result = loadConfig({ env });
  if (!result.ok) throw new Error(`the stack's configuration is invalid: ${JSON.stringify(result.problems)}`);
  return result.config;
}

/** Points Partner Center's webhook at the service, as `cosell-bridge register-webhooks --overwrite` does. */
export async function registerPartnerCenterWebhook(service: RunningService, config: Config): Promise<void> {
  await service.clients.partnerCenterWebhooks.registerPartnerCenterWebhook({
    webhookUrl: `${config.server.publicUrl}${PARTNER_CENTER_WEBHOOK_PATH}`,
    events: PARTNER_CENTER_EVENT_NAMES,
    overwrite: true,
  });
}

/** Points Partner Center and Dataverse at the service, as `cosell-bridge register-webhooks --overwrite` does. */
export async function registerStackWebhooks(service: RunningService, config: Config): Promise<void> {
  await registerPartnerCenterWebhook(service, config);
  await service.clients.registerDataverseWebhook({
    url: `${config.server.publicUrl}${DATAVERSE_WEBHOOK_PATH}`,
    key: config.dataverse.webhookKey,
    filteringAttributes: webhookFilteringColumns(),
  });
}

export function stackSchema(name: string): string {
  return `e2e_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}`;
}

/** Drops a service's schema and its queue's (`<schema>_boss`) from the local PostgreSQL. */
export async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    // The name is ours (stackSchema), but quote it anyway: identifiers can't be bound as parameters.
    for (const name of [schema, `${schema}_boss`]) {
      await client.query(`drop schema if exists "${name.replace(/"/g, '""')}" cascade`);
    }
  } finally {
    await client.end();
  }
}

export async function startBridgeStack(options: StackOptions): Promise<BridgeStack> {
  const dataverse = await startDataverseEmulator({ idsSeed: options.name, ...options.dataverse });
  const partnerCenter = await startPartnerCenterEmulator({
    idsSeed: options.name,
    clients: [{ clientId: STACK_PC_CLIENT_ID, clientSecret: STACK_PC_CLIENT_SECRET, kind: "application" }],
    refreshTokens: [{ token: STACK_PC_REFRESH_TOKEN, clientId: STACK_PC_CLIENT_ID, user: DEFAULT_REFERRALS_ADMIN }],
    ...options.partnerCenter,
  });
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "cosell-stack-")));
  const baseEnv = stackEnvironment(
    dataverse,
    partnerCenter,
    { kind: options.storage, dataDir },
    await freePort(),
    options.env,
  );
  const schema = stackSchema(options.name);
  const env = { ...baseEnv, DATABASE_SCHEMA: schema };
  const config = configFromEnvironment(env);
  const service = await startService(config, { schema, logging: false, scheduler: false, ...options.service });
  if (options.registerWebhooks !== false) await registerStackWebhooks(service, config);
  return {
    dataverse,
    partnerCenter,
    service,
    config,
    env,
    schema,
    dataDir,
    stop: async () => {
      try {
        await service.stop();
      } finally {
        await Promise.all([dataverse.close(), partnerCenter.close()]);
        await rm(dataDir, { recursive: true, force: true });
        if (options.storage === "postgres" && options.keepSchema !== true) await dropPostgresSchema(schema);
      }
    },
  };
}

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs` naming `what`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
