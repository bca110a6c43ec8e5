/**
 * Times in the user's language. Dynamics gives the language as an LCID (context.userSettings.languageId); the panel
 * ships English (1033) and Russian (1049) strings and formats dates for those, else in the browser's own locale.
 */

const localesByLanguageId: Readonly<Record<number, string>> = { 1033: "en-US", 1049: "ru-RU" };

/** The BCP 47 locale of an LCID, or undefined for the browser's default. */
export function localeOf(languageId: number): string | undefined {
  return localesByLanguageId[languageId];
}

export interface DateFormat {
  readonly locale: string | undefined;
  /** An IANA zone for tests; undefined means the browser's zone, the one the seller reads the form in. */
  readonly timeZone?: string | undefined;
}

/** A date and time such as "May 4, 2026, 9:00 AM" / "4 мая 2026 г., 09:00"; null for a missing or invalid time. */
export function formatDateTime(value: Date | string | null, format: DateFormat): string | null {
  if (value === null) return null;
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  if (format.timeZone !== undefined) options.timeZone = format.timeZone;
  return new Intl.DateTimeFormat(format.locale, options).format(date);
}

/**
 * The calendar date (YYYY-MM-DD) of a date-only form value. The form hands a date-only column over as a Date at
 * local midnight of that day, so the local parts are the date the seller picked.
 */
export function calendarDateOf(value: Date | null): string | null {
  if (value === null || Number.isNaN(value.getTime())) return null;
  const pad = (part: number) => String(part).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
