/**
 * JSON Schemas (OpenAPI 3.1 dialect) of the bodies the service sends and receives; they describe the types of
 * services.ts, webhookScope.ts and readiness.ts.
 */

export type Schema = Readonly<Record<string, unknown>>;

export const isoDate = { type: "string", format: "date-time" } as const;
export const nullableString = { type: ["string", "null"] } as const;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** An object schema whose properties are all required but the `optional` ones. */
export function object(properties: Record<string, unknown>, optional: readonly string[] = []): Schema {
  return {
    type: "object",
    properties,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
  };
}

const checkResult = object(
  {
    status: { enum: ["ok", "failed", "timeout"] },
    durationMs: { type: "integer" },
    message: { type: "string", description: "A short, safe description of a failure; the cause is in the log." },
  },
  ["message"],
);

export const schemas: Readonly<Record<string, Schema>> = {
  Error: object({
    error: object({
      code: { type: "string", description: "Stable and machine-readable." },
      message: { type: "string", description: "What is wrong; never contains a secret." },
      whatToDo: { type: "string", description: "What the caller or an admin can do next." },
    }),
  }),
  WebhookAcknowledgement: object(
    {
      accepted: { const: true },
      jobId: { ...nullableString, description: "The job that will do the work; null when nothing was queued." },
      coalesced: { type: "boolean", description: "Folded into a job of the same record that was already waiting." },
      outcome: { enum: ["enqueued", "coalesced", "echo", "ignored"] },
      reason: { type: "string", description: "Why nothing was queued (echo, ignored)." },
    },
    ["reason"],
  ),
  RemoteExecutionContext: {
    type: "object",
    description:
      "The RemoteExecutionContext Dataverse serializes (DataContractJsonSerializer), as sent by a webhook step.",
    required: ["MessageName", "PrimaryEntityName", "PrimaryEntityId", "CorrelationId", "Depth", "UserId"],
    properties: {
      MessageName: { type: "string" },
      PrimaryEntityName: { type: "string" },
      PrimaryEntityId: { type: "string", format: "uuid" },
      CorrelationId: { type: "string", format: "uuid" },
      Depth: { type: "integer", minimum: 1 },
      InitiatingUserId: { type: "string", format: "uuid" },
      UserId: { type: "string", format: "uuid" },
      OperationCreatedOn: { type: "string", description: "DataContract date, e.g. /Date(1506409448000-0700)/" },
      InputParameters: { type: "array" },
      PreEntityImages: { type: "array" },
      PostEntityImages: { type: "array" },
    },
  },
  PartnerCenterEvent: {
    type: "object",
    required: ["EventName", "ResourceUri", "ResourceChangeUtcDate"],
    properties: {
      EventName: {
        enum: [
          "referral-created",
          "referral-updated",
          "related-referral-created",
          "related-referral-updated",
          "test-created",
        ],
      },
      ResourceUri: { type: "string", format: "uri" },
      ResourceName: { type: "string" },
      AuditUri: nullableString,
      ResourceChangeUtcDate: isoDate,
    },
  },
  OpportunitySyncStatus: object({
    opportunityId: { type: "string", format: "uuid" },
    status: { enum: ["Not synced", "Pending", "Synced", "Error"] },
    checkmark: { type: "boolean" },
    awaitingAnswer: {
      type: "boolean",
      description: "An inbound referral waiting for the partner to accept or decline it (the form offers both then).",
    },
    referralId: nullableString,
    referralLink: { type: ["string", "null"], format: "uri" },
    lastSyncedAt: { type: ["string", "null"], format: "date-time" },
    lastError: {
      oneOf: [{ type: "null" }, object({ at: isoDate, message: { type: "string" }, whatToDo: { type: "string" } })],
    },
    audit: {
      type: "array",
      description: "Newest first.",
      items: object({ at: isoDate, text: { type: "string" }, line: { type: "string" } }),
    },
    pending: {
      type: "array",
      items: object({
        jobId: { type: "string" },
        state: { enum: ["queued", "running", "retrying"] },
        reason: { type: "string" },
        queuedAt: isoDate,
        attempts: { type: "integer" },
        nextAttemptAt: { type: ["string", "null"], format: "date-time" },
      }),
    },
  }),
  SyncRequestResult: object({ jobId: nullableString, coalesced: { type: "boolean" } }),
  ValidationReport: object({
    opportunityId: { type: "string", format: "uuid" },
    valid: { type: "boolean" },
    problems: {
      type: "array",
      items: object({ code: { type: "string" }, field: { type: "string" }, message: { type: "string" } }),
    },
  }),
  ReferralDecisionResult: object({
    referralId: { type: "string" },
    status: { type: "string", examples: ["Active"] },
    substatus: { type: "string", examples: ["Accepted"] },
    opportunityId: { type: ["string", "null"], format: "uuid" },
  }),
  DeclineRequest: {
    type: "object",
    additionalProperties: false,
    properties: { reason: { type: ["string", "null"], maxLength: 1000 } },
  },
  ReadinessReport: object({
    status: { enum: ["ready", "not ready"] },
    checks: object({ database: checkResult, dataverse: checkResult, partnerCenter: checkResult }),
  }),
  ProblemJobs: object({
    jobs: {
      type: "array",
      items: object({
        id: { type: "string" },
        kind: { type: "string" },
        dedupeKey: nullableString,
        reason: { type: "string" },
        attempts: { type: "integer" },
        failedAt: isoDate,
        lastError: { type: "string" },
        whatToDo: { type: "string" },
      }),
    },
  }),
  RetryResult: object({ jobId: { type: "string" } }),
  RetryAllResult: object({ retried: { type: "integer" } }),
  QueueDepth: object({
    queued: { type: "integer" },
    running: { type: "integer" },
    retrying: { type: "integer" },
    failed: { type: "integer" },
    oldestQueuedAt: { type: ["string", "null"], format: "date-time" },
  }),
};

/** `{ $ref }` to a schema above. */
export function schemaRef(name: string): Schema {
  return ref(name);
}
