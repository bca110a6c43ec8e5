/**
 * The sentences the scripts show come from String (RESX) web resources, csb_/strings/opportunity.<lcid>.resx, read
 * with Xrm.Utility.getResourceString: Dynamics picks the user's language, else the organization's base language
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-utility/getresourcestring).
 * That works only when the resx files are dependencies of csb_/scripts/opportunity.js (webresources/README.md says
 * what the solution declares). `{0}`, `{1}` in a string are filled in by `say`.
 */
import type { FoundProblem } from "../../core/validation/findProblems";
import type { StringKey } from "./stringKeys";

/** The string web resources' name without language and extension, as getResourceString takes it. */
export const STRINGS_WEB_RESOURCE = "csb_/strings/opportunity";

/** One string in the user's language, or null when there is none. */
export type StringLookup = (key: StringKey) => string | null;

/** The sentences of the user's language, plus its locale for dates. */
export interface Language {
  readonly locale: string;
  say(key: StringKey, ...values: readonly (string | number)[]): string;
  /** A validation problem in this language. */
  problem(problem: FoundProblem): string;
}

/** Strings through the platform's getResourceString (Xrm.Utility's in Dynamics). */
export function resourceStrings(getResourceString: (webResourceName: string, key: string) => unknown): StringLookup {
  return (key) => {
    try {
      const text = getResourceString(STRINGS_WEB_RESOURCE, key);
      return typeof text === "string" && text !== "" ? text : null;
    } catch {
      // It throws "<name> does not exist" when no resx of that name is a dependency of the calling script.
      return null;
    }
  };
}

function fill(template: string, values: readonly (string | number)[]): string {
  return template
    .replace(/\{(\d)\}/g, (_, index: string) => String(values[Number(index)] ?? ""))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Without the string resources there are no words in any language; the admin must fix the solution. English, and
 * the message's details (the service's explanation, say) are kept.
 */
function missing(key: StringKey, values: readonly (string | number)[]): string {
  return fill(
    `Co-sell Bridge has no text "${key}": the web resources ${STRINGS_WEB_RESOURCE}.<language>.resx are missing ` +
      "or not dependencies of csb_/scripts/opportunity.js. Tell your admin. {0}",
    [values.join(" ")],
  );
}

export function languageOf(lookup: StringLookup): Language {
  const say = (key: StringKey, ...values: readonly (string | number)[]) => {
    const template = lookup(key);
    return template === null ? missing(key, values) : fill(template, values);
  };
  return {
    locale: lookup("locale") ?? "en-US",
    say,
    problem: ({ code, value }) => say(`problem_${code}`, value ?? ""),
  };
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
