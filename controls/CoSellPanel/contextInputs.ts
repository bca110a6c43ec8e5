/**
 * The PCF context as the panel's plain inputs (model/inputs.ts). Only the members of the host contract are read
 * (parameters, mode, userSettings, and the record id from mode.contextInfo or page).
 */
import { solutionIdsOfColumn, toDecimal, toText } from "../../core";
import type { IInputs } from "./generated/ManifestTypes";
import { calendarDateOf } from "./model/dates";
import type { BoundField, ChoiceOption, PanelInputs } from "./model/inputs";
import type { EditableValues } from "./pendingEdits";

type Context = ComponentFramework.Context<IInputs>;

/**
 * `mode.contextInfo` is not in @types/powerapps-component-framework but model-driven apps set it on the form; the
 * host contract also sets `page`. Both are read through this narrow shape.
 */
interface RecordInfo {
  readonly entityId?: unknown;
}

const emptyGuid = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** The opportunity's id without braces, lower case; null for a new, unsaved record. */
export function recordIdOf(context: Context): string | null {
  const mode = context.mode as unknown as { contextInfo?: RecordInfo };
  const page = (context as unknown as { page?: RecordInfo }).page;
  for (const candidate of [mode.contextInfo?.entityId, page?.entityId]) {
    const id = typeof candidate === "string" ? candidate.replace(/[{}]/g, "").trim().toLowerCase() : "";
    if (id !== "" && !emptyGuid.test(id)) return id;
  }
  return null;
}

function bound<T>(property: ComponentFramework.PropertyTypes.Property, value: T): BoundField<T> {
  return { value, readable: property.security?.readable ?? true, editable: property.security?.editable ?? true };
}

/** Option values from the platform's number[] (or the Web API's "1,2" string some hosts pass through). */
function optionValuesOf(raw: unknown): number[] {
  const values: unknown[] = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : [];
  return values.map(Number).filter((value) => Number.isInteger(value));
}

function optionsOf(property: ComponentFramework.PropertyTypes.MultiSelectOptionSetProperty): ChoiceOption[] {
  const options = property.attributes?.Options ?? [];
  return options.map((option) => ({ value: option.Value, label: option.Label }));
}

function dateOf(raw: unknown): Date | null {
  const date = raw instanceof Date ? raw : typeof raw === "string" && raw !== "" ? new Date(raw) : null;
  return date === null || Number.isNaN(date.getTime()) ? null : date;
}

/** A date-only value as YYYY-MM-DD: a Date at local midnight from the form, or a date string from another host. */
function calendarDateFromForm(raw: unknown): string | null {
  if (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}/.test(raw)) return raw.slice(0, 10);
  return calendarDateOf(dateOf(raw));
}

/** A Yes/No column: the types say boolean, but an empty column on a new record can read null. */
function isYes(raw: unknown): boolean {
  return raw === true;
}

/** The values of the fields the seller can change, as the form has them now. */
export function formEditableValues(context: Context): EditableValues {
  const { syncWithPartnerCenter, microsoftHelp, shareWithMicrosoft, products } = context.parameters;
  return {
    syncWithPartnerCenter: isYes(syncWithPartnerCenter.raw),
    microsoftHelp: optionValuesOf(microsoftHelp.raw),
    shareWithMicrosoft: isYes(shareWithMicrosoft.raw),
    products: solutionIdsOfColumn(products.raw),
  };
}

export function panelInputsOf(context: Context, shown: EditableValues, sharedWhenOpened: boolean): PanelInputs {
  const p = context.parameters;
  return {
    recordId: recordIdOf(context),
    syncWithPartnerCenter: bound(p.syncWithPartnerCenter, shown.syncWithPartnerCenter),
    microsoftHelp: bound(p.microsoftHelp, shown.microsoftHelp),
    microsoftHelpOptions: optionsOf(p.microsoftHelp),
    shareWithMicrosoft: bound(p.shareWithMicrosoft, shown.shareWithMicrosoft),
    products: bound(p.products, shown.products),
    referralId: bound(p.referralId, toText(p.referralId.raw)),
    referralLink: bound(p.referralLink, toText(p.referralLink.raw)),
    microsoftCrmId: bound(p.microsoftCrmId, toText(p.microsoftCrmId.raw)),
    audit: bound(p.audit, toText(p.audit.raw)),
    syncStatus: bound(p.syncStatus, typeof p.syncStatus.raw === "number" ? p.syncStatus.raw : null),
    lastSyncedOn: bound(p.lastSyncedOn, dateOf(p.lastSyncedOn.raw)),
    topic: toText(p.topic.raw),
    dealValue: toDecimal(p.dealValue.raw),
    estimatedCloseDate: calendarDateFromForm(p.estimatedCloseDate.raw),
    syncEndpointUrl: toText(p.syncEndpointUrl.raw),
    sharedWhenOpened,
    formDisabled: context.mode.isControlDisabled,
    allocatedWidth: context.mode.allocatedWidth,
    languageId: context.userSettings.languageId,
  };
}
