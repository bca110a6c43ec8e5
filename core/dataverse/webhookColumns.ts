/**
 * The opportunity columns of the Dataverse webhook's steps (shared/reference/dataverse.md §3.2, §3.3), in one place
 * for the three places that register them: the solution's steps, `cosell-bridge register-webhooks` and the deploy.
 */
import { defaultFieldMapping } from "../mapping/defaultMapping";
import { flowsToPartnerCenter, mappingEntries, type FieldMapping } from "../mapping/fields";
import { opportunityTable } from "./schema";

/**
 * The Update step's filtering attributes: the columns whose change should wake the service. The seller's co-sell
 * columns, the state, the lookups the referral is built from, and every mapped column that flows to Partner Center.
 * Columns only the service writes (referral id, link, status, audit) are left out, so its own write-back never fires
 * the webhook again.
 */
export function webhookFilteringColumns(mapping: FieldMapping = defaultFieldMapping): string[] {
  const { columns, cosellColumns } = opportunityTable;
  const wanted = new Set<string>([
    cosellColumns.syncWithPartnerCenter,
    cosellColumns.microsoftHelp,
    cosellColumns.shareWithMicrosoft,
    cosellColumns.products,
    columns.stateCode,
    columns.currency,
    columns.account,
    columns.contact,
    columns.owner,
  ]);
  for (const entry of mappingEntries(mapping)) {
    if (entry.table === "opportunity" && flowsToPartnerCenter(entry)) wanted.add(entry.column);
  }
  return [...wanted].sort();
}

/**
 * The post-image's columns: the filtered ones and the referral id. Never every column: csb_audit alone can hold
 * 100,000 characters, and Dataverse drops every image from a body above 256 KB (dataverse.md §3.3).
 */
export function webhookImageColumns(mapping: FieldMapping = defaultFieldMapping): string[] {
  return [...webhookFilteringColumns(mapping), opportunityTable.cosellColumns.referralId].sort();
}
