import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../server/sync/apiError";
import { failureOf, retryDelayMs } from "../../../server/queue";

const policy = { baseMs: 1_000, capMs: 300_000 };

describe("retry delays", () => {
  it("double the bound with each attempt up to the cap, and jitter within it", () => {
    const top = () => 0.999_999_9;
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, null, top))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(retryDelayMs(20, policy, null, top)).toBe(300_000);
    expect(retryDelayMs(3, policy, null, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, null, () => 0.5)).toBe(2_000);
  });

  it("are never shorter than Retry-After, and never longer than the cap without one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 3_600_000 }), { nil: null }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, retryAfterMs, random) => {
          const delay = retryDelayMs(attempt, policy, retryAfterMs, () => random);
          expect(delay).toBeGreaterThanOrEqual(retryAfterMs ?? 0);
          expect(delay).toBeLessThanOrEqual(Math.max(policy.capMs, retryAfterMs ?? 0));
        },
      ),
    );
  });
});

describe("what the queue reads from a thrown error", () => {
  it("honours an ApiError's retryability and Retry-After", () => {
    const throttled = new ApiError(
      { api: "partnerCenter", status: 429, code: null, request: "GET /referrals", retryAfterMs: 30_000 },
      "Partner Center throttled the request",
    );
    expect(failureOf(throttled)).toEqual({
      reason: "Partner Center throttled the request",
      retryable: true,
      retryAfterMs: 30_000,
    });
    const invalid = new ApiError(
      { api: "dataverse", status: 400, code: "0x80040237", request: "PATCH /opportunities", retryAfterMs: null },
      "Dataverse refused the update",
    );
    expect(failureOf(invalid)).toMatchObject({ retryable: false, retryAfterMs: null });
  });

  it("retries anything else with the normal backoff, and keeps long reasons short", () => {
    expect(failureOf("plain string")).toEqual({ reason: "plain string", retryable: true, retryAfterMs: null });
    expect(failureOf({ retryAfterMs: -5 })).toMatchObject({ retryAfterMs: null });
    expect(failureOf(new Error("x".repeat(5_000))).reason).toHaveLength(1_000);
  });
});
