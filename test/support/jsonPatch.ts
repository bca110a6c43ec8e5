/**
 * Applies RFC 6902 `add` and `replace` operations, the two the Referrals API supports, to a JSON document. Tests use it
 * to prove that a generated patch really turns one referral into the other; it refuses what the API would refuse.
 */
import type { JsonPatchOperation } from "../../core";
import { pointerTokens } from "../../core/mapping/jsonPointer";

export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): T {
  const result = JSON.parse(JSON.stringify(document)) as unknown;
  for (const operation of operations) {
    const tokens = pointerTokens(operation.path);
    const last = tokens.pop();
    if (last === undefined) throw new Error(`${operation.op} of the whole document is not supported`);
    let parent: unknown = result;
    for (const token of tokens) {
      parent = Array.isArray(parent)
        ? (parent as unknown[])[Number(token)]
        : (parent as Record<string, unknown>)[token];
      if (typeof parent !== "object" || parent === null) throw new Error(`${operation.path}: parent does not exist`);
    }
    const value = JSON.parse(JSON.stringify(operation.value)) as unknown;
    if (Array.isArray(parent)) {
      if (operation.op === "add" && last === "-") parent.push(value);
      else if (/^\d+$/.test(last) && Number(last) < parent.length)
        parent.splice(Number(last), operation.op === "add" ? 0 : 1, value);
      else throw new Error(`${operation.path}: no such array index`);
    } else {
      const container = parent as Record<string, unknown>;
      if (operation.op === "replace" && !(last in container))
        throw new Error(`${operation.path}: replace of a missing member`);
      container[last] = value;
    }
  }
  return result as T;
}
