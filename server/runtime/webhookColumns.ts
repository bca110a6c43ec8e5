/**
 * The opportunity columns whose change should wake the service (the Update step's filtering attributes, dataverse.md
 * §3.2): every mapped opportunity column that flows to Partner Center, the seller's co-sell columns, and the state.
 * Columns only the service writes (referral id, link, status, audit) are left out, so its own write-back never fires.
 */
import {
  defaultFieldMapping,
  flowsToPartnerCenter,
  mappingEntries,
  opportunityTable,
  type FieldMapping,
} from "../../core";

export function webhookFilteringColumns(mapping: FieldMapping = defaultFieldMapping): string[] {
  const cosell = opportunityTable.cosellColumns;
  const columns = new Set<string>([
    cosell.syncWithPartnerCenter,
    cosell.microsoftHelp,
    cosell.shareWithMicrosoft,
    cosell.products,
    "statecode",
    "transactioncurrencyid",
    "parentaccountid",
    "parentcontactid",
    "ownerid",
  ]);
  for (const entry of mappingEntries(mapping)) {
    if (entry.table === "opportunity" && flowsToPartnerCenter(entry)) columns.add(entry.column);
  }
  return [...columns].sort();
}
