/**
 * Dates the way Partner Center writes them in webhook payloads: .NET round-trip format with seven fractional digits
 * and an explicit `+00:00` offset, e.g. `2018-02-17T00:05:39.5485487+00:00` (partner-center.md §2.3). JavaScript
 * dates stop at milliseconds, so the last four digits are always zero; `Date.parse` reads the result back.
 */

/** `2026-01-01T00:00:00.0000000+00:00` for `2026-01-01T00:00:00Z`. */
export function formatUtcDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("cannot format an invalid date");
  const iso = date.toISOString();
  return `${iso.slice(0, 23)}0000+00:00`;
}
