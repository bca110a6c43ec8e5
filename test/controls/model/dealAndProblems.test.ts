import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption, customizeMapping } from "../../../core";
import { buildPanelViewModel } from "../../../controls/CoSellPanel/model/viewModel";
import { overlayFormValues } from "../../../controls/CoSellPanel/model/problems";
import { anInputs, coSellInputs, field, now, savedOpportunity, settings, someData } from "../support/builders";
import { english, russian } from "../support/strings";

const context = { now, t: english, timeZone: "UTC" };
const help = (...values: number[]) => field<readonly number[]>(values);

const messages = {
  helpNeedsSharing:
    "To ask Microsoft for help, also make the deal visible to Microsoft sellers, or clear How can Microsoft help.",
  solutionMissing:
    "Pick at least one of your co-sell solutions in Products: Microsoft needs it when you ask for help or share the deal.",
  dealValue: "Enter an estimated revenue above 0; Partner Center refuses empty deals.",
  name: "Give the opportunity a name (Topic).",
  country: "Fill in the customer account's country as a two-letter code such as US.",
};

describe("the deal type", () => {
  it("says nothing is shared while Sync with Partner Center is off", () => {
    const view = buildPanelViewModel(
      anInputs({ microsoftHelp: help(MicrosoftHelpOption.GeneralOrOther) }),
      someData(),
      context,
    );
    expect(view.dealType).toMatchObject({ kind: null, label: "Deal type", text: english("SyncOff") });
  });

  it("names the deal type the choices produce", () => {
    const on = { syncWithPartnerCenter: field(true) };
    const cases = [
      [anInputs(on), "private", "Private deal: only your organization sees it"],
      [anInputs({ ...on, shareWithMicrosoft: field(true) }), "partnerLed", english("DealType_partnerLed")],
      [coSellInputs(), "coSell", "Co-sell deal: shared with Microsoft sellers, who are asked to help"],
      // Help without sharing stays private: only the consent decides privacy (validation flags it).
      [
        anInputs({ ...on, microsoftHelp: help(MicrosoftHelpOption.QuotesOrLicensing) }),
        "private",
        english("DealType_private"),
      ],
    ] as const;
    for (const [inputs, kind, text] of cases) {
      expect(buildPanelViewModel(inputs, someData(), context).dealType).toMatchObject({ kind, text, note: null });
    }
  });

  it("warns that a deal that isn't co-sell won't be sent when the admin syncs only co-sell deals", () => {
    const data = someData({ settings: { state: "loaded", value: settings({ syncCoSellOnly: true }) } });
    const partnerLed = anInputs({ syncWithPartnerCenter: field(true), shareWithMicrosoft: field(true) });
    expect(buildPanelViewModel(partnerLed, data, context).dealType.note).toBe(english("SyncCoSellOnlyNote"));
    expect(buildPanelViewModel(coSellInputs(), data, context).dealType.note).toBeNull();
  });
});

describe("the problems to fix before saving", () => {
  it("lists none while Sync is off, even for an incomplete deal", () => {
    const data = someData({ snapshot: { state: "loaded", value: savedOpportunity({ estimatedvalue: 0 }) } });
    expect(buildPanelViewModel(anInputs(), data, context).problems).toEqual({
      label: "Fix before saving",
      items: [],
      notes: [],
    });
  });

  it("lists none for a complete co-sell deal", () => {
    expect(buildPanelViewModel(coSellInputs(), someData(), context).problems.items).toEqual([]);
  });

  it("checks the form's unsaved choices, in core's words", () => {
    const inputs = anInputs({
      syncWithPartnerCenter: field(true),
      microsoftHelp: help(MicrosoftHelpOption.GeneralOrOther),
    });
    expect(buildPanelViewModel(inputs, someData(), context).problems.items).toEqual([
      messages.solutionMissing,
      messages.helpNeedsSharing,
    ]);
  });

  // Core reads the country upper-cased, as the sync service sends it.
  it("words core's problems in the seller's language, naming the offending value", () => {
    const snapshot = savedOpportunity({});
    const data = someData({
      snapshot: {
        state: "loaded",
        value: { ...snapshot, account: { ...snapshot.account, address1_country: "Germany" } },
      },
    });
    const inRussian = buildPanelViewModel(coSellInputs({ dealValue: 0 }), data, { ...context, t: russian });
    expect(inRussian.problems.items).toEqual([
      russian("Problem_countryInvalid", "GERMANY"),
      russian("Problem_dealValueNotPositive"),
    ]);
    expect(inRussian.problems.items[0]).toMatch(/GERMANY.*[а-я]/);
    expect(buildPanelViewModel(coSellInputs({ dealValue: 0 }), data, context).problems.items).toEqual([
      "The customer's country 'GERMANY' is not a two-letter ISO 3166 code in capitals; use one such as US, DE or JP.",
      messages.dealValue,
    ]);
  });

  it("checks the form's unsaved deal value over the saved one", () => {
    const items = (dealValue: number | null) =>
      buildPanelViewModel(coSellInputs({ dealValue }), someData(), context).problems.items;
    expect(items(0)).toEqual([messages.dealValue]);
    // A null form value means the property isn't bound or is empty: the saved 250000 counts.
    expect(items(null)).toEqual([]);
  });

  it("finds problems in the saved account that the form doesn't show", () => {
    const snapshot = savedOpportunity({});
    const data = someData({
      snapshot: { state: "loaded", value: { ...snapshot, account: { ...snapshot.account, address1_country: null } } },
    });
    expect(buildPanelViewModel(coSellInputs(), data, context).problems.items).toEqual([messages.country]);
  });

  it("for a new record checks only what the form holds and says the rest comes after the first save", () => {
    const inputs = coSellInputs({ recordId: null, topic: null, dealValue: 0, products: field<readonly string[]>([]) });
    const problems = buildPanelViewModel(inputs, someData({ snapshot: null }), context).problems;
    expect(problems.items).toEqual([
      messages.name,
      messages.solutionMissing,
      messages.dealValue,
      "Enter an estimated close date.",
    ]);
    expect(problems.notes).toEqual([english("Problems_NewRecordNote")]);
  });

  it("doesn't blame the form for a deal value the admin maps to another column", () => {
    const mapped = settings({ mapping: customizeMapping({ dealValueColumn: "csb_netvalue" }) });
    const inputs = coSellInputs({
      recordId: null,
      topic: "Contoso",
      dealValue: null,
      estimatedCloseDate: "2027-01-31",
    });
    const data = someData({ snapshot: null, settings: { state: "loaded", value: mapped } });
    expect(buildPanelViewModel(inputs, data, context).problems.items).toEqual([]);
  });

  it("says when the saved opportunity is still being read or couldn't be read", () => {
    const loading = buildPanelViewModel(
      coSellInputs({ topic: "Contoso" }),
      someData({ snapshot: { state: "loading" } }),
      context,
    );
    expect(loading.problems.notes).toEqual([english("Problems_Checking")]);
    const failed = someData({ snapshot: { state: "failed", message: "Access is denied." } });
    expect(buildPanelViewModel(coSellInputs({ topic: "Contoso" }), failed, context).problems.notes).toEqual([
      "The saved opportunity couldn't be read, so only the values on this form are checked (Access is denied.).",
    ]);
  });

  it("uses the default mapping and says so when the admin's mapping is broken", () => {
    const broken = settings({ mapping: customizeMapping({ fieldMappingJson: "{not json" }) });
    const problems = buildPanelViewModel(
      coSellInputs(),
      someData({ settings: { state: "loaded", value: broken } }),
      context,
    ).problems;
    expect(problems.items).toEqual([]);
    expect(problems.notes).toHaveLength(1);
    expect(problems.notes[0]).toMatch(
      /^The field mapping your admin set up has errors, .*csb_FieldMapping is not valid JSON/,
    );
  });

  it("drops the checks that only apply to creating a referral once the deal has one", () => {
    const won = { statecode: 1, statuscode: 3 };
    const wonTooSoon = /^Partner Center needs 72 hours between creating a deal and marking it Won/;
    const unsynced = someData({ snapshot: { state: "loaded", value: savedOpportunity(won) } });
    expect(buildPanelViewModel(coSellInputs(), unsynced, context).problems.items).toEqual([
      expect.stringMatching(wonTooSoon),
    ]);
    const synced = someData({
      snapshot: { state: "loaded", value: savedOpportunity({ ...won, csb_referralid: "ref-1" }) },
    });
    expect(buildPanelViewModel(coSellInputs(), synced, context).problems.items).toEqual([]);
  });
});

describe("overlayFormValues", () => {
  it("puts the form's values on the saved row, leaving hidden fields and empty optional ones as saved", () => {
    const saved = savedOpportunity({ csb_products: "SOL-1", name: "Saved name", estimatedclosedate: "2027-03-31" });
    const inputs = coSellInputs({
      products: field<readonly string[]>([], { readable: false }),
      topic: "Unsaved name",
      estimatedCloseDate: null,
    });
    const row = overlayFormValues(saved, inputs).opportunity;
    expect(row).toMatchObject({
      csb_syncwithpartnercenter: true,
      csb_microsofthelp: String(MicrosoftHelpOption.ProofOfConceptOrDemo),
      csb_sharewithmicrosoft: true,
      csb_products: "SOL-1",
      name: "Unsaved name",
      estimatedclosedate: "2027-03-31",
    });
    expect(overlayFormValues(saved, anInputs()).opportunity.csb_microsofthelp).toBeNull();
  });
});
