/**
 * The real Partner Center emulator wired to a test receiver through its registration API, for verifying genuine
 * signed deliveries (shared/reference/partner-center.md §2.1 to §2.4). The emulator runs on a ManualClock with
 * millisecond retries; certificates follow real time, as the emulator makes them.
 */
import {
  CERTIFICATE_PATH,
  REGISTRATION_PATH,
  WEBHOOKS_AUDIENCE,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../../../emulators/partner-center";
import type { ManualClock } from "../../../../emulators/shared/clock";
import { anInboundRequest, startPartnerCenterOnManualClock } from "../../../support/partnerCenterEmulator";
import { startReceiver, type CapturedDelivery, type Receiver } from "./receiver";

/** The four referral events (§2.2) plus the validation event. */
export const ALL_EVENTS = [
  "referral-created",
  "referral-updated",
  "related-referral-created",
  "related-referral-updated",
  "test-created",
];

/** An emulator, its receiver and the calls the tests make on them. */
export interface IntakeHarness {
  readonly emulator: PartnerCenterEmulator;
  readonly clock: ManualClock;
  readonly receiver: Receiver;
  /** Where the emulator serves its signing certificate. */
  readonly certificateUrl: string;
  /** POST (first time) or PUT the registration; `msSignatureHeader` sets SignatureTokenToMsSignatureHeader. */
  register(msSignatureHeader: boolean): Promise<void>;
  /** Microsoft shares an opportunity (referral-created and related-referral-created); returns the referral id. */
  shareReferral(): Promise<string>;
  /** Microsoft edits the deal (referral-updated). */
  updateDeal(referralId: string): Promise<void>;
  /** `POST …/validationEvents`: Partner Center sends test-created. */
  sendTestEvent(): Promise<void>;
  /** Waits until the emulator has nothing in flight, then returns and forgets what the receiver captured. */
  takeDeliveries(): Promise<CapturedDelivery[]>;
  /** How many times the certificate was downloaded, from the emulator's own request log. */
  certificateDownloads(): Promise<number>;
  close(): Promise<void>;
}

/** Starts an emulator and a receiver, registered for every event with the signature in Authorization. */
export async function startIntakeHarness(options: PartnerCenterEmulatorOptions = {}): Promise<IntakeHarness> {
  const emulator = await startPartnerCenterOnManualClock("intake-tests", options);
  const { clock } = emulator;
  const receiver = await startReceiver();
  let registered = false;
  const webhooksToken = () => emulator.admin.getToken({ audience: WEBHOOKS_AUDIENCE });

  const harness: IntakeHarness = {
    emulator,
    clock,
    receiver,
    certificateUrl: `${emulator.url}${CERTIFICATE_PATH}`,
    async register(msSignatureHeader) {
      const response = await fetch(`${emulator.url}${REGISTRATION_PATH}`, {
        method: registered ? "PUT" : "POST",
        headers: { authorization: `Bearer ${await webhooksToken()}`, "content-type": "application/json" },
        body: JSON.stringify({
          WebhookUrl: receiver.url,
          WebhookEvents: ALL_EVENTS,
          SignatureTokenToMsSignatureHeader: msSignatureHeader,
        }),
      });
      if (response.status !== 200) throw new Error(`registration refused: ${response.status} ${await response.text()}`);
      registered = true;
    },
    async shareReferral() {
      return (await emulator.admin.createInboundReferral(anInboundRequest())).referral.id;
    },
    async updateDeal(referralId) {
      await emulator.admin.updateDealAsMicrosoft(referralId, { notes: "Seller updated the notes" });
    },
    async sendTestEvent() {
      const response = await fetch(`${emulator.url}${REGISTRATION_PATH}/validationEvents`, {
        method: "POST",
        headers: { authorization: `Bearer ${await webhooksToken()}` },
      });
      if (response.status !== 200) throw new Error(`validation event refused: ${response.status}`);
    },
    async takeDeliveries() {
      await emulator.admin.waitForDeliveries();
      const taken = [...receiver.deliveries];
      receiver.clear();
      return taken;
    },
    certificateDownloads: () => emulator.admin.countRequests({ method: "GET", pathPrefix: CERTIFICATE_PATH }),
    async close() {
      await emulator.close();
      await receiver.close();
    },
  };
  await harness.register(false);
  return harness;
}

/** The single delivery of a list, failing the test otherwise. */
export function onlyDelivery(deliveries: readonly CapturedDelivery[]): CapturedDelivery {
  const [first, ...rest] = deliveries;
  if (first === undefined || rest.length > 0) throw new Error(`expected one delivery, got ${deliveries.length}`);
  return first;
}

/** The same delivery with some headers replaced (a string) or removed (undefined). */
export function withHeaders(delivery: CapturedDelivery, changes: Record<string, string | undefined>): CapturedDelivery {
  const headers = { ...delivery.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) Reflect.deleteProperty(headers, name);
    else headers[name] = value;
  }
  return { headers, rawBody: delivery.rawBody };
}
