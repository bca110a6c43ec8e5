/**
 * Writing a component row idempotently: create it when it is missing, update only the members that differ, and
 * leave it alone when it already says what the solution says, so that a re-import changes nothing and sends no
 * change events. Members the solution doesn't carry (an endpoint's auth value, a step's state) are never touched.
 */
import type { DataverseOrganization, ODataRow, WriteContext } from "../model";
import type { ComponentOutcome } from "./importResult";

/** A plain column value as the Web API takes it. */
export type FieldValue = string | number | boolean | null;

/** A lookup to set: `<navigation>@odata.bind: "/<entitySet>(<id>)"`, read back as `_<column>_value`. */
export interface RowBinding {
  readonly column: string;
  readonly navigation: string;
  readonly entitySet: string;
  readonly id: string;
}

/** A row as the solution wants it. */
export interface DesiredRow {
  /** Logical name of the table. */
  readonly table: string;
  /** The row's id when the zip names it or an earlier import's row was found; otherwise a new row gets a new id. */
  readonly id: string | undefined;
  /** Written on create, and on update when they differ. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Written on create only: values the admin may change afterwards, or columns that can't be updated. */
  readonly createOnly?: Readonly<Record<string, FieldValue>>;
  readonly bindings?: readonly RowBinding[];
}

/** The row's id and what happened to it. */
export interface SavedRow {
  readonly id: string;
  readonly outcome: ComponentOutcome;
}

/** The OData literal of a string, quotes doubled. */
export function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The rows of `table` matching an OData filter. */
export function findRows(organization: DataverseOrganization, table: string, filter: string): ODataRow[] {
  return organization.retrieveMultiple(table, { filter }).value;
}

/** The id of the first row whose `column` equals `value` (case-insensitive, as Dataverse compares names). */
export function findIdBy(
  organization: DataverseOrganization,
  table: string,
  column: string,
  value: string,
): string | undefined {
  const [row] = findRows(organization, table, `${column} eq ${quoted(value)}`);
  const id = row?.[organization.metadata.table(table).primaryIdAttribute];
  return typeof id === "string" ? id : undefined;
}

/** The row of `table` with this id, or undefined. */
export function findById(organization: DataverseOrganization, table: string, id: string): ODataRow | undefined {
  const key = organization.metadata.table(table).primaryIdAttribute;
  return findRows(organization, table, `${key} eq ${id}`)[0];
}

function bindingsBody(bindings: readonly RowBinding[]): Record<string, string> {
  return Object.fromEntries(
    bindings.map((binding) => [`${binding.navigation}@odata.bind`, `/${binding.entitySet}(${binding.id})`]),
  );
}

function differences(existing: ODataRow, row: DesiredRow): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row.fields)) {
    if ((existing[name] ?? null) !== value) changed[name] = value;
  }
  const rebound = (row.bindings ?? []).filter((binding) => {
    const current = existing[`_${binding.column}_value`];
    return typeof current !== "string" || current.toLowerCase() !== binding.id.toLowerCase();
  });
  return { ...changed, ...bindingsBody(rebound) };
}

/** Creates, updates or keeps the row. @throws DataverseError when the organization refuses the write. */
export function saveRow(organization: DataverseOrganization, context: WriteContext, row: DesiredRow): SavedRow {
  const existing = row.id === undefined ? undefined : findById(organization, row.table, row.id);
  if (existing === undefined || row.id === undefined) {
    const key = organization.metadata.table(row.table).primaryIdAttribute;
    const body = {
      ...row.fields,
      ...row.createOnly,
      ...(row.id === undefined ? {} : { [key]: row.id }),
      ...bindingsBody(row.bindings ?? []),
    };
    return { id: organization.create(row.table, body, context).id, outcome: "created" };
  }
  const changed = differences(existing, row);
  if (Object.keys(changed).length === 0) return { id: row.id, outcome: "unchanged" };
  organization.update(row.table, row.id, changed, { ...context, upsert: false });
  return { id: row.id, outcome: "updated" };
}
