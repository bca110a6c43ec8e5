/**
 * The only Dataverse reads the scripts make, behind a narrow interface so handlers can be tested without a form's
 * platform. In Dynamics the adapter is Xrm.WebApi (the platform's own client: no bytes in the bundle, the user's
 * session, no CORS).
 */

/** A row as the Web API returns it: logical column names (lookups as `_name_value`) to JSON values. */
export type Row = Readonly<Record<string, unknown>>;

export interface DataverseReader {
  /**
   * The effective value of every environment variable whose schema name starts with `prefix`, by schema name:
   * the current value when there is one, else the default (shared/reference/dataverse.md §4.5).
   */
  environmentVariables(prefix: string): Promise<Readonly<Record<string, string | null>>>;
  /** One row's columns. Rejects when the row does not exist or can't be read. */
  retrieve(table: string, id: string, columns: readonly string[]): Promise<Row>;
}

/** The part of Xrm.WebApi the adapter calls. */
export type WebApiReads = Pick<Xrm.WebApi, "retrieveRecord" | "retrieveMultipleRecords">;

const VALUES = "environmentvariabledefinition_environmentvariablevalue";

/** OData string literal: single quotes doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Xrm.WebApi rejects with `{ errorCode, message }`, not an Error; keep the message so the seller sees it. */
function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  const message = (reason as { message?: unknown } | null)?.message;
  return new Error(typeof message === "string" ? message : String(reason));
}

export function xrmWebApiReader(webApi: WebApiReads): DataverseReader {
  return {
    async environmentVariables(prefix) {
      const options =
        `?$select=schemaname,defaultvalue&$filter=startswith(schemaname,${literal(prefix)})` +
        `&$expand=${VALUES}($select=value)`;
      let result: Xrm.RetrieveMultipleResult<Row>;
      try {
        result = await webApi.retrieveMultipleRecords<Row>("environmentvariabledefinition", options);
      } catch (reason) {
        throw asError(reason);
      }
      const values: Record<string, string | null> = {};
      for (const definition of result.entities) {
        const schemaName = textOrNull(definition.schemaname);
        if (schemaName === null) continue;
        const current = Array.isArray(definition[VALUES]) ? (definition[VALUES] as Row[])[0] : undefined;
        values[schemaName] = textOrNull(current?.value) ?? textOrNull(definition.defaultvalue);
      }
      return values;
    },
    async retrieve(table, id, columns) {
      try {
        return await webApi.retrieveRecord<Row>(table, id.replace(/[{}]/g, ""), `?$select=${columns.join(",")}`);
      } catch (reason) {
        throw asError(reason);
      }
    },
  };
}
