/**
 * Parses the body Dataverse POSTs to a webhook (the RemoteExecutionContext, dataverse.md §3.3) together with its
 * headers into a DataverseChange: plain typed values, the Target's changed columns, the images, and whether the body
 * was trimmed so that the record has to be read.
 */
import { IntakeError, notAnExecutionContext } from "./errors";
import { readImages, readTargetAttributes, type DecodedImages } from "./context-entities";
import {
  dataContractDateToIso,
  type DecodedAttributes,
  type DecodedValue,
  type IntakeWarning,
} from "./data-contract-values";
import {
  describeJson,
  isGuid,
  isJsonObject,
  requireGuid,
  requireMember,
  requireString,
  type JsonObject,
} from "./json-members";
import { readJsonBody, type BodyLimits } from "./request-body";
import { headerValue, type RequestHeaders } from "./request-headers";

/** The SDK message: the three the bridge registers, or any other message name. */
export type DataverseMessageName = "Create" | "Update" | "Delete" | (string & Record<never, never>);

/** One webhook call, decoded. GUIDs are lower case; dates are ISO 8601 UTC strings. */
export interface DataverseChange {
  readonly messageName: DataverseMessageName;
  /** `PrimaryEntityName`, e.g. `opportunity`. */
  readonly entityName: string;
  /** `PrimaryEntityId`. */
  readonly recordId: string;
  readonly correlationId: string;
  /** The `x-request-id` header, or null when absent. */
  readonly requestId: string | null;
  /** The `x-ms-dynamics-organization` header (the environment's host name), or null when absent. */
  readonly organization: string | null;
  /** Grows when a plug-in's own writes trigger further steps (§3.5). */
  readonly depth: number;
  /** The caller who authenticated. */
  readonly initiatingUserId: string;
  /** The user the operation ran as (differs from the initiating user under impersonation). */
  readonly userId: string;
  readonly operationCreatedOn: string;
  /** The Target's columns without the modified* bookkeeping: for an Update, only what changed (§3.3). */
  readonly changedAttributes: DecodedAttributes;
  /** The Target's modifiedon, modifiedby and modifiedonbehalfby, when sent. */
  readonly modified: DecodedAttributes;
  /** Pre-images keyed by image name, each holding its registered columns. */
  readonly preImage: DecodedImages;
  /** Post-images keyed by image name, e.g. `AsynchronousStepPrimaryName`. */
  readonly postImage: DecodedImages;
  /** The body lacks the Target (size-exceeded header, or no Target sent): read the record before syncing. */
  readonly trimmed: boolean;
  /** `OwningExtension.Id`: the sdkmessageprocessingstep that fired, or null when not sent. */
  readonly owningStepId: string | null;
  /** Values kept undecoded; the change is still usable. */
  readonly warnings: readonly IntakeWarning[];
}

/** "Sent only when the HTTP payload size exceeds the 256KB" (§3.3); only its presence matters. */
export const SIZE_EXCEEDED_HEADER = "x-ms-dynamics-msg-size-exceeded";

/** Bookkeeping the platform adds to every Update's Target (§3.3): kept apart from the changed columns. */
const MODIFIED_BOOKKEEPING = new Set(["modifiedon", "modifiedby", "modifiedonbehalfby"]);

/** Headers Dataverse derives from the body; a disagreement means the request was not built by Dataverse. */
const HEADERS_MIRRORING_BODY = [
  { header: "x-ms-dynamics-entity-name", member: "PrimaryEntityName" },
  { header: "x-ms-dynamics-request-name", member: "MessageName" },
] as const;

type MirroredMember = (typeof HEADERS_MIRRORING_BODY)[number]["member"];

function requireDepth(body: JsonObject): number {
  const depth = requireMember(body, "Depth");
  if (typeof depth !== "number" || !Number.isSafeInteger(depth) || depth < 1) {
    throw notAnExecutionContext(`Depth must be a whole number of at least 1, got ${describeJson(depth)}`);
  }
  return depth;
}

function requireOperationCreatedOn(body: JsonObject): string {
  const value = requireMember(body, "OperationCreatedOn");
  const iso = typeof value === "string" ? dataContractDateToIso(value) : undefined;
  if (iso === undefined) {
    throw notAnExecutionContext("OperationCreatedOn must be a DataContract date such as /Date(1506409448000-0700)/");
  }
  return iso;
}

function owningStepId(body: JsonObject): string | null {
  const extension = body.OwningExtension;
  if (extension === undefined || extension === null) return null;
  const id = isJsonObject(extension) ? extension.Id : undefined;
  if (typeof id !== "string" || id === "") throw notAnExecutionContext("OwningExtension.Id must be a non-empty string");
  return isGuid(id) ? id.toLowerCase() : id;
}

/**
 * Header and body name the same table and message. Compared without regard to case, since §3.3 says the values
 * Dataverse sends are lower case while the body keeps the SDK's casing ("Update"). An absent header is not checked.
 */
function checkHeadersMatchBody(headers: RequestHeaders, body: Readonly<Record<MirroredMember, string>>): void {
  for (const { header, member } of HEADERS_MIRRORING_BODY) {
    const fromHeader = headerValue(headers, header);
    const fromBody = body[member];
    if (fromHeader !== undefined && fromHeader.toLowerCase() !== fromBody.toLowerCase()) {
      throw new IntakeError(
        400,
        "header_body_mismatch",
        `the ${header} header says '${fromHeader}' but the body's ${member} is '${fromBody}'`,
      );
    }
  }
}

function splitBookkeeping(target: Readonly<Record<string, DecodedValue>>): [DecodedAttributes, DecodedAttributes] {
  const entries = Object.entries(target);
  return [
    Object.fromEntries(entries.filter(([name]) => !MODIFIED_BOOKKEEPING.has(name))),
    Object.fromEntries(entries.filter(([name]) => MODIFIED_BOOKKEEPING.has(name))),
  ];
}

/**
 * Checks and decodes one webhook request. Throws IntakeError 415 (not UTF-8 JSON), 413 (above
 * `limits.maxBodyBytes`), 400 (not JSON, not a RemoteExecutionContext, naming the member; or headers that contradict
 * the body). Unknown `__type` values are kept and reported in `warnings` rather than refused.
 */
export function parseRemoteExecutionContext(
  rawBody: Buffer,
  headers: RequestHeaders,
  limits: BodyLimits = {},
): DataverseChange {
  const body = readJsonBody(rawBody, headers, limits);
  if (!isJsonObject(body)) throw notAnExecutionContext(`expected a JSON object, got ${describeJson(body)}`);
  const messageName = requireString(body, "MessageName");
  const entityName = requireString(body, "PrimaryEntityName");
  const recordId = requireGuid(body, "PrimaryEntityId");
  const correlationId = requireGuid(body, "CorrelationId");
  const depth = requireDepth(body);
  const initiatingUserId = requireGuid(body, "InitiatingUserId");
  const userId = requireGuid(body, "UserId");
  const operationCreatedOn = requireOperationCreatedOn(body);
  checkHeadersMatchBody(headers, { PrimaryEntityName: entityName, MessageName: messageName });

  const warnings: IntakeWarning[] = [];
  const target = readTargetAttributes(body, { entityName, recordId }, warnings);
  const [changedAttributes, modified] = splitBookkeeping(target ?? {});
  return {
    messageName,
    entityName,
    recordId,
    correlationId,
    requestId: headerValue(headers, "x-request-id") ?? null,
    organization: headerValue(headers, "x-ms-dynamics-organization") ?? null,
    depth,
    initiatingUserId,
    userId,
    operationCreatedOn,
    changedAttributes,
    modified,
    preImage: readImages(body, "PreEntityImages", warnings),
    postImage: readImages(body, "PostEntityImages", warnings),
    trimmed: target === undefined || headerValue(headers, SIZE_EXCEEDED_HEADER) !== undefined,
    owningStepId: owningStepId(body),
    warnings,
  };
}
