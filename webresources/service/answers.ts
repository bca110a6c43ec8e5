/**
 * Run-time checks of the service's JSON answers. A form script that trusted a changed contract would show
 * "undefined" to a seller; checking the fields the form uses turns a version mismatch into a clear error instead.
 */
import { isJsonObject as isObject } from "../../core/mapping/jsonPointer";
import {
  SYNC_STATUS_NAMES,
  type OpportunitySyncStatus,
  type ReferralDecisionResult,
  type ServiceErrorBody,
  type SyncRequestResult,
  type SyncStatusName,
  type ValidationReport,
} from "./types";

function isText(value: unknown): value is string {
  return typeof value === "string";
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === "string";
}

function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(check);
}

function isProblem(value: unknown): boolean {
  return isObject(value) && isText(value.message) && isTextOrNull(value.whatToDo ?? null);
}

function isPendingWork(value: unknown): boolean {
  return isObject(value) && isText(value.jobId) && isText(value.state) && isTextOrNull(value.nextAttemptAt ?? null);
}

export function isSyncStatus(value: unknown): value is OpportunitySyncStatus {
  return (
    isObject(value) &&
    isText(value.opportunityId) &&
    SYNC_STATUS_NAMES.includes(value.status as SyncStatusName) &&
    typeof value.checkmark === "boolean" &&
    isTextOrNull(value.referralId) &&
    isTextOrNull(value.referralLink) &&
    isTextOrNull(value.lastSyncedAt) &&
    (value.lastError === null || isProblem(value.lastError)) &&
    isArrayOf(value.pending, isPendingWork)
  );
}

export function isSyncRequestResult(value: unknown): value is SyncRequestResult {
  return isObject(value) && isTextOrNull(value.jobId) && typeof value.coalesced === "boolean";
}

export function isValidationReport(value: unknown): value is ValidationReport {
  const isFinding = (item: unknown) =>
    isObject(item) && isText(item.code) && isText(item.message) && isTextOrNull(item.field ?? null);
  return isObject(value) && typeof value.valid === "boolean" && isArrayOf(value.problems, isFinding);
}

export function isReferralDecision(value: unknown): value is ReferralDecisionResult {
  return isObject(value) && isText(value.referralId) && isText(value.status) && isText(value.substatus);
}

/** The `error` member of an error answer, or null when the body is something else (a proxy's HTML page, say). */
export function errorBodyOf(value: unknown): ServiceErrorBody | null {
  if (!isObject(value) || !isObject(value.error)) return null;
  const { code, message, whatToDo } = value.error;
  if (!isText(message)) return null;
  return { code: isText(code) ? code : "", message, whatToDo: isText(whatToDo) ? whatToDo : "" };
}
