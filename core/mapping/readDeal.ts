/**
 * Reads either side into the canonical deal: an opportunity snapshot from Dataverse, or a referral from Partner Center.
 * Both readers are total: a missing or malformed value reads as empty, and validation then says what is missing.
 */
import type { Referral } from "../referral/model";
import type { DealFields, FieldMapping, FieldMappingEntry, MappedField } from "./fields";
import { helpCodesOfInviteContext, helpCodesOfOptions } from "./helpCodes";
import { getAtPointer } from "./jsonPointer";
import { outcomeOfReferral, outcomeOfStateCode, salesStageOfOption, salesStageOfReferral } from "./outcome";
import type { OpportunitySnapshot } from "./snapshot";
import { solutionIdsOfColumn, solutionIdsOfTags } from "./solutionIds";
import { normalizeSimple, toFlag } from "./values";

type FieldReader = (entry: FieldMappingEntry) => unknown;

function readFields(mapping: FieldMapping, read: FieldReader): DealFields {
  const fields: Partial<Record<MappedField, unknown>> = {};
  for (const entry of Object.values(mapping)) fields[entry.field] = read(entry);
  return fields as DealFields;
}

export function readOpportunity(snapshot: OpportunitySnapshot, mapping: FieldMapping): DealFields {
  return readFields(mapping, (entry) => {
    const raw = snapshot[entry.table]?.[entry.column];
    switch (entry.kind) {
      case "currencyCode":
        return normalizeSimple(entry.kind, snapshot.currencyCode);
      case "outcome":
        return outcomeOfStateCode(raw);
      case "salesStage":
        return salesStageOfOption(raw);
      case "helpCodes":
        return helpCodesOfOptions(raw);
      case "flag":
        return toFlag(raw) ?? false;
      case "solutionIds":
        return solutionIdsOfColumn(raw);
      default:
        return normalizeSimple(entry.kind, raw);
    }
  });
}

export function readReferral(referral: Referral, mapping: FieldMapping): DealFields {
  return readFields(mapping, (entry) => {
    switch (entry.kind) {
      case "outcome":
        return outcomeOfReferral(referral);
      case "salesStage":
        return salesStageOfReferral(referral.salesStage);
      case "helpCodes":
        return helpCodesOfInviteContext(referral.inviteContext);
      case "flag":
        return toFlag(getAtPointer(referral, entry.referralPath)) ?? false;
      case "solutionIds":
        return solutionIdsOfTags(referral.details?.requirements?.solutions);
      default:
        return normalizeSimple(entry.kind, getAtPointer(referral, entry.referralPath));
    }
  });
}
