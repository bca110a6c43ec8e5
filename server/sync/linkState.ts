/**
 * What the engine keeps in SyncLink.base: `{ fields, referral }`, the deal both sides agreed on at the last sync
 * (core DealFields, for the three-way reconcile) and the referral exactly as Partner Center last returned it. The
 * stored referral is what makes an update cost one call: PATCH with If-Match of its eTag, planned against it with
 * core's toReferralPatch (which needs the real members to choose `replace` or `add`, partner-center.md §1.2). A 412
 * proves it stale, and the engine reads the referral again (§1.6).
 */
import { sameValue, type DealFields, type FieldMapping, type MappedField, type Referral } from "../../core";
import type { SyncLink, VersionedReferral } from "./ports";

export interface PairState {
  readonly fields: DealFields | null;
  readonly referral: VersionedReferral | null;
}

interface StoredBase {
  readonly fields: DealFields;
  readonly referral: Referral | null;
}

/** The agreed fields and the last-seen referral of a link; tolerant of a base holding bare DealFields. */
export function readPairState(link: SyncLink | null): PairState {
  if (link === null || !isObject(link.base)) return { fields: null, referral: null };
  const base = link.base;
  const fields = isObject(base.fields) ? (base.fields as unknown as DealFields) : looksLikeFields(base);
  const stored = isObject(base.referral) ? (base.referral as unknown as Referral) : null;
  const referral =
    stored !== null && stored.id === link.referralId && link.referralEtag !== null
      ? { value: stored, etag: link.referralEtag }
      : null;
  return { fields, referral };
}

/**
 * The new agreed deal after a sync: a field both sides now hold the same value of takes that value; a field they
 * still disagree on (a change Partner Center refused, a field that flows one way only) keeps its old agreed value,
 * so that the side that changed it is still seen as changed next time. With no earlier agreement (the first sync),
 * a disagreement is settled as core's reconcile settles a conflict: the field's owner is taken as the side that
 * changed it, so the owner's value flows on the next sync (where the mapping lets it).
 */
export function agreedFields(
  previous: DealFields | null,
  dataverse: DealFields,
  partnerCenter: DealFields,
  mapping: FieldMapping,
): DealFields {
  const agreed: Partial<Record<MappedField, unknown>> = {};
  for (const entry of Object.values(mapping)) {
    const { field, kind } = entry;
    if (sameValue(kind, dataverse[field], partnerCenter[field])) agreed[field] = partnerCenter[field];
    else if (previous !== null) agreed[field] = previous[field];
    else agreed[field] = entry.owner === "dataverse" ? partnerCenter[field] : dataverse[field];
  }
  return agreed as unknown as DealFields;
}

/** The link after the engine read or wrote `referral`: it becomes the stored referral, with its eTag and time. */
export function linkAfterReferral(
  opportunityId: string,
  previous: SyncLink | null,
  referral: VersionedReferral,
  fields: DealFields,
  syncedAt: string,
): SyncLink {
  // Links are recomputed by the service on every read; keeping them would only grow the stored row.
  const withoutLinks: Referral = { ...referral.value };
  delete withoutLinks.links;
  const base: StoredBase = { fields, referral: withoutLinks };
  return {
    opportunityId,
    referralId: referral.value.id,
    base,
    referralEtag: referral.etag,
    referralUpdatedAt: laterOf(previous?.referralUpdatedAt ?? null, referral.value.updatedDateTime),
    createIntentAt: null,
    lastSyncedAt: syncedAt,
  };
}

/** A link with nothing synced yet, for the create intent. */
export function emptyLink(opportunityId: string): SyncLink {
  return {
    opportunityId,
    referralId: null,
    base: null,
    referralEtag: null,
    referralUpdatedAt: null,
    createIntentAt: null,
    lastSyncedAt: null,
  };
}

/** True when `known` (the referral time after our last read or write) is not older than `changedAt`. */
export function isNotOlder(known: string | null, changedAt: string): boolean {
  if (known === null) return false;
  const knownTime = Date.parse(known);
  const changedTime = Date.parse(changedAt);
  return !Number.isNaN(knownTime) && !Number.isNaN(changedTime) && knownTime >= changedTime;
}

function laterOf(left: string | null, right: string): string {
  if (left === null) return right;
  return Date.parse(left) > Date.parse(right) ? left : right;
}

function looksLikeFields(value: Record<string, unknown>): DealFields | null {
  return Array.isArray(value.helpRequested) && Array.isArray(value.solutions) ? (value as unknown as DealFields) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
