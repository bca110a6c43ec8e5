/**
 * Shared pieces of the HTTP tests of the local Partner Center: an emulator on a ManualClock with seeded ids, a small
 * fetch wrapper that keeps status, headers and parsed body, and valid request bodies with invented customers.
 */
import {
  REFERRALS_AUDIENCE,
  REFERRALS_PATH,
  WEBHOOKS_AUDIENCE,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../../../emulators/partner-center";
import type { ManualClock } from "../../../../emulators/shared/clock";
import { call as callEmulator, type CallOptions, type CallResult } from "../../../support/emulatorHttp";
import { startPartnerCenterOnManualClock } from "../../../support/partnerCenterEmulator";

export { objectOf, type CallOptions, type CallResult } from "../../../support/emulatorHttp";
export { anInboundRequest, FAST_BACKOFF, START_TIME } from "../../../support/partnerCenterEmulator";
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An emulator on a ManualClock with seeded ids and millisecond retries; close it in afterAll. */
export function startTestEmulator(
  options: PartnerCenterEmulatorOptions = {},
): Promise<PartnerCenterEmulator & { clock: ManualClock }> {
  return startPartnerCenterOnManualClock("api-tests", options);
}

/** One HTTP request to the emulator, through fetch; a string body is sent as a JSON string, like any other body. */
export function call(
  emulator: { url: string },
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  return callEmulator(
    emulator,
    method,
    path,
    options.body === undefined ? options : { ...options, body: JSON.stringify(options.body) },
  );
}

/**
 * Tokens for the emulator's two audiences: delegated for the Referrals API, application for webhook registration.
 * They are minted again once the ManualClock has moved past half their lifetime, so a test that advances the clock
 * by days keeps calling with a valid token unless it means not to.
 */
export function tokensFor(emulator: PartnerCenterEmulator): {
  referrals(): Promise<string>;
  webhooks(): Promise<string>;
} {
  const cached = new Map<string, { token: string; mintedAt: number }>();
  const fresh = async (audience: string) => {
    const now = emulator.clock.now().getTime();
    const hit = cached.get(audience);
    if (hit !== undefined && now - hit.mintedAt < HOUR / 2) return hit.token;
    const token = await emulator.admin.getToken({ audience });
    cached.set(audience, { token, mintedAt: now });
    return token;
  };
  return { referrals: () => fresh(REFERRALS_AUDIENCE), webhooks: () => fresh(WEBHOOKS_AUDIENCE) };
}

/** The referral id path. */
export function referralPath(id: string): string {
  return `${REFERRALS_PATH}/${id}`;
}

/** A valid body for a partner referral; `overrides` replace top-level members. */
export function aReferralBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Fabrikam warehouse modernisation",
    type: "Shared",
    qualification: "SalesQualified",
    status: "New",
    substatus: "Pending",
    customerProfile: {
      name: "Fabrikam Ltd",
      size: "51to250employees",
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
    ...overrides,
  };
}
