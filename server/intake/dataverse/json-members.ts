/**
 * Small readers for the JSON tree of a RemoteExecutionContext (dataverse.md §3.3). Every failure is a 400 that names
 * the member and says what was found (its kind, never its content), so the System Job's message is enough to fix it.
 */
import { notAnExecutionContext } from "./errors";

/** A JSON value, as JSON.parse returns it. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [member: string]: JsonValue };

/** A JSON object whose members have not been checked yet. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** One entry of a DataContract dictionary: AttributeCollection, ParameterCollection, EntityImageCollection. */
export interface KeyValueEntry {
  readonly key: string;
  readonly value: unknown;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a GUID in the form .NET writes it (`d` format), in either case. */
export function isGuid(value: unknown): value is string {
  return typeof value === "string" && GUID.test(value);
}

/** What a value is, for error messages: its kind, never its content (it may hold personal data). */
export function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** `object[name]`, or a 400 saying `where` is missing. */
export function requireMember(object: JsonObject, name: string, where: string = name): unknown {
  if (!Object.hasOwn(object, name)) throw notAnExecutionContext(`${where} is missing`);
  return object[name];
}

/** A non-empty string member. */
export function requireString(object: JsonObject, name: string, where: string = name): string {
  const value = requireMember(object, name, where);
  if (typeof value !== "string" || value === "") {
    throw notAnExecutionContext(`${where} must be a non-empty string, got ${describeJson(value)}`);
  }
  return value;
}

/** A GUID member, lower-cased (Dataverse accepts GUIDs in either case; keys and comparisons use lower case). */
export function requireGuid(object: JsonObject, name: string, where: string = name): string {
  const value = requireMember(object, name, where);
  if (!isGuid(value)) {
    const got = typeof value === "string" && value !== "" ? "a string that is not a GUID" : describeJson(value);
    throw notAnExecutionContext(`${where} must be a GUID, got ${got}`);
  }
  return value.toLowerCase();
}

/**
 * A DataContract dictionary: a JSON array of `{ "key": <string>, "value": <any> }`. A key given twice is refused,
 * because the serializer never writes one twice and either reading would be a guess.
 */
export function readKeyValueList(list: unknown, where: string): KeyValueEntry[] {
  if (!Array.isArray(list)) throw notAnExecutionContext(`${where} must be a list, got ${describeJson(list)}`);
  const seen = new Set<string>();
  return list.map((entry: unknown, index) => {
    if (!isJsonObject(entry) || typeof entry.key !== "string" || !Object.hasOwn(entry, "value")) {
      throw notAnExecutionContext(`${where}[${index}] must be a {"key", "value"} pair`);
    }
    if (seen.has(entry.key)) throw notAnExecutionContext(`${where} holds '${entry.key}' twice`);
    seen.add(entry.key);
    return { key: entry.key, value: entry.value };
  });
}
