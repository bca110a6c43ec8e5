import { describe, expect, it } from "vitest";
import { typedValue } from "../../../../emulators/dataverse/webhooks";
import {
  checkWebhookKey,
  opportunityDedupeKey,
  parseRemoteExecutionContext,
  toSyncJob,
  type OpportunitySyncJob,
  type SyncJobDecision,
} from "../../../../server/intake/dataverse";
import {
  CHANGED_AT,
  CORRELATION_ID,
  createNotification,
  INTEGRATION_USER_ID,
  OPPORTUNITY_ID,
  ORGANIZATION_DOMAIN,
  receivedRequest,
  SELLER_ID,
  step,
  updateNotification,
  WEBHOOK_KEY,
  type ReceivedRequest,
} from "./fixtures";

const SETTINGS = { integrationUserIds: [INTEGRATION_USER_ID] };

/** The whole intake, as the HTTP handler runs it. */
function intake(request: ReceivedRequest, settings = SETTINGS): SyncJobDecision {
  checkWebhookKey(request, WEBHOOK_KEY);
  return toSyncJob(parseRemoteExecutionContext(request.body, request.headers), settings);
}

function job(decision: SyncJobDecision): OpportunitySyncJob {
  if (decision.kind !== "dataverse-opportunity") throw new Error(`expected a job, got: ${decision.reason}`);
  return decision;
}

describe("toSyncJob", () => {
  it("makes a seller's Update of an opportunity into a job keyed by the record", () => {
    const request = receivedRequest(updateNotification());
    expect(intake(request)).toEqual({
      kind: "dataverse-opportunity",
      opportunityId: OPPORTUNITY_ID,
      dedupeKey: `opportunity:${OPPORTUNITY_ID}`,
      reason: `Update of opportunity ${OPPORTUNITY_ID} in Dataverse`,
      echo: false,
      messageName: "Update",
      changedColumns: ["name"],
      trimmed: false,
      operationCreatedOn: CHANGED_AT.toISOString(),
      correlationId: CORRELATION_ID,
      depth: 1,
      initiatingUserId: SELLER_ID,
      userId: SELLER_ID,
      requestId: request.headers["x-request-id"],
      organization: ORGANIZATION_DOMAIN,
    });
  });

  it("lists a Create's columns, without the primary key and the modified* bookkeeping", () => {
    const created = job(intake(receivedRequest(createNotification(), { step: step({ message: "Create" }) })));
    expect(created.changedColumns).toContain("csb_microsofthelp");
    expect(created.changedColumns).toContain("createdon");
    expect(created.changedColumns).not.toContain("opportunityid");
    expect(created.changedColumns).not.toContain("modifiedon");
  });

  it("marks a change initiated by the integration user as an echo", () => {
    const notification = updateNotification({ initiatingUserId: INTEGRATION_USER_ID, userId: INTEGRATION_USER_ID });
    const echoed = job(intake(receivedRequest(notification)));
    expect(echoed.echo).toBe(true);
    expect(echoed.reason).toContain("integration user (echo)");
    expect(echoed.dedupeKey).toBe(`opportunity:${OPPORTUNITY_ID}`);
  });

  it("marks an echo when only one of the two users is the integration user", () => {
    const impersonating = updateNotification({ initiatingUserId: INTEGRATION_USER_ID });
    expect(job(intake(receivedRequest(impersonating))).echo).toBe(true);
    const impersonated = updateNotification({ userId: INTEGRATION_USER_ID });
    expect(job(intake(receivedRequest(impersonated))).echo).toBe(true);
  });

  it("matches integration user ids without regard to case or braces", () => {
    const notification = updateNotification({ initiatingUserId: INTEGRATION_USER_ID });
    const settings = { integrationUserIds: [`{${INTEGRATION_USER_ID.toUpperCase()}}`] };
    expect(job(intake(receivedRequest(notification), settings)).echo).toBe(true);
    expect(job(intake(receivedRequest(notification), { integrationUserIds: [] })).echo).toBe(false);
  });

  it("ignores other tables, saying why", () => {
    const notification = updateNotification({ entityName: "account", id: "22222222-2222-4222-8222-222222222222" });
    const decision = intake(receivedRequest(notification, { step: step({ primaryEntity: "account" }) }));
    expect(decision).toEqual({
      kind: "ignored",
      reason: "Update of account 22222222-2222-4222-8222-222222222222: only opportunity changes are synced",
    });
  });

  it("passes a trimmed body on, so the engine reads the record", () => {
    const longText = typedValue.string("x".repeat(4000));
    const request = receivedRequest(updateNotification({ target: { description: longText } }), { maxBodyBytes: 2048 });
    expect(job(intake(request))).toMatchObject({ trimmed: true, changedColumns: [] });
  });

  it("is plain JSON, so a durable queue stores it unchanged", () => {
    const decision = intake(receivedRequest(updateNotification()));
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it("gives every change to one record the same dedupe key, whatever the id's case", () => {
    expect(opportunityDedupeKey(OPPORTUNITY_ID.toUpperCase())).toBe(`opportunity:${OPPORTUNITY_ID}`);
    const first = job(intake(receivedRequest(updateNotification())));
    const second = job(intake(receivedRequest(updateNotification({ id: OPPORTUNITY_ID.toUpperCase() }))));
    expect(second.dedupeKey).toBe(first.dedupeKey);
  });
});
