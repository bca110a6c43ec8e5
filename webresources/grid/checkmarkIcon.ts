/**
 * The icon function of a view column (the column's "Web resource" and "Function name" in the view designer,
 * `imageproviderwebresource` / `imageproviderfunctionname` in the layout XML). The grid calls it once per row with
 * the row as JSON text, where a choice column's value is `<column>_Value`, and the user's LCID; it returns the
 * image web resource's name and the tooltip. It must be synchronous and may not call Xrm, so its tooltips can't come
 * from the string web resources (getResourceString): they live here, in the languages the resx files have, chosen by
 * the LCID the grid passes for that purpose (any other LCID gets English).
 */
import { SyncStatus } from "../../core/dataverse/options";
import { cosellColumns } from "../../core/dataverse/schema";

/** The image web resources, as the solution names them. */
export const ICONS = {
  synced: "csb_/icons/synced.svg",
  pending: "csb_/icons/pending.svg",
  error: "csb_/icons/error.svg",
  notSynced: "csb_/icons/notsynced.svg",
} as const;

const RUSSIAN_LCID = 1049;

/** An icon and its tooltip in English (any LCID but Russian's) and Russian. */
type IconWithTooltips = readonly [icon: string, english: string, russian: string];

const BY_STATUS: Readonly<Record<number, IconWithTooltips>> = {
  [SyncStatus.Synced]: [ICONS.synced, "Synced with Partner Center", "Синхронизировано с Partner Center"],
  [SyncStatus.Pending]: [ICONS.pending, "Sync with Partner Center pending", "Ожидает синхронизации с Partner Center"],
  [SyncStatus.Error]: [
    ICONS.error,
    "Sync with Partner Center failed: open the opportunity for details",
    "Синхронизация с Partner Center не удалась: подробности на форме возможности",
  ],
};

const NOT_SYNCED: IconWithTooltips = [
  ICONS.notSynced,
  "Not synced with Partner Center",
  "Не синхронизировано с Partner Center",
];

/** The csb_syncstatus option value of a row, or null when it is missing or unreadable. */
function statusOfRow(rowData: string): number | null {
  let row: unknown;
  try {
    row = JSON.parse(rowData);
  } catch {
    return null;
  }
  const value: unknown = (row as Record<string, unknown> | null)?.[`${cosellColumns.syncStatus}_Value`];
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : null;
}

/** What csb_/scripts/grid.js adds to the global CoSellBridge. */
export interface GridFunctions {
  readonly checkmarkIcon: typeof checkmarkIcon;
}

export function checkmarkIcon(rowData: string, userLcid: number): [string, string] {
  const status = statusOfRow(rowData);
  const [icon, english, russian] = (status === null ? undefined : BY_STATUS[status]) ?? NOT_SYNCED;
  return [icon, userLcid === RUSSIAN_LCID ? russian : english];
}
