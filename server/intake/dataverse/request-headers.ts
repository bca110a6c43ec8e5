/**
 * Header and query lookups that do not depend on the HTTP framework. Dataverse sends lower-case header names
 * (dataverse.md §3.3), but proxies and frameworks may not, so names are matched without regard to case.
 */

/** Request headers as Node (`IncomingHttpHeaders`) and most frameworks hand them over. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Query parameters; a parameter given twice may arrive as an array. */
export type RequestQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

function joined(value: string | readonly string[]): string {
  // Node joins repeated headers with ", "; doing the same means a repeated key header can never match the key.
  return typeof value === "string" ? value : value.join(", ");
}

/**
 * The value of header `name` (any case), or undefined when absent. When the same header is present under several
 * spellings, the values are joined as Node joins repeated headers.
 */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [candidate, value] of Object.entries(headers)) {
    if (value !== undefined && candidate.toLowerCase() === wanted) values.push(joined(value));
  }
  return values.length === 0 ? undefined : values.join(", ");
}

/** The value of query parameter `name` (exact case, as URLs are case-sensitive), or undefined when absent. */
export function queryValue(query: RequestQuery, name: string): string | undefined {
  if (!Object.hasOwn(query, name)) return undefined;
  const value = query[name];
  return value === undefined ? undefined : joined(value);
}
