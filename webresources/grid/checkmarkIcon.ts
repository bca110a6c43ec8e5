/**
 * The icon function of a view column (the column's "Web resource" and "Function name" in the view designer,
 * `imageproviderwebresource` / `imageproviderfunctionname` in the layout XML). The grid calls it once per row with
 * the row as JSON text, where a choice column's value is `<column>_Value`, and the user's LCID; it returns the
 * image web resource's name and the tooltip. It must be synchronous and may not call Xrm.
 */
import { SyncStatus } from "../../core/dataverse/options";
import { opportunityTable } from "../../core/dataverse/schema";
import type { StringKey } from "../i18n/english";
import { languageOf } from "../i18n/strings";

/** The image web resources, as the solution names them. */
export const ICONS = {
  synced: "csb_/icons/synced.svg",
  pending: "csb_/icons/pending.svg",
  error: "csb_/icons/error.svg",
  notSynced: "csb_/icons/notsynced.svg",
} as const;

const BY_STATUS: Readonly<Record<number, readonly [string, StringKey]>> = {
  [SyncStatus.Synced]: [ICONS.synced, "gridSynced"],
  [SyncStatus.Pending]: [ICONS.pending, "gridPending"],
  [SyncStatus.Error]: [ICONS.error, "gridError"],
};

const NOT_SYNCED: readonly [string, StringKey] = [ICONS.notSynced, "gridNotSynced"];

/** The csb_syncstatus option value of a row, or null when it is missing or unreadable. */
function statusOfRow(rowData: string): number | null {
  let row: unknown;
  try {
    row = JSON.parse(rowData);
  } catch {
    return null;
  }
  const value: unknown = (row as Record<string, unknown> | null)?.[
    `${opportunityTable.cosellColumns.syncStatus}_Value`
  ];
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : null;
}

export function checkmarkIcon(rowData: string, userLcid: number): [string, string] {
  const status = statusOfRow(rowData);
  const [icon, tooltip] = (status === null ? undefined : BY_STATUS[status]) ?? NOT_SYNCED;
  return [icon, languageOf(userLcid).say(tooltip)];
}
