import { describe, expect, it } from "vitest";
import {
  MicrosoftHelpOption,
  columnOfSolutionIds,
  helpCodesOfInviteContext,
  helpCodesOfOptions,
  inviteContextOfHelpCodes,
  optionsOfHelpCodes,
  solutionIdsOfColumn,
  tagsOfSolutionIds,
} from "../../core";

describe("help codes", () => {
  it("reads the Web API's comma-separated multi-select values in the API's order", () => {
    const raw = `${MicrosoftHelpOption.QuotesOrLicensing},${MicrosoftHelpOption.GeneralOrOther}`;
    expect(helpCodesOfOptions(raw)).toEqual(["GeneralOrOther", "QuotesOrLicensing"]);
    expect(helpCodesOfOptions(null)).toEqual([]);
    expect(helpCodesOfOptions("")).toEqual([]);
    expect(helpCodesOfOptions("abc,1")).toEqual([]);
  });

  it("writes them back as option values, or null when none", () => {
    expect(optionsOfHelpCodes(["QuotesOrLicensing", "GeneralOrOther"])).toBe(
      `${MicrosoftHelpOption.GeneralOrOther},${MicrosoftHelpOption.QuotesOrLicensing}`,
    );
    expect(optionsOfHelpCodes([])).toBeNull();
  });

  it("carries one code in assistanceRequestCode and lists several in the invite notes", () => {
    expect(inviteContextOfHelpCodes([])).toEqual({ assistanceRequestCode: "Unknown", notes: null });
    expect(inviteContextOfHelpCodes(["PostSalesCustomerSuccess"])).toEqual({
      assistanceRequestCode: "PostSalesCustomerSuccess",
      notes: null,
    });
    expect(inviteContextOfHelpCodes(["QuotesOrLicensing", "CustomerTechnicalArchitecture"])).toEqual({
      assistanceRequestCode: "CustomerTechnicalArchitecture",
      notes: "Help requested: CustomerTechnicalArchitecture, QuotesOrLicensing",
    });
  });

  it("reads codes back from the invite context, ignoring Unknown and made-up codes", () => {
    for (const codes of [
      [],
      ["GeneralOrOther"],
      ["ProofOfConceptOrDemo", "WorkloadSpecificValueProposition"],
    ] as const) {
      expect(helpCodesOfInviteContext(inviteContextOfHelpCodes(codes))).toEqual(codes);
    }
    expect(helpCodesOfInviteContext({ assistanceRequestCode: "Unknown", notes: "Help requested: Bogus" })).toEqual([]);
    expect(helpCodesOfInviteContext(null)).toEqual([]);
    expect(helpCodesOfInviteContext({ notes: "Please call.\nHelp requested: QuotesOrLicensing" })).toEqual([
      "QuotesOrLicensing",
    ]);
  });
});

describe("solution ids", () => {
  it("parses the Products column with any separator and writes it back in one form", () => {
    expect(solutionIdsOfColumn("SOL-2; SOL-1\nSOL-3,SOL-1")).toEqual(["SOL-1", "SOL-2", "SOL-3"]);
    expect(solutionIdsOfColumn(42)).toEqual([]);
    expect(columnOfSolutionIds(["SOL-2", "SOL-1"])).toBe("SOL-1, SOL-2");
    expect(columnOfSolutionIds([])).toBeNull();
  });

  it("names solution tags from the catalogue where it can", () => {
    expect(tagsOfSolutionIds(["SOL-2", "sol-1"], [{ id: "SOL-1", name: "Accelerator" }])).toEqual([
      { id: "sol-1", name: "Accelerator", type: "Name" },
      { id: "SOL-2", type: "Name" },
    ]);
  });
});
