/**
 * PATCH bodies: RFC 6902 JSON Patch limited to what the Referrals API supports, `replace` and `add`
 * (shared/reference/partner-center.md §1.2). Operations are applied to a copy, so a failing operation leaves the
 * stored referral untouched: all or nothing.
 */
import { PartnerCenterError } from "./errors";
import { describeValue, isRecord, type JsonRecord } from "./fieldChecks";
import { lowerFirst, readInput } from "./inputCase";
import { isServerOwnedField } from "./referralRecord";

export interface PatchSettings {
  /** Read `Path`/`Op` keys, `/Substatus` path segments and PascalCase keys inside values as camelCase. */
  caseInsensitiveInput: boolean;
}

interface ParsedOperation {
  op: "replace" | "add";
  path: string;
  tokens: string[];
  value: unknown;
}

/**
 * Returns a patched copy of `document`.
 * @throws PartnerCenterError 400 naming the operation (by position and path) that can't be applied.
 */
export function applyJsonPatch(document: JsonRecord, operations: unknown, settings: PatchSettings): JsonRecord {
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new PartnerCenterError(
      400,
      "InvalidPatch",
      "The PATCH body must be a non-empty JSON Patch array, e.g. " +
        '[{"op":"replace","path":"/details/notes","value":"…"}].',
    );
  }
  const working = structuredClone(document);
  operations.forEach((operation, index) => {
    applyOperation(working, parseOperation(operation, index, settings), index);
  });
  return working;
}

function parseOperation(raw: unknown, index: number, settings: PatchSettings): ParsedOperation {
  const operation = readInput(raw, settings.caseInsensitiveInput);
  if (!isRecord(operation)) throw invalidPatch(index, `operation ${index} must be an object with op, path and value.`);
  const { op, path } = operation;
  if (op !== "replace" && op !== "add") {
    throw invalidPatch(
      index,
      `operation ${index} has op ${describeValue(op)}; the Referrals API supports only 'replace' and 'add'.`,
    );
  }
  if (typeof path !== "string" || !path.startsWith("/")) {
    throw invalidPatch(
      index,
      `operation ${index} (${op}) needs a path that starts with '/'; got ${describeValue(path)}.`,
    );
  }
  if (!Object.hasOwn(operation, "value")) throw invalidPatch(index, `operation ${index} (${op} ${path}) has no value.`);
  const tokens = path
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (settings.caseInsensitiveInput ? lowerFirst(token) : token));
  const [first = ""] = tokens;
  if (first === "") throw invalidPatch(index, `operation ${index} (${op} ${path}) must name a member of the referral.`);
  if (isServerOwnedField(first)) {
    throw new PartnerCenterError(
      400,
      "ReadOnlyField",
      `operation ${index} (${op} ${path}) targets '${first}', which only Partner Center sets; leave it out of the patch.`,
      [{ operationIndex: index, op, path }],
    );
  }
  if (tokens.includes("__proto__")) throw invalidPatch(index, `operation ${index} has a path that is not allowed.`);
  return { op, path, tokens, value: operation.value };
}

function applyOperation(document: JsonRecord, operation: ParsedOperation, index: number): void {
  const { op, path, tokens } = operation;
  const parentTokens = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1] ?? "";
  let parent: unknown = document;
  parentTokens.forEach((token, depth) => {
    const next = childOf(parent, token);
    if (typeof next !== "object" || next === null) {
      const missing = `/${tokens.slice(0, depth + 1).join("/")}`;
      throw invalidPatch(index, `operation ${index} (${op} ${path}) can't be applied: ${missing} doesn't exist.`);
    }
    parent = next;
  });

  if (Array.isArray(parent)) {
    writeToArray(parent as unknown[], last, operation, index);
  } else if (isRecord(parent)) {
    if (op === "replace" && !Object.hasOwn(parent, last)) {
      throw invalidPatch(index, `operation ${index} (replace ${path}) targets a member that doesn't exist; use 'add'.`);
    }
    parent[last] = operation.value;
  }
}

function writeToArray(array: unknown[], token: string, operation: ParsedOperation, index: number): void {
  const { op, path, value } = operation;
  if (op === "add" && token === "-") {
    array.push(value);
    return;
  }
  const position = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : Number.NaN;
  const limit = op === "add" ? array.length : array.length - 1;
  if (Number.isNaN(position) || position > limit) {
    const allowed = op === "add" ? `an index up to ${array.length} or '-'` : `an index below ${array.length}`;
    throw invalidPatch(index, `operation ${index} (${op} ${path}) needs ${allowed} for this array; got '${token}'.`);
  }
  if (op === "add") array.splice(position, 0, value);
  else array[position] = value;
}

function childOf(container: unknown, token: string): unknown {
  if (Array.isArray(container))
    return /^(0|[1-9]\d*)$/.test(token) ? (container as unknown[])[Number(token)] : undefined;
  return isRecord(container) && Object.hasOwn(container, token) ? container[token] : undefined;
}

function invalidPatch(index: number, description: string): PartnerCenterError {
  return new PartnerCenterError(400, "InvalidPatch", description, [{ operationIndex: index }]);
}
