/**
 * Builders for realistic opportunities and referrals (invented customers, Contoso and Fabrikam), so that each test
 * states only what it is about.
 */
import {
  MicrosoftHelpOption,
  type OpportunitySnapshot,
  type Referral,
  SalesStage,
  defaultFieldMapping,
  readOpportunity,
  type DealFields,
} from "../../core";

export const now = new Date("2026-11-25T09:30:00Z");
export const opportunityId = "7d3f1c2e-5b7a-4e0f-9c1d-2a6b8e4f0a11";

type Row = Record<string, unknown>;

export function anOpportunity(
  overrides: { opportunity?: Row; account?: Row | null; contact?: Row | null } & Partial<
    Omit<OpportunitySnapshot, "opportunity" | "account" | "contact">
  > = {},
): OpportunitySnapshot {
  const { opportunity, account, contact, ...rest } = overrides;
  return {
    opportunity: {
      opportunityid: opportunityId,
      name: "Contoso supply chain modernisation",
      description: "Move the warehouse apps to Dynamics 365 Supply Chain.",
      estimatedvalue: 250000,
      estimatedclosedate: "2027-03-31",
      statecode: 0,
      statuscode: 1,
      salesstage: SalesStage.Develop,
      csb_syncwithpartnercenter: true,
      csb_microsofthelp: `${MicrosoftHelpOption.ProofOfConceptOrDemo},${MicrosoftHelpOption.QuotesOrLicensing}`,
      csb_sharewithmicrosoft: true,
      csb_products: "SOL-15974-MQF, SOL-20011-ABC",
      csb_microsoftcrmid: null,
      ...opportunity,
    },
    account:
      account === null
        ? null
        : {
            accountid: "0b9c7a55-1111-4c3e-8d2f-6a1b2c3d4e5f",
            name: "Contoso Ltd",
            address1_line1: "1 Harbour Road",
            address1_line2: "Building 4",
            address1_city: "Seattle",
            address1_stateorprovince: "WA",
            address1_postalcode: "98101",
            address1_country: "US",
            ...account,
          },
    contact:
      contact === null
        ? null
        : {
            contactid: "3c4d5e6f-2222-4a1b-9c8d-7e6f5a4b3c2d",
            firstname: "Avery",
            lastname: "Nguyen",
            emailaddress1: "avery.nguyen@contoso.example",
            telephone1: "+1 206 555 0100",
            jobtitle: "CIO",
            ...contact,
          },
    currencyCode: "USD",
    solutionCatalog: [
      { id: "SOL-15974-MQF", name: "Contoso Supply Chain Accelerator" },
      { id: "SOL-20011-ABC", name: "Fabrikam Warehouse Vision" },
    ],
    owner: {
      firstName: "Sam",
      lastName: "Rivera",
      email: "sam.rivera@partner.example",
      phoneNumber: "+1 425 555 0199",
    },
    ...rest,
  };
}

export function aDeal(overrides: Partial<DealFields> = {}): DealFields {
  return { ...readOpportunity(anOpportunity(), defaultFieldMapping), ...overrides };
}

/** A referral as Partner Center returns it after the partner created it (Active/Accepted). */
export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: "302d9c01-0000-4a99-b38d-000000000001",
    engagementId: "f889cdf9-0000-4126-a1df-000000000001",
    name: "Contoso supply chain modernisation",
    externalReferenceId: opportunityId,
    createdDateTime: "2026-11-01T10:00:00.0000000Z",
    updatedDateTime: "2026-11-02T10:00:00.0000000Z",
    status: "Active",
    substatus: "Accepted",
    type: "Shared",
    qualification: "SalesQualified",
    direction: "Outgoing",
    eTag: '"6700f96c-0000-1000-0000-6218f27c0000"',
    salesStage: "Develop",
    customerProfile: {
      name: "Contoso Ltd",
      size: "",
      address: {
        addressLine1: "1 Harbour Road",
        addressLine2: "Building 4",
        city: "Seattle",
        state: "WA",
        postalCode: "98101",
        country: "US",
        region: null,
      },
      team: [
        {
          firstName: "Avery",
          lastName: "Nguyen",
          email: "avery.nguyen@contoso.example",
          phoneNumber: "+1 206 555 0100",
          title: "CIO",
          contactPreference: { locale: null, disableNotifications: true },
        },
      ],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: true,
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
    trackingInfo: { microsoftMsxId: null },
    ...overrides,
  };
}
