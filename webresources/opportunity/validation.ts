/**
 * Whether Partner Center would refuse the opportunity, judged as the sync service judges it (server/sync/
 * toPartnerCenter.ts and validation.ts), so the form never refuses what the service would send:
 *  - Sync with Partner Center = No: nothing to judge;
 *  - csb_SyncCoSellOnly and no help requested on a deal not linked yet: it won't be sent at all;
 *  - not linked yet: every rule for creating a referral (core's findOpportunityProblems, the rules of
 *    validateOpportunityForSync without its English wording, which the string resources give instead);
 *  - linked: only problems about the fields this save sends (the form's dirty columns; all of them when Sync was
 *    just switched on), the co-sell rules together, never the creation-only outcome rules, and a closed deal's
 *    close date may lie in the past.
 */
import type { FieldMapping, MappedField } from "../../core/mapping/fields";
import { readOpportunity } from "../../core/mapping/readDeal";
import type { OpportunitySnapshot } from "../../core/mapping/snapshot";
import { toText } from "../../core/mapping/values";
import { findOpportunityProblems, type FoundProblem, type ValidationCode } from "../../core/validation/findProblems";
import type { FormSettings } from "../dataverse/settings";
import { attributeOf, cosellColumns, syncRequested } from "./formValues";

export type Verdict =
  | { readonly kind: "off" }
  | { readonly kind: "notSent" }
  | { readonly kind: "mappingInvalid"; readonly errors: readonly string[] }
  | { readonly kind: "checked"; readonly problems: readonly FoundProblem[] };

const CREATION_ONLY: readonly ValidationCode[] = ["wonTooSoon", "closedAtCreation"];
const CO_SELL_CODES: readonly ValidationCode[] = ["helpNeedsSharing", "contactMissing", "solutionMissing"];
const CO_SELL_FIELDS: readonly MappedField[] = ["helpRequested", "sharedWithMicrosoft", "solutions"];

/** Go on and judge the form with this mapping. */
export interface JudgeWith {
  readonly kind: "judge";
  readonly mapping: FieldMapping;
}

/** What needs no snapshot: sync off, or a mapping that can't be used. Otherwise the mapping to judge with. */
export function precheck(form: Xrm.FormContext, settings: FormSettings): Verdict | JudgeWith {
  if (!syncRequested(form)) return { kind: "off" };
  if (settings.mapping === null) return { kind: "mappingInvalid", errors: settings.mappingErrors };
  return { kind: "judge", mapping: settings.mapping };
}

/** The mapped fields a save of this form would send to Partner Center for a linked deal. */
function fieldsBeingSent(form: Xrm.FormContext, mapping: FieldMapping): readonly MappedField[] {
  const entries = Object.values(mapping);
  if (attributeOf(form, cosellColumns.syncWithPartnerCenter)?.getIsDirty() === true) {
    return entries.map((entry) => entry.field);
  }
  return entries
    .filter((entry) => entry.table === "opportunity" && attributeOf(form, entry.column)?.getIsDirty() === true)
    .map((entry) => entry.field);
}

export function judge(
  form: Xrm.FormContext,
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
  settings: FormSettings,
  now: Date,
): Verdict {
  const fields = readOpportunity(snapshot, mapping);
  const linked = toText(snapshot.opportunity[cosellColumns.referralId]) !== null;
  if (!linked && settings.syncCoSellOnly && fields.helpRequested.length === 0) return { kind: "notSent" };
  const problems = findOpportunityProblems(snapshot, mapping, { now });
  if (!linked) return { kind: "checked", problems };

  const sending = fieldsBeingSent(form, mapping);
  const closed = fields.outcome === "Won" || fields.outcome === "Lost";
  const coSellChanging = sending.some((field) => CO_SELL_FIELDS.includes(field));
  const counted = problems.filter((problem) => {
    if (CREATION_ONLY.includes(problem.code)) return false;
    if (problem.code === "closeDateInPast" && closed) return false;
    if (CO_SELL_CODES.includes(problem.code) && coSellChanging) return true;
    return sending.includes(problem.field);
  });
  return { kind: "checked", problems: counted };
}
