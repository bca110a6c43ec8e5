import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption, SyncStatus } from "../../core";
import { formEditableValues, panelInputsOf, recordIdOf } from "../../controls/CoSellPanel/contextInputs";
import { fakeContext } from "./support/fakeContext";

describe("the context as the panel's inputs", () => {
  it("reads the record id from contextInfo or page, without braces, in lower case", () => {
    expect(recordIdOf(fakeContext())).toBe("7d3f1c2e-5b7a-4e0f-9c1d-2a6b8e4f0a11");
    expect(recordIdOf(fakeContext({ idIn: "page", entityId: "7D3F1C2E-5B7A-4E0F-9C1D-2A6B8E4F0A11" }))).toBe(
      "7d3f1c2e-5b7a-4e0f-9c1d-2a6b8e4f0a11",
    );
  });

  it("treats a missing, empty or all-zero id as a new record", () => {
    expect(recordIdOf(fakeContext({ entityId: "" }))).toBeNull();
    expect(recordIdOf(fakeContext({ entityId: "{00000000-0000-0000-0000-000000000000}" }))).toBeNull();
  });

  it("maps every bound property, with field security and the form's state", () => {
    const context = fakeContext({
      values: {
        syncWithPartnerCenter: true,
        microsoftHelp: [MicrosoftHelpOption.QuotesOrLicensing],
        products: "SOL-2; sol-1\nSOL-2",
        referralLink: "  https://partner.microsoft.com/x ",
        syncStatus: SyncStatus.Pending,
        lastSyncedOn: new Date("2026-11-24T08:00:00Z"),
        topic: " Contoso ",
        dealValue: 1200.5,
        estimatedCloseDate: new Date(2027, 2, 31),
        syncEndpointUrl: "",
      },
      security: { audit: { readable: false, editable: false } },
      disabled: true,
      width: 375,
      languageId: 1049,
    });
    const inputs = panelInputsOf(context, formEditableValues(context), false);
    expect(inputs).toMatchObject({
      syncWithPartnerCenter: { value: true, readable: true, editable: true },
      microsoftHelp: { value: [MicrosoftHelpOption.QuotesOrLicensing] },
      products: { value: ["sol-1", "SOL-2"] },
      referralLink: { value: "https://partner.microsoft.com/x" },
      audit: { value: null, readable: false, editable: false },
      syncStatus: { value: SyncStatus.Pending },
      topic: "Contoso",
      dealValue: 1200.5,
      // A date-only value comes as local midnight of the chosen day.
      estimatedCloseDate: "2027-03-31",
      syncEndpointUrl: null,
      formDisabled: true,
      allocatedWidth: 375,
      languageId: 1049,
    });
    expect(inputs.microsoftHelpOptions[0]).toEqual({
      value: MicrosoftHelpOption.GeneralOrOther,
      label: "General or other",
    });
  });

  it("copes with values a host may pass in other shapes", () => {
    const context = fakeContext({
      values: {
        syncWithPartnerCenter: null,
        microsoftHelp: `${String(MicrosoftHelpOption.GeneralOrOther)},x`,
        estimatedCloseDate: "2027-01-15",
        lastSyncedOn: "not a date",
        dealValue: "abc",
      },
    });
    const inputs = panelInputsOf(context, formEditableValues(context), true);
    expect(inputs).toMatchObject({
      syncWithPartnerCenter: { value: false },
      microsoftHelp: { value: [MicrosoftHelpOption.GeneralOrOther] },
      estimatedCloseDate: "2027-01-15",
      lastSyncedOn: { value: null },
      dealValue: null,
      sharedWhenOpened: true,
    });
  });
});
