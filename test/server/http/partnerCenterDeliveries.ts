/**
 * The Partner Center emulator for the HTTP tests: it signs real deliveries with its certificate (partner-center.md
 * §2.3, §2.4) and sends them either to the app under test or to a capturing receiver, whose deliveries the tests
 * replay (altered or not) to the app.
 */
import type { IncomingHttpHeaders } from "node:http";
import { REGISTRATION_PATH, WEBHOOKS_AUDIENCE, type PartnerCenterEmulator } from "../../../emulators/partner-center";
import type { ManualClock } from "../../../emulators/shared/clock";
import { anInboundRequest, startPartnerCenterOnManualClock } from "../../support/partnerCenterEmulator";
import { startRawRequestServer, type RawRequestServer } from "../../support/webhookReceiver";

export const PARTNER_CENTER_PATH = "/webhooks/partner-center";

const EVENTS = [
  "referral-created",
  "referral-updated",
  "related-referral-created",
  "related-referral-updated",
  "test-created",
];

/** One delivery as it arrived at the capturing receiver. */
export interface CapturedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The emulator, a capturing receiver, and the calls the tests make on them. */
export interface PartnerCenterSide {
  readonly emulator: PartnerCenterEmulator & { clock: ManualClock };
  /** Where the capturing receiver listens. */
  readonly captureUrl: string;
  /** Registers (or re-registers) `url` for every event; `msSignatureHeader` sets SignatureTokenToMsSignatureHeader. */
  register(url: string, msSignatureHeader?: boolean): Promise<void>;
  /** Microsoft shares an opportunity: referral-created and related-referral-created. Returns the referral id. */
  shareReferral(): Promise<string>;
  /** Partner Center's validation event, test-created. */
  sendTestEvent(): Promise<void>;
  /** Waits until nothing is in flight and returns (and forgets) what the capturing receiver got. */
  takeCaptured(): Promise<CapturedDelivery[]>;
  close(): Promise<void>;
}

export async function startPartnerCenterSide(): Promise<PartnerCenterSide> {
  const emulator = await startPartnerCenterOnManualClock("http-tests");
  const captured: CapturedDelivery[] = [];
  const receiver: RawRequestServer = await startRawRequestServer((request) => {
    captured.push({ headers: request.headers, body: request.body });
    return { status: 200 };
  });
  let registered = false;
  const token = () => emulator.admin.getToken({ audience: WEBHOOKS_AUDIENCE });
  return {
    emulator,
    captureUrl: `${receiver.origin}${PARTNER_CENTER_PATH}`,
    async register(url, msSignatureHeader = false) {
      const response = await fetch(`${emulator.url}${REGISTRATION_PATH}`, {
        method: registered ? "PUT" : "POST",
        headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
        body: JSON.stringify({
          WebhookUrl: url,
          WebhookEvents: EVENTS,
          SignatureTokenToMsSignatureHeader: msSignatureHeader,
        }),
      });
      if (response.status !== 200) throw new Error(`registration refused: ${response.status} ${await response.text()}`);
      registered = true;
    },
    async shareReferral() {
      return (await emulator.admin.createInboundReferral(anInboundRequest())).referral.id;
    },
    async sendTestEvent() {
      const response = await fetch(`${emulator.url}${REGISTRATION_PATH}/validationEvents`, {
        method: "POST",
        headers: { authorization: `Bearer ${await token()}` },
      });
      if (response.status !== 200) throw new Error(`validation event refused: ${response.status}`);
    },
    async takeCaptured() {
      await emulator.admin.waitForDeliveries();
      return captured.splice(0, captured.length);
    },
    async close() {
      await emulator.close();
      await receiver.close();
    },
  };
}

/** Headers a replay must not copy: the connection's own. */
const CONNECTION_HEADERS = new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive"]);

/** POSTs `delivery` to the app, with headers replaced or removed (undefined) and optionally another body. */
export function replay(
  appUrl: string,
  delivery: CapturedDelivery,
  changes: { readonly headers?: Record<string, string | undefined>; readonly body?: Buffer } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(delivery.headers)) {
    if (!CONNECTION_HEADERS.has(name) && typeof value === "string") headers[name] = value;
  }
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === undefined) Reflect.deleteProperty(headers, name);
    else headers[name] = value;
  }
  return fetch(`${appUrl}${PARTNER_CENTER_PATH}`, {
    method: "POST",
    headers,
    body: Uint8Array.from(changes.body ?? delivery.body),
  });
}
