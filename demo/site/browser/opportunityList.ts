/**
 * The opportunity list: rows from the site (the seller's open opportunities), each linking to its form, and the
 * Co-sell status column drawn the way a Dynamics view draws an image column: the grid calls the solution view's image
 * provider, `CoSellBridge.Grid.checkmarkIcon(rowData, userLCID)` (webresources/grid/checkmarkIcon.ts), with the row as
 * JSON text, reads back `[image web resource name, tooltip]`, and shows that image from /WebResources/ (the host
 * serves the built web resources there, as Dynamics does).
 */
import { HOST_ROUTES } from "../../host/shared/hostConfig";
import { SITE_ROUTES, type OpportunityList, type OpportunityRow } from "../shared/siteContract";
import { element, keepFresh, required, showAlert, showUpdated } from "./dom";
import { getJson } from "./siteApi";

type IconFunction = (rowData: string, userLcid: number) => [string, string];

const REFRESH_MS = 3000;

/**
 * The image provider function the page names (`data-icon-function`, e.g. "CoSellBridge.Grid.checkmarkIcon"), found
 * by its dotted name on the global object, as Dynamics finds a view column's imageproviderfunctionname.
 */
function iconFunction(dottedName: string): IconFunction | null {
  let found: unknown = window;
  for (const part of dottedName.split(".")) {
    found = typeof found === "object" && found !== null ? (found as Record<string, unknown>)[part] : undefined;
  }
  return typeof found === "function" ? (found as IconFunction) : null;
}

export function startOpportunityList(): void {
  const body = required("#opportunity-rows", HTMLTableSectionElement);
  const functionName = required("table[data-icon-function]", HTMLTableElement).dataset.iconFunction ?? "";
  let shown = "";
  keepFresh(async () => {
    const list = await getJson<OpportunityList>(SITE_ROUTES.opportunityRows);
    if (list === null) return;
    showUpdated();
    const text = JSON.stringify(list);
    if (text === shown) return;
    shown = text;
    const icon = iconFunction(functionName);
    if (icon === null) showAlert(`The view's icon function ${functionName} is missing: run \`npm run build\`, reload.`);
    body.replaceChildren(...(list.rows.length === 0 ? [emptyRow()] : list.rows.map((row) => rowOf(row, list, icon))));
  }, REFRESH_MS);
}

function rowOf(row: OpportunityRow, list: OpportunityList, icon: IconFunction | null): HTMLTableRowElement {
  const link = element("a", { href: row.formUrl }, row.topic === "" ? "(no topic)" : row.topic);
  return element(
    "tr",
    { "data-opportunity-id": row.id },
    element("td", {}, link),
    element("td", {}, row.account),
    element("td", { class: "number" }, row.estimatedRevenue),
    element("td", {}, row.estimatedCloseDate),
    element("td", {}, row.sync),
    element("td", { class: "status" }, ...statusCell(row, list.userLcid, icon)),
  );
}

function statusCell(row: OpportunityRow, userLcid: number, icon: IconFunction | null): (Node | string)[] {
  if (icon === null) return [row.syncStatusLabel];
  // What Dynamics hands an image provider: the row's columns as text, a choice's value under `<column>_Value`.
  const rowData = JSON.stringify({
    RowId: row.id,
    csb_syncstatus: row.syncStatusLabel,
    csb_syncstatus_Value: row.syncStatusValue === null ? "" : String(row.syncStatusValue),
  });
  const [image, tooltip] = icon(rowData, userLcid);
  return [
    element("img", {
      src: `${HOST_ROUTES.webResources}${image}`,
      alt: tooltip,
      title: tooltip,
      width: "16",
      height: "16",
    }),
    element("span", { class: "status-label" }, row.syncStatusLabel),
  ];
}

function emptyRow(): HTMLTableRowElement {
  return element("tr", {}, element("td", { colspan: "6", class: "empty" }, "No open opportunities."));
}
