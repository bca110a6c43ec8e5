/**
 * Reading admin API bodies: small checks that throw AdminInputError naming the member, so a typo in a test or demo
 * script says what is wrong instead of failing somewhere deeper with a 500. Each emulator answers AdminInputError
 * with a 400 in its own error shape (its http/errors.ts).
 */
import { requireJsonBody, type RequestContext } from "../../http";

/** A request to the admin API that can't be carried out as sent; answered 400. */
export class AdminInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdminInputError";
  }
}

/** A JSON object body. */
export type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as an object; an empty body counts as `{}` when `emptyAllowed`. @throws AdminInputError otherwise. */
export async function objectBody(request: RequestContext, emptyAllowed = false): Promise<JsonObject> {
  if (emptyAllowed && (await request.rawBody()).length === 0) return {};
  const body = await requireJsonBody(request);
  if (!isObject(body)) throw new AdminInputError("The request body must be a JSON object.");
  return body;
}

/** A member that must be a non-empty string. */
export function requiredText(body: JsonObject, name: string): string {
  const value = body[name];
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new AdminInputError(`'${name}' is required and must be a non-empty string.`);
}

/** A member that may be absent, or a string. */
export function optionalText(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  throw new AdminInputError(`'${name}' must be a string when given.`);
}

/** A member that may be absent, or a finite number. */
export function optionalNumber(body: JsonObject, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new AdminInputError(`'${name}' must be a number when given.`);
}

/** A member that may be absent, or a boolean. */
export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value === "boolean") return value;
  throw new AdminInputError(`'${name}' must be true or false when given.`);
}

/** A member that may be absent, or an array of strings. */
export function optionalTextList(body: JsonObject, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  throw new AdminInputError(`'${name}' must be an array of strings when given.`);
}

/** A member that must be an object. */
export function requiredObject(body: JsonObject, name: string): JsonObject {
  const value = body[name];
  if (isObject(value)) return value;
  throw new AdminInputError(`'${name}' is required and must be an object.`);
}

/** A member that may be absent, or an object. */
export function optionalObject(body: JsonObject, name: string): JsonObject | undefined {
  return body[name] === undefined ? undefined : requiredObject(body, name);
}

/** Refuses members other than `known`, so a misspelt option is not silently ignored. */
export function onlyMembers(body: JsonObject, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AdminInputError(
      `Unknown member(s) ${unknown.map((name) => `'${name}'`).join(", ")}; use ${known.join(", ")}.`,
    );
  }
}

/** Runs a configuration call whose RangeError/TypeError means "bad input" (fault rules, limits, delivery settings). */
export function asAdminInput<T>(apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new AdminInputError(error.message);
    throw error;
  }
}
