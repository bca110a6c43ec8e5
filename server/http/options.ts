/** What buildHttpApp is built from. */
import type { X509Certificate } from "node:crypto";
import type { Config } from "../config/types";
import type { CertificateSource } from "../intake/partnerCenter";
import type { ServiceMetrics } from "../metrics";
import type { TokenSettings } from "./auth/tokenVerifier";
import type { HttpLogging } from "./logging";
import type { HttpServices } from "./services";

/** The parts of the configuration the HTTP layer reads. */
export type HttpConfig = Pick<Config, "server" | "dataverse" | "partnerCenter" | "formApi">;

/**
 * The header of the Dataverse HttpHeader auth type (dataverse.md §3.1: "HttpHeader → extra request headers"). The
 * WebhookKey auth type (`?code=`) needs no header and is the one the solution registers.
 */
export const DEFAULT_WEBHOOK_KEY_HEADER = "x-api-key";

export interface HttpAppOptions {
  readonly config: HttpConfig;
  readonly services: HttpServices;
  /**
   * The service's metrics, shared with the engine and the queue. Default: a new set whose queue depth gauge reads
   * `services.operations.depth()`.
   */
  readonly metrics?: ServiceMetrics;
  /** Fastify's pino logger: level and destination (default: `config.server.logLevel` to standard output), or off. */
  readonly logging?: HttpLogging | false;
  /** Where Partner Center signing certificates come from. Default: a CertificateStore built from the configuration. */
  readonly certificates?: CertificateSource;
  /** The Microsoft root and intermediates for that CertificateStore; required unless emulator certificates are trusted. */
  readonly trustedRoots?: readonly X509Certificate[];
  /** Default DEFAULT_WEBHOOK_KEY_HEADER. */
  readonly webhookKeyHeader?: string;
  /** Default the intake's DEFAULT_MAX_BODY_BYTES (1 MiB). */
  readonly dataverseMaxBodyBytes?: number;
  /** Default 64 KiB. */
  readonly partnerCenterMaxBodyBytes?: number;
  /** Retry-After of a 503; default 10 s. */
  readonly retryAfterSeconds?: number;
  /** Time each /readyz check may take; default 5 s. */
  readonly probeTimeoutMs?: number;
  /** Fine-tuning of bearer token checks (clock tolerance, algorithms, roles claim, JWKS timeout). */
  readonly token?: Omit<TokenSettings, "issuer" | "audience" | "jwksUrl">;
  /** Behind a load balancer: trust X-Forwarded-For for the logged client address. Default false. */
  readonly trustProxy?: boolean;
  /** The API version shown in /openapi.json. */
  readonly version?: string;
}
