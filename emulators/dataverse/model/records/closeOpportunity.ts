/**
 * WinOpportunity and LoseOpportunity (dataverse.md §4.2): `{"Status":3,"OpportunityClose":{"subject":...,
 * "opportunityid@odata.bind":"/opportunities(<id>)"}}`. The action records an opportunityclose activity and sets the
 * opportunity's state (Won 1 / status 3; Lost 2 / status 4 Canceled or 5 Out-Sold), actual revenue and close date,
 * all in one unit of work: a Create event for the close, then a Win or Lose event for the opportunity.
 */
import { OpportunityState, opportunityTable } from "../../../../core";
import type { IdGenerator } from "../../../shared/ids";
import { duplicateRecord, invalidArgument, payloadError } from "../errors";
import { recordImage } from "../events";
import type { MetadataCatalog } from "../metadata/catalog";
import { etagOf } from "./concurrency";
import { parsePayload } from "./payload";
import type { RecordStore } from "./recordStore";
import { changeEventOf, saveRow, type Operation } from "./rowWriter";
import type { UnitOfWork } from "./unitOfWork";
import { isEntityReference, type StoredValue } from "./values";
import { freshId } from "./writer";

/** The action's parameters, named as the Web API names them. */
export interface CloseOpportunityRequest {
  /** 3 Won for WinOpportunity; 4 Canceled or 5 Out-Sold for LoseOpportunity. */
  readonly Status: number;
  /** The opportunityclose to record; it must bind `opportunityid`. */
  readonly OpportunityClose: Readonly<Record<string, unknown>>;
}

export interface CloseOpportunityResult {
  readonly opportunityId: string;
  readonly opportunityCloseId: string;
  /** The opportunity's new ETag. */
  readonly etag: string;
}

export interface CloseDependencies {
  readonly catalog: MetadataCatalog;
  readonly store: RecordStore;
  readonly unit: UnitOfWork;
  readonly ids: IdGenerator;
}

const closeTable = "opportunityclose";
const completed = { statecode: 1, statuscode: 2 } as const;

/**
 * Closes an open opportunity as won or lost.
 * @throws DataverseError 400 for a malformed request, a status of the other outcome or an opportunity that isn't
 *   open; 404 when the bound opportunity doesn't exist.
 */
export function closeOpportunity(
  deps: CloseDependencies,
  outcome: "Win" | "Lose",
  request: unknown,
  operation: Operation,
): CloseOpportunityResult {
  const { catalog, store, unit } = deps;
  const { status, closeBody } = readRequest(outcome, request);
  const table = catalog.table(closeTable);
  const parsed = parsePayload(closeBody, { catalog, table, mode: "create", exists: (t, id) => store.has(t, id) });
  const reference = parsed.values.get("opportunityid");
  if (!isEntityReference(reference)) {
    throw invalidArgument(`${outcome}Opportunity needs OpportunityClose with "opportunityid@odata.bind".`);
  }
  const opportunity = store.get(opportunityTable.logicalName, reference.id);
  if (opportunity === undefined) throw invalidArgument(`${outcome}Opportunity: the opportunity is missing.`);
  if (opportunity.values.statecode !== OpportunityState.Open) {
    throw invalidArgument(`${outcome}Opportunity: the opportunity ${reference.id} is not open, so it can't be closed.`);
  }
  const state = outcome === "Win" ? OpportunityState.Won : OpportunityState.Lost;
  const statusColumn = catalog.column(opportunityTable.logicalName, "statuscode");
  const statuses = statusColumn?.type === "Status" ? catalog.optionsOf(statusColumn) : [];
  if (statuses.find((option) => option.value === status)?.state !== state) {
    throw invalidArgument(`${status} is not a status reason that ${outcome}Opportunity can set.`);
  }

  const actualEnd = parsed.values.get("actualend") ?? operation.at;
  const revenue = parsed.values.get("actualrevenue") ?? null;
  const closeValues = new Map<string, StoredValue>([...parsed.values, ...Object.entries(completed)]);
  closeValues.set("actualend", actualEnd);
  if (!parsed.values.has("transactioncurrencyid")) {
    closeValues.set("transactioncurrencyid", opportunity.values.transactioncurrencyid ?? null);
  }
  const closeId = parsed.id ?? freshId(deps, closeTable);
  if (store.has(closeTable, closeId)) throw duplicateRecord();
  const savedClose = saveRow(
    catalog,
    store,
    { table, id: closeId, values: closeValues, previous: undefined },
    operation,
  );
  unit.record(changeEventOf(catalog, "Create", savedClose, undefined, operation));

  const opportunityValues = new Map<string, StoredValue>([
    ["statecode", state],
    ["statuscode", status],
    ["actualclosedate", typeof actualEnd === "string" ? actualEnd.slice(0, 10) : null],
    // Won without a stated revenue takes the estimate, as the Close Opportunity dialog proposes.
    ["actualvalue", revenue ?? (outcome === "Win" ? (opportunity.values.estimatedvalue ?? null) : null)],
  ]);
  const saved = saveRow(
    catalog,
    store,
    {
      table: catalog.table(opportunityTable.logicalName),
      id: opportunity.id,
      values: opportunityValues,
      previous: opportunity,
      closing: true,
    },
    operation,
  );
  const closeRequest = { status, opportunityClose: recordImage(catalog, closeTable, savedClose.record.values) };
  unit.record(changeEventOf(catalog, outcome, saved, opportunity, operation, closeRequest));
  return { opportunityId: opportunity.id, opportunityCloseId: closeId, etag: etagOf(saved.record.version) };
}

function readRequest(outcome: string, request: unknown): { status: number; closeBody: object } {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    throw payloadError(`${outcome}Opportunity takes a JSON object with Status and OpportunityClose.`);
  }
  const { Status: status, OpportunityClose: closeBody } = request as Record<string, unknown>;
  if (typeof status !== "number" || !Number.isInteger(status)) {
    throw payloadError(`${outcome}Opportunity: Status must be a whole number (the status reason to set).`);
  }
  if (typeof closeBody !== "object" || closeBody === null || Array.isArray(closeBody)) {
    throw payloadError(`${outcome}Opportunity: OpportunityClose must be an object describing the close.`);
  }
  return { status, closeBody };
}
