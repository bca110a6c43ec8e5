/**
 * Small OData helpers shared by the Dataverse and Partner Center clients: query strings whose option names keep
 * their `$` and whose values are percent-encoded (a `+` would read as a space, see dataverse.md §4.1 on encoded
 * nextLinks), string literals with quotes doubled, and a GUID check before an id goes into a URL path.
 */

export type QueryOptions = Readonly<Record<string, string | undefined>>;

/** `?$select=a,b&$filter=...`, or "" when no option is set. */
export function queryString(options: QueryOptions): string {
  const parts = Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/** An OData string literal: `'O''Brien'`. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The id, lower-cased. @throws RangeError when it is not a GUID (a bug upstream, never worth a request). */
export function guid(id: string, what: string): string {
  if (!GUID.test(id)) throw new RangeError(`${what} must be a GUID such as 00000000-0000-0000-0000-000000000000`);
  return id.toLowerCase();
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 instant as an unquoted OData DateTimeOffset literal. The text is kept as given, so Partner Center's
 * seven fractional digits survive a round trip through a watermark.
 * @throws RangeError for anything else.
 */
export function instant(value: string, what: string): string {
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new RangeError(`${what} must be an ISO 8601 date-time such as 2026-05-04T09:00:00Z`);
  }
  return value;
}
