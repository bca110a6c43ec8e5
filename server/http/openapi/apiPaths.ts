/** The form API and the admin API in the OpenAPI document. */
import { FORM_API_PREFIX } from "../form/formRoutes";
import {
  ADMIN_PREFIX,
  DEFAULT_PROBLEM_LIMIT,
  DEFAULT_RECENT_SYNC_LIMIT,
  MAX_PROBLEM_LIMIT,
  MAX_RECENT_SYNC_LIMIT,
} from "../operations/adminRoutes";
import { errorResponses, jsonBody, jsonResponse, pathParameter, type OpenApiObject } from "./building";

const opportunityId = pathParameter("id", "The opportunityid (a GUID; braces allowed).", {
  type: "string",
  examples: ["6d81597f-0f9f-e711-8122-000d3aa2331c"],
});
const referralId = pathParameter("id", "The Partner Center referral id.", {
  type: "string",
  pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$",
});
const jobId = pathParameter("id", "The queue's job id.", {
  type: "string",
  pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$",
});

const formSecurity = [{ bearerJwt: [] }];

function formOperation(
  operationId: string,
  summary: string,
  parameter: OpenApiObject,
  success: readonly [status: string, description: string, schema: string],
  errors: readonly number[],
  extra: OpenApiObject = {},
): OpenApiObject {
  const [status, description, schema] = success;
  return {
    operationId,
    tags: ["form"],
    summary,
    security: formSecurity,
    parameters: [parameter],
    ...extra,
    responses: { [status]: jsonResponse(description, schema), ...errorResponses(...errors) },
  };
}

const COMMON_FORM_ERRORS = [400, 401, 403, 404, 500, 502, 503] as const;

export const formPaths: Readonly<Record<string, OpenApiObject>> = {
  [`${FORM_API_PREFIX}/opportunities/{id}/sync-status`]: {
    get: formOperation(
      "getSyncStatus",
      "Where the opportunity stands with Partner Center: status, checkmark, referral, last error, audit, pending jobs.",
      opportunityId,
      ["200", "The opportunity's sync status.", "OpportunitySyncStatus"],
      COMMON_FORM_ERRORS,
    ),
  },
  [`${FORM_API_PREFIX}/opportunities/{id}/sync`]: {
    post: formOperation(
      "syncNow",
      "Sync the opportunity now (queues a job, or joins the one waiting).",
      opportunityId,
      ["202", "Queued.", "SyncRequestResult"],
      [...COMMON_FORM_ERRORS, 409, 422],
    ),
  },
  [`${FORM_API_PREFIX}/opportunities/{id}/validate`]: {
    post: formOperation(
      "validateOpportunity",
      "Check the opportunity as a sync would, without writing anything.",
      opportunityId,
      ["200", "The problems Partner Center would find (none when valid).", "ValidationReport"],
      COMMON_FORM_ERRORS,
    ),
  },
  [`${FORM_API_PREFIX}/referrals/{id}/accept`]: {
    post: formOperation(
      "acceptReferral",
      "Accept an inbound referral in Partner Center.",
      referralId,
      ["200", "The referral after accepting.", "ReferralDecisionResult"],
      [...COMMON_FORM_ERRORS, 409, 422],
    ),
  },
  [`${FORM_API_PREFIX}/referrals/{id}/decline`]: {
    post: formOperation(
      "declineReferral",
      "Decline an inbound referral in Partner Center, optionally saying why.",
      referralId,
      ["200", "The referral after declining.", "ReferralDecisionResult"],
      [...COMMON_FORM_ERRORS, 409, 415, 422],
      { requestBody: jsonBody("DeclineRequest", false, "Optional; no body means no reason.") },
    ),
  },
};

interface AdminOperationParts {
  readonly parameters?: readonly OpenApiObject[];
  /** Error statuses beyond those of every admin call. */
  readonly errors?: readonly number[];
}

function adminOperation(
  adminRole: string,
  operationId: string,
  summary: string,
  success: readonly [status: string, description: string, schema: string],
  parts: AdminOperationParts = {},
): OpenApiObject {
  const [status, description, schema] = success;
  const errors = [400, 401, 403, ...(parts.errors ?? []), 500, 503].sort((a, b) => a - b);
  return {
    operationId,
    tags: ["admin"],
    summary,
    description: `Needs a bearer token carrying the app role '${adminRole}' (roles claim).`,
    security: [{ bearerJwt: [adminRole] }],
    ...(parts.parameters === undefined ? {} : { parameters: parts.parameters }),
    responses: { [status]: jsonResponse(description, schema), ...errorResponses(...errors) },
  };
}

/** The admin paths; `adminRole` is named in each operation's security requirement. */
export function adminPaths(adminRole: string): Readonly<Record<string, OpenApiObject>> {
  const limit = {
    name: "limit",
    in: "query",
    required: false,
    description: `How many jobs to list (default ${DEFAULT_PROBLEM_LIMIT}).`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PROBLEM_LIMIT },
  };
  const recentLimit = {
    ...limit,
    description: `How many syncs to list (default ${DEFAULT_RECENT_SYNC_LIMIT}).`,
    schema: { type: "integer", minimum: 1, maximum: MAX_RECENT_SYNC_LIMIT },
  };
  return {
    [`${ADMIN_PREFIX}/jobs/problems`]: {
      get: adminOperation(
        adminRole,
        "listProblemJobs",
        "Jobs that failed for good, newest first, with what to do about each.",
        ["200", "The failed jobs.", "ProblemJobs"],
        { parameters: [limit] },
      ),
    },
    [`${ADMIN_PREFIX}/jobs/{id}/retry`]: {
      post: adminOperation(adminRole, "retryJob", "Run a failed job again.", ["202", "Queued again.", "RetryResult"], {
        parameters: [jobId],
        errors: [404, 409],
      }),
    },
    [`${ADMIN_PREFIX}/jobs/retry-all`]: {
      post: adminOperation(adminRole, "retryAllJobs", "Run every failed job again.", [
        "202",
        "Queued again.",
        "RetryAllResult",
      ]),
    },
    [`${ADMIN_PREFIX}/queue`]: {
      get: adminOperation(adminRole, "getQueueDepth", "Jobs in the queue by state.", [
        "200",
        "The queue's depth.",
        "QueueDepth",
      ]),
    },
    [`${ADMIN_PREFIX}/syncs/recent`]: {
      get: adminOperation(
        adminRole,
        "listRecentSyncs",
        "The newest finished syncs, newest first, each with its latency (from the change to the end of its sync).",
        ["200", "The syncs.", "RecentSyncs"],
        { parameters: [recentLimit] },
      ),
    },
    [`${ADMIN_PREFIX}/overview`]: {
      get: adminOperation(
        adminRole,
        "getOverview",
        "The queue's depth, outcome counts and latency p50/p95/max of the newest syncs, and when the replica started.",
        ["200", "The overview.", "OperationsOverview"],
      ),
    },
  };
}
