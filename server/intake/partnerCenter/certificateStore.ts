/**
 * Where webhook verification gets the certificate named by `X-MS-Certificate-Url` (shared/reference/partner-center.md
 * §2.4): only from allowed hosts, downloaded once per URL and cached, and checked as the documented receiver does
 * (validity, issuer O=Microsoft Corporation, chain to a trusted root) unless the emulator's self-signed certificate
 * is trusted by explicit configuration.
 */
import type { X509Certificate } from "node:crypto";
import { downloadCertificate, type DownloadSettings } from "./certificateDownload";
import {
  assertChainsToTrustedRoot,
  assertMicrosoftIssuer,
  assertValidAt,
  isValidAt,
  validityOf,
  type Validity,
} from "./certificateTrust";
import { CertificateUrlPolicy } from "./certificateUrlPolicy";

/** The time source; tests pass a manual clock to move past a certificate's expiry. */
export interface Clock {
  now(): Date;
}

/** Gives the verifier a checked certificate for a URL. */
export interface CertificateSource {
  get(certificateUrl: string): Promise<X509Certificate>;
}

/** How a CertificateStore is configured. */
export interface CertificateStoreOptions {
  /**
   * Hosts `X-MS-Certificate-Url` may name, compared exactly and case-insensitively; `host:port` pins a port, IPv6 is
   * written in brackets. Production: the host Partner Center serves its certificate from (the documented sample is
   * 3psostorageacct.blob.core.windows.net, §2.3).
   */
  readonly allowedHosts: readonly string[];
  /**
   * Emulator only: skip the issuer and chain checks and accept http on localhost/127.0.0.1. Never on in production:
   * with it, any certificate on an allowed host is trusted.
   */
  readonly trustEmulatorCertificates: boolean;
  /**
   * The trust store for the chain check, required unless `trustEmulatorCertificates`. Node has no operating-system
   * chain builder, so production configuration must supply the Microsoft root and every intermediate between it and
   * the webhook certificate; the chain is walked through these certificates only and must end at a self-signed one.
   */
  readonly trustedRoots?: readonly X509Certificate[];
  /** Default the global fetch. */
  readonly fetch?: typeof fetch;
  /** Default the system clock. */
  readonly clock?: Clock;
  /** How long a downloaded certificate is reused before it is downloaded again; default 24 hours. */
  readonly cacheTtlMs?: number;
  /** Larger downloads are refused; default 64 KiB (a certificate is 1 to 2 KiB). */
  readonly maxCertificateBytes?: number;
  /** Default 10 s: Partner Center waits for our answer, and a hung download must not outlast its patience. */
  readonly downloadTimeoutMs?: number;
}

interface CachedCertificate {
  readonly certificate: X509Certificate;
  readonly validity: Validity;
  readonly downloadedAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Partner Center uses one certificate URL at a time; a handful covers a rotation without growing without bound. */
const MAX_CACHED_CERTIFICATES = 16;
const systemClock: Clock = { now: () => new Date() };

/** Downloads, checks and caches webhook signing certificates. One instance per process. */
export class CertificateStore implements CertificateSource {
  private readonly urlPolicy: CertificateUrlPolicy;
  private readonly trustEmulatorCertificates: boolean;
  private readonly trustedRoots: readonly X509Certificate[];
  private readonly clock: Clock;
  private readonly cacheTtlMs: number;
  private readonly download: DownloadSettings;
  private readonly cache = new Map<string, CachedCertificate>();
  private readonly inFlight = new Map<string, Promise<X509Certificate>>();

  /** @throws RangeError naming the option when the configuration cannot work. */
  constructor(options: CertificateStoreOptions) {
    this.trustEmulatorCertificates = options.trustEmulatorCertificates;
    this.urlPolicy = new CertificateUrlPolicy(options.allowedHosts, options.trustEmulatorCertificates);
    this.trustedRoots = options.trustedRoots ?? [];
    if (!this.trustEmulatorCertificates && this.trustedRoots.length === 0) {
      throw new RangeError(
        "trustedRoots must hold the Microsoft root and intermediates unless trustEmulatorCertificates is on: " +
          "Node has no operating-system chain builder to fall back on",
      );
    }
    this.clock = options.clock ?? systemClock;
    this.cacheTtlMs = positive("cacheTtlMs", options.cacheTtlMs ?? DAY_MS);
    this.download = {
      fetch: options.fetch ?? globalThis.fetch,
      maxBytes: positive("maxCertificateBytes", options.maxCertificateBytes ?? 64 * 1024),
      timeoutMs: positive("downloadTimeoutMs", options.downloadTimeoutMs ?? 10_000),
    };
  }

  /**
   * The checked certificate at `certificateUrl`. A cached one is reused until the TTL ends or it stops being valid;
   * then it is downloaded again, since a rotated certificate may be published at the same URL. Concurrent callers
   * for one URL share one download. Only accepted certificates are cached: a failed download or a refused
   * certificate is tried afresh on the next delivery, so a transient failure cannot poison the cache.
   * @throws IntakeError 400/401 for a URL or certificate that is refused, 503 when the download failed.
   */
  async get(certificateUrl: string): Promise<X509Certificate> {
    const url = this.urlPolicy.check(certificateUrl);
    const key = url.href;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      const now = this.clock.now().getTime();
      if (now - cached.downloadedAt < this.cacheTtlMs && isValidAt(cached.validity, now)) {
        return cached.certificate;
      }
      this.cache.delete(key);
    }
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      pending = this.downloadAndCheck(url).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return await pending;
  }

  private async downloadAndCheck(url: URL): Promise<X509Certificate> {
    const certificate = await downloadCertificate(url, this.download);
    const validity = validityOf(certificate);
    const now = this.clock.now().getTime();
    assertValidAt(certificate, validity, now);
    if (!this.trustEmulatorCertificates) {
      assertMicrosoftIssuer(certificate);
      assertChainsToTrustedRoot(certificate, this.trustedRoots, now);
    }
    this.remember(url.href, { certificate, validity, downloadedAt: now });
    return certificate;
  }

  private remember(key: string, entry: CachedCertificate): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    // A Map iterates in insertion order, so the first key is the oldest download.
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= MAX_CACHED_CERTIFICATES) break;
      this.cache.delete(oldest);
    }
  }
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number; got ${value}`);
  return value;
}
