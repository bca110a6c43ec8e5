/**
 * ResourceChangeUtcDate as an ISO 8601 instant. Partner Center writes .NET's round-trip format with seven fraction
 * digits and an offset, e.g. `2018-02-17T00:05:39.5485487+00:00` (shared/reference/partner-center.md §2.3).
 * `Date.parse` alone would roll 30 February over into March, so the fields are checked first.
 */

const UTC_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * The instant as `YYYY-MM-DDTHH:mm:ss.sssZ`, fractions beyond milliseconds truncated (never rounded into the next
 * millisecond), or undefined when `value` is not such a date. Without an offset the value is read as UTC, as the
 * member's name says.
 */
export function parseChangeDate(value: string): string | undefined {
  const match = UTC_DATE.exec(value.trim());
  if (match === null) return undefined;
  const [, year = "", month = "", day = "", hour = "", minute = "", second = "", fraction = "", zone = "Z"] = match;
  const monthNumber = Number(month);
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (monthNumber < 1 || monthNumber > 12 || Number(day) < 1 || Number(day) > daysInMonth) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const milliseconds = fraction.padEnd(3, "0").slice(0, 3);
  const instant = Date.parse(
    `${year}-${month}-${day}T${hour}:${minute}:${second}.${milliseconds}${zone.toUpperCase()}`,
  );
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}
