/**
 * Reading admin API bodies: small checks that answer 400 naming the member, so a typo in a test or demo script says
 * what is wrong instead of failing deeper with a 500.
 */
import { requireJsonBody, type RequestContext } from "../../http";
import { AdminInputError } from "./errors";

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

/** Refuses members other than `known`, so a misspelt option is not silently ignored. */
export function onlyMembers(body: JsonObject, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AdminInputError(
      `Unknown member(s) ${unknown.map((name) => `'${name}'`).join(", ")}; use ${known.join(", ")}.`,
    );
  }
}

/** Runs a configuration call whose RangeError/TypeError means "bad input" (fault rules, limits). */
export function asAdminInput<T>(apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new AdminInputError(error.message);
    throw error;
  }
}
