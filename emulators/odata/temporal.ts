/**
 * A point in time. Seconds and nanoseconds are kept apart because .NET services send up to seven fractional digits,
 * which a millisecond epoch number would silently round away.
 */
export interface Instant {
  readonly epochSeconds: number;
  readonly nanoseconds: number;
}

/** An ISO 8601 date or date-time together with the parts that decide how it may be used. */
export interface TemporalValue {
  readonly hasTime: boolean;
  readonly hasOffset: boolean;
  readonly instant: Instant;
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,12}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const OFFSET_PATTERN = /^([+-])(\d{2}):(\d{2})$/;
const NANOSECOND_DIGITS = 9;

/**
 * Parses `2024-01-01`, `2024-01-01T00:00Z`, `2024-01-01T00:00:00.1234567+01:00` and the like. A value without an
 * offset is read as UTC, which is how Dataverse and Partner Center store them. Returns undefined for anything that is
 * not a real calendar date and time (month 13, 30 February, hour 24).
 */
export function parseTemporal(text: string): TemporalValue | undefined {
  const match = ISO_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, yearText = "", monthText = "", dayText = "", hourText, minuteText, secondText, fractionText, offsetText] =
    match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? "0");
  const minute = Number(minuteText ?? "0");
  const second = Number(secondText ?? "0");
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetSeconds = offsetText === undefined ? 0 : parseOffsetSeconds(offsetText);
  if (offsetSeconds === undefined) return undefined;

  // Date.UTC maps years 0-99 onto 1900-1999, so the year is set separately.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const fraction = (fractionText ?? "").padEnd(NANOSECOND_DIGITS, "0").slice(0, NANOSECOND_DIGITS);
  return {
    hasTime: hourText !== undefined,
    hasOffset: offsetText !== undefined,
    instant: { epochSeconds: date.getTime() / 1000 - offsetSeconds, nanoseconds: Number(fraction) },
  };
}

/** Converts a JavaScript Date (possibly invalid) into an Instant. */
export function instantFromDate(date: Date): Instant | undefined {
  const milliseconds = date.getTime();
  if (Number.isNaN(milliseconds)) return undefined;
  const epochSeconds = Math.floor(milliseconds / 1000);
  return { epochSeconds, nanoseconds: (milliseconds - epochSeconds * 1000) * 1_000_000 };
}

/** Orders two instants: negative when `left` is earlier, zero when they are the same moment, positive otherwise. */
export function compareInstants(left: Instant, right: Instant): number {
  if (left.epochSeconds !== right.epochSeconds) return left.epochSeconds < right.epochSeconds ? -1 : 1;
  return Math.sign(left.nanoseconds - right.nanoseconds);
}

function parseOffsetSeconds(offsetText: string): number | undefined {
  if (offsetText === "Z") return 0;
  const match = OFFSET_PATTERN.exec(offsetText);
  if (match === null) return undefined;
  const [, sign, hoursText = "", minutesText = ""] = match;
  const hours = Number(hoursText);
  const minutes = Number(minutesText);
  if (hours > 23 || minutes > 59) return undefined;
  return (sign === "-" ? -1 : 1) * (hours * 3600 + minutes * 60);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
