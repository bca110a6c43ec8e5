import { beforeEach, describe, expect, it } from "vitest";
import type { ReferralCreateRequest } from "../../core/referral/model";
import { findReferralProblems } from "../../core/validation/findProblems";
import { validateReferralForCreate } from "../../core/validation/validateReferral";
import { createCoSellBridge, type CoSellBridgeHandlers } from "../../webresources/createCoSellBridge";
import { STRING_KEYS } from "../../webresources/i18n/stringKeys";
import { formatDateTime } from "../../webresources/i18n/strings";
import { MemoryDataverse } from "./support/memoryDataverse";
import { openOpportunityForm, setUserLanguage } from "./support/opportunityForm";
import {
  SHIPPED_LANGUAGES,
  resxFile,
  resxLanguage,
  resxStrings,
  setGetResourceString,
} from "./support/resourceStrings";
import { testRuntime } from "./support/testRuntime";

const NOW = new Date("2026-05-04T09:00:00Z");

/** Between them, every problem core knows: the first breaks every rule it can, the second the others. */
const BROKEN_REFERRALS: readonly ReferralCreateRequest[] = [
  {
    name: " ",
    status: "Closed",
    substatus: "Won",
    customerProfile: { name: null, address: { country: "GERMANY" }, team: [] },
    details: {
      dealValue: 0,
      currency: "EURO",
      closingDateTime: "2026-01-31T00:00:00Z",
      requirements: { solutions: [] },
    },
    consent: { consentToShareReferralWithMicrosoftSellers: false },
    inviteContext: { assistanceRequestCode: "ProofOfConceptOrDemo" },
  },
  {
    name: "Contoso rollout",
    status: "Closed",
    substatus: "Lost",
    customerProfile: { name: "Contoso", address: { country: null } },
    details: { dealValue: 1000, currency: null, closingDateTime: null },
  },
];

function placeholdersOf(text: string): string[] {
  return [...new Set(text.match(/\{\d\}/g) ?? [])].sort();
}

describe("the string web resources", () => {
  it.each(SHIPPED_LANGUAGES)("opportunity.%i.resx has exactly the keys the scripts use", (lcid) => {
    const keys = Object.keys(resxStrings(lcid));

    expect(
      STRING_KEYS.filter((key) => !keys.includes(key)),
      `missing from ${resxFile(lcid)}`,
    ).toEqual([]);
    expect(
      keys.filter((key) => !(STRING_KEYS as readonly string[]).includes(key)),
      "unknown keys",
    ).toEqual([]);
    expect(keys).toHaveLength(STRING_KEYS.length);
  });

  it("gives every sentence the same placeholders in every language", () => {
    const [english, ...others] = SHIPPED_LANGUAGES.map(resxStrings);
    for (const other of others) {
      for (const key of STRING_KEYS) {
        expect(placeholdersOf(other[key] ?? ""), key).toEqual(placeholdersOf(english?.[key] ?? ""));
      }
    }
  });

  it.each([
    [1033, /^May 4, 2026/],
    [1049, /^4 мая 2026/],
  ])("names the locale dates are formatted with (%i)", (lcid, date) => {
    const language = resxLanguage(lcid);

    expect(Intl.getCanonicalLocales(language.locale)).toEqual([language.locale]);
    expect(formatDateTime("2026-05-04T09:00:00Z", language)).toMatch(date);
  });

  it("words every validation problem in English exactly as core tells the sync service", () => {
    const english = resxLanguage(1033);
    const found = BROKEN_REFERRALS.flatMap((referral) => findReferralProblems(referral, { now: NOW }));
    const worded = BROKEN_REFERRALS.flatMap((referral) => validateReferralForCreate(referral, { now: NOW }));

    expect(new Set(found.map((problem) => `problem_${problem.code}`))).toEqual(
      new Set(STRING_KEYS.filter((key) => key.startsWith("problem_"))),
    );
    expect(found.map((problem) => english.problem(problem))).toEqual(worded.map((problem) => problem.message));
  });

  it("fills a problem's value into the Russian sentence", () => {
    const russian = resxLanguage(1049);
    const naming = BROKEN_REFERRALS.flatMap((referral) => findReferralProblems(referral, { now: NOW })).filter(
      (problem) => problem.code === "countryInvalid" || problem.code === "wonTooSoon",
    );

    expect(naming.map((problem) => russian.problem(problem))).toEqual([
      "Страна клиента «GERMANY» — не двухбуквенный код ISO 3166 заглавными буквами; используйте, например, US, DE или JP.",
      "Между созданием сделки и отметкой «Выиграна» Partner Center требует 72 часа. Синхронизируйте открытую сделку " +
        "и закройте её как выигранную позже.",
    ]);
  });
});

describe("the form's language", () => {
  let dataverse: MemoryDataverse;
  let bridge: CoSellBridgeHandlers;

  beforeEach(() => {
    // No service is called: csb_SyncEndpointUrl is empty, so onLoad says the setup is incomplete, in words.
    dataverse = new MemoryDataverse("");
    bridge = createCoSellBridge(testRuntime(dataverse));
  });

  it("falls back to the organization's base language for a language the solution has no strings for", async () => {
    const opened = openOpportunityForm();
    setUserLanguage(1031);

    bridge.Opportunity.onLoad(opened.eventContext());
    await bridge.idle();

    expect(opened.notifications().csb_setup?.message).toMatch(
      /^Co-sell Bridge is not set up: the environment variable/,
    );
  });

  it("tells the seller to call the admin, keeping the details, when the string resources are not linked", async () => {
    const opened = openOpportunityForm();
    setGetResourceString((name) => {
      throw new Error(`${name} does not exist.`);
    });
    dataverse.failure = new Error("Principal user is missing prvReadEnvironmentVariableDefinition privilege.");

    bridge.Opportunity.onLoad(opened.eventContext());
    await bridge.idle();

    expect(opened.notifications().csb_setup?.message).toBe(
      'Co-sell Bridge has no text "settingsUnreadable": the web resources csb_/strings/opportunity.<language>.resx ' +
        "are missing or not dependencies of csb_/scripts/opportunity.js. Tell your admin. " +
        "Principal user is missing prvReadEnvironmentVariableDefinition privilege.",
    );
  });
});
