/**
 * The Partner Center emulator as the tests start it (a ManualClock, seeded ids, millisecond webhook retries) and the
 * inbound referral Microsoft's seller shares with invented customer data.
 */
import {
  startPartnerCenterEmulator,
  type InboundReferralRequest,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../emulators/partner-center";
import { ManualClock } from "../../emulators/shared/clock";

/** Where the tests' ManualClock starts. */
export const START_TIME = "2026-05-04T09:00:00.000Z";
/** Webhook retries after one or two milliseconds, so that retry tests do not wait. */
export const FAST_BACKOFF = { baseDelayMs: 1, factor: 1, maxDelayMs: 2 };

/**
 * An emulator on a ManualClock at {@link START_TIME}, with ids seeded by `idsSeed` and {@link FAST_BACKOFF} unless
 * `options` sets another dispatcher backoff; close it in afterAll.
 */
export async function startPartnerCenterOnManualClock(
  idsSeed: string,
  options: PartnerCenterEmulatorOptions = {},
): Promise<PartnerCenterEmulator & { clock: ManualClock }> {
  const clock = new ManualClock(START_TIME);
  const emulator = await startPartnerCenterEmulator({
    clock,
    idsSeed,
    ...options,
    webhooks: { ...options.webhooks, dispatcher: { backoff: FAST_BACKOFF, ...options.webhooks?.dispatcher } },
  });
  return Object.assign(emulator, { clock });
}

/** What Microsoft's seller sends to share a co-sell opportunity with the partner; `overrides` replace members. */
export function anInboundRequest(overrides: Partial<InboundReferralRequest> = {}): InboundReferralRequest {
  return {
    customer: { name: "Litware Inc", address: { city: "Austin", state: "TX", country: "US" } },
    contacts: [{ firstName: "Lee", lastName: "Park", email: "lee.park@litware.example" }],
    dealValue: 50000,
    currency: "USD",
    closingDateTime: "2027-02-01T00:00:00Z",
    solutions: ["SOL-20418-K2P"],
    assistanceRequestCode: "GeneralOrOther",
    ...overrides,
  };
}
