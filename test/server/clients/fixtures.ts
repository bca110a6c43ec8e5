/** Request bodies with invented customers for the clients tests. */
import type { ReferralCreateRequest } from "../../../core";

/** A partner referral as the sync would create it; `externalReferenceId` is the opportunity id. */
export function aReferral(
  externalReferenceId: string,
  name = "Fabrikam warehouse modernisation",
): ReferralCreateRequest {
  return {
    name,
    externalReferenceId,
    type: "Shared",
    qualification: "SalesQualified",
    customerProfile: {
      name: "Fabrikam Ltd",
      address: { addressLine1: "1 Harbour Road", city: "Seattle", state: "WA", postalCode: "98101", country: "US" },
      team: [{ firstName: "Ana", lastName: "Silva", email: "ana.silva@fabrikam.example", phoneNumber: "0100000001" }],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: true,
    },
    details: {
      notes: "Move the warehouse apps to the cloud.",
      dealValue: 250000,
      currency: "USD",
      closingDateTime: "2027-03-31T00:00:00Z",
      requirements: { solutions: [{ id: "SOL-15974-MQF", type: "Name", name: "Contoso Supply Chain Insights" }] },
    },
    team: [{ firstName: "Sam", lastName: "Lee", email: "sam.lee@contoso.example" }],
    inviteContext: { assistanceRequestCode: "ProofOfConceptOrDemo", notes: null },
    target: [{ type: "SolutionProfile", id: "SOL-15974-MQF" }],
  };
}
