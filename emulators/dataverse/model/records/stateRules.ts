/**
 * statecode/statuscode rules (dataverse.md §4.2): a status reason must belong to its state, a new state brings its
 * default status reason, and an opportunity is closed only through WinOpportunity/LoseOpportunity, never by writing
 * statecode. Reopening (statecode back to Open) is allowed by update; the reference leaves it UNCONFIRMED.
 */
import { OpportunityState, opportunityTable } from "../../../../core";
import { invalidArgument } from "../errors";
import type { MetadataCatalog } from "../metadata/catalog";
import type { ChoiceColumn, ChoiceOption } from "../metadata/types";
import type { StoredValue, StoredValues } from "./values";

/** A row being written: its values after the body, what the body set, and what it was before (none on create). */
export interface PendingRow {
  readonly table: string;
  readonly next: Record<string, StoredValue>;
  readonly sent: ReadonlySet<string>;
  readonly previous: StoredValues | undefined;
}

const closedStates: readonly number[] = [OpportunityState.Won, OpportunityState.Lost];

/**
 * Fills in and checks statecode and statuscode of `row.next` in place.
 * @param closing true only for WinOpportunity and LoseOpportunity.
 * @returns the attributes the rules set without the body asking.
 * @throws DataverseError 400 for a status reason of another state, a null state, or closing by update.
 */
export function applyStateRules(catalog: MetadataCatalog, row: PendingRow, closing: boolean): string[] {
  const stateColumn = choiceColumn(catalog, row.table, "statecode");
  const statusColumn = choiceColumn(catalog, row.table, "statuscode");
  if (stateColumn === undefined || statusColumn === undefined) return [];
  const states = catalog.optionsOf(stateColumn);
  const statuses = catalog.optionsOf(statusColumn);
  const { next, sent, previous } = row;
  if (previous === undefined && next.statecode === undefined) next.statecode = stateColumn.defaultValue;
  if (typeof next.statecode !== "number") throw invalidArgument(`statecode of '${row.table}' can't be empty.`);
  const state = next.statecode;
  if (!closing && row.table === opportunityTable.logicalName) refuseClosingByUpdate(row, state, statuses);

  const derived: string[] = [];
  const stateChanged = previous?.statecode !== state;
  if (!sent.has("statuscode") && stateChanged) {
    next.statuscode = defaultStatus(state, states, statuses);
    if (previous !== undefined) derived.push("statuscode");
  }
  const status = next.statuscode;
  const statusOption = statuses.find((option) => option.value === status);
  if (statusOption?.state !== state) {
    const stateLabel = (states.find((option) => option.value === state)?.label ?? String(state)).replace(/\W/g, "");
    throw invalidArgument(
      `${JSON.stringify(status ?? null)} is not a valid status code for state code ${row.table}State.${stateLabel} ` +
        `on ${row.table}.`,
    );
  }
  return derived;
}

function refuseClosingByUpdate(row: PendingRow, state: number, statuses: readonly ChoiceOption[]): void {
  const statusState = statuses.find((option) => option.value === row.next.statuscode)?.state;
  const closesByState = row.sent.has("statecode") && closedStates.includes(state);
  const closesByStatus =
    row.sent.has("statuscode") &&
    statusState !== undefined &&
    closedStates.includes(statusState) &&
    statusState !== state;
  if (closesByState || closesByStatus) {
    throw invalidArgument(
      "An opportunity can't be closed by setting statecode or statuscode: use the WinOpportunity or " +
        "LoseOpportunity action, which also records the opportunity close.",
    );
  }
}

function defaultStatus(
  state: number,
  states: readonly ChoiceOption[],
  statuses: readonly ChoiceOption[],
): number | null {
  const declared = states.find((option) => option.value === state)?.defaultStatus;
  return declared ?? statuses.find((option) => option.state === state)?.value ?? null;
}

function choiceColumn(catalog: MetadataCatalog, table: string, name: string): ChoiceColumn | undefined {
  const column = catalog.column(table, name);
  return column?.type === "State" || column?.type === "Status" ? column : undefined;
}
