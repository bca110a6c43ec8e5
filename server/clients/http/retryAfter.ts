/**
 * `Retry-After` (RFC 9110 §10.2.3) is either a number of seconds or an HTTP date. Dataverse (dataverse.md §4.4) and
 * Partner Center (partner-center.md §1.7) both send seconds; the date form is read too, so that a proxy in between
 * can't turn a throttle into "retry at once".
 */

/** Milliseconds to wait, or null when the header is absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
