/**
 * Builds the effective field mapping from the default plus the admin's settings: the csb_DealValueField and
 * csb_CountryField environment variables and the csb_FieldMapping JSON. Every problem is reported with the entry it
 * is about, so an admin can fix the JSON in one pass.
 *
 * csb_FieldMapping format:
 *   { "fields": { "<field>": { "column"?: "<logical name>", "direction"?: "both" | "toPartnerCenter" |
 *                               "toDataverse" | "none", "owner"?: "dataverse" | "partnerCenter" } } }
 */
import { logicalNamePattern } from "../dataverse/schema";
import { defaultFieldMapping } from "./defaultMapping";
import { type FieldMapping, type FieldMappingEntry, type MappedField, kindsWithFixedColumn } from "./fields";
import { isJsonObject } from "./jsonPointer";

const directions = ["both", "toPartnerCenter", "toDataverse", "none"] as const;
const owners = ["dataverse", "partnerCenter"] as const;
const overrideKeys = ["column", "direction", "owner"] as const;

export interface MappingSettings {
  /** csb_DealValueField: the opportunity column that holds the deal value. */
  dealValueColumn?: string | null;
  /** csb_CountryField: the account column that holds the ISO country code. */
  countryColumn?: string | null;
  /** csb_FieldMapping: JSON overrides; empty means the default mapping. */
  fieldMappingJson?: string | null;
}

export type MappingResult = { ok: true; mapping: FieldMapping } | { ok: false; errors: string[] };

export function customizeMapping(settings: MappingSettings, base: FieldMapping = defaultFieldMapping): MappingResult {
  const errors: string[] = [];
  const entries: Record<string, FieldMappingEntry> = { ...base };
  const setColumn = (field: MappedField, column: string | null | undefined, source: string) => {
    if (column === null || column === undefined || column.trim() === "") return;
    if (!logicalNamePattern.test(column.trim())) {
      errors.push(`${source}: '${column}' is not a Dataverse logical name (lower-case letters, digits, underscores).`);
      return;
    }
    entries[field] = { ...entries[field], column: column.trim() } as FieldMappingEntry;
  };
  setColumn("dealValue", settings.dealValueColumn, "csb_DealValueField");
  setColumn("customerCountry", settings.countryColumn, "csb_CountryField");

  const json = settings.fieldMappingJson?.trim() ?? "";
  if (json !== "") applyOverrides(json, entries, errors, setColumn);

  const claimedColumns = new Map<string, string>();
  for (const entry of Object.values(entries)) {
    if (entry.direction === "none" || kindsWithFixedColumn.has(entry.kind)) continue;
    const target = `${entry.table}.${entry.column}`;
    const other = claimedColumns.get(target);
    if (other !== undefined)
      errors.push(`csb_FieldMapping: fields.${other} and fields.${entry.field} both map to ${target}.`);
    claimedColumns.set(target, entry.field);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, mapping: entries as unknown as FieldMapping };
}

function applyOverrides(
  json: string,
  entries: Record<string, FieldMappingEntry>,
  errors: string[],
  setColumn: (field: MappedField, column: string, source: string) => void,
): void {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    errors.push(`csb_FieldMapping is not valid JSON: ${(error as Error).message}`);
    return;
  }
  if (!isJsonObject(document)) return void errors.push(`csb_FieldMapping must be a JSON object like {"fields": {}}.`);
  for (const key of Object.keys(document).filter((name) => name !== "fields")) {
    errors.push(`csb_FieldMapping: unknown top-level key '${key}'; only 'fields' is allowed.`);
  }
  const fields = document.fields ?? {};
  if (!isJsonObject(fields)) return void errors.push(`csb_FieldMapping: 'fields' must be an object.`);

  for (const [field, override] of Object.entries(fields)) {
    const where = `csb_FieldMapping: fields.${field}`;
    const entry = entries[field];
    if (entry === undefined) {
      errors.push(`${where} is not a mapped field. Known fields: ${Object.keys(entries).join(", ")}.`);
      continue;
    }
    if (!isJsonObject(override)) {
      errors.push(`${where} must be an object with column, direction or owner.`);
      continue;
    }
    for (const key of Object.keys(override).filter((name) => !(overrideKeys as readonly string[]).includes(name))) {
      errors.push(`${where}.${key} is not a setting; use ${overrideKeys.join(", ")}.`);
    }
    const { column } = override;
    if (column !== undefined) {
      if (kindsWithFixedColumn.has(entry.kind))
        errors.push(`${where}.column can't be changed: ${entry.label} is fixed.`);
      else if (typeof column !== "string") errors.push(`${where}.column must be a string.`);
      else setColumn(entry.field, column, `${where}.column`);
    }
    // A direction and an owner are each one of a few words, checked and set alike.
    for (const [setting, allowed] of [
      ["direction", directions],
      ["owner", owners],
    ] as const) {
      const value = override[setting];
      if (value === undefined) continue;
      if (!isOneOf<string>(allowed, value)) errors.push(`${where}.${setting} must be one of ${allowed.join(", ")}.`);
      else entries[field] = { ...(entries[field] ?? entry), [setting]: value };
    }
  }
}

function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}
