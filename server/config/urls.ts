/**
 * URL parsers. Every endpoint the service calls or publishes must use https; plain http is accepted only for hosts
 * that cannot leave this machine, so that the local emulators work and a typo cannot send a token in clear text.
 */
import { Secret } from "./secret";
import { fail, ok, type Parser } from "./values";

/** Hosts that only ever reach this machine: localhost, *.localhost (RFC 6761), 127.0.0.1 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "127.0.0.1" || hostname === "[::1]"
  );
}

/** What else than scheme and host a URL may have. */
export interface UrlShape {
  /** "origin": scheme, host and optional port only (e.g. an organization URL); "path": a path may follow. */
  readonly shape: "origin" | "path";
  /** Allow a query string (a link template may carry one); a fragment is never allowed. */
  readonly allowQuery?: boolean;
  /**
   * Return the text exactly as written instead of normalizing it: for values compared character by character, such
   * as a token issuer, where a trailing slash matters.
   */
  readonly keepAsWritten?: boolean;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * An absolute https URL (http for loopback hosts) without credentials. Normalized to the origin for "origin", or to
 * the URL without trailing slashes for "path", so that callers can append "/path" safely.
 */
export function httpsUrlParser(rules: UrlShape): Parser<string> {
  return (text) => {
    const url = parseUrl(text);
    if (url === undefined) return fail("is not an absolute URL: it must start with https://");
    if (url.protocol !== "https:" && url.protocol !== "http:") return fail("must start with https://");
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      return fail("must use https (plain http is accepted only for localhost, *.localhost, 127.0.0.1 and [::1])");
    }
    if (url.username !== "" || url.password !== "") return fail("must not contain a user name or password");
    if (url.hash !== "" || (url.search !== "" && rules.allowQuery !== true)) {
      return fail(rules.allowQuery === true ? "must not have a fragment (#...)" : "must not have a query or fragment");
    }
    if (rules.shape === "origin" && url.pathname !== "/") {
      return fail("must not have a path: give only the scheme, the host and an optional port");
    }
    if (rules.keepAsWritten === true) return ok(text);
    return ok(rules.shape === "origin" ? url.origin : url.href.replace(/\/+$/, ""));
  };
}

/** A web origin for CORS: scheme, host and optional port, as browsers send it in the Origin header. */
export const parseOrigin: Parser<string> = (text) =>
  text === "*"
    ? fail("must name the Dynamics origins; * would admit every site")
    : httpsUrlParser({ shape: "origin" })(text);

/** A PostgreSQL connection URL, kept secret, with a loggable location (host, port and database name). */
export interface DatabaseUrl {
  readonly url: Secret;
  readonly location: string;
}

/** postgres:// or postgresql:// with a host (or a `host` query parameter naming a socket folder). */
export const parseDatabaseUrl: Parser<DatabaseUrl> = (text) => {
  const url = parseUrl(text);
  if (url === undefined || (url.protocol !== "postgres:" && url.protocol !== "postgresql:")) {
    return fail("must be a PostgreSQL URL starting with postgres:// or postgresql://");
  }
  const socketFolder = url.searchParams.get("host");
  if (url.hostname === "" && socketFolder === null) return fail("must name the database host after the //");
  const database = url.pathname === "/" ? "" : url.pathname;
  return ok({ url: new Secret(text), location: `${url.host === "" ? (socketFolder ?? "") : url.host}${database}` });
};

/** The placeholder a referral link template must contain. */
export const REFERRAL_ID_PLACEHOLDER = "{referralId}";

/** An https URL template containing {referralId} and no other placeholder. */
export const parseReferralLinkTemplate: Parser<string> = (text) => {
  const placeholders: readonly string[] = text.match(/\{[^{}]*\}/g) ?? [];
  if (!placeholders.includes(REFERRAL_ID_PLACEHOLDER)) return fail(`must contain ${REFERRAL_ID_PLACEHOLDER}`);
  if (placeholders.some((placeholder) => placeholder !== REFERRAL_ID_PLACEHOLDER)) {
    return fail(`has a placeholder other than ${REFERRAL_ID_PLACEHOLDER}, the only one that is replaced`);
  }
  const sample = text.replaceAll(REFERRAL_ID_PLACEHOLDER, "00000000-0000-0000-0000-000000000000");
  const checked = httpsUrlParser({ shape: "path", allowQuery: true })(sample);
  return checked.ok ? ok(text) : checked;
};
