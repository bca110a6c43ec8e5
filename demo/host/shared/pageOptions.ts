/**
 * What a host page URL can ask for besides the opportunity: the user's language, the frame's width, a disabled form
 * and field security per bound property. Shared by the server (which reads the query and embeds the result in the
 * page) and by callers that build page URLs (the browser test, the demo's opportunity list).
 */

/** The languages the control ships resx strings for (1033 English, 1049 Russian). */
export const HOST_LANGUAGES = [1033, 1049] as const;
export type HostLanguage = (typeof HOST_LANGUAGES)[number];

/** "auto" fills the window; "desktop" and "phone" fix the form's width, as on a wide screen or a phone. */
export const FRAME_WIDTHS = ["auto", "desktop", "phone"] as const;
export type FrameWidth = (typeof FRAME_WIDTHS)[number];

export interface PageOptions {
  readonly languageId: HostLanguage;
  readonly frame: FrameWidth;
  /** The whole form is read-only (context.mode.isControlDisabled), as for an inactive record. */
  readonly disabled: boolean;
  /** Bound properties whose column the user may not read (field security: security.readable false). */
  readonly masked: readonly string[];
  /** Bound properties whose column the user may read but not change (security.editable false). */
  readonly readOnly: readonly string[];
  /** Register window.CoSellBridgeAuth (default true); false shows the control without sign-in to the sync service. */
  readonly signIn: boolean;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = {
  languageId: 1033,
  frame: "auto",
  disabled: false,
  masked: [],
  readOnly: [],
  signIn: true,
};

/** Reads the options from a page URL's query. @throws RangeError naming the parameter and what it accepts. */
export function parsePageOptions(query: URLSearchParams): PageOptions {
  return {
    languageId: oneOf("lcid", query.get("lcid"), HOST_LANGUAGES, (text) => Number(text)),
    frame: oneOf("frame", query.get("frame"), FRAME_WIDTHS, (text) => text),
    disabled: flag("disabled", query.get("disabled"), DEFAULT_PAGE_OPTIONS.disabled),
    masked: list(query.get("masked")),
    readOnly: list(query.get("readonly")),
    signIn: flag("signin", query.get("signin"), DEFAULT_PAGE_OPTIONS.signIn),
  };
}

/** The query string (with "?", or "" when everything is default) that parsePageOptions reads back as `options`. */
export function pageOptionsQuery(options: Partial<PageOptions>): string {
  const query = new URLSearchParams();
  const chosen = { ...DEFAULT_PAGE_OPTIONS, ...options };
  if (chosen.languageId !== DEFAULT_PAGE_OPTIONS.languageId) query.set("lcid", String(chosen.languageId));
  if (chosen.frame !== DEFAULT_PAGE_OPTIONS.frame) query.set("frame", chosen.frame);
  if (chosen.disabled) query.set("disabled", "1");
  if (chosen.masked.length > 0) query.set("masked", chosen.masked.join(","));
  if (chosen.readOnly.length > 0) query.set("readonly", chosen.readOnly.join(","));
  if (!chosen.signIn) query.set("signin", "0");
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

function oneOf<T extends string | number>(
  name: string,
  text: string | null,
  allowed: readonly T[],
  read: (text: string) => unknown,
): T {
  const [first] = allowed;
  if (first === undefined) throw new Error(`no allowed values for ${name}`);
  if (text === null || text === "") return first;
  const value = allowed.find((candidate) => candidate === read(text));
  if (value === undefined) throw new RangeError(`${name} must be one of ${allowed.join(", ")}; got '${text}'.`);
  return value;
}

function flag(name: string, text: string | null, fallback: boolean): boolean {
  if (text === null || text === "") return fallback;
  if (text === "1" || text === "true") return true;
  if (text === "0" || text === "false") return false;
  throw new RangeError(`${name} must be 1 or 0; got '${text}'.`);
}

function list(text: string | null): string[] {
  return (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
