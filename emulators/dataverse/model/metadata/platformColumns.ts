/**
 * The columns the platform gives every table: the primary key, audit columns, the row version behind the ETag
 * (dataverse.md §4.1), the owner of user-owned tables, and statecode/statuscode.
 */
import { column } from "./columns";
import type { ColumnSpec, StateModel, TableSpec } from "./types";

/** The Active/Inactive state model that every custom table gets. */
export const activeInactive: StateModel = {
  states: [
    { value: 0, label: "Active", defaultStatus: 1 },
    { value: 1, label: "Inactive", defaultStatus: 2 },
  ],
  statuses: [
    { value: 1, label: "Active", state: 0 },
    { value: 2, label: "Inactive", state: 1 },
  ],
};

/** Columns the platform maintains; a body that sets one is refused. */
export const bookkeepingColumns = ["createdon", "modifiedon", "createdby", "modifiedby", "versionnumber"] as const;

/** The platform columns for a table, in the order Dataverse lists them after the table's own. */
export function platformColumns(spec: TableSpec, primaryIdAttribute: string, isCustom: boolean): ColumnSpec[] {
  const readOnly = { readOnly: true } as const;
  const columns: ColumnSpec[] = [
    column.uniqueidentifier(primaryIdAttribute, { createOnly: true, displayName: spec.displayName }),
    column.dateTime("createdon", { ...readOnly, displayName: "Created On" }),
    column.dateTime("modifiedon", { ...readOnly, displayName: "Modified On" }),
    column.lookup("createdby", ["systemuser"], { ...readOnly, displayName: "Created By" }),
    column.lookup("modifiedby", ["systemuser"], { ...readOnly, displayName: "Modified By" }),
    column.bigInt("versionnumber", { ...readOnly, displayName: "Version Number" }),
    // Lets a migration or a seed back-date createdon, as the platform allows on create.
    column.dateTime("overriddencreatedon", { createOnly: true, displayName: "Record Created On" }),
  ];
  if ((spec.ownershipType ?? "UserOwned") === "UserOwned") {
    columns.push(column.lookup("ownerid", ["systemuser"], { displayName: "Owner", requiredLevel: "SystemRequired" }));
  }
  const stateModel = spec.stateModel ?? (isCustom ? activeInactive : false);
  if (stateModel !== false) {
    columns.push(
      column.state("statecode", stateModel.states, { displayName: "Status" }),
      column.status("statuscode", stateModel.statuses, { displayName: "Status Reason" }),
    );
  }
  return columns;
}
