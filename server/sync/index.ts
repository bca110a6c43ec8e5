/**
 * server/sync: the two-way sync engine and its ports. See engine.ts for the entry point and ports.ts for what it
 * needs from the outside world.
 */
export { createSyncEngine, type SyncEngine } from "./engine";
export type { SyncEngineDependencies, SyncEngineOptions, SyncLogger } from "./types";
export { auditColumnMaxLength } from "./types";
export type { ReconcileOptions, ReconcileProgress, ReconcileResult, ReconcileSide } from "./reconcile";
export type { SolutionRefresh } from "./solutions";
export type { SyncStatusName, SyncStatusView, ValidationView } from "./formActions";
export type { ReferralActionResult } from "./referralActions";
export type { SyncSettings } from "./settings";
export { opportunityJob, referralJob, type SyncJob } from "./jobs";
export { SyncError } from "./errors/syncError";
export { whatToDoCatalogue, type CatalogueEntry, type WhatToDoCode } from "./errors/catalogue";
export { whatToDo, toSyncError, type Advice, type AdviceContext } from "./errors/whatToDo";
export { formatAuditLine, parseAuditLine, type AuditDirection, type AuditEntry } from "./audit";
export { ApiError, isRetryableStatus, type ApiErrorDetails, type ApiName, type RetryHint } from "./apiError";
export type * from "./ports";
