/**
 * Minimal JSON Pointer (RFC 6901) reading and writing over plain JSON values, enough to follow the mapping's
 * referral paths such as /customerProfile/team/0/email.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The reference tokens of a pointer: "/a~1b/0" → ["a/b", "0"]. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`JSON Pointer '${pointer}' must start with '/'`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function pointerOf(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function child(container: unknown, token: string): unknown {
  if (Array.isArray(container)) return /^\d+$/.test(token) ? (container as unknown[])[Number(token)] : undefined;
  return isJsonObject(container) ? container[token] : undefined;
}

/** The value at a pointer, or undefined when any step is missing. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  return pointerTokens(pointer).reduce<unknown>((value, token) => child(value, token), document);
}

/** Whether the pointer names an existing member (its value may be null). */
export function hasPointer(document: unknown, pointer: string): boolean {
  const tokens = pointerTokens(pointer);
  const last = tokens.pop();
  if (last === undefined) return true;
  const parent = tokens.reduce<unknown>((value, token) => child(value, token), document);
  if (Array.isArray(parent)) return /^\d+$/.test(last) && Number(last) < parent.length;
  return isJsonObject(parent) && Object.prototype.hasOwnProperty.call(parent, last);
}

/**
 * Writes a value at a pointer, creating the objects and arrays on the way (a numeric token makes an array).
 * Mutates and returns `document`, which must be an object.
 */
export function setAtPointer(document: JsonObject, pointer: string, value: unknown): JsonObject {
  const tokens = pointerTokens(pointer);
  let container: unknown = document;
  tokens.forEach((token, index) => {
    const isLast = index === tokens.length - 1;
    const nextIsIndex = /^\d+$/.test(tokens[index + 1] ?? "");
    const holder = container as JsonObject & unknown[];
    const key: string | number = Array.isArray(container) ? Number(token) : token;
    if (isLast) {
      holder[key as never] = value;
      return;
    }
    const existing = child(container, token);
    if (typeof existing !== "object" || existing === null) {
      holder[key as never] = nextIsIndex ? [] : {};
    }
    container = child(container, token);
  });
  return document;
}
