/**
 * The demo's Partner Center: the emulator offering the same co-sell solutions as the Dataverse catalogue (so the
 * service's hourly catalogue refresh changes nothing and every product a seller picks exists), the service's app
 * registration with the Referrals admin's refresh token, and a few co-sell opportunities Microsoft has already shared
 * with the partner. The service's first catch-up after it starts brings those into Dynamics.
 */
import {
  DEFAULT_REFERRALS_ADMIN,
  startPartnerCenterEmulator,
  type InboundReferralRequest,
  type PartnerCenterEmulator,
} from "../../emulators/partner-center";
import type { CatalogueEntry } from "./demoDataverse";
import type { DemoIdentities } from "./demoIdentities";

const PUBLISHER = "Contoso Consulting";
const DAY_MS = 86_400_000;

export interface DemoPartnerCenter {
  readonly emulator: PartnerCenterEmulator;
  /** The partner's referrals Microsoft shared at start. */
  readonly inboundReferralIds: readonly string[];
}

export async function startDemoPartnerCenter(
  port: number,
  identities: DemoIdentities,
  catalogue: readonly CatalogueEntry[],
): Promise<DemoPartnerCenter> {
  const emulator = await startPartnerCenterEmulator({
    port,
    clients: [identities.partnerCenter],
    refreshTokens: [
      {
        token: identities.partnerCenterRefreshToken,
        clientId: identities.partnerCenter.clientId,
        user: DEFAULT_REFERRALS_ADMIN,
      },
    ],
    state: {
      solutions: catalogue.map((entry) => ({
        id: entry.id,
        name: entry.name,
        publisherName: PUBLISHER,
        solutionType: "3P",
        status: "Published",
      })),
    },
  });
  try {
    const inboundReferralIds: string[] = [];
    for (const request of sharedByMicrosoft(catalogue, new Date())) {
      inboundReferralIds.push((await emulator.admin.createInboundReferral(request)).referral.id);
    }
    return { emulator, inboundReferralIds };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** Three invented customers Microsoft's sellers want the partner's help with. */
export function sharedByMicrosoft(catalogue: readonly CatalogueEntry[], now: Date): InboundReferralRequest[] {
  const solution = (index: number) => {
    const entry = catalogue[index % Math.max(catalogue.length, 1)];
    return entry === undefined ? [] : [entry.id];
  };
  const closing = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10) + "T00:00:00Z";
  return [
    {
      name: "Litware: analytics on Fabric",
      customer: {
        name: "Litware Analytics",
        address: { city: "Austin", state: "TX", postalCode: "78701", country: "US" },
      },
      contacts: [{ firstName: "Lee", lastName: "Park", email: "lee.park@litware.example", title: "Head of Data" }],
      dealValue: 85_000,
      currency: "USD",
      closingDateTime: closing(75),
      notes: "Customer asked Microsoft for a partner with Fabric migrations in their region.",
      solutions: solution(0),
      assistanceRequestCode: "WorkloadSpecificValueProposition",
    },
    {
      name: "Trey Research: secure workplace",
      customer: { name: "Trey Research", address: { city: "Dublin", postalCode: "D02 X285", country: "IE" } },
      contacts: [{ firstName: "Aoife", lastName: "Byrne", email: "aoife.byrne@treyresearch.example" }],
      dealValue: 120_000,
      currency: "EUR",
      closingDateTime: closing(120),
      solutions: solution(1),
      assistanceRequestCode: "CustomerTechnicalArchitecture",
    },
    {
      name: "Wingtip Toys: cloud migration",
      customer: { name: "Wingtip Toys", address: { city: "London", postalCode: "EC2V 7HH", country: "GB" } },
      contacts: [{ firstName: "Priya", lastName: "Shah", email: "priya.shah@wingtiptoys.example" }],
      dealValue: 64_000,
      currency: "GBP",
      closingDateTime: closing(45),
      solutions: solution(2),
      assistanceRequestCode: "GeneralOrOther",
    },
  ];
}
