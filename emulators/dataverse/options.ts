/**
 * How a local Dataverse is started. Behaviours that shared/reference/dataverse.md marks UNCONFIRMED are options
 * whose default is the documented guess; the defaults of defaults.ts make a bare start usable.
 */
import type { RegisteredClient } from "../auth";
import type { Logger } from "../http";
import { systemClock, type Clock } from "../shared/clock";
import { randomIds, seededIds, type IdGenerator } from "../shared/ids";
import {
  DEFAULT_INTEGRATION_CLIENT,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_ORGANIZATION,
  DEFAULT_SELLER_CLIENT,
  DEFAULT_SERVICE_PROTECTION,
  DEFAULT_TENANT_ID,
} from "./defaults";
import type { WebhookCallerOptions } from "./webhooks";

/** Service protection (dataverse.md §4.4), per user over a sliding window. */
export interface ServiceProtectionLimits {
  readonly requestsPerWindow: number;
  readonly windowMs: number;
  readonly concurrentRequests: number;
}

/** The demo organization (currencies, accounts, contacts, opportunities in every state, two users). */
export interface DataverseSeedOptions {
  /** Default true; false starts with the platform rows and the two users of defaults.ts only. */
  readonly demo?: boolean;
  /** Default 300. */
  readonly opportunities?: number;
  /** The same seed gives the same rows; default "demo". */
  readonly seed?: string;
}

/** Who the organization is, as WhoAmI and webhooks name it. */
export interface OrganizationIdentity {
  readonly name?: string;
  /** `x-ms-dynamics-organization` (§3.3). */
  readonly domain?: string;
  readonly organizationId?: string;
  readonly businessUnitId?: string;
}

/**
 * The error a failing synchronous webhook step gives the Web API caller. §3.4 says the operation fails and the
 * caller gets an error, but the exact text is UNCONFIRMED: default 400 with 0x80040265 (the platform's
 * "operation aborted by an extension" code).
 */
export interface SynchronousStepFailure {
  readonly status: number;
  readonly code: string;
}

/** The webhook caller's settings (timeoutMs, retryDelayMs, maxBodyBytes, context switches...) plus our own. */
export interface DataverseWebhookOptions extends Omit<WebhookCallerOptions, "onAsyncOperation" | "clock" | "ids"> {
  /** How many attempted webhook posts the admin API keeps; default 500. */
  readonly deliveryLogMaxEntries?: number;
  readonly synchronousFailure?: Partial<SynchronousStepFailure>;
}

/** Everything `startDataverseEmulator` accepts; all optional. */
export interface DataverseEmulatorOptions {
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default the system clock; a ManualClock can be moved through the admin API. */
  readonly clock?: Clock;
  /** Makes every generated id (rows, tokens, webhook requests, system jobs) repeatable. */
  readonly idsSeed?: string;
  readonly organization?: OrganizationIdentity;
  readonly tenantId?: string;
  /** App registrations; default the integration (application) and seller (delegated) clients of defaults.ts. */
  readonly clients?: readonly RegisteredClient[];
  /** The client whose application user the demo seed creates; default the first application client. */
  readonly integrationClientId?: string;
  /** Access token lifetime; default 3600 s. */
  readonly tokenLifetimeSeconds?: number;
  /** Audiences accepted besides the emulator's own URL and `https://<domain>`. */
  readonly audiences?: readonly string[];
  /** false: no demo data (same as `{ demo: false }`). */
  readonly seed?: DataverseSeedOptions | false;
  /**
   * Install the csb_ columns, choices and table (default true). Set false when the test imports the solution; the
   * demo data needs them, so false also turns the demo data off unless `seed.demo` is explicitly true (an error).
   */
  readonly coSellSchema?: boolean;
  /** Loaded at start when it exists and rewritten after every change. */
  readonly snapshotFile?: string;
  /** Partial limits replace the documented ones; false turns service protection off. */
  readonly serviceProtection?: Partial<ServiceProtectionLimits> | false;
  readonly webhooks?: DataverseWebhookOptions;
  /** When set, every /admin call must send it in the `x-emulator-admin-key` header. */
  readonly adminKey?: string;
  /** Seeds the random source of fault probabilities. */
  readonly faultRandomSeed?: number;
  /** How many requests the request log keeps; default 10 000. */
  readonly requestLogMaxEntries?: number;
  /** Web API request body limit; default 32 MiB (ImportSolution carries a base64 zip). */
  readonly maxRequestBytes?: number;
  /**
   * Milliseconds between the progress steps of an ImportSolutionAsync job (five steps before the import runs), so a
   * poller sees the system job waiting, then in progress; default 50.
   */
  readonly solutionImportStepMs?: number;
  /** Where unexpected errors are reported (never the console); default silent. */
  readonly logger?: Logger;
}

/** Per-component id generators, so that minting a token never shifts the row ids of a seeded run. */
export interface IdSources {
  readonly organization: IdGenerator;
  readonly auth: IdGenerator;
  readonly webhooks: IdGenerator;
  readonly requests: IdGenerator;
}

/** The options with every default filled in. */
export interface ResolvedDataverseOptions {
  readonly port: number;
  readonly host: string;
  readonly clock: Clock;
  readonly ids: IdSources;
  readonly organization: Required<OrganizationIdentity>;
  readonly tenantId: string;
  readonly clients: readonly RegisteredClient[];
  readonly integrationClientId: string;
  readonly tokenLifetimeSeconds: number | undefined;
  readonly audiences: readonly string[];
  readonly seed: Required<DataverseSeedOptions>;
  readonly coSellSchema: boolean;
  readonly snapshotFile: string | undefined;
  readonly serviceProtection: ServiceProtectionLimits | undefined;
  readonly webhooks: DataverseWebhookOptions;
  readonly synchronousFailure: SynchronousStepFailure;
  readonly adminKey: string | undefined;
  readonly faultRandomSeed: number | undefined;
  readonly requestLogMaxEntries: number | undefined;
  readonly maxRequestBytes: number;
  readonly solutionImportStepMs: number;
  readonly logger: Logger | undefined;
}

/** Fills in defaults. @throws RangeError naming an option whose value can't work. */
export function resolveDataverseOptions(options: DataverseEmulatorOptions = {}): ResolvedDataverseOptions {
  if (options.adminKey?.trim() === "") throw new RangeError("adminKey must not be empty when given");
  const clients = options.clients ?? [DEFAULT_INTEGRATION_CLIENT, DEFAULT_SELLER_CLIENT];
  const integrationClientId =
    options.integrationClientId ?? clients.find((client) => client.kind === "application")?.clientId;
  if (integrationClientId === undefined) throw new RangeError("clients must include an application client");
  const coSellSchema = options.coSellSchema ?? true;
  const seedOption = options.seed === false ? { demo: false } : (options.seed ?? {});
  if (!coSellSchema && seedOption.demo === true) {
    throw new RangeError("seed.demo needs the co-sell schema: the demo opportunities use the csb_ columns");
  }
  const solutionImportStepMs = options.solutionImportStepMs ?? 50;
  if (!(Number.isInteger(solutionImportStepMs) && solutionImportStepMs >= 0)) {
    throw new RangeError(`solutionImportStepMs must be a whole number ≥ 0; got ${String(solutionImportStepMs)}`);
  }
  const opportunities = seedOption.opportunities ?? 300;
  if (!(Number.isInteger(opportunities) && opportunities >= 0)) {
    throw new RangeError(`seed.opportunities must be a whole number ≥ 0; got ${String(opportunities)}`);
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    clock: options.clock ?? systemClock,
    ids: idSources(options.idsSeed),
    organization: { ...DEFAULT_ORGANIZATION, ...options.organization },
    tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
    clients,
    integrationClientId: integrationClientId.toLowerCase(),
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    audiences: options.audiences ?? [],
    seed: { demo: seedOption.demo ?? coSellSchema, opportunities, seed: seedOption.seed ?? "demo" },
    coSellSchema,
    snapshotFile: options.snapshotFile,
    serviceProtection: resolveLimits(options.serviceProtection),
    webhooks: options.webhooks ?? {},
    synchronousFailure: { status: 400, code: "0x80040265", ...options.webhooks?.synchronousFailure },
    adminKey: options.adminKey,
    faultRandomSeed: options.faultRandomSeed,
    requestLogMaxEntries: options.requestLogMaxEntries,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    solutionImportStepMs,
    logger: options.logger,
  };
}

/** The limits with defaults; checks every number. @throws RangeError. */
export function resolveLimits(
  limits: Partial<ServiceProtectionLimits> | false | undefined,
  base: ServiceProtectionLimits = DEFAULT_SERVICE_PROTECTION,
): ServiceProtectionLimits | undefined {
  if (limits === false) return undefined;
  const resolved = { ...base, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!(Number.isInteger(value) && value > 0)) {
      throw new RangeError(`serviceProtection.${name} must be a positive whole number; got ${String(value)}`);
    }
  }
  return resolved;
}

function idSources(seed: string | undefined): IdSources {
  if (seed === undefined) return { organization: randomIds, auth: randomIds, webhooks: randomIds, requests: randomIds };
  return {
    organization: seededIds(`${seed}:organization`),
    auth: seededIds(`${seed}:auth`),
    webhooks: seededIds(`${seed}:webhooks`),
    requests: seededIds(`${seed}:requests`),
  };
}
