/**
 * What the backfill benchmark does to, and reads from, the Dataverse emulator's organization directly (no Web API,
 * no webhooks): opting open opportunities in before the run, and counting after it what each synced row shows.
 */
import { SyncStatus, opportunityTable } from "../../core";
import type { DataverseOrganization } from "../../emulators/dataverse/model/organization";
import { SHARE_WITH_MICROSOFT } from "./stackDriver";

const columns = opportunityTable.cosellColumns;
const PAGE = 5000;

/** Marks up to `limit` open opportunities as shared with Microsoft; returns how many. */
export function optInOpenOpportunities(org: DataverseOrganization, limit: number): number {
  const query = { select: ["opportunityid"], filter: "statecode eq 0", maxPageSize: PAGE } as const;
  let marked = 0;
  let page = org.retrieveMultiple("opportunity", query);
  for (;;) {
    for (const row of page.value) {
      if (marked >= limit) return marked;
      org.update("opportunity", String(row.opportunityid), SHARE_WITH_MICROSOFT);
      marked += 1;
    }
    if (page.skipToken === null) return marked;
    page = org.retrieveMultiple("opportunity", { ...query, skipToken: page.skipToken });
  }
}

/** How the opted-in rows look after a backfill: every synced one must show its referral, status, time and audit. */
export interface SyncedRows {
  readonly optedIn: number;
  /** Synced, with referral id, link, last synced time and an audit line. */
  readonly complete: number;
  /** Refused by the service with csb_syncstatus Error (invalid demo data). */
  readonly error: number;
  /** Anything else: not written back, or only partly. */
  readonly other: number;
}

export function syncedRows(org: DataverseOrganization): SyncedRows {
  const select = [columns.referralId, columns.referralLink, columns.syncStatus, columns.lastSyncedOn, columns.audit];
  const query = { select, filter: `${columns.syncWithPartnerCenter} eq true`, maxPageSize: PAGE } as const;
  const counts = { optedIn: 0, complete: 0, error: 0, other: 0 };
  let page = org.retrieveMultiple("opportunity", query);
  for (;;) {
    for (const row of page.value) {
      counts.optedIn += 1;
      const status = Number(row[columns.syncStatus]);
      const filled = select.every((column) => row[column] !== null && row[column] !== undefined);
      if (status === SyncStatus.Synced && filled) counts.complete += 1;
      else if (status === SyncStatus.Error) counts.error += 1;
      else counts.other += 1;
    }
    if (page.skipToken === null) return counts;
    page = org.retrieveMultiple("opportunity", { ...query, skipToken: page.skipToken });
  }
}
