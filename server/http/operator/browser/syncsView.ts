/** The recent syncs table: newest first, with direction, outcome, ids, summary and latency. */
import type { RecentSync } from "../../operations/adminViews";
import { html } from "./dom";
import { DIRECTION_LABELS, formatDateTime, formatDuration, isTrouble } from "./format";
import { idCell, tableFiller, timeCell, type TableParts } from "./tables";

/** Rows the table shows; the chart uses every sync fetched. */
export const SYNC_ROWS = 25;

function latencyCell(sync: RecentSync): Node | string {
  if (sync.latencyMs === null) {
    return html("span", {
      className: "muted",
      text: "unknown",
      attributes: { title: "The time of the change that caused this sync is not known." },
    });
  }
  return formatDuration(sync.latencyMs);
}

/** A function that shows the newest SYNC_ROWS of the syncs it is given. */
export function syncsView(parts: TableParts): (syncs: readonly RecentSync[]) => void {
  const fill = tableFiller<RecentSync>(parts, (sync) => [
    timeCell(sync.finishedAt, formatDateTime(sync.finishedAt)),
    DIRECTION_LABELS[sync.direction],
    html("span", { className: `outcome${isTrouble(sync.outcome) ? " trouble" : ""}`, text: sync.outcome }),
    idCell(sync.opportunityId),
    idCell(sync.referralId),
    sync.summary,
    latencyCell(sync),
  ]);
  return (syncs) => {
    fill(syncs.slice(0, SYNC_ROWS));
  };
}
