import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeError } from "../../webresources/service/describeError";
import { SyncServiceError } from "../../webresources/service/serviceError";
import { syncServiceClient } from "../../webresources/service/syncServiceClient";
import type { SyncService } from "../../webresources/service/types";
import {
  OPPORTUNITY_ID,
  REFERRAL_ID,
  crashed,
  decision,
  invalidReport,
  ok,
  pendingStatus,
  syncQueued,
  throttled,
  unauthorized,
} from "./support/serviceAnswers";
import { resxLanguage } from "./support/resourceStrings";
import { SyncServiceStub, closedPortUrl, errorBody } from "./support/syncServiceStub";
import { START, fixedToken } from "./support/testRuntime";

const english = resxLanguage(1033);
const russian = resxLanguage(1049);

let stub: SyncServiceStub;
let service: SyncService;

function clientFor(baseUrl: string, options: { timeoutMs?: number; token?: () => Promise<string> } = {}) {
  return syncServiceClient({
    baseUrl,
    tokens: { getAccessToken: options.token ?? (() => fixedToken("token-of-ana").getAccessToken()) },
    fetch: (input, init) => fetch(input, init),
    now: () => START,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

async function failureOf(call: Promise<unknown>): Promise<SyncServiceError> {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SyncServiceError)) throw new Error(`expected a SyncServiceError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  stub = await SyncServiceStub.start();
  service = clientFor(stub.url);
});

afterEach(async () => {
  await stub.close();
});

describe("the sync service client", () => {
  it("reads the sync status with the page's bearer token, normalizing the form's {GUID} id", async () => {
    stub.answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, ok(pendingStatus()));

    const status = await service.status(`{${OPPORTUNITY_ID.toUpperCase()}}`);

    expect(status.status).toBe("Pending");
    expect(status.pending).toHaveLength(1);
    expect(stub.requests).toEqual([
      {
        method: "GET",
        path: `/api/v1/opportunities/${OPPORTUNITY_ID}/sync-status`,
        authorization: "Bearer token-of-ana",
        contentType: undefined,
        body: undefined,
      },
    ]);
  });

  it("posts sync (202), validate, accept, and decline with the reason body the service expects", async () => {
    stub
      .answer("POST", `/opportunities/${OPPORTUNITY_ID}/sync`, ok(syncQueued, 202))
      .answer("POST", `/opportunities/${OPPORTUNITY_ID}/validate`, ok(invalidReport()))
      .answer("POST", `/referrals/${REFERRAL_ID}/accept`, ok(decision("Active", "Accepted")))
      .answer("POST", `/referrals/${REFERRAL_ID}/decline`, ok(decision("Closed", "Declined")));

    expect(await service.syncNow(OPPORTUNITY_ID)).toEqual(syncQueued);
    expect((await service.validate(OPPORTUNITY_ID)).problems[0]?.code).toBe("dealValueNotPositive");
    expect((await service.accept(REFERRAL_ID)).substatus).toBe("Accepted");
    expect((await service.decline(REFERRAL_ID, null)).substatus).toBe("Declined");

    const decline = stub.requestsTo(`/referrals/${REFERRAL_ID}/decline`)[0];
    expect(decline?.body).toEqual({ reason: null });
    expect(decline?.contentType).toBe("application/json");
    expect(stub.requestsTo(`/opportunities/${OPPORTUNITY_ID}/sync`)[0]?.body).toBeUndefined();
  });

  it("says a seller must sign in again on 401, without retrying", async () => {
    stub.answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, unauthorized);

    const error = await failureOf(service.status(OPPORTUNITY_ID));

    expect(error.failure).toBe("unauthorized");
    expect(stub.requests).toHaveLength(1);
    expect(describeError(error, english, START)).toMatch(/didn't accept your sign-in\. Reload the form/);
  });

  it("honours Retry-After in seconds or as an HTTP date on 429 and says when to retry", async () => {
    stub
      .answer("POST", `/opportunities/${OPPORTUNITY_ID}/sync`, throttled("45"))
      .answer("POST", `/opportunities/${OPPORTUNITY_ID}/validate`, throttled(new Date(START + 90_000).toUTCString()));

    const seconds = await failureOf(service.syncNow(OPPORTUNITY_ID));
    const date = await failureOf(service.validate(OPPORTUNITY_ID));

    expect(seconds.failure).toBe("throttled");
    expect(seconds.details.retryAfterSeconds).toBe(45);
    expect(date.details.retryAfterSeconds).toBe(90);
    expect(describeError(seconds, english, START)).toContain("Try again in 45 seconds");
    expect(describeError(seconds, russian, START)).toContain("Повторите через 45 с");
  });

  it("shows the service's own message and what to do for a 4xx refusal", async () => {
    const refusal = errorBody(
      "referral_not_inbound",
      "referral 5a5e8d95 was created by your organization, not received",
      "Only referrals Microsoft sent you can be accepted.",
    );
    stub.answer("POST", `/referrals/${REFERRAL_ID}/accept`, { status: 409, body: refusal });

    const error = await failureOf(service.accept(REFERRAL_ID));

    expect(error.failure).toBe("refused");
    expect(describeError(error, english, START)).toBe(
      "The sync service refused: referral 5a5e8d95 was created by your organization, not received " +
        "Only referrals Microsoft sent you can be accepted.",
    );
  });

  it("reports a 500 with the service's request id, and one without a body in plain words", async () => {
    stub
      .answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, crashed)
      .answer("POST", `/opportunities/${OPPORTUNITY_ID}/sync`, { status: 502, raw: "<html>Bad gateway</html>" });

    const withBody = await failureOf(service.status(OPPORTUNITY_ID));
    const withoutBody = await failureOf(service.syncNow(OPPORTUNITY_ID));

    expect(withBody.failure).toBe("failed");
    expect(describeError(withBody, english, START)).toContain("(request id req-7)");
    expect(describeError(withoutBody, english, START)).toBe(
      "The sync service failed (HTTP 502). Try again; if it keeps failing, tell your admin.",
    );
  });

  it("treats 503 as briefly unavailable and keeps its Retry-After", async () => {
    const down = errorBody("dataverse_unavailable", "Dataverse did not answer.", "Try again in a moment.");
    stub.answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, {
      status: 503,
      body: down,
      headers: { "retry-after": "10" },
    });

    const error = await failureOf(service.status(OPPORTUNITY_ID));

    expect(error.failure).toBe("unavailable");
    expect(describeError(error, english, START)).toMatch(
      /^The sync service is briefly unavailable\. Dataverse did not answer\. Try again in 10 seconds/,
    );
  });

  it("says the service can't be reached when nothing listens", async () => {
    const error = await failureOf(clientFor(await closedPortUrl()).status(OPPORTUNITY_ID));

    expect(error.failure).toBe("unreachable");
    expect(describeError(error, english, START)).toBe(
      "The sync service can't be reached; try again in a minute or tell your admin.",
    );
  });

  it("gives up on a service that never answers after its timeout", async () => {
    stub.answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, { status: 200, hang: true });

    const error = await failureOf(clientFor(stub.url, { timeoutMs: 100 }).status(OPPORTUNITY_ID));

    expect(error.failure).toBe("timeout");
    expect(describeError(error, english, START)).toContain("didn't answer in time");
  });

  it("refuses a success whose body breaks the contract instead of showing undefined", async () => {
    const withoutPending = Object.fromEntries(Object.entries(pendingStatus()).filter(([key]) => key !== "pending"));
    stub
      .answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, ok({ status: "Synced" }), ok(withoutPending))
      .answer("POST", `/referrals/${REFERRAL_ID}/accept`, ok({ referralId: REFERRAL_ID }));

    expect((await failureOf(service.status(OPPORTUNITY_ID))).failure).toBe("badAnswer");
    expect((await failureOf(service.status(OPPORTUNITY_ID))).failure).toBe("badAnswer");
    const accepted = await failureOf(service.accept(REFERRAL_ID));
    expect(accepted.failure).toBe("badAnswer");
    expect(describeError(accepted, english, START)).toMatch(/^The sync service sent an answer this form can't read/);
  });

  it("sends nothing when the page can't give a token, and says sign-in is the problem", async () => {
    const noToken = clientFor(stub.url, { token: () => Promise.reject(new Error("interaction_required")) });

    const error = await failureOf(noToken.status(OPPORTUNITY_ID));

    expect(error.failure).toBe("signIn");
    expect(stub.requests).toHaveLength(0);
    expect(describeError(error, english, START)).toContain("interaction_required");
  });
});
