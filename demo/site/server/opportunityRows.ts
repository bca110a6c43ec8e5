/**
 * The opportunity list: the seller's open opportunities, most recently changed first (so a deal that just synced, or
 * one that just arrived from Microsoft, is at the top), with the columns of a "My Open Opportunities" view plus the
 * two co-sell columns. The Co-sell status icon is not decided here: the page asks the web resource's grid function.
 */
import { HOST_ROUTES } from "../../host/shared/hostConfig";
import type { OpportunityList, OpportunityRow } from "../shared/siteContract";
import { formatted, text, type SellerWebApi, type WebApiRow } from "./sellerWebApi";

const COLUMNS = [
  "name",
  "estimatedvalue",
  "estimatedclosedate",
  "csb_syncwithpartnercenter",
  "csb_syncstatus",
  "modifiedon",
].join(",");
const OPEN_OPPORTUNITIES =
  `opportunities?$select=${COLUMNS}&$expand=parentaccountid($select=name)` +
  "&$filter=statecode eq 0&$orderby=modifiedon desc";

/** English: the demo's seller works in 1033 (the form page's ?lcid= option is per page). */
const USER_LCID = 1033;

export async function readOpportunityList(webApi: SellerWebApi): Promise<OpportunityList> {
  const rows = await webApi.rows(OPEN_OPPORTUNITIES);
  return { rows: rows.map(opportunityRow), userLcid: USER_LCID };
}

function opportunityRow(row: WebApiRow): OpportunityRow {
  const id = text(row, "opportunityid");
  const account = row.parentaccountid;
  const status = row.csb_syncstatus;
  return {
    id,
    topic: text(row, "name"),
    account: typeof account === "object" && account !== null ? text(account as WebApiRow, "name") : "",
    estimatedRevenue: formatted(row, "estimatedvalue"),
    estimatedCloseDate: formatted(row, "estimatedclosedate"),
    sync: formatted(row, "csb_syncwithpartnercenter"),
    syncStatusValue: typeof status === "number" ? status : null,
    syncStatusLabel: formatted(row, "csb_syncstatus"),
    formUrl: `${HOST_ROUTES.form}${id}`,
  };
}
