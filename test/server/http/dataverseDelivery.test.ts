/**
 * The Dataverse emulator's WebhookCaller delivering to the real app, as Dataverse would (dataverse.md §3.4): a
 * seller's change becomes a job and the system job succeeds; when the queue is briefly down, the 503 makes the
 * caller try once more and the change is stored then, not lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebhookCaller, type AsyncOperationRecord } from "../../../emulators/dataverse/webhooks";
import { ManualClock } from "../../../emulators/shared/clock";
import { seededIds } from "../../../emulators/shared/ids";
import { OPPORTUNITY_ID } from "../../support/dataverseWebhookFixtures";
import { endpointFor, nameUpdate, updateStep } from "./dataverseRequests";
import { INTEGRATION_USER_ID, startApp, type RunningApp } from "./harness";
import { startTestIssuer, type TestIssuer } from "./tokens";

let issuer: TestIssuer;
let running: RunningApp;
let caller: WebhookCaller;
let systemJobs: AsyncOperationRecord[];

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl);
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

afterEach(async () => {
  await caller.close();
  running.services.queue.jobs.length = 0;
  running.services.queue.drain();
});

function startCaller(): WebhookCaller {
  systemJobs = [];
  caller = new WebhookCaller({
    clock: new ManualClock("2026-01-01T10:00:05Z"),
    ids: seededIds("http-dataverse-delivery"),
    onAsyncOperation: (record) => systemJobs.push(record),
  });
  return caller;
}

function registrations() {
  return { serviceEndpoints: [endpointFor(running.url)], steps: [updateStep] };
}

describe("deliveries by the Dataverse webhook caller", () => {
  it("stores a seller's change and the system job succeeds at the first attempt", async () => {
    const webhooks = startCaller();
    await webhooks.dispatch(nameUpdate(), registrations());
    await webhooks.idle();
    expect(running.services.queue.jobs).toEqual([
      expect.objectContaining({ kind: "dataverse-opportunity", opportunityId: OPPORTUNITY_ID, echo: false }),
    ]);
    expect(systemJobs).toEqual([expect.objectContaining({ statuscode: 30, retrycount: 0 })]);
  });

  it("gets a 503 while the queue is down, tries once more, and the change is stored", async () => {
    running.services.queue.failNext = 1;
    const webhooks = startCaller();
    await webhooks.dispatch(nameUpdate(), registrations());
    await webhooks.idle();
    expect(running.services.queue.failedCalls).toBeGreaterThanOrEqual(1);
    expect(running.services.queue.jobs).toHaveLength(1);
    expect(systemJobs).toEqual([expect.objectContaining({ statuscode: 30, retrycount: 1 })]);
  });

  it("acknowledges the service's own change without a job, so the system job still succeeds", async () => {
    const webhooks = startCaller();
    await webhooks.dispatch(nameUpdate({ initiatingUserId: INTEGRATION_USER_ID }), registrations());
    await webhooks.idle();
    expect(running.services.queue.jobs).toEqual([]);
    expect(systemJobs).toEqual([expect.objectContaining({ statuscode: 30 })]);
  });
});
