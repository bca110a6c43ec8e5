/**
 * Attribute values from their DataContract JSON encodings (dataverse.md §3.3, "Typed attribute value encodings") to
 * plain values. Known contracts are decoded strictly (a Money without a numeric Value is a 400); a contract this
 * module does not know is kept as-is with a warning, so a new Dataverse type never makes the webhook fail.
 */
import { notAnExecutionContext } from "./errors";
import { describeJson, isGuid, isJsonObject, type JsonObject, type JsonValue } from "./json-members";

/** An EntityReference (lookup, owner, customer, ...). */
export interface DecodedReference {
  readonly kind: "reference";
  /** Lower-cased when it is a GUID. */
  readonly id: string;
  readonly logicalName: string;
  /** The primary name; usually null in webhooks (§3.3 example). */
  readonly name: string | null;
}

/** A value of a `__type` this module does not decode, exactly as received. */
export interface UnknownValue {
  readonly kind: "unknown";
  readonly raw: JsonValue;
}

/**
 * One decoded attribute value. Strings, GUIDs, whole numbers, decimals and booleans stay as they are; DateTime
 * becomes an ISO 8601 UTC string; OptionSetValue and Money become their number; a multi-select becomes number[].
 */
export type DecodedValue = string | number | boolean | null | readonly number[] | DecodedReference | UnknownValue;

/** Decoded attributes by logical name. */
export type DecodedAttributes = Readonly<Record<string, DecodedValue>>;

/** Something the intake accepted but could not fully decode. */
export interface IntakeWarning {
  readonly code: "unknown_type" | "untyped_object" | "date_out_of_range";
  /** Where in the body, e.g. `Target.Attributes[estimatedvalue]`. */
  readonly at: string;
  readonly message: string;
}

// After JSON parsing `"\/Date(…)\/"` reads `/Date(…)/`. The optional ±hhmm suffix is the writer's local offset.
const DATA_CONTRACT_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** True when `text` has the DataContract DateTime form `/Date(<ms>)/` or `/Date(<ms>±hhmm)/`. */
export function isDataContractDate(text: string): boolean {
  return DATA_CONTRACT_DATE.test(text);
}

/**
 * `/Date(<ms>[±hhmm])/` as an ISO 8601 UTC string, or undefined when `text` is not one or is out of range. The
 * milliseconds are always since the Unix epoch in UTC; DataContractJsonSerializer appends the offset only to say the
 * value was local time where it was written, so the offset is ignored: `/Date(1506409448000-0700)/` is
 * 2017-09-26T07:04:08.000Z, the same instant as `/Date(1506409448000)/`. No correction is attempted for the §3.3
 * example, where that OperationCreatedOn reads 7 h after the Target's modifiedon (a UTC clock value apparently
 * written as local time); payloads since 2024 carry `+0000`, where both readings agree.
 */
export function dataContractDateToIso(text: string): string | undefined {
  const milliseconds = DATA_CONTRACT_DATE.exec(text)?.[1];
  if (milliseconds === undefined) return undefined;
  const date = new Date(Number(milliseconds));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The contract name of a `__type` hint: `Money:http://schemas.microsoft.com/xrm/2011/Contracts` → `Money`. */
function contractName(typeHint: string): string {
  const colon = typeHint.indexOf(":");
  return colon === -1 ? typeHint : typeHint.slice(0, colon);
}

function moneyValue(object: JsonObject, at: string): number {
  const value = object.Value;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw notAnExecutionContext(`${at}: Money.Value must be a number, got ${describeJson(value)}`);
  }
  return value;
}

function optionSetValue(object: JsonObject, at: string): number {
  const value = object.Value;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw notAnExecutionContext(`${at}: OptionSetValue.Value must be a whole number, got ${describeJson(value)}`);
  }
  return value;
}

/** True when `object` carries the `__type` hint of contract `name`, e.g. `Entity` or `EntityReference`. */
export function isContract(object: JsonObject, name: string): boolean {
  return typeof object.__type === "string" && contractName(object.__type) === name;
}

function multiSelectItem(item: unknown, at: string): number {
  if (typeof item === "number" && Number.isSafeInteger(item)) return item;
  if (isJsonObject(item) && (item.__type === undefined || isContract(item, "OptionSetValue"))) {
    return optionSetValue(item, at);
  }
  throw notAnExecutionContext(`${at}: a multi-select item must be an OptionSetValue, got ${describeJson(item)}`);
}

/** Items of a multi-select: each a typed OptionSetValue, `{ "Value": n }` or a bare whole number. */
function optionValues(items: readonly unknown[], at: string): number[] {
  return items.map((item, index) => multiSelectItem(item, `${at}[${index}]`));
}

/**
 * The wrapped multi-select encoding: `{"__type":"OptionSetValueCollection:…","Items":[…]}`. Undocumented (§3.3 is
 * silent), so the item list is taken from whichever single member holds an array, whatever its name.
 */
function wrappedOptionValues(object: JsonObject, at: string): number[] {
  const lists = Object.values(object).filter((member): member is unknown[] => Array.isArray(member));
  const [items] = lists;
  if (items === undefined || lists.length > 1) {
    throw notAnExecutionContext(`${at}: an OptionSetValueCollection must hold exactly one list of items`);
  }
  return optionValues(items, at);
}

function reference(object: JsonObject, at: string): DecodedReference {
  const { Id: id, LogicalName: logicalName, Name: name } = object;
  if (typeof id !== "string" || id === "") {
    throw notAnExecutionContext(`${at}: EntityReference.Id must be a non-empty string, got ${describeJson(id)}`);
  }
  if (typeof logicalName !== "string" || logicalName === "") {
    const got = describeJson(logicalName);
    throw notAnExecutionContext(`${at}: EntityReference.LogicalName must be a non-empty string, got ${got}`);
  }
  // Ids are kept as sent unless they are GUIDs: documentation samples shorten them ("75c2dd85-...", §3.3).
  return {
    kind: "reference",
    id: isGuid(id) ? id.toLowerCase() : id,
    logicalName,
    name: typeof name === "string" ? name : null,
  };
}

function typedObject(object: JsonObject, at: string, warnings: IntakeWarning[]): DecodedValue {
  const typeHint = object.__type;
  if (typeof typeHint !== "string") {
    warnings.push({ code: "untyped_object", at, message: `${at}: an object without a __type hint, kept as-is` });
    return { kind: "unknown", raw: object as JsonValue };
  }
  switch (contractName(typeHint)) {
    case "EntityReference":
      return reference(object, at);
    case "OptionSetValue":
      return optionSetValue(object, at);
    case "Money":
      return moneyValue(object, at);
    case "OptionSetValueCollection":
      return wrappedOptionValues(object, at);
    default:
      warnings.push({ code: "unknown_type", at, message: `${at}: unknown __type '${typeHint}', kept as-is` });
      return { kind: "unknown", raw: object as JsonValue };
  }
}

function decodeString(text: string, at: string, warnings: IntakeWarning[]): string {
  // DataContract JSON has no other date marker, so a string of exactly this form is read as a DateTime.
  if (!isDataContractDate(text)) return text;
  const iso = dataContractDateToIso(text);
  if (iso !== undefined) return iso;
  warnings.push({ code: "date_out_of_range", at, message: `${at}: a DateTime out of range, kept as the raw text` });
  return text;
}

/** Decodes one attribute value found at `at`, adding a warning for anything kept undecoded. */
export function decodeValue(value: unknown, at: string, warnings: IntakeWarning[]): DecodedValue {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return decodeString(value, at, warnings);
  // DataContractJsonSerializer writes every collection contract as a bare array: an array here is a multi-select.
  if (Array.isArray(value)) return optionValues(value, at);
  if (isJsonObject(value)) return typedObject(value, at, warnings);
  throw notAnExecutionContext(`${at}: not a JSON value`);
}

/** Decodes an AttributeCollection's entries into a record by logical name. */
export function decodeAttributes(
  entries: readonly { readonly key: string; readonly value: unknown }[],
  at: string,
  warnings: IntakeWarning[],
): Record<string, DecodedValue> {
  // Object.fromEntries defines own properties, so an attribute called "__proto__" cannot reach the prototype.
  return Object.fromEntries(entries.map(({ key, value }) => [key, decodeValue(value, `${at}[${key}]`, warnings)]));
}
