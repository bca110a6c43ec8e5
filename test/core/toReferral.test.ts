import { describe, expect, it } from "vitest";
import { customizeMapping, defaultFieldMapping, toReferralCreate, type FieldMapping } from "../../core";
import { anOpportunity, opportunityId } from "./builders";

function mappingWith(json: object): FieldMapping {
  const result = customizeMapping({ fieldMappingJson: JSON.stringify(json) });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.mapping;
}

describe("toReferralCreate", () => {
  it("builds a co-sell referral body from a shared opportunity that asks for help", () => {
    expect(toReferralCreate(anOpportunity(), defaultFieldMapping)).toEqual({
      name: "Contoso supply chain modernisation",
      externalReferenceId: opportunityId,
      qualification: "SalesQualified",
      type: "Shared",
      status: "New",
      substatus: "Pending",
      salesStage: "Develop",
      consent: {
        consentToToShareInfoWithOthers: true,
        consentToContact: true,
        consentToShareReferralWithMicrosoftSellers: true,
      },
      customerProfile: {
        name: "Contoso Ltd",
        address: {
          addressLine1: "1 Harbour Road",
          addressLine2: "Building 4",
          city: "Seattle",
          state: "WA",
          postalCode: "98101",
          country: "US",
        },
        team: [
          {
            firstName: "Avery",
            lastName: "Nguyen",
            email: "avery.nguyen@contoso.example",
            phoneNumber: "+1 206 555 0100",
            title: "CIO",
          },
        ],
      },
      details: {
        notes: "Move the warehouse apps to Dynamics 365 Supply Chain.",
        dealValue: 250000,
        currency: "USD",
        closingDateTime: "2027-03-31T00:00:00Z",
        requirements: {
          solutions: [
            { id: "SOL-15974-MQF", name: "Contoso Supply Chain Accelerator", type: "Name" },
            { id: "SOL-20011-ABC", name: "Fabrikam Warehouse Vision", type: "Name" },
          ],
        },
      },
      inviteContext: {
        assistanceRequestCode: "ProofOfConceptOrDemo",
        notes: "Help requested: ProofOfConceptOrDemo, QuotesOrLicensing",
      },
      team: [
        { firstName: "Sam", lastName: "Rivera", email: "sam.rivera@partner.example", phoneNumber: "+1 425 555 0199" },
      ],
      target: [{ type: "SolutionProfile", id: "SOL-15974-MQF" }],
    });
  });

  it("makes a private, independent referral when nothing is shared and no help is asked for", () => {
    const body = toReferralCreate(
      anOpportunity({ opportunity: { csb_microsofthelp: null, csb_sharewithmicrosoft: false }, owner: null }),
      defaultFieldMapping,
    );
    expect(body).toMatchObject({
      type: "Independent",
      target: [],
      team: [],
      consent: {
        consentToToShareInfoWithOthers: false,
        consentToContact: false,
        consentToShareReferralWithMicrosoftSellers: false,
      },
    });
    expect(body.inviteContext).toBeUndefined();
  });

  it("leaves out empty values instead of sending nulls", () => {
    const body = toReferralCreate(
      anOpportunity({ contact: null, opportunity: { description: "  ", salesstage: null } }),
      defaultFieldMapping,
    );
    expect(body.details).not.toHaveProperty("notes");
    expect(body).not.toHaveProperty("salesStage");
    expect(body.customerProfile).not.toHaveProperty("team");
  });

  it("never shares with Microsoft when the mapping keeps visibility out of the sync", () => {
    const body = toReferralCreate(
      anOpportunity(),
      mappingWith({ fields: { sharedWithMicrosoft: { direction: "none" } } }),
    );
    expect(body.consent?.consentToShareReferralWithMicrosoftSellers).toBe(false);
  });

  it("reads the deal value from the column the admin configured", () => {
    const mapping = customizeMapping({ dealValueColumn: "new_totalvalue" });
    if (!mapping.ok) throw new Error("mapping refused");
    const body = toReferralCreate(anOpportunity({ opportunity: { new_totalvalue: 900 } }), mapping.mapping);
    expect(body.details?.dealValue).toBe(900);
  });
});
