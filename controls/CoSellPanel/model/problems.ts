/**
 * The problems Partner Center would find, shown before the seller saves: core's validation of the saved opportunity
 * overlaid with the form's unsaved values, under the admin's field mapping. Shown only while Sync is on.
 */
import {
  type FieldMapping,
  type MappedField,
  type OpportunitySnapshot,
  type ValidationCode,
  columnOfSolutionIds,
  defaultFieldMapping,
  findOpportunityProblems,
  opportunityTable,
} from "../../../core";
import type { PanelInputs } from "./inputs";
import type { Loadable } from "./panelData";
import type { PanelSettings } from "./settings";
import type { Translate } from "./strings";

export interface ProblemsView {
  /** Core's problems in the seller's language (the Problem_<code> strings); empty when there is nothing to fix. */
  readonly items: readonly string[];
  /** Why the list may be incomplete (new record, still checking, read failed, bad mapping), or null. */
  readonly notes: readonly string[];
}

const cosell = opportunityTable.cosellColumns;
const columns = opportunityTable.columns;

/** What the bound values alone decide: the checks a new record can pass before its first save. */
const codesFromFormValues: ReadonlySet<ValidationCode> = new Set<ValidationCode>([
  "nameMissing",
  "solutionMissing",
  "helpNeedsSharing",
  "dealValueNotPositive",
  "closeDateMissing",
  "closeDateInPast",
]);

/** Checks that apply only to creating a referral; an opportunity that already has one is updated instead. */
const creationOnlyCodes: ReadonlySet<ValidationCode> = new Set<ValidationCode>(["wonTooSoon", "closedAtCreation"]);

/**
 * The snapshot with the form's current values in place of the saved ones. A hidden (field-secured) value is left as
 * saved; the optional standard columns only when the form shows a value, since an unbound property also reads null.
 */
export function overlayFormValues(snapshot: OpportunitySnapshot, inputs: PanelInputs): OpportunitySnapshot {
  const row: Record<string, unknown> = { ...snapshot.opportunity };
  if (inputs.syncWithPartnerCenter.readable) row[cosell.syncWithPartnerCenter] = inputs.syncWithPartnerCenter.value;
  if (inputs.microsoftHelp.readable) {
    row[cosell.microsoftHelp] = inputs.microsoftHelp.value.length === 0 ? null : inputs.microsoftHelp.value.join(",");
  }
  if (inputs.shareWithMicrosoft.readable) row[cosell.shareWithMicrosoft] = inputs.shareWithMicrosoft.value;
  if (inputs.products.readable) row[cosell.products] = columnOfSolutionIds(inputs.products.value);
  if (inputs.topic !== null) row[columns.name] = inputs.topic;
  if (inputs.dealValue !== null) row[columns.estimatedValue] = inputs.dealValue;
  if (inputs.estimatedCloseDate !== null) row[columns.estimatedCloseDate] = inputs.estimatedCloseDate;
  return { ...snapshot, opportunity: row };
}

const emptySnapshot: OpportunitySnapshot = { opportunity: {}, account: null, contact: null, currencyCode: null };

/** The fields behind the checks a new record can pass; the form shows them in the default mapping's columns. */
const fieldsByCode: Partial<Record<ValidationCode, MappedField>> = {
  nameMissing: "name",
  dealValueNotPositive: "dealValue",
  closeDateMissing: "closeDate",
  closeDateInPast: "closeDate",
};

/** False when the admin mapped the check's field to another column (csb_DealValueField, say) than the form shows. */
function formHoldsMappedColumn(code: ValidationCode, mapping: FieldMapping): boolean {
  const field = fieldsByCode[code];
  return field === undefined || mapping[field].column === defaultFieldMapping[field].column;
}

export interface ProblemSources {
  readonly inputs: PanelInputs;
  readonly settings: Loadable<PanelSettings>;
  readonly snapshot: Loadable<OpportunitySnapshot> | null;
  readonly now: Date;
  readonly t: Translate;
}

export function problemsOf({ inputs, settings, snapshot, now, t }: ProblemSources): ProblemsView {
  if (!inputs.syncWithPartnerCenter.value) return { items: [], notes: [] };
  const notes: string[] = [];
  let mapping: FieldMapping = defaultFieldMapping;
  if (settings.state === "loaded") {
    if (settings.value.mapping.ok) mapping = settings.value.mapping.mapping;
    else notes.push(t("Problems_MappingInvalid", settings.value.mapping.errors.join(" ")));
  }

  let base = emptySnapshot;
  let keep = (code: ValidationCode) => codesFromFormValues.has(code) && formHoldsMappedColumn(code, mapping);
  if (snapshot === null) {
    notes.push(t("Problems_NewRecordNote"));
  } else if (snapshot.state === "loading") {
    notes.push(t("Problems_Checking"));
  } else if (snapshot.state === "failed") {
    notes.push(t("Problems_ReadFailed", snapshot.message));
  } else {
    base = snapshot.value;
    const hasReferral = inputs.referralId.value !== null || (base.opportunity[cosell.referralId] ?? null) !== null;
    keep = (code) => !(hasReferral && creationOnlyCodes.has(code));
  }

  const problems = findOpportunityProblems(overlayFormValues(base, inputs), mapping, { now });
  const items = problems
    .filter((problem) => keep(problem.code))
    .map((problem) => t(`Problem_${problem.code}`, problem.value ?? undefined));
  return { items, notes };
}
