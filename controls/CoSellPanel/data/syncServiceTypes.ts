/**
 * The answers of the sync service's form API, as the panel reads them: the contract's types (core/api/formApi.ts),
 * with checks that turn an answer of another shape into null rather than a crash. Only the properties the panel
 * reads are checked.
 */

import type { OpportunitySyncStatus, ServiceErrorDetail, SyncRequestResult } from "../../../core";

export type {
  OpportunitySyncStatus,
  PendingWork,
  ServiceErrorDetail,
  SyncProblem,
  SyncRequestResult,
  SyncStatusName,
} from "../../../core";

type Json = Readonly<Record<string, unknown>>;

/** A check per property: an answer matches when every listed property passes (others are ignored). */
type Shape = Readonly<Record<string, (value: unknown) => boolean>>;

const isText = (value: unknown) => typeof value === "string";
const isTextOrNull = (value: unknown) => value === null || typeof value === "string";
const isOneOf = (allowed: readonly string[]) => (value: unknown) =>
  typeof value === "string" && allowed.includes(value);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function matches(value: unknown, shape: Shape): value is Json {
  return isObject(value) && Object.keys(shape).every((name) => shape[name]?.(value[name]) === true);
}

const problemShape: Shape = { at: isText, message: isText, whatToDo: isText };

const pendingShape: Shape = {
  state: isOneOf(["queued", "running", "retrying"]),
  reason: isText,
  nextAttemptAt: isTextOrNull,
};

const statusShape: Shape = {
  status: isOneOf(["Not synced", "Pending", "Synced", "Error"]),
  referralId: isTextOrNull,
  referralLink: isTextOrNull,
  lastSyncedAt: isTextOrNull,
  lastError: (value) => value === null || matches(value, problemShape),
  pending: (value) => Array.isArray(value) && value.every((work) => matches(work, pendingShape)),
};

const auditShape: Shape = { at: isText, line: isText };

/** The status, or null when it is not one; audit entries the panel can't show (no line) are left out. */
export function parseSyncStatus(body: unknown): OpportunitySyncStatus | null {
  if (!matches(body, statusShape)) return null;
  const audit = Array.isArray(body.audit) ? body.audit.filter((entry) => matches(entry, auditShape)) : [];
  return { ...(body as unknown as OpportunitySyncStatus), audit: audit as unknown as OpportunitySyncStatus["audit"] };
}

export function parseSyncRequestResult(body: unknown): SyncRequestResult | null {
  const shape: Shape = { jobId: isTextOrNull, coalesced: (value) => typeof value === "boolean" };
  return matches(body, shape) ? (body as unknown as SyncRequestResult) : null;
}

export function parseErrorDetail(body: unknown): ServiceErrorDetail | null {
  const error = isObject(body) ? body.error : undefined;
  if (!isObject(error) || typeof error.message !== "string" || error.message.trim() === "") return null;
  return {
    code: typeof error.code === "string" ? error.code : "",
    message: error.message,
    whatToDo: typeof error.whatToDo === "string" ? error.whatToDo : "",
  };
}
