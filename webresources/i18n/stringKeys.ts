/**
 * Every key of the scripts' string resources (webresources/strings/opportunity.<lcid>.resx). The type makes a typo in
 * a key a compile error; the lists let a test check that each resx file has exactly these keys. The bundle imports
 * only the type, so the lists cost it nothing.
 */
import type { ValidationCode } from "../../core/validation/findProblems";

export const MESSAGE_KEYS = [
  /** Not a sentence: the BCP 47 locale dates and times are formatted with. */
  "locale",
  "statusSynced",
  "statusSyncedAt",
  "statusPending",
  "statusError",
  "statusErrorNoDetail",
  "statusStillPending",
  "notConfiguredEmpty",
  "notConfiguredInvalid",
  "signIn",
  "unreachable",
  "timeout",
  "unauthorized",
  "forbidden",
  "throttled",
  "unavailable",
  "refused",
  "failed",
  "failedNoDetail",
  "badAnswer",
  "unexpected",
  "settingsUnreadable",
  "mappingInvalid",
  "wouldRefuse",
  "saveRefused",
  "checking",
  "checkFailed",
  "checkUnavailable",
  "coSellOnly",
  "saveFirst",
  "saveFailed",
  "syncQueued",
  "syncJoined",
  "noLink",
  "noReferral",
  "accepted",
  "declined",
  "declineTitle",
  "declineText",
] as const;

/** core's validation problems, worded by the resx as `problem_<code>`. */
export type ProblemKey = `problem_${ValidationCode}`;

export type StringKey = (typeof MESSAGE_KEYS)[number] | ProblemKey;

/** Typed as a record so that the compiler insists on every validation code, and on no other. */
const PROBLEM_CODES: Readonly<Record<ValidationCode, true>> = {
  nameMissing: true,
  customerNameMissing: true,
  solutionMissing: true,
  helpNeedsSharing: true,
  countryMissing: true,
  countryInvalid: true,
  contactMissing: true,
  dealValueNotPositive: true,
  closeDateMissing: true,
  closeDateInPast: true,
  currencyInvalid: true,
  wonTooSoon: true,
  closedAtCreation: true,
};

export const STRING_KEYS: readonly StringKey[] = [
  ...MESSAGE_KEYS,
  ...(Object.keys(PROBLEM_CODES) as ValidationCode[]).map((code): ProblemKey => `problem_${code}`),
];
