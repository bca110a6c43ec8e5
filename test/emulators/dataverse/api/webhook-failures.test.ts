/**
 * When webhooks fail (dataverse.md §3.4): an asynchronous step's failure becomes a system job with statuscode 31,
 * found with the documented Web API query and never showing the key; 502/503/504 get one more attempt; a timeout is
 * a failure; a failing synchronous step fails the Web API write (alone or in a $batch change set) and nothing is
 * kept; a body over the size limit is trimmed and flagged.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { startReceiver, type Receiver } from "../webhooks/receiver";
import { call, clientCredentialsToken, errorOf, idOfEntity, objectOf, startTestEmulator } from "./harness";
import { registerWebhook, type RegisteredWebhook } from "./registration";

const KEY = "failing-hook-key-3c1f";
const GUID = /^[0-9a-f-]{36}$/;

let emulator: DataverseEmulator;
let receiver: Receiver;
let token: string;
let asyncHook: RegisteredWebhook;
let syncHook: RegisteredWebhook;
let opportunityId: string;

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([
    startTestEmulator({ seed: { opportunities: 10 }, webhooks: { timeoutMs: 1000 } }),
    startReceiver(),
  ]);
  token = await clientCredentialsToken(emulator);
  asyncHook = await registerWebhook(emulator, token, {
    url: receiver.url,
    key: KEY,
    message: "Update",
    entity: "opportunity",
    mode: 1,
  });
  syncHook = await registerWebhook(emulator, token, {
    url: `${receiver.url}?sync=1`,
    key: KEY,
    message: "Create",
    entity: "account",
    mode: 0,
  });
  const [open] = emulator.org.retrieveMultiple("opportunities", {
    select: ["name"],
    filter: "statecode eq 0",
    top: 1,
  }).value;
  opportunityId = String(open?.opportunityid);
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

beforeEach(async () => {
  receiver.answerWith(() => 200);
  await emulator.idle();
  await emulator.admin.clearDeliveries();
});

async function touchOpportunity(name: string): Promise<void> {
  const result = await call(emulator, "PATCH", `/api/data/v9.2/opportunities(${opportunityId})`, {
    token,
    body: { name },
  });
  expect(result.status).toBe(204);
  await emulator.idle();
}

async function failedJobs(): Promise<Record<string, unknown>[]> {
  const filter = `statuscode eq 31 and _owningextensionid_value eq ${asyncHook.stepId}`;
  const select = "name,friendlymessage,errorcode,message,completedon,statuscode";
  const page = await call(emulator, "GET", `/api/data/v9.2/asyncoperations?$filter=${filter}&$select=${select}`, {
    token,
  });
  expect(page.status).toBe(200);
  return objectOf(page).value as Record<string, unknown>[];
}

describe("a failing asynchronous step", () => {
  it("is recorded as a failed system job, queryable through the Web API, without the key", async () => {
    const before = (await failedJobs()).length;
    receiver.answerWith(() => 500);
    await touchOpportunity("Receiver is down");
    const jobs = await failedJobs();
    expect(jobs).toHaveLength(before + 1);
    const job = jobs.at(-1) ?? {};
    expect(job).toMatchObject({
      statuscode: 31,
      name: "test hook: Update of opportunity",
      errorcode: expect.any(Number) as unknown,
    });
    expect(String(job.friendlymessage)).toContain("HTTP 500");
    expect(String(job.message)).toContain("HTTP 500");
    expect(String(job.completedon)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.stringify(jobs)).not.toContain(KEY);
    // 500 is not one of the retried statuses (§3.4): one attempt only.
    const deliveries = await emulator.admin.deliveries();
    expect(deliveries.map((delivery) => delivery.status)).toEqual([500]);
    expect(deliveries[0]).toMatchObject({ stepId: asyncHook.stepId, message: "Update", entity: "opportunity" });
    expect(deliveries[0]?.url).toBe(receiver.url);
    const adminJobs = await emulator.admin.asyncOperations(31);
    expect(JSON.stringify(adminJobs)).not.toContain(KEY);
  });

  it("gets one more attempt after a 503, and succeeds then", async () => {
    let answered = 0;
    receiver.answerWith(() => (answered++ === 0 ? 503 : 200));
    const failedBefore = (await failedJobs()).length;
    await touchOpportunity("Receiver hiccups");
    expect((await emulator.admin.deliveries()).map((delivery) => delivery.status)).toEqual([503, 200]);
    expect(await failedJobs()).toHaveLength(failedBefore);
    const succeeded = await emulator.admin.asyncOperations(30);
    expect(succeeded.at(-1)).toMatchObject({ owningextensionid: asyncHook.stepId, retrycount: 1 });
  });

  it("fails when the receiver does not answer within the timeout", async () => {
    const before = (await failedJobs()).length;
    receiver.answerWith(() => "hang");
    await touchOpportunity("Receiver hangs");
    const jobs = await failedJobs();
    expect(jobs).toHaveLength(before + 1);
    expect(String(jobs.at(-1)?.message)).toContain("no response within 1000 ms");
  });

  it("uses the key the admin sets afterwards", async () => {
    const result = await emulator.admin.setAuthValue(asyncHook.endpointId, "rotated-key");
    expect(result).toEqual({ serviceendpointid: asyncHook.endpointId, isauthvalueset: true });
    const count = receiver.requests.length;
    await touchOpportunity("After the key rotation");
    expect(receiver.requests[count]?.query.get("code")).toBe("rotated-key");
    await emulator.admin.setAuthValue(asyncHook.endpointId, KEY);
  });
});

describe("a synchronous step", () => {
  it("fails the Web API create when the receiver fails, and nothing is created", async () => {
    receiver.answerWith((request) => (request.query.get("sync") === "1" ? 500 : 200));
    const result = await call(emulator, "POST", "/api/data/v9.2/accounts", {
      token,
      body: { name: "Refused by the hook" },
    });
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe("0x80040265");
    expect(errorOf(result).message).toContain("HTTP 500");
    expect(result.text).not.toContain(KEY);
    const found = await call(emulator, "GET", "/api/data/v9.2/accounts?$filter=name eq 'Refused by the hook'", {
      token,
    });
    expect(objectOf(found).value).toEqual([]);
  });

  it("is called inside the transaction before the create commits, with the new id", async () => {
    const count = receiver.requests.length;
    const result = await call(emulator, "POST", "/api/data/v9.2/accounts", {
      token,
      body: { name: "Accepted by the hook" },
    });
    expect(result.status).toBe(204);
    const id = idOfEntity(result.headers.get("odata-entityid"));
    const request = receiver.requests[count];
    const body = JSON.parse(request?.text ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({
      MessageName: "Create",
      Mode: 0,
      IsInTransaction: true,
      OperationId: "00000000-0000-0000-0000-000000000000",
      PrimaryEntityId: id,
      OutputParameters: [{ key: "id", value: id }],
      OwningExtension: { Id: syncHook.stepId },
    });
    expect(request?.headers["x-request-id"]).toMatch(GUID);
    expect(receiver.requests).toHaveLength(count + 1);
  });

  it("fails a $batch change set as a whole", async () => {
    receiver.answerWith((request) => (request.query.get("sync") === "1" ? 500 : 200));
    const boundary = "batch_sync";
    const changeSet = "changeset_sync";
    const part = (name: string, contentId: number) =>
      [
        `--${changeSet}`,
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        `Content-ID: ${contentId}`,
        "",
        "POST /api/data/v9.2/accounts HTTP/1.1",
        "Content-Type: application/json",
        "",
        JSON.stringify({ name }),
      ].join("\r\n");
    const body = [
      `--${boundary}`,
      `Content-Type: multipart/mixed; boundary=${changeSet}`,
      "",
      part("Batch account one", 1),
      part("Batch account two", 2),
      `--${changeSet}--`,
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const result = await call(emulator, "POST", "/api/data/v9.2/$batch", {
      token,
      body,
      headers: { "content-type": `multipart/mixed; boundary=${boundary}` },
    });
    expect(result.status).toBe(200);
    expect(result.text).toContain("HTTP/1.1 400");
    expect(result.text).toContain("0x80040265");
    const found = await call(emulator, "GET", "/api/data/v9.2/accounts?$filter=startswith(name,'Batch account')", {
      token,
    });
    expect(objectOf(found).value).toEqual([]);
  });
});

describe("an oversized body", () => {
  it("is trimmed and flagged with x-ms-dynamics-msg-size-exceeded", async () => {
    const small = await startTestEmulator({ seed: { opportunities: 1 }, webhooks: { maxBodyBytes: 1500 } });
    try {
      const smallToken = await clientCredentialsToken(small);
      await registerWebhook(small, smallToken, {
        url: receiver.url,
        key: KEY,
        message: "Create",
        entity: "contact",
        mode: 1,
      });
      const count = receiver.requests.length;
      const created = await call(small, "POST", "/api/data/v9.2/contacts", {
        token: smallToken,
        body: { lastname: "Large" },
      });
      expect(created.status).toBe(204);
      await receiver.received(count + 1);
      const request = receiver.requests[count];
      expect(request?.headers["x-ms-dynamics-msg-size-exceeded"]).toBeDefined();
      const body = JSON.parse(request?.text ?? "{}") as Record<string, unknown>;
      expect(body.InputParameters).toBeUndefined();
      expect(body.PostEntityImages).toBeUndefined();
      expect(body.MessageName).toBe("Create");
    } finally {
      await small.close();
    }
  });
});
