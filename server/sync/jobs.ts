/**
 * Jobs the engine makes itself (reconcile, backfill, Sync now), shaped exactly as the intakes make them, so the
 * queue stores, coalesces and runs them like any webhook's job.
 */
import { randomUUID } from "node:crypto";
import { opportunityDedupeKey, type OpportunitySyncJob } from "../intake/dataverse";
import type { PartnerCenterReferralJob } from "../intake/partnerCenter";

export type SyncJob = OpportunitySyncJob | PartnerCenterReferralJob;

/** A job that makes the engine read the opportunity (all columns: `trimmed`, since no webhook said what changed). */
export function opportunityJob(opportunityId: string, reason: string, changedAt: string): OpportunitySyncJob {
  const id = opportunityId.toLowerCase();
  return {
    kind: "dataverse-opportunity",
    opportunityId: id,
    dedupeKey: opportunityDedupeKey(id),
    reason,
    echo: false,
    messageName: "Update",
    changedColumns: [],
    trimmed: true,
    operationCreatedOn: changedAt,
    correlationId: randomUUID(),
    depth: 0,
    initiatingUserId: "",
    userId: "",
    requestId: null,
    organization: null,
  };
}

/** A job that makes the engine read the referral, as if Partner Center had sent referral-updated. */
export function referralJob(referralId: string, changedAt: string): PartnerCenterReferralJob {
  return {
    kind: "partner-center-referral",
    referralId,
    eventName: "referral-updated",
    changedAt,
    dedupeKey: `referral:${referralId}`,
  };
}
