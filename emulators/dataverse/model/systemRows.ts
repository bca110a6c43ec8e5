/**
 * Rows every organization starts with: the SYSTEM user, and the SDK messages and opportunity message filters that
 * webhook registrations bind to (dataverse.md §3.1: `sdkmessages?$filter=name eq 'Update'`, then
 * `sdkmessagefilters?$filter=primaryobjecttypecode eq 'opportunity' and _sdkmessageid_value eq <id>`). Their ids are
 * fixed so that tests and fixtures can name them.
 */
import { opportunityTable, systemUserTable } from "../../../core";
import { systemUserId } from "./actors";
import type { ChangeMessage } from "./events";
import type { MetadataCatalog } from "./metadata/catalog";
import type { RecordStore } from "./records/recordStore";
import { saveRow, type Operation } from "./records/rowWriter";
import type { RecordWriter } from "./records/writer";
import { sdkMessageIds as platformMessageIds } from "../solution/sdkMessages";

/**
 * Ids of the sdkmessage rows. Create, Update and Delete carry the platform's own fixed ids, the ones solution zips
 * reference in <SdkMessageId>, so an imported step binds to its message by id as in a real organization; the ids of
 * Win and Lose are not known here, so they are the emulator's own.
 */
export const sdkMessageIds: Readonly<Record<ChangeMessage, string>> = {
  Create: platformMessageIds.Create,
  Update: platformMessageIds.Update,
  Delete: platformMessageIds.Delete,
  Win: "5d6b0e1c-0000-4000-8000-000000000004",
  Lose: "5d6b0e1c-0000-4000-8000-000000000005",
};

/** Stable ids of the sdkmessagefilter rows for opportunity and each message. */
export const opportunityMessageFilterIds: Readonly<Record<ChangeMessage, string>> = {
  Create: "5d6b0e1c-0000-4000-8001-000000000001",
  Update: "5d6b0e1c-0000-4000-8001-000000000002",
  Delete: "5d6b0e1c-0000-4000-8001-000000000003",
  Win: "5d6b0e1c-0000-4000-8001-000000000004",
  Lose: "5d6b0e1c-0000-4000-8001-000000000005",
};

/**
 * Creates the start-up rows. The SYSTEM user is stored directly, since no user exists yet to be the actor of its own
 * creation; the others go through the writer like any row.
 */
export function installSystemRows(
  catalog: MetadataCatalog,
  store: RecordStore,
  writer: RecordWriter,
  operation: Operation,
): void {
  const table = catalog.table(systemUserTable.logicalName);
  const values = new Map([["lastname", "SYSTEM"]]);
  saveRow(catalog, store, { table, id: systemUserId, values, previous: undefined }, operation);
  for (const row of sdkMessageRows()) writer.create(row.table, row.body);
}

function sdkMessageRows(): { table: string; body: Record<string, unknown> }[] {
  const messages = Object.entries(sdkMessageIds) as [ChangeMessage, string][];
  return [
    ...messages.map(([name, id]) => ({ table: "sdkmessage", body: { sdkmessageid: id, name } })),
    ...messages.map(([name, id]) => ({
      table: "sdkmessagefilter",
      body: {
        sdkmessagefilterid: opportunityMessageFilterIds[name],
        name: `${name} of ${opportunityTable.logicalName}`,
        primaryobjecttypecode: opportunityTable.logicalName,
        secondaryobjecttypecode: "none",
        "sdkmessageid@odata.bind": `/sdkmessages(${id})`,
      },
    })),
  ];
}
