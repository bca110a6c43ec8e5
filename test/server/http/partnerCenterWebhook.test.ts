/**
 * POST /webhooks/partner-center with deliveries the Partner Center emulator really signs: delivered straight to the
 * app (both signature header modes, the validation event, a retry after 503), and captured then replayed with a
 * forged signature, a tampered body or missing headers, which are refused with nothing queued.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CERTIFICATE_PATH } from "../../../emulators/partner-center";
import { errorBody, jsonOf, startApp, type RunningApp } from "./harness";
import {
  replay,
  startPartnerCenterSide,
  PARTNER_CENTER_PATH,
  type CapturedDelivery,
  type PartnerCenterSide,
} from "./partnerCenterDeliveries";
import { startTestIssuer, type TestIssuer } from "./tokens";

let issuer: TestIssuer;
let running: RunningApp;
let partnerCenter: PartnerCenterSide;
/** A genuine referral-created delivery, captured once. */
let genuine: CapturedDelivery;

function appWebhookUrl(): string {
  return `${running.url}${PARTNER_CENTER_PATH}`;
}

async function statusesOfDeliveries(eventName: string): Promise<number[]> {
  const log = await partnerCenter.emulator.admin.deliveries();
  return log.filter((entry) => entry.eventName === eventName).map((entry) => entry.statusCode ?? 0);
}

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl);
  partnerCenter = await startPartnerCenterSide();
  await partnerCenter.register(partnerCenter.captureUrl);
  await partnerCenter.shareReferral();
  const captured = await partnerCenter.takeCaptured();
  const created = captured.find((delivery) => delivery.body.toString("utf8").includes('"referral-created"'));
  if (created === undefined) throw new Error("the emulator sent no referral-created event");
  genuine = created;
});

afterAll(async () => {
  await partnerCenter.close();
  await running.close();
  await issuer.close();
});

beforeEach(() => {
  running.services.queue.jobs.length = 0;
  running.services.queue.drain();
  running.services.queue.failNext = 0;
});

describe("deliveries straight from the emulator", () => {
  it("queues one job per referral for the events of a shared referral (signature in Authorization)", async () => {
    await partnerCenter.register(appWebhookUrl());
    const referralId = await partnerCenter.shareReferral();
    await partnerCenter.emulator.admin.waitForDeliveries();
    const jobs = running.services.queue.jobs;
    expect(jobs.map((job) => job.kind)).toEqual(["partner-center-referral", "partner-center-referral"]);
    expect(jobs.map((job) => job.dedupeKey)).toEqual([`referral:${referralId}`, `referral:${referralId}`]);
    expect((await statusesOfDeliveries("related-referral-created")).at(-1)).toBe(200);
  });

  it("verifies the x-ms-signature mode (SignatureTokenToMsSignatureHeader) too", async () => {
    await partnerCenter.register(appWebhookUrl(), true);
    const referralId = await partnerCenter.shareReferral();
    await partnerCenter.emulator.admin.waitForDeliveries();
    expect(running.services.queue.jobs.map((job) => job.dedupeKey)).toEqual([
      `referral:${referralId}`,
      `referral:${referralId}`,
    ]);
  });

  it("answers test-created with 200 and queues nothing", async () => {
    await partnerCenter.register(appWebhookUrl());
    await partnerCenter.sendTestEvent();
    await partnerCenter.emulator.admin.waitForDeliveries();
    expect((await statusesOfDeliveries("test-created")).at(-1)).toBe(200);
    expect(running.services.queue.jobs).toEqual([]);
  });

  it("answers 503 while the queue is down; Partner Center retries and the event is stored", async () => {
    await partnerCenter.register(appWebhookUrl());
    running.services.queue.failNext = 1;
    await partnerCenter.shareReferral();
    await partnerCenter.emulator.admin.waitForDeliveries();
    expect(running.services.queue.failedCalls).toBeGreaterThanOrEqual(1);
    expect(running.services.queue.jobs).toHaveLength(2);
    expect(await partnerCenter.emulator.admin.offlineQueue()).toEqual([]);
  });
});

describe("replayed deliveries", () => {
  async function expectRefused(response: Response, status: number, code: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(await jsonOf(response)).toEqual(errorBody(code));
    expect(running.services.queue.jobs).toEqual([]);
  }

  it("accepts the genuine delivery, byte for byte, with 200", async () => {
    const response = await replay(running.url, genuine);
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ accepted: true, outcome: "enqueued" });
    expect(running.services.queue.jobs).toHaveLength(1);
  });

  it("401 for a tampered body", async () => {
    const tampered = Buffer.from(genuine.body.toString("utf8").replace("referral-created", "referral-updated"));
    await expectRefused(await replay(running.url, genuine, { body: tampered }), 401, "signature-mismatch");
  });

  it("401 for a forged signature", async () => {
    const forged = `Signature ${Buffer.alloc(256, 7).toString("base64")}`;
    await expectRefused(
      await replay(running.url, genuine, { headers: { authorization: forged } }),
      401,
      "signature-mismatch",
    );
  });

  it("401 without any signature", async () => {
    await expectRefused(
      await replay(running.url, genuine, { headers: { authorization: undefined } }),
      401,
      "missing-signature",
    );
  });

  it("400 without the certificate URL or the algorithm header", async () => {
    await expectRefused(
      await replay(running.url, genuine, { headers: { "x-ms-certificate-url": undefined } }),
      400,
      "missing-certificate-url",
    );
    await expectRefused(
      await replay(running.url, genuine, { headers: { "x-ms-signature-algorithm": undefined } }),
      400,
      "missing-signature-algorithm",
    );
  });

  it("401 for a certificate on a host that is not allowed", async () => {
    const elsewhere = `http://localhost:${new URL(partnerCenter.emulator.url).port}${CERTIFICATE_PATH}`;
    await expectRefused(
      await replay(running.url, genuine, { headers: { "x-ms-certificate-url": elsewhere } }),
      401,
      "certificate-url-not-allowed",
    );
  });

  it("503 with Retry-After when the certificate cannot be downloaded, so Partner Center retries", async () => {
    const unreachable = "http://127.0.0.1:9/webhooks/certificates/gone.cer";
    const response = await replay(running.url, genuine, { headers: { "x-ms-certificate-url": unreachable } });
    expect(response.headers.get("retry-after")).toBe("10");
    await expectRefused(response, 503, "certificate-unavailable");
  });

  it("413 for a body far larger than any event", async () => {
    const huge = Buffer.alloc(128 * 1024, 0x20);
    await expectRefused(await replay(running.url, genuine, { body: huge }), 413, "payload_too_large");
  });
});
