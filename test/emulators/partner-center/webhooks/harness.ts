/**
 * The webhook emulator wired to a real receiver, with retries a few milliseconds apart. Every test closes what it
 * started through `close()`.
 */
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import {
  createSigningCertificate,
  createWebhookEmulator,
  type SigningCertificate,
  type WebhookEmulator,
  type WebhookEmulatorOptions,
  type WebhookRegistration,
} from "../../../../emulators/partner-center/webhooks";
import { startReceiver, type Receiver } from "./receiver";

export const TENANT = "4d3c2b1a-0000-4000-8000-000000000001";
export const FAST_BACKOFF = { baseDelayMs: 1, factor: 2, maxDelayMs: 4 };

let certificate: Promise<SigningCertificate> | undefined;

/** One key pair per test file: generating RSA keys is the slow part. */
export function sharedCertificate(): Promise<SigningCertificate> {
  certificate ??= createSigningCertificate({ organization: "Microsoft Corporation" });
  return certificate;
}

export interface Harness extends WebhookEmulator {
  readonly clock: ManualClock;
  readonly receiver: Receiver;
  /** POSTs a registration for TENANT pointing at the receiver; fails the test when it is refused. */
  register(events: readonly string[], extra?: Record<string, unknown>, tenantId?: string): WebhookRegistration;
  close(): Promise<void>;
}

export async function startHarness(dispatcher: WebhookEmulatorOptions["dispatcher"] = {}): Promise<Harness> {
  const clock = new ManualClock("2026-03-01T12:00:00Z");
  const receiver = await startReceiver();
  const emulator = await createWebhookEmulator({
    clock,
    ids: seededIds("webhook-tests"),
    certificate: await sharedCertificate(),
    dispatcher: { apiBaseUrl: "http://pc.emulator.test:7071/", backoff: FAST_BACKOFF, ...dispatcher },
  });
  return {
    ...emulator,
    clock,
    receiver,
    register(events, extra = {}, tenantId = TENANT) {
      const body = { WebhookUrl: receiver.url, WebhookEvents: events, ...extra };
      const result = emulator.registrations.createRegistration(tenantId, body);
      if (result.status !== 200) throw new Error(`registration refused: ${JSON.stringify(result.body)}`);
      return result.body as WebhookRegistration;
    },
    async close() {
      await emulator.dispatcher.close();
      await receiver.close();
    },
  };
}

/** The JSON body of a recorded request. */
export function jsonOf(body: Buffer): Record<string, unknown> {
  return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
}
