/**
 * The resource a Web API URL names (dataverse.md §4.1): `opportunities`, `opportunities(<guid>)`,
 * `accounts(accountnumber='A-1')` (an alternate key), `opportunities(<guid>)/name`, `WhoAmI()`,
 * `EntityDefinitions(LogicalName='opportunity')/Attributes`. Segments arrive decoded from the router.
 */
import { DataverseError, ErrorCode } from "../model";

/** What is inside the parentheses of a segment. */
export type SegmentKey =
  | { readonly kind: "none" }
  /** `()`: a function call without parameters. */
  | { readonly kind: "empty" }
  | { readonly kind: "id"; readonly id: string }
  /** `name='value'` pairs (an alternate key, or `LogicalName='x'` in metadata). */
  | { readonly kind: "named"; readonly values: Readonly<Record<string, string>> };

/** One path segment: a name and an optional key. */
export interface PathSegment {
  readonly name: string;
  readonly key: SegmentKey;
}

const SEGMENT = /^([A-Za-z_$][\w.$]*)(?:\((.*)\))?$/s;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const NAMED_VALUE = /^\s*([A-Za-z_]\w*)\s*=\s*(?:'((?:[^']|'')*)'|([^,']+?))\s*$/;

/**
 * Parses the decoded segments after `/api/data/v9.2/`.
 * @throws DataverseError 400 for a segment that is not a name with an optional key.
 */
export function parseResourcePath(segments: readonly string[]): PathSegment[] {
  return segments.map((segment) => {
    const match = SEGMENT.exec(segment);
    const name = match?.[1];
    if (match === null || name === undefined) throw badSegment(segment);
    return { name, key: keyOf(match[2], segment) };
  });
}

/** The row id of a segment, or undefined when it names no single row by id. */
export function idOf(segment: PathSegment | undefined): string | undefined {
  return segment?.key.kind === "id" ? segment.key.id : undefined;
}

function keyOf(inside: string | undefined, segment: string): SegmentKey {
  if (inside === undefined) return { kind: "none" };
  if (inside.trim() === "") return { kind: "empty" };
  const guid = GUID.exec(inside.trim())?.[1];
  if (guid !== undefined) return { kind: "id", id: guid.toLowerCase() };
  const values: Record<string, string> = {};
  for (const part of splitOutsideQuotes(inside)) {
    const match = NAMED_VALUE.exec(part);
    const name = match?.[1];
    if (match === null || name === undefined) throw badSegment(segment);
    values[name] = match[2] === undefined ? (match[3] ?? "").trim() : match[2].replace(/''/g, "'");
  }
  return { kind: "named", values };
}

function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const character of text) {
    if (character === "'") quoted = !quoted;
    if (character === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

function badSegment(segment: string): DataverseError {
  return new DataverseError(400, ErrorCode.invalidArgument, `Bad Request - Error in query syntax: '${segment}'.`);
}
