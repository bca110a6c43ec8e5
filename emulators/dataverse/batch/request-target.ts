/**
 * The URLs of inner requests (dataverse.md §4.3): absolute (`https://org/api/data/v9.2/tasks`, as PAD's examples
 * write them), host-relative (`/api/data/v9.2/tasks`), relative to the service root (`tasks`), or a Content-ID
 * reference (`$1`, `$1/navigation`). All but references become one host-relative request target, so the HTTP layer
 * can route an inner request exactly like the same request sent on its own.
 */

/** The service root relative URLs are resolved against, as in §4.1's URL shape. */
export const DEFAULT_SERVICE_ROOT = "/api/data/v9.2/";

/** A `$n` reference split into the Content-ID and what follows it. */
export interface ContentIdReference {
  readonly contentId: string;
  /** "", "/navigation" or "?$select=name", appended to the referenced entity's URL. */
  readonly suffix: string;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** Reads `$1`, `$1/contact_customer_accounts` or `$1?$select=name`; undefined for a URL that doesn't start with `$`. */
export function readReference(url: string): ContentIdReference | undefined {
  if (!url.startsWith("$")) return undefined;
  const match = /^\$([^/?]*)(.*)$/s.exec(url);
  return { contentId: match?.[1] ?? "", suffix: match?.[2] ?? "" };
}

/**
 * Turns a URL as written into a host-relative request target. The text is kept as sent (no re-encoding), because
 * `new URL` would percent-encode the quotes and spaces of `$filter=name eq 'x'` and alternate keys.
 */
export function toRequestTarget(url: string, serviceRoot: string = DEFAULT_SERVICE_ROOT): string {
  const absolute = ABSOLUTE_URL.exec(url);
  if (absolute !== null) {
    const rest = url.slice(absolute[0].length).split("#")[0] ?? "";
    return rest.startsWith("/") ? rest : `/${rest}`;
  }
  if (url.startsWith("/")) return url;
  return `${serviceRoot.endsWith("/") ? serviceRoot : `${serviceRoot}/`}${url}`;
}

/** True for a request to `$batch` itself: batches cannot be nested (§4.3). */
export function isBatchTarget(target: string): boolean {
  const path = target.split("?")[0] ?? "";
  return path === "$batch" || path.endsWith("/$batch");
}
