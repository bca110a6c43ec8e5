/**
 * Reading request bodies. Partner Center's own doc samples send `Substatus`, `StatusReason` and
 * `ConsentToToShareInfoWithOthers` (shared/reference/partner-center.md §1.3), so keys can be read with their first
 * letter lowered; output is always camelCase. Whether the real service is this tolerant is UNCONFIRMED, hence an
 * option.
 */

/** `Substatus` → `substatus`; keys that already start lower case are left alone. */
export function lowerFirst(key: string): string {
  return key.length === 0 ? key : key.charAt(0).toLowerCase() + key.slice(1);
}

/**
 * A deep copy of a request body as JSON would carry it: members whose value is `undefined` are dropped, as
 * `JSON.stringify` drops them, so an in-process caller and an HTTP caller are read the same way. With `lowerKeys`,
 * every key's first letter is lowered; when both spellings are present (`status` and `Status`), the camelCase one
 * wins, because that is the API's own spelling.
 */
export function readInput(value: unknown, lowerKeys: boolean): unknown {
  if (Array.isArray(value)) return value.map((element) => readInput(element, lowerKeys));
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const normalized = lowerKeys ? lowerFirst(key) : key;
    // A "__proto__" key from JSON.parse would replace the copy's prototype if assigned; no referral member has it.
    if (member === undefined || normalized === "__proto__") continue;
    if (normalized !== key && Object.hasOwn(value, normalized)) continue;
    result[normalized] = readInput(member, lowerKeys);
  }
  return result;
}
