import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption, defaultFieldMapping, readOpportunity, readReferral } from "../../core";
import { aReferral, anOpportunity } from "./builders";

describe("readOpportunity", () => {
  it("reads every mapped field of an opportunity with its account and contact", () => {
    expect(readOpportunity(anOpportunity(), defaultFieldMapping)).toEqual({
      name: "Contoso supply chain modernisation",
      notes: "Move the warehouse apps to Dynamics 365 Supply Chain.",
      dealValue: 250000,
      currency: "USD",
      closeDate: "2027-03-31",
      outcome: "Open",
      salesStage: "Develop",
      helpRequested: ["ProofOfConceptOrDemo", "QuotesOrLicensing"],
      sharedWithMicrosoft: true,
      solutions: ["SOL-15974-MQF", "SOL-20011-ABC"],
      customerName: "Contoso Ltd",
      customerAddressLine1: "1 Harbour Road",
      customerAddressLine2: "Building 4",
      customerCity: "Seattle",
      customerState: "WA",
      customerPostalCode: "98101",
      customerCountry: "US",
      contactFirstName: "Avery",
      contactLastName: "Nguyen",
      contactEmail: "avery.nguyen@contoso.example",
      contactPhone: "+1 206 555 0100",
      contactTitle: "CIO",
      microsoftCrmId: null,
    });
  });

  it("reads an opportunity without account, contact, currency or co-sell values as empty", () => {
    const deal = readOpportunity(
      anOpportunity({
        account: null,
        contact: null,
        currencyCode: null,
        opportunity: {
          csb_microsofthelp: null,
          csb_sharewithmicrosoft: null,
          csb_products: null,
          salesstage: null,
          statecode: 7,
        },
      }),
      defaultFieldMapping,
    );
    expect(deal).toMatchObject({
      customerName: null,
      customerCountry: null,
      contactEmail: null,
      currency: null,
      helpRequested: [],
      sharedWithMicrosoft: false,
      solutions: [],
      salesStage: null,
      outcome: null,
    });
  });

  it("normalises what users type: codes, spaces, separators, duplicate and foreign options", () => {
    const deal = readOpportunity(
      anOpportunity({
        account: { address1_country: " de ", name: "  Fabrikam GmbH  " },
        opportunity: {
          csb_products: "SOL-2;sol-1,\nSOL-1 ,, ",
          csb_microsofthelp: [MicrosoftHelpOption.GeneralOrOther, 12345, MicrosoftHelpOption.GeneralOrOther],
          estimatedvalue: "1200.50",
          estimatedclosedate: "2027-01-15T00:00:00Z",
          statecode: 1,
        },
      }),
      defaultFieldMapping,
    );
    expect(deal).toMatchObject({
      customerCountry: "DE",
      customerName: "Fabrikam GmbH",
      solutions: ["sol-1", "SOL-2"],
      helpRequested: ["GeneralOrOther"],
      dealValue: 1200.5,
      closeDate: "2027-01-15",
      outcome: "Won",
    });
  });
});

describe("readReferral", () => {
  it("reads the same deal from the referral the opportunity became", () => {
    expect(readReferral(aReferral(), defaultFieldMapping)).toEqual(
      readOpportunity(anOpportunity(), defaultFieldMapping),
    );
  });

  it("maps closed substatuses to outcomes and ignores unknown sales stages", () => {
    const read = (overrides: Parameters<typeof aReferral>[0]) =>
      readReferral(aReferral(overrides), defaultFieldMapping);
    expect(read({ status: "Closed", substatus: "Won" }).outcome).toBe("Won");
    expect(read({ status: "Closed", substatus: "Declined" }).outcome).toBe("Lost");
    expect(read({ status: "Closed", substatus: "Expired" }).outcome).toBe("Lost");
    expect(read({ status: "New", substatus: "Pending" }).outcome).toBe("Open");
    expect(read({ status: "None", substatus: "None" }).outcome).toBeNull();
    expect(read({ salesStage: "100" }).salesStage).toBeNull();
  });

  it("reads a sparse inbound referral from Microsoft without failing", () => {
    const deal = readReferral(
      aReferral({
        customerProfile: null,
        details: { dealValue: "10000", currency: "usd", closingDateTime: null },
        inviteContext: { assistanceRequestCode: "Unknown" },
        consent: null,
        trackingInfo: { microsoftMsxId: "7-ABCDEF123" },
      }),
      defaultFieldMapping,
    );
    expect(deal).toMatchObject({
      customerName: null,
      contactEmail: null,
      dealValue: 10000,
      currency: "USD",
      closeDate: null,
      helpRequested: [],
      sharedWithMicrosoft: false,
      solutions: [],
      microsoftCrmId: "7-ABCDEF123",
    });
  });
});
