/**
 * Which `X-MS-Certificate-Url` values may be downloaded. The header comes from the unauthenticated request, so
 * without an allowlist anyone could make the service fetch any URL and then trust a key of their choosing
 * (shared/reference/partner-center.md §2.4 step 2 says only "download the cert"; the sample's URL is on
 * 3psostorageacct.blob.core.windows.net, §2.3).
 */
import { IntakeError } from "./intakeError";

/** Hosts plain http is tolerated for, and only when the store trusts emulator certificates. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An entry ending in `:<port>` pins that port; any other entry names a host on any port. */
const ENTRY_WITH_PORT = /:\d+$/;

/** Parses and vets certificate URLs against the configured hosts. */
export class CertificateUrlPolicy {
  private readonly allowedHosts: readonly string[];
  private readonly allowLoopbackHttp: boolean;

  /**
   * @param allowedHosts host names (or `host:port`), compared exactly and case-insensitively.
   * @param allowLoopbackHttp accept http for localhost/127.0.0.1/[::1]; only for the emulator.
   * @throws RangeError when the list is empty or an entry is a URL rather than a host.
   */
  constructor(allowedHosts: readonly string[], allowLoopbackHttp: boolean) {
    const hosts = allowedHosts.map((host) => host.trim().toLowerCase());
    if (hosts.length === 0) throw new RangeError("allowedHosts must name at least one certificate host");
    const notAHost = hosts.find((host) => host === "" || /[/\\@?#\s]/.test(host));
    if (notAHost !== undefined) {
      throw new RangeError(`allowedHosts entries are host names such as example.com, not URLs; got '${notAHost}'`);
    }
    this.allowedHosts = hosts;
    this.allowLoopbackHttp = allowLoopbackHttp;
  }

  /**
   * The URL to download, or an IntakeError: 400 when it is not an absolute URL, 401 when its host is not allowed,
   * it carries credentials, or it is not https (http only on loopback with emulator certificates trusted).
   */
  check(rawUrl: string): URL {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new IntakeError(400, "invalid-certificate-url", "X-MS-Certificate-Url is not an absolute URL");
    }
    if (!this.isAllowedHost(url)) {
      throw new IntakeError(
        401,
        "certificate-url-not-allowed",
        `certificate host '${url.host}' is not allowed; allowed hosts: ${this.allowedHosts.join(", ")}`,
      );
    }
    if (url.username !== "" || url.password !== "") {
      throw new IntakeError(401, "certificate-url-not-allowed", "the certificate URL must not carry credentials");
    }
    const loopbackHttp = url.protocol === "http:" && this.allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== "https:" && !loopbackHttp) {
      throw new IntakeError(
        401,
        "certificate-url-not-allowed",
        `the certificate URL must use https; got ${url.protocol.replace(/:$/, "")} ` +
          "(http is accepted only for localhost or 127.0.0.1 when emulator certificates are trusted)",
      );
    }
    return url;
  }

  private isAllowedHost(url: URL): boolean {
    return this.allowedHosts.some((entry) => entry === (ENTRY_WITH_PORT.test(entry) ? url.host : url.hostname));
  }
}
