/**
 * The form API's routes under /api/v1: what reaches the service for each, id and body validation that keeps bad
 * requests from reaching it, and the service's refusals and failures as `{ error: { code, message, whatToDo } }`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ServiceRefusal } from "../../../server/http";
import { ApiError } from "../../../server/sync/apiError";
import { expectError, formCaller, REFERRAL_ID } from "./formCalls";
import { jsonOf, OPPORTUNITY_ID, startApp, type RunningApp } from "./harness";
import { SELLER_OID, startTestIssuer, type TestIssuer } from "./tokens";

let issuer: TestIssuer;
let running: RunningApp;
let call: ReturnType<typeof formCaller>;

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl);
  call = formCaller(issuer, () => running);
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

beforeEach(() => {
  running.services.form.calls.length = 0;
  running.services.form.failWith = undefined;
});

describe("the routes", () => {
  it("GET sync-status returns the service's status of the opportunity", async () => {
    const response = await call("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await jsonOf(response)).toMatchObject({ opportunityId: OPPORTUNITY_ID, status: "Synced", checkmark: true });
    expect(running.services.form.calls).toEqual([{ method: "status", args: [OPPORTUNITY_ID] }]);
  });

  it("takes the id as Xrm gives it (braces, upper case) and passes it on normalised", async () => {
    const response = await call("GET", `/opportunities/{${OPPORTUNITY_ID.toUpperCase()}}/sync-status`);
    expect(response.status).toBe(200);
    expect(running.services.form.calls[0]?.args).toEqual([OPPORTUNITY_ID]);
  });

  it("POST sync answers 202 and tells the service who asked", async () => {
    const response = await call("POST", `/opportunities/${OPPORTUNITY_ID}/sync`);
    expect(response.status).toBe(202);
    expect(await jsonOf(response)).toEqual({ jobId: "job-sync-1", coalesced: false });
    expect(running.services.form.calls[0]?.args).toEqual([
      OPPORTUNITY_ID,
      { id: SELLER_OID, name: "Sam Seller", roles: [] },
    ]);
  });

  it("POST validate returns the problems found", async () => {
    const response = await call("POST", `/opportunities/${OPPORTUNITY_ID}/validate`, { body: "" });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ valid: false, problems: [{ field: "customerName" }] });
  });

  it("POST accept and decline, with and without a reason", async () => {
    expect((await call("POST", `/referrals/${REFERRAL_ID}/accept`)).status).toBe(200);
    const declined = await call("POST", `/referrals/${REFERRAL_ID}/decline`, {
      body: JSON.stringify({ reason: "  Customer chose another partner " }),
    });
    expect(await jsonOf(declined)).toMatchObject({ status: "Closed", substatus: "Declined" });
    expect((await call("POST", `/referrals/${REFERRAL_ID}/decline`)).status).toBe(200);
    expect(running.services.form.calls.map((entry) => [entry.method, entry.args[1]])).toEqual([
      ["accept", expect.objectContaining({ id: SELLER_OID })],
      ["decline", "Customer chose another partner"],
      ["decline", null],
    ]);
  });
});

describe("bad requests never reach the service", () => {
  it("400 naming the problem for an opportunity id that is not a GUID", async () => {
    const body = await expectError(
      await call("GET", "/opportunities/12345/sync-status"),
      400,
      "invalid_opportunity_id",
    );
    expect(JSON.stringify(body)).toContain("GUID");
    await expectError(await call("POST", "/opportunities/not-a-guid/sync"), 400, "invalid_opportunity_id");
    await expectError(await call("POST", `/referrals/${"x".repeat(201)}/accept`), 400, "invalid_referral_id");
    expect(running.services.form.calls).toEqual([]);
  });

  it("400 for a decline body that is not { reason?: string }, 415 for another media type", async () => {
    const decline = `/referrals/${REFERRAL_ID}/decline`;
    await expectError(await call("POST", decline, { body: '{"reason": 5}' }), 400, "invalid_body");
    await expectError(await call("POST", decline, { body: '{"why": "x"}' }), 400, "invalid_body");
    await expectError(await call("POST", decline, { body: "{oops" }), 400, "invalid_body");
    await expectError(
      await call("POST", decline, { body: "why", headers: { "content-type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
    expect(running.services.form.calls).toEqual([]);
  });
});

describe("bad requests never reach the service", () => {
  it("400 naming the problem for an opportunity id that is not a GUID", async () => {
    const body = await expectError(
      await call("GET", "/opportunities/12345/sync-status"),
      400,
      "invalid_opportunity_id",
    );
    expect(JSON.stringify(body)).toContain("GUID");
    await expectError(await call("POST", "/opportunities/not-a-guid/sync"), 400, "invalid_opportunity_id");
    await expectError(await call("POST", `/referrals/${"x".repeat(201)}/accept`), 400, "invalid_referral_id");
    expect(running.services.form.calls).toEqual([]);
  });

  it("400 for a decline body that is not { reason?: string }, 415 for another media type", async () => {
    const decline = `/referrals/${REFERRAL_ID}/decline`;
    await expectError(await call("POST", decline, { body: '{"reason": 5}' }), 400, "invalid_body");
    await expectError(await call("POST", decline, { body: '{"why": "x"}' }), 400, "invalid_body");
    await expectError(await call("POST", decline, { body: "{oops" }), 400, "invalid_body");
    await expectError(
      await call("POST", decline, { body: "why", headers: { "content-type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
    expect(running.services.form.calls).toEqual([]);
  });
});

describe("the service's refusals and failures", () => {
  const syncPath = `/opportunities/${OPPORTUNITY_ID}/sync`;

  it("maps ServiceRefusal kinds to 404, 409, 422 and 503", async () => {
    const cases = [
      ["not-found", 404],
      ["conflict", 409],
      ["invalid", 422],
      ["unavailable", 503],
    ] as const;
    for (const [kind, status] of cases) {
      running.services.form.failWith = new ServiceRefusal(kind, `refused: ${kind}`, "Do this next.");
      const response = await call("POST", syncPath);
      const body = await expectError(response, status, kind.replace("-", "_"));
      expect(body).toEqual({
        error: { code: kind.replace("-", "_"), message: `refused: ${kind}`, whatToDo: "Do this next." },
      });
      if (status === 503) expect(response.headers.get("retry-after")).toBe("10");
    }
  });

  it("503 with the API's Retry-After for a retryable API failure, 502 for a refusal", async () => {
    const details = { api: "partnerCenter", code: null, request: "POST /v1.0/engagements/referrals" } as const;
    running.services.form.failWith = new ApiError({ ...details, status: 429, retryAfterMs: 30_000 }, "throttled");
    const throttled = await call("POST", `/referrals/${REFERRAL_ID}/accept`);
    await expectError(throttled, 503, "partnerCenter_unavailable");
    expect(throttled.headers.get("retry-after")).toBe("30");

    running.services.form.failWith = new ApiError({ ...details, status: 400, retryAfterMs: null }, "bad request");
    await expectError(await call("POST", `/referrals/${REFERRAL_ID}/accept`), 502, "partnerCenter_refused");
  });

  it("500 naming the request id, without the internal error's message", async () => {
    running.services.form.failWith = new Error("relation csb_state does not exist at db.internal");
    const response = await call("POST", syncPath);
    const body = await expectError(response, 500, "internal_error");
    expect(JSON.stringify(body)).toMatch(/request id req-/);
    expect(JSON.stringify(body)).not.toContain("db.internal");
  });
});
