/**
 * How a local Partner Center is started. Every behaviour shared/reference/partner-center.md marks UNCONFIRMED is an
 * option whose default is the guess the reference documents; the defaults of defaults.ts make a bare start usable.
 */
import type { RefreshTokenSeed, RegisteredClient } from "../auth";
import type { Logger } from "../http";
import { systemClock, type Clock } from "../shared/clock";
import { randomIds, seededIds, type IdGenerator } from "../shared/ids";
import {
  DEFAULT_APPLICATION_CLIENT,
  DEFAULT_DELEGATED_CLIENT,
  DEFAULT_REFRESH_TOKENS,
  DEFAULT_SOLUTIONS,
  DEFAULT_TENANT_ID,
  REFERRALS_AUDIENCE,
  WEBHOOKS_AUDIENCE,
} from "./defaults";
import type { EmulatorOptions } from "./state";
import type { WebhookEmulatorOptions } from "./webhooks";

/** The state options a caller may set; the clock, ids and API base URL come from the emulator itself. */
export type PartnerCenterStateOptions = Omit<EmulatorOptions, "clock" | "ids" | "apiBaseUrl">;

/** Which tokens an API accepts, by audience (`aud`). */
export interface PartnerCenterAudiences {
  /** The Referrals and solutions API; default https://api.partner.microsoft.com (§1.1). */
  readonly referrals?: string | readonly string[];
  /** The webhook registration API; default https://api.partnercenter.microsoft.com (§2.1). */
  readonly webhooks?: string | readonly string[];
}

/** Everything `startPartnerCenterEmulator` accepts; all optional. */
export interface PartnerCenterEmulatorOptions {
  /** Default 0: an ephemeral port, so parallel tests never collide. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default the system clock; pass a ManualClock to expire referrals and tokens without waiting. */
  readonly clock?: Clock;
  /** Makes every generated id (referrals, eTags, tokens, subscriber ids, request ids) repeatable. */
  readonly idsSeed?: string;
  readonly tenantId?: string;
  /** App registrations; default one application and one delegated client (defaults.ts). */
  readonly clients?: readonly RegisteredClient[];
  /** Refresh tokens to accept; default the Referrals admin's for the delegated client. */
  readonly refreshTokens?: readonly RefreshTokenSeed[];
  /** Access token lifetime; default 3600 s. */
  readonly tokenLifetimeSeconds?: number;
  readonly audiences?: PartnerCenterAudiences;
  /**
   * "delegated" (default): the Referrals API accepts only App+User tokens, as documented (§1.1) and answers 403 to
   * an application token. "any" accepts application tokens too.
   */
  readonly referralsAccess?: "delegated" | "any";
  /** Referral rules and data: maxPageSize, staleEtagStatus, expiryDays, snapshotFile, solutions, partner… */
  readonly state?: PartnerCenterStateOptions;
  /** Webhook certificate, registrations (allowDelete, validation limit) and dispatcher (backoff, faults…). */
  readonly webhooks?: Omit<WebhookEmulatorOptions, "clock" | "ids">;
  /** POST create answers 200 as the PPC swagger documents (§1.2, no 201 documented); 201 is the alternative. */
  readonly createStatus?: 200 | 201;
  /** Send `@odata.count` when the caller did not ask with `$count`, as the documented list response does (§1.2). */
  readonly countByDefault?: boolean;
  /** Expire unanswered inbound referrals before each API call and on a timer (§1.5: 14 days); default true. */
  readonly autoExpire?: boolean;
  /** How often the expiry timer runs with autoExpire; default 60 000 ms, 0 for no timer. */
  readonly expirySweepIntervalMs?: number;
  /** When set, every /admin call must send it in the `x-emulator-admin-key` header. */
  readonly adminKey?: string;
  /** Seeds the random source of fault probabilities, for repeatable random faults. */
  readonly faultRandomSeed?: number;
  /** How many requests the request log keeps; default 10 000. */
  readonly requestLogMaxEntries?: number;
  /** Where unexpected errors are reported (never the console); default silent. */
  readonly logger?: Logger;
}

/** Per-component id generators, so that minting a token never shifts the referral ids of a seeded run. */
export interface IdSources {
  readonly referrals: IdGenerator;
  readonly auth: IdGenerator;
  readonly webhooks: IdGenerator;
  readonly requests: IdGenerator;
}

/** The options with every default filled in. */
export interface ResolvedEmulatorOptions {
  readonly port: number;
  readonly host: string;
  readonly clock: Clock;
  readonly ids: IdSources;
  readonly tenantId: string;
  readonly clients: readonly RegisteredClient[];
  readonly refreshTokens: readonly RefreshTokenSeed[];
  readonly tokenLifetimeSeconds: number | undefined;
  readonly referralsAudiences: readonly string[];
  readonly webhookAudiences: readonly string[];
  readonly referralsAccess: "delegated" | "any";
  readonly state: PartnerCenterStateOptions;
  readonly webhooks: Omit<WebhookEmulatorOptions, "clock" | "ids">;
  readonly createStatus: 200 | 201;
  readonly countByDefault: boolean;
  readonly autoExpire: boolean;
  readonly expirySweepIntervalMs: number;
  readonly adminKey: string | undefined;
  readonly faultRandomSeed: number | undefined;
  readonly requestLogMaxEntries: number | undefined;
  readonly logger: Logger | undefined;
}

/** Fills in defaults. @throws RangeError naming an option whose value can't work. */
export function resolveEmulatorOptions(options: PartnerCenterEmulatorOptions = {}): ResolvedEmulatorOptions {
  const sweep = options.expirySweepIntervalMs ?? 60_000;
  if (!(Number.isFinite(sweep) && sweep >= 0)) {
    throw new RangeError(`expirySweepIntervalMs must be 0 or a positive number; got ${String(sweep)}`);
  }
  if (options.adminKey?.trim() === "") throw new RangeError("adminKey must not be empty when given");
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    clock: options.clock ?? systemClock,
    ids: idSources(options.idsSeed),
    tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
    clients: options.clients ?? [DEFAULT_APPLICATION_CLIENT, DEFAULT_DELEGATED_CLIENT],
    refreshTokens: options.refreshTokens ?? (options.clients === undefined ? DEFAULT_REFRESH_TOKENS : []),
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    referralsAudiences: audienceList(options.audiences?.referrals, REFERRALS_AUDIENCE, "referrals"),
    webhookAudiences: audienceList(options.audiences?.webhooks, WEBHOOKS_AUDIENCE, "webhooks"),
    referralsAccess: options.referralsAccess ?? "delegated",
    state: { solutions: DEFAULT_SOLUTIONS, ...options.state },
    webhooks: options.webhooks ?? {},
    createStatus: options.createStatus ?? 200,
    countByDefault: options.countByDefault ?? true,
    autoExpire: options.autoExpire ?? true,
    expirySweepIntervalMs: sweep,
    adminKey: options.adminKey,
    faultRandomSeed: options.faultRandomSeed,
    requestLogMaxEntries: options.requestLogMaxEntries,
    logger: options.logger,
  };
}

function idSources(seed: string | undefined): IdSources {
  if (seed === undefined) return { referrals: randomIds, auth: randomIds, webhooks: randomIds, requests: randomIds };
  return {
    referrals: seededIds(`${seed}:referrals`),
    auth: seededIds(`${seed}:auth`),
    webhooks: seededIds(`${seed}:webhooks`),
    requests: seededIds(`${seed}:requests`),
  };
}

function audienceList(value: string | readonly string[] | undefined, fallback: string, name: string): string[] {
  const list = value === undefined ? [fallback] : typeof value === "string" ? [value] : [...value];
  if (list.length === 0 || list.some((audience) => audience.trim() === "")) {
    throw new RangeError(`audiences.${name} must name at least one non-empty audience`);
  }
  return list;
}
