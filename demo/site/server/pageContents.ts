/**
 * The static part of each page: headings, the empty tables the browser script fills (and refreshes every few
 * seconds), and the "act as Microsoft" form. Labels are tied to their inputs so people and tests find them by name.
 */
import { gridHandlers } from "../../../solution/definition/handlers";
import { HOST_ROUTES } from "../../host/shared/hostConfig";
import type { SitePage } from "./sitePage";

export const opportunitiesPage: SitePage = {
  name: "opportunities",
  title: "My Open Opportunities",
  // The icon function of the solution's view column, from the web resource the view names (its image provider).
  scripts: [`${HOST_ROUTES.webResources}${gridHandlers.checkmarkIcon.library}`],
  content: `<div class="command-bar" role="toolbar" aria-label="Opportunity commands">
<button type="button" class="command" data-command="refresh">Refresh</button>
<span class="updated" role="status" aria-label="List status"></span>
</div>
<table class="grid" aria-label="Open opportunities" data-icon-function="${gridHandlers.checkmarkIcon.functionName}">
<thead><tr><th scope="col">Topic</th><th scope="col">Account</th><th scope="col" class="number">Est. revenue</th><th scope="col">Est. close date</th><th scope="col">Sync with Partner Center</th><th scope="col">Co-sell status</th></tr></thead>
<tbody id="opportunity-rows"><tr><td colspan="6" class="empty">Loading…</td></tr></tbody>
</table>`,
};

function input(name: string, label: string, attributes: string): string {
  const control = `<input id="inbound-${name}" name="${name}" ${attributes}>`;
  return `<label class="field" for="inbound-${name}"><span>${label}</span>${control}</label>`;
}

function select(name: string, label: string): string {
  const control = `<select id="inbound-${name}" name="${name}"></select>`;
  return `<label class="field" for="inbound-${name}"><span>${label}</span>${control}</label>`;
}

export const partnerCenterPage: SitePage = {
  name: "partner-center",
  title: "Partner Center · Referrals",
  content: `<p class="page-note">The partner's co-sell referrals in the Partner Center emulator, newest change first. The buttons act as Microsoft's sellers would.</p>
<div class="command-bar" role="toolbar" aria-label="Referral commands">
<button type="button" class="command" data-command="refresh">Refresh</button>
<span class="updated" role="status" aria-label="List status"></span>
</div>
<table class="grid" aria-label="Referrals">
<thead><tr><th scope="col">Referral</th><th scope="col">Direction</th><th scope="col">Status</th><th scope="col">Microsoft</th><th scope="col" class="number">Deal value</th><th scope="col">Close date</th><th scope="col">Help and solutions</th><th scope="col">Dynamics opportunity</th><th scope="col">Last modified</th><th scope="col">Act as Microsoft</th></tr></thead>
<tbody id="referral-rows"><tr><td colspan="10" class="empty">Loading…</td></tr></tbody>
</table>
<section class="panel" aria-labelledby="inbound-heading">
<h2 id="inbound-heading">Share a co-sell opportunity (as Microsoft)</h2>
<form id="inbound-form" class="inbound-form">
${input("customerName", "Customer name", 'required value="Fourth Coffee"')}
${input("city", "City", 'required value="Seattle"')}
${input("postalCode", "Postal code", 'required value="98101"')}
${input("country", "Country (ISO code)", 'required maxlength="2" value="US"')}
${input("contactFirstName", "Contact first name", 'required value="Jamie"')}
${input("contactLastName", "Contact last name", 'required value="Reyes"')}
${input("contactEmail", "Contact e-mail", 'required type="email" value="jamie.reyes@fourthcoffee.example"')}
${input("dealValue", "Deal value", 'required type="number" min="1" step="any" value="40000"')}
${input("currency", "Currency", 'required maxlength="3" value="USD"')}
${input("closingDate", "Closing date", 'required type="date"')}
${select("solutionId", "Solution")}
${select("help", "How can the partner help?")}
${input("notes", "Notes", 'value="Customer wants a partner-led pilot."')}
<div class="form-actions"><button type="submit" class="primary">Share with the partner</button></div>
</form>
</section>`,
};
