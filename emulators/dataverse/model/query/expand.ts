/**
 * `$expand` one level deep (dataverse.md §4.1, §4.5): a single-valued navigation (a lookup, such as
 * `parentaccountid`) gives the related row or null; a collection (a relationship, such as
 * `environmentvariabledefinition_environmentvariablevalue`) gives the related rows. Each may carry `$select`;
 * collections also take `$filter`, `$orderby` and `$top`.
 */
import { invalidQuery, propertyNotFound } from "../errors";
import type { MetadataCatalog, Navigation } from "../metadata/catalog";
import type { TableDefinition } from "../metadata/types";

/** One expanded navigation with its nested options. */
export interface ExpandItem {
  readonly navigation: string;
  readonly resolved: Navigation;
  readonly select: string | undefined;
  readonly filter: string | undefined;
  readonly orderBy: string | undefined;
  readonly top: number | undefined;
}

const ITEM = /^([A-Za-z0-9_]+)\s*(?:\((.*)\))?$/s;

/** @throws DataverseError 400 for malformed text, unknown navigations or nested expands. */
export function parseExpand(catalog: MetadataCatalog, table: TableDefinition, text: string | undefined): ExpandItem[] {
  if (text === undefined || text.trim() === "") return [];
  return splitTopLevel(text, ",").map((part) => {
    const match = ITEM.exec(part.trim());
    const navigation = match?.[1];
    if (match === null || navigation === undefined)
      throw invalidQuery(`The $expand item '${part.trim()}' is malformed.`);
    const resolved = catalog.navigation(table.logicalName, navigation);
    if (resolved === undefined) throw propertyNotFound(table.logicalName, navigation);
    const options = new Map<string, string>();
    for (const option of splitTopLevel(match[2] ?? "", ";")) {
      const [name = "", ...rest] = option.split("=");
      options.set(name.trim(), rest.join("=").trim());
    }
    for (const name of options.keys()) {
      const allowed = resolved.kind === "single" ? ["$select"] : ["$select", "$filter", "$orderby", "$top"];
      if (name !== "" && !allowed.includes(name)) {
        throw invalidQuery(`The $expand of '${navigation}' doesn't support ${name}; allowed: ${allowed.join(", ")}.`);
      }
    }
    return {
      navigation,
      resolved,
      select: options.get("$select"),
      filter: options.get("$filter"),
      orderBy: options.get("$orderby"),
      top: parseTop(options.get("$top")),
    };
  });
}

function parseTop(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw invalidQuery(`$top must be a positive whole number; got '${text}'.`);
  return Number(text);
}

/** Splits on `separator` outside parentheses and quoted strings. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const character of text) {
    if (character === "'") quoted = !quoted;
    if (!quoted && character === "(") depth += 1;
    if (!quoted && character === ")") depth -= 1;
    if (!quoted && depth === 0 && character === separator) {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  if (depth !== 0 || quoted) throw invalidQuery(`Unbalanced parentheses or quotes in '${text}'.`);
  parts.push(current);
  return parts.filter((part) => part.trim() !== "");
}
