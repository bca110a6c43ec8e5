import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption } from "../../core";
import { summarizeDeal } from "../../controls/CoSellPanel/dealSummary";

describe("summarizeDeal", () => {
  it("says nothing is shared while sync is off", () => {
    expect(summarizeDeal(false, [MicrosoftHelpOption.GeneralOrOther], true)).toEqual({
      dealType: null,
      helpRequested: ["GeneralOrOther"],
      helpNeedsSharing: false,
    });
    expect(summarizeDeal(null, null, null).dealType).toBeNull();
  });

  it("names the deal type the choices produce", () => {
    expect(summarizeDeal(true, null, false).dealType).toBe("private");
    expect(summarizeDeal(true, [], true).dealType).toBe("partnerLed");
    expect(summarizeDeal(true, [MicrosoftHelpOption.QuotesOrLicensing], true).dealType).toBe("coSell");
  });

  it("flags help asked for on a deal Microsoft sellers can't see, and ignores foreign option values", () => {
    expect(summarizeDeal(true, [MicrosoftHelpOption.ProofOfConceptOrDemo, 1], null)).toEqual({
      dealType: "private",
      helpRequested: ["ProofOfConceptOrDemo"],
      helpNeedsSharing: true,
    });
  });
});
