/**
 * Reading the Opportunity form: values as the Web API would return them (so core's readers take them as they take
 * a Dataverse row), lookup ids, the record id, and the co-sell columns the handlers decide on.
 */
import { SyncStatus } from "../../core/dataverse/options";
import { cosellColumns, opportunityStandardColumns } from "../../core/dataverse/schema";
import { toFlag, toText } from "../../core/mapping/values";
import { bareId } from "../service/syncServiceClient";

export { cosellColumns };

/** An attribute of the form, or null when the form does not hold it. */
export function attributeOf(form: Xrm.FormContext, name: string): Xrm.Attributes.Attribute | null {
  // Hosts differ on a missing name (null, or undefined in some); both mean "not on this form".
  const attribute: Xrm.Attributes.Attribute | null | undefined = form.getAttribute(name);
  return attribute ?? null;
}

/** The record's id, lower-case without braces; null on a create form that was not saved yet. */
export function recordIdOf(form: Xrm.FormContext): string | null {
  const id = bareId(form.data.entity.getId());
  return id === "" ? null : id;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * The Web API form of an attribute's value. A date-only column (estimatedclosedate) comes from the form as a Date
 * at local midnight and is sent as that calendar date; a multi-select choice is an array of option values, which
 * core reads as the Web API's comma-separated text too.
 */
export function webApiValueOf(attribute: Xrm.Attributes.Attribute): unknown {
  const value: unknown = attribute.getValue();
  if (value instanceof Date) {
    return `${value.getFullYear()}-${twoDigits(value.getMonth() + 1)}-${twoDigits(value.getDate())}`;
  }
  return value ?? null;
}

/** The id of a lookup's first value when it points at `table` (any table when omitted); null when empty. */
export function lookupIdOf(form: Xrm.FormContext, name: string, table?: string): string | null {
  const value: unknown = attributeOf(form, name)?.getValue();
  const first = Array.isArray(value) ? (value[0] as Partial<Xrm.LookupValue> | undefined) : undefined;
  if (typeof first?.id !== "string" || first.id === "") return null;
  if (table !== undefined && first.entityType !== undefined && first.entityType !== table) return null;
  return bareId(first.id);
}

export function syncRequested(form: Xrm.FormContext): boolean {
  return toFlag(attributeOf(form, cosellColumns.syncWithPartnerCenter)?.getValue()) === true;
}

export function referralIdOf(form: Xrm.FormContext): string | null {
  return toText(attributeOf(form, cosellColumns.referralId)?.getValue());
}

export function referralLinkOf(form: Xrm.FormContext): string | null {
  const link = toText(attributeOf(form, cosellColumns.referralLink)?.getValue());
  return link !== null && /^https:\/\//i.test(link) ? link : null;
}

/** csb_syncstatus on the form, or null when the form does not hold the column. */
export function syncStatusOf(form: Xrm.FormContext): number | null {
  const value: unknown = attributeOf(form, cosellColumns.syncStatus)?.getValue();
  return typeof value === "number" ? value : null;
}

export function isPendingOnForm(form: Xrm.FormContext): boolean {
  return syncStatusOf(form) === SyncStatus.Pending;
}

/** Open when statecode is 0 or the form does not show it. */
export function isOpen(form: Xrm.FormContext): boolean {
  const state: unknown = attributeOf(form, opportunityStandardColumns.stateCode)?.getValue();
  return state === null || state === undefined || state === 0;
}
