/**
 * The user's language (Xrm.Utility.getGlobalContext().userSettings.languageId, or the userLCID a grid passes) picks
 * the table; anything but Russian gets English. Validation problems come from core in English and are re-worded
 * from their code for other languages.
 */
import type { DealFields } from "../../core/mapping/fields";
import type { ValidationProblem } from "../../core/validation/validateReferral";
import { minimumHoursBeforeWon } from "../../core/referral/transitions";
import { english, type StringKey } from "./english";
import { russian, russianProblems } from "./russian";

export const RUSSIAN_LCID = 1049;

/** The sentences of one language, plus its locale for dates. */
export interface Language {
  readonly locale: string;
  say(key: StringKey, ...values: readonly (string | number)[]): string;
  /** A validation problem in this language. */
  problem(problem: ValidationProblem, fields: DealFields): string;
}

function fill(template: string, values: readonly (string | number)[]): string {
  return template
    .replace(/\{(\d)\}/g, (_, index: string) => String(values[Number(index)] ?? ""))
    .replace(/\s+/g, " ")
    .trim();
}

const englishLanguage: Language = {
  locale: "en-US",
  say: (key, ...values) => fill(english[key], values),
  problem: (problem) => problem.message,
};

const russianLanguage: Language = {
  locale: "ru-RU",
  say: (key, ...values) => fill(russian[key], values),
  problem: ({ code }, fields) => {
    const detail: Partial<Record<ValidationProblem["code"], string | number>> = {
      countryInvalid: fields.customerCountry ?? "",
      closeDateInPast: fields.closeDate ?? "",
      currencyInvalid: fields.currency ?? "",
      wonTooSoon: minimumHoursBeforeWon,
    };
    return fill(russianProblems[code], [detail[code] ?? ""]);
  },
};

export function languageOf(lcid: number): Language {
  return lcid === RUSSIAN_LCID ? russianLanguage : englishLanguage;
}

/** A date-time from the service as the user reads it, e.g. "May 4, 2026, 9:00 AM"; the raw text if unreadable. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language.locale, { dateStyle: "medium", timeStyle: "short" });
}

/** A time of day a few seconds from now, for "try again after …". */
export function formatTime(epochMs: number, language: Language): string {
  return new Date(epochMs).toLocaleTimeString(language.locale, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}
