/**
 * Who the solution is: its unique name, its publisher (prefix csb and option value prefix, both from
 * core/dataverse/schema.ts) and the language of its labels.
 */
import { solutionIdentity } from "../../core/dataverse/schema";

/** The language every label of the solution is written in (English, United States). */
export const baseLanguageCode = 1033;

/** The version written as IntroducedVersion on components: the first release that carried them. */
export const firstReleaseVersion = "1.0.0.0";

export const solution = {
  uniqueName: solutionIdentity.uniqueName,
  displayName: "Co-sell Bridge",
  description:
    "Co-sell with Microsoft from inside Dynamics 365: the co-sell panel on the opportunity form, command bar " +
    "buttons, the sync status checkmark, and the webhook that tells the Co-sell Bridge service about changes.",
} as const;

export const publisher = {
  uniqueName: "CoSellBridge",
  displayName: "Co-sell Bridge",
  description: "Publisher of the Co-sell Bridge solution.",
  prefix: solutionIdentity.publisherPrefix,
  optionValuePrefix: solutionIdentity.optionValuePrefix,
} as const;
