/**
 * The two reads the panel makes through `context.webAPI`, behind a narrow interface so the data adapters are tested
 * with a fake. Options are OData query strings as the PCF Web API takes them ("?$select=…&$filter=…").
 */
import type { DataverseRow } from "../../../core";

export interface DataverseReader {
  retrieveRecord(entityLogicalName: string, id: string, options: string): Promise<DataverseRow>;
  /** The first page only: every query the panel makes is bounded by $top or by its filter. */
  retrieveMultiple(entityLogicalName: string, options: string, maxPageSize?: number): Promise<DataverseRow[]>;
}

/**
 * The platform types rows as `any`; they are JSON objects, read here as unknown values by column name. (Promise
 * chains rather than async functions: TypeScript's async helper is inlined at every use in the bundle.)
 */
export function readerOf(webAPI: ComponentFramework.WebApi): DataverseReader {
  // Started inside a promise, so that a host whose Web API throws at once still gives a rejection the panel shows.
  return {
    retrieveRecord: (entity, id, options) =>
      Promise.resolve()
        .then(() => webAPI.retrieveRecord(entity, id, options))
        .then((row: DataverseRow) => row),
    retrieveMultiple: (entity, options, maxPageSize) =>
      Promise.resolve()
        .then(() => webAPI.retrieveMultipleRecords(entity, options, maxPageSize))
        .then((result) => result.entities as DataverseRow[]),
  };
}

/**
 * An OData string literal: single quotes doubled (OData ABNF, SQUOTE-in-string). Options are written the way
 * Microsoft's Web API samples write them (spaces and quotes as they are, the browser encodes them), so only the
 * characters that would end or corrupt the query string are percent-encoded.
 */
export function odataString(value: string): string {
  const escaped = value.replace(/'/g, "''").replace(/[%&#+]/g, (character) => encodeURIComponent(character));
  return `'${escaped}'`;
}

/** "?name=value&…" from query options, in the order given. */
export function odataQuery(options: Readonly<Record<string, string>>): string {
  const parts = Object.keys(options).map((name) => `${name}=${options[name] ?? ""}`);
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/** A readable message from whatever a Web API call rejected with. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message !== "") return message;
  }
  return String(error);
}
