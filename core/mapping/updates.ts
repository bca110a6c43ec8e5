/**
 * One-way updates between an existing opportunity and its referral: read both sides, keep the mapped fields that
 * differ and flow the wanted way, and turn them into the other side's writes. (Two-way syncs with a last-synced base
 * use diff/reconcile instead, which also decides conflicts.)
 */
import { diffDeals } from "../diff/diff";
import type { Referral } from "../referral/model";
import { type FieldMapping, flowsToDataverse, flowsToPartnerCenter } from "./fields";
import { readOpportunity, readReferral } from "./readDeal";
import { type ReferralPatchOptions, type ReferralPatchPlan, toReferralPatch } from "./referralPatch";
import type { OpportunitySnapshot } from "./snapshot";
import { type DataverseChanges, toDataverseChanges } from "./toDataverse";

/** The JSON Patch that makes the referral match the opportunity, plus the changes Partner Center would refuse. */
export function toReferralUpdate(
  snapshot: OpportunitySnapshot,
  current: Referral,
  mapping: FieldMapping,
  options: ReferralPatchOptions,
): ReferralPatchPlan {
  const changes = diffDeals(
    readReferral(current, mapping),
    readOpportunity(snapshot, mapping),
    mapping,
    flowsToPartnerCenter,
  );
  const solutionCatalog = options.solutionCatalog ?? snapshot.solutionCatalog;
  return toReferralPatch(current, changes, mapping, solutionCatalog ? { ...options, solutionCatalog } : options);
}

/** The Dataverse writes that make the opportunity (and its account and contact) match the referral. */
export function toOpportunityUpdate(
  referral: Referral,
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
): DataverseChanges {
  const changes = diffDeals(
    readOpportunity(snapshot, mapping),
    readReferral(referral, mapping),
    mapping,
    flowsToDataverse,
  );
  return toDataverseChanges(changes, mapping);
}
