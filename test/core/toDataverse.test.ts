import { describe, expect, it } from "vitest";
import {
  MicrosoftHelpOption,
  defaultFieldMapping,
  referralLinkOf,
  toDataverseChanges,
  toOpportunityCreate,
} from "../../core";
import { aReferral } from "./builders";

describe("toDataverseChanges", () => {
  it("writes each change to its table and column in Dataverse's formats", () => {
    expect(
      toDataverseChanges(
        [
          { field: "dealValue", from: 1, to: 2 },
          { field: "closeDate", from: null, to: "2027-06-30" },
          { field: "salesStage", from: "Qualify", to: "Propose" },
          { field: "helpRequested", from: [], to: ["GeneralOrOther"] },
          { field: "solutions", from: [], to: ["SOL-2", "SOL-1"] },
          { field: "customerCity", from: "Seattle", to: "Redmond" },
          { field: "contactEmail", from: null, to: "a@b.example" },
          { field: "currency", from: "USD", to: "EUR" },
          { field: "outcome", from: "Open", to: "Lost" },
          { field: "microsoftCrmId", from: null, to: "7-XYZ" },
        ],
        defaultFieldMapping,
      ),
    ).toEqual({
      opportunity: {
        estimatedvalue: 2,
        estimatedclosedate: "2027-06-30",
        salesstage: 2,
        csb_microsofthelp: String(MicrosoftHelpOption.GeneralOrOther),
        csb_products: "SOL-1, SOL-2",
        csb_microsoftcrmid: "7-XYZ",
      },
      account: { address1_city: "Redmond" },
      contact: { emailaddress1: "a@b.example" },
      currencyCode: "EUR",
      state: { outcome: "Lost", statecode: 2, statuscode: 4 },
    });
  });

  it("clears columns with null and never writes a field that flows only to Partner Center", () => {
    const result = customizeToPartnerCenterOnly();
    expect(toDataverseChanges([{ field: "name", from: "a", to: "b" }], result)).toEqual({
      opportunity: {},
      account: {},
      contact: {},
    });
    expect(
      toDataverseChanges(
        [
          { field: "salesStage", from: "Close", to: null },
          { field: "helpRequested", from: ["GeneralOrOther"], to: [] },
        ],
        defaultFieldMapping,
      ).opportunity,
    ).toEqual({ salesstage: null, csb_microsofthelp: null });
  });
});

function customizeToPartnerCenterOnly() {
  return { ...defaultFieldMapping, name: { ...defaultFieldMapping.name, direction: "toPartnerCenter" as const } };
}

describe("toOpportunityCreate", () => {
  it("creates a synced opportunity, its account and contact from a referral", () => {
    const referral = aReferral({ status: "New", substatus: "Pending", trackingInfo: { microsoftMsxId: "7-1" } });
    const result = toOpportunityCreate(referral, defaultFieldMapping, {
      referralLinkTemplate: "https://partner.microsoft.com/x/{referralId}",
    });
    expect(result.opportunity).toMatchObject({
      name: "Contoso supply chain modernisation",
      estimatedvalue: 250000,
      estimatedclosedate: "2027-03-31",
      csb_sharewithmicrosoft: true,
      csb_products: "SOL-15974-MQF, SOL-20011-ABC",
      csb_microsoftcrmid: "7-1",
      csb_referralid: referral.id,
      csb_referrallink: `https://partner.microsoft.com/x/${referral.id}`,
      csb_syncwithpartnercenter: true,
    });
    expect(result.account).toMatchObject({ name: "Contoso Ltd", address1_country: "US" });
    expect(result.contact).toMatchObject({ firstname: "Avery", emailaddress1: "avery.nguyen@contoso.example" });
    expect(result.currencyCode).toBe("USD");
    expect(result.state).toEqual({ outcome: "Open", statecode: 0, statuscode: 1 });
  });

  it("leaves out what the referral does not say", () => {
    const result = toOpportunityCreate(aReferral({ customerProfile: null, details: null }), defaultFieldMapping);
    expect(result.account).toEqual({});
    expect(result.contact).toEqual({});
    expect(result.opportunity).not.toHaveProperty("estimatedvalue");
    expect(result.opportunity).not.toHaveProperty("csb_products");
  });

  it("links to Partner Center with an encoded id", () => {
    expect(referralLinkOf("a b/c")).toBe("https://partner.microsoft.com/dashboard/referrals/v2/cosell/a%20b%2Fc");
  });
});
