/**
 * POST /webhooks/dataverse with the requests the Dataverse emulator builds (dataverse.md §3.3): accepted changes are
 * queued and acknowledged with 202, echoes and other tables are acknowledged without a job, every refusal answers
 * 400/401/413/415 with a JSON error and queues nothing, and a queue outage answers 503 with Retry-After.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OpportunitySyncJob } from "../../../server/intake/dataverse";
import { OPPORTUNITY_ID, WEBHOOK_KEY } from "../../support/dataverseWebhookFixtures";
import {
  accountUpdate,
  dataverseRequest,
  endpointFor,
  headerEndpointFor,
  nameUpdate,
  send,
  withCode,
  type DataverseRequest,
} from "./dataverseRequests";
import { containing, errorBody, INTEGRATION_USER_ID, jsonOf, matching, startApp, type RunningApp } from "./harness";
import { startTestIssuer, type TestIssuer } from "./tokens";

/** A small limit, so the 413 tests send kilobytes rather than megabytes. */
const MAX_BODY_BYTES = 16 * 1024;

let issuer: TestIssuer;
let running: RunningApp;

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl, { dataverseMaxBodyBytes: MAX_BODY_BYTES });
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

beforeEach(() => {
  running.services.queue.jobs.length = 0;
  running.services.queue.drain();
  running.services.queue.failNext = 0;
  running.services.integrationUsers.known = [INTEGRATION_USER_ID];
});

function sellerUpdate(): DataverseRequest {
  return dataverseRequest(nameUpdate(), endpointFor(running.url));
}

async function expectRefused(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await jsonOf(response);
  expect(body).toEqual(errorBody(code));
  expect(JSON.stringify(body)).not.toContain(WEBHOOK_KEY);
  expect(running.services.queue.jobs).toEqual([]);
}

describe("accepted changes", () => {
  it("queues a seller's update with the key in ?code= and answers 202 with the job id", async () => {
    const response = await send(sellerUpdate());
    expect(response.status).toBe(202);
    expect(await jsonOf(response)).toEqual({
      accepted: true,
      jobId: matching(/^job-/),
      coalesced: false,
      outcome: "enqueued",
    });
    const [job] = running.services.queue.jobs as OpportunitySyncJob[];
    expect(job).toMatchObject({
      kind: "dataverse-opportunity",
      opportunityId: OPPORTUNITY_ID,
      dedupeKey: `opportunity:${OPPORTUNITY_ID}`,
      echo: false,
      messageName: "Update",
      changedColumns: ["name"],
      trimmed: false,
    });
  });

  it("accepts the key in the x-api-key header (HttpHeader auth type)", async () => {
    const response = await send(dataverseRequest(nameUpdate(), headerEndpointFor(running.url, "x-api-key")));
    expect(response.status).toBe(202);
    expect(running.services.queue.jobs).toHaveLength(1);
  });

  it("coalesces a second change of the same opportunity into the waiting job", async () => {
    const first = await jsonOf(await send(sellerUpdate()));
    const second = await send(sellerUpdate());
    expect(await jsonOf(second)).toEqual({ accepted: true, jobId: first.jobId, coalesced: true, outcome: "coalesced" });
    expect(running.services.queue.jobs).toHaveLength(2);
    expect(running.metrics.jobsCoalesced.get({ kind: "dataverse-opportunity" })).toBeGreaterThanOrEqual(1);
  });

  it("queues a trimmed body (x-ms-dynamics-msg-size-exceeded) for the engine to read the record", async () => {
    const request = dataverseRequest(nameUpdate(), endpointFor(running.url), 512);
    expect(request.headers["x-ms-dynamics-msg-size-exceeded"]).toBe("true");
    expect((await send(request)).status).toBe(202);
    expect(running.services.queue.jobs[0]).toMatchObject({ trimmed: true, changedColumns: [] });
  });

  it("accepts every UTF-8 spelling of the media type and a byte order mark", async () => {
    for (const contentType of [
      "application/json",
      "application/json; charset=utf-8",
      'Application/JSON; charset="UTF8"',
    ]) {
      running.services.queue.drain();
      const request = sellerUpdate();
      const withBom = { ...request, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), request.body]) };
      expect((await send(withBom, { "content-type": contentType })).status).toBe(202);
    }
    expect(running.services.queue.jobs).toHaveLength(3);
  });
});

describe("changes that are acknowledged without a job", () => {
  it("counts and drops the service's own change (echo), answering 202", async () => {
    const before = running.metrics.echoesSuppressed.get({ source: "dataverse" });
    const echo = nameUpdate({ initiatingUserId: INTEGRATION_USER_ID, userId: INTEGRATION_USER_ID });
    const response = await send(dataverseRequest(echo, endpointFor(running.url)));
    expect(response.status).toBe(202);
    expect(await jsonOf(response)).toMatchObject({ accepted: true, jobId: null, coalesced: false, outcome: "echo" });
    expect(running.services.queue.jobs).toEqual([]);
    expect(running.metrics.echoesSuppressed.get({ source: "dataverse" })).toBe(before + 1);
  });

  it("recognises an echo made under impersonation (UserId is the integration user)", async () => {
    const impersonated = nameUpdate({ userId: INTEGRATION_USER_ID });
    expect(await jsonOf(await send(dataverseRequest(impersonated, endpointFor(running.url))))).toMatchObject({
      outcome: "echo",
    });
    expect(running.services.queue.jobs).toEqual([]);
  });

  it("ignores a change of another table", async () => {
    const response = await send(dataverseRequest(accountUpdate(), endpointFor(running.url)));
    expect(response.status).toBe(202);
    expect(await jsonOf(response)).toMatchObject({
      outcome: "ignored",
      reason: containing("opportunity"),
    });
    expect(running.services.queue.jobs).toEqual([]);
  });
});

describe("refusals queue nothing", () => {
  it("401 without a key", async () => {
    const request = sellerUpdate();
    await expectRefused(await send({ ...request, url: withCode(request.url, undefined) }), 401, "webhook_key_missing");
  });

  it("401 with a wrong key, in the query or in the header", async () => {
    const request = sellerUpdate();
    await expectRefused(await send({ ...request, url: withCode(request.url, "wrong") }), 401, "webhook_key_mismatch");
    // A right key in the query does not hide a wrong one in the header.
    await expectRefused(await send(request, { "x-api-key": "wrong" }), 401, "webhook_key_mismatch");
  });

  it("401 before reading the body: a wrong key with an oversized body is not a 413", async () => {
    const request = sellerUpdate();
    const huge = {
      url: withCode(request.url, "wrong"),
      headers: request.headers,
      body: Buffer.alloc(MAX_BODY_BYTES * 4),
    };
    await expectRefused(await send(huge), 401, "webhook_key_mismatch");
  });

  it("415 for another or no media type, another charset, or a compressed body", async () => {
    const request = sellerUpdate();
    await expectRefused(await send(request, { "content-type": "text/plain" }), 415, "unsupported_media_type");
    await expectRefused(await send(request, { "content-type": undefined }), 415, "unsupported_media_type");
    await expectRefused(
      await send(request, { "content-type": "application/json; charset=utf-16" }),
      415,
      "unsupported_media_type",
    );
    await expectRefused(await send(request, { "content-encoding": "gzip" }), 415, "unsupported_media_type");
  });

  it("413 above the body limit, whether the length is declared or streamed", async () => {
    const request = sellerUpdate();
    const big = Buffer.concat([request.body, Buffer.alloc(MAX_BODY_BYTES, 0x20)]);
    await expectRefused(await send({ ...request, body: big }), 413, "payload_too_large");

    const streamed = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(big));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    await expectRefused(streamed, 413, "payload_too_large");
  });

  it("400 for an empty body, invalid JSON, or JSON that is not a RemoteExecutionContext", async () => {
    const request = sellerUpdate();
    await expectRefused(await send({ ...request, body: Buffer.alloc(0) }), 400, "invalid_body");
    await expectRefused(await send({ ...request, body: Buffer.from("{ not json") }), 400, "invalid_body");
    await expectRefused(await send({ ...request, body: Buffer.from("{}") }), 400, "not_an_execution_context");
  });

  it("400 when the headers contradict the body", async () => {
    const response = await send(sellerUpdate(), { "x-ms-dynamics-entity-name": "account" });
    await expectRefused(response, 400, "header_body_mismatch");
  });

  it("counts refusals by code", async () => {
    const before = running.metrics.webhookRefusals.get({ source: "dataverse", code: "webhook_key_missing" });
    const request = sellerUpdate();
    await send({ ...request, url: withCode(request.url, undefined) });
    expect(running.metrics.webhookRefusals.get({ source: "dataverse", code: "webhook_key_missing" })).toBe(before + 1);
  });
});

describe("when the change cannot be stored", () => {
  it("answers 503 with Retry-After, and the retry is stored", async () => {
    running.services.queue.failNext = 1;
    const request = sellerUpdate();
    const refused = await send(request);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("10");
    const body = await jsonOf(refused);
    expect(body).toMatchObject({ error: { code: "queue_unavailable" } });
    // The database error stays in the log; the caller learns only that the queue is unavailable.
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
    expect(running.services.queue.jobs).toEqual([]);

    expect((await send(request)).status).toBe(202);
    expect(running.services.queue.jobs).toHaveLength(1);
  });

  it("answers 503 while the integration users are unknown, rather than risk syncing an echo", async () => {
    running.services.integrationUsers.known = null;
    const response = await send(sellerUpdate());
    expect(response.status).toBe(503);
    expect(await jsonOf(response)).toMatchObject({ error: { code: "integration_users_unknown" } });
    expect(running.services.queue.jobs).toEqual([]);
  });
});
