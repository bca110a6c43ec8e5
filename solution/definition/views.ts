/**
 * The opportunity view with the sync checkmark: a public view of the opportunities marked for sync, whose first column
 * is csb_syncstatus drawn as an icon by the web resources' grid function (layoutxml `imageproviderwebresource` and
 * `imageproviderfunctionname`): it returns the status icon web resource and a tooltip per row.
 */
import { opportunityTable } from "../../core/dataverse/schema";
import { gridHandlers } from "./handlers";
import type { ScriptFunction } from "./model";

export interface ViewColumn {
  readonly column: string;
  /** Width in pixels. */
  readonly width: number;
  /** Draws the cell as an icon chosen by this function. */
  readonly icon?: ScriptFunction;
}

export interface ViewCondition {
  readonly column: string;
  readonly operator: "eq" | "ne";
  readonly value: string;
}

export interface ViewDefinition {
  readonly id: string;
  readonly table: string;
  /** The table's object type code: fixed for system tables (opportunity is 3). */
  readonly objectTypeCode: number;
  readonly primaryKey: string;
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ViewColumn[];
  readonly filter: readonly ViewCondition[];
  readonly orderBy: { readonly column: string; readonly descending: boolean };
}

const cosell = opportunityTable.cosellColumns;
const opportunity = opportunityTable.columns;

export const coSellOpportunitiesView: ViewDefinition = {
  id: "4beceb48-fe2c-4c9d-8732-513b834f9005",
  table: opportunityTable.logicalName,
  objectTypeCode: 3,
  primaryKey: opportunityTable.primaryKey,
  name: "Co-sell Opportunities",
  description: "Open opportunities synced with Partner Center, with their sync status checkmark.",
  columns: [
    { column: cosell.syncStatus, width: 100, icon: gridHandlers.checkmarkIcon },
    { column: opportunity.name, width: 250 },
    { column: opportunity.account, width: 150 },
    { column: opportunity.estimatedValue, width: 125 },
    { column: opportunity.estimatedCloseDate, width: 125 },
    { column: cosell.referralId, width: 150 },
    { column: cosell.lastSyncedOn, width: 150 },
  ],
  filter: [
    { column: opportunity.stateCode, operator: "eq", value: "0" },
    { column: cosell.syncWithPartnerCenter, operator: "eq", value: "1" },
  ],
  orderBy: { column: cosell.lastSyncedOn, descending: true },
};

export const views: readonly ViewDefinition[] = [coSellOpportunitiesView];
