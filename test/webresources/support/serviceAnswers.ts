/**
 * Answers in the sync service's real shapes: typed against the service's own contract (server/http/services.ts), so
 * a change there breaks these fixtures at compile time instead of letting the web resources drift from it.
 */
import type {
  OpportunitySyncStatus,
  ReferralDecisionResult,
  SyncRequestResult,
  ValidationReport,
} from "../../../server/http/services";
import { errorBody, type StubAnswer } from "./syncServiceStub";

export const OPPORTUNITY_ID = "6d81597f-0f9f-e711-8122-000d3aa2331c";
export const REFERRAL_ID = "5a5e8d95-8e8b-4b7b-a3c4-2d7f0b6f8e61";
export const REFERRAL_LINK = `https://partner.microsoft.com/dashboard/referrals/v2/leads/${REFERRAL_ID}/details`;

export function syncStatus(overrides: Partial<OpportunitySyncStatus> = {}): OpportunitySyncStatus {
  return {
    opportunityId: OPPORTUNITY_ID,
    status: "Synced",
    checkmark: true,
    awaitingAnswer: false,
    referralId: REFERRAL_ID,
    referralLink: REFERRAL_LINK,
    lastSyncedAt: "2026-05-04T08:58:00.000Z",
    lastError: null,
    audit: [
      {
        at: "2026-05-04T08:58:00.000Z",
        text: "Created referral.",
        line: "[2026-05-04 08:58:00 UTC] Dynamics → Partner Center: Created referral.",
      },
    ],
    pending: [],
    ...overrides,
  };
}

export function pendingStatus(): OpportunitySyncStatus {
  return syncStatus({
    status: "Pending",
    checkmark: false,
    pending: [
      {
        jobId: "0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10",
        state: "queued",
        reason: `Update of opportunity ${OPPORTUNITY_ID} in Dataverse`,
        queuedAt: "2026-05-04T09:00:00.000Z",
        attempts: 0,
        nextAttemptAt: null,
      },
    ],
  });
}

export function errorStatus(): OpportunitySyncStatus {
  return syncStatus({
    status: "Error",
    checkmark: false,
    lastError: {
      at: "2026-05-04T08:59:00.000Z",
      message: "Partner Center refused the referral: the customer's country 'Germany' is not a two-letter code.",
      whatToDo: "Set the account's country to DE and save the opportunity again.",
    },
  });
}

export const syncQueued: SyncRequestResult = { jobId: "0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10", coalesced: false };

export function validReport(): ValidationReport {
  return { opportunityId: OPPORTUNITY_ID, valid: true, problems: [] };
}

export function invalidReport(): ValidationReport {
  return {
    opportunityId: OPPORTUNITY_ID,
    valid: false,
    problems: [
      {
        code: "dealValueNotPositive",
        field: "dealValue",
        message: "Enter an estimated revenue above 0; Partner Center refuses empty deals.",
      },
    ],
  };
}

export function decision(status: string, substatus: string): ReferralDecisionResult {
  return { referralId: REFERRAL_ID, status, substatus, opportunityId: OPPORTUNITY_ID };
}

export const ok = (body: unknown, status = 200): StubAnswer => ({ status, body });

/** 401 as the bearer gate sends it (server/http/auth/bearer.ts). */
export const unauthorized: StubAnswer = {
  status: 401,
  body: errorBody("invalid_token", "the token has expired", "Sign in again (reload the form)."),
  headers: { "www-authenticate": 'Bearer realm="cosell-bridge", error="invalid_token"' },
};

export const throttled = (retryAfter: string): StubAnswer => ({
  status: 429,
  body: errorBody("too_many_requests", "too many requests from this user", "Wait and try again."),
  headers: { "retry-after": retryAfter },
});

export const crashed: StubAnswer = {
  status: 500,
  body: errorBody(
    "internal_error",
    "the service failed while handling this request (request id req-7)",
    "Try again; if it keeps failing, give the request id to an admin.",
  ),
};
