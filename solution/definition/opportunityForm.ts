/**
 * The solution's Opportunity main form: the deal's essentials and the "Co-sell with Microsoft" section hosting the
 * CoSellPanel control, with the form events of the web resources.
 *
 * It is a form of its own rather than a change to Microsoft's Opportunity form: a solution can only change a system
 * form by carrying that form's whole XML (an unmanaged export of the target environment) or a form difference that only
 * Dataverse's managed export produces, and neither can be written here without the target's form. Admins give this
 * form to sellers through the app's form order, or copy its co-sell section into their own form.
 */
import { opportunityTable } from "../../core/dataverse/schema";
import { coSellPanel, coSellPanelBindings } from "./coSellPanel";
import type { FieldCell, FormDefinition, StandardControl } from "./formModel";
import { formHandlers } from "./handlers";

const cosell = opportunityTable.cosellColumns;
const opportunity = opportunityTable.columns;

function field(column: string, label: string, control: StandardControl): FieldCell {
  return { kind: "field", column, label, control };
}

/**
 * The co-sell columns the panel shows, kept on the form in a hidden section: the form scripts read them with
 * formContext.getAttribute, which only knows columns that have a control on the form.
 */
const scriptColumns: readonly FieldCell[] = [
  field(cosell.microsoftHelp, "How can Microsoft help?", "multiChoice"),
  field(cosell.shareWithMicrosoft, "Visible to Microsoft sellers", "yesNo"),
  field(cosell.products, "Products", "memo"),
  field(cosell.referralId, "Referral Identifier", "text"),
  field(cosell.referralLink, "Referral Link", "url"),
  field(cosell.microsoftCrmId, "Microsoft CRM Identifier", "text"),
  field(cosell.syncStatus, "Sync Status", "choice"),
  field(cosell.lastSyncedOn, "Last Synced On", "dateTime"),
  field(cosell.audit, "Audit", "memo"),
];

export const opportunityForm: FormDefinition = {
  id: "cfda69af-e9ed-4c2e-9d80-8243986a3fe7",
  table: opportunityTable.logicalName,
  type: "main",
  name: "Opportunity (Co-sell)",
  description:
    "The opportunity with its co-sell panel: sync with Partner Center, ask Microsoft for help, follow the referral.",
  tabs: [
    {
      name: "summary",
      label: "Summary",
      sections: [
        {
          name: "opportunity",
          label: "Opportunity",
          showLabel: true,
          visible: true,
          cells: [
            field(opportunity.name, "Topic", "text"),
            field(opportunity.account, "Account", "lookup"),
            field(opportunity.contact, "Contact", "lookup"),
            field(opportunity.currency, "Currency", "lookup"),
            field(opportunity.estimatedValue, "Est. Revenue", "money"),
            field(opportunity.estimatedCloseDate, "Est. Close Date", "dateTime"),
            field(opportunity.description, "Description", "memo"),
          ],
        },
        {
          name: "cosell",
          label: "Co-sell with Microsoft",
          showLabel: true,
          visible: true,
          cells: [
            {
              kind: "component",
              column: coSellPanel.hostColumn,
              label: "Co-sell with Microsoft",
              control: "yesNo",
              component: { name: coSellPanel.name, bindings: coSellPanelBindings },
            },
          ],
        },
        { name: "cosell_columns", label: "Co-sell columns", showLabel: false, visible: false, cells: scriptColumns },
      ],
    },
  ],
  events: [
    { event: "onload", handler: formHandlers.onLoad },
    { event: "onchange", column: cosell.syncWithPartnerCenter, handler: formHandlers.onSyncFieldChange },
    { event: "onchange", column: cosell.microsoftHelp, handler: formHandlers.onSyncFieldChange },
    { event: "onchange", column: cosell.products, handler: formHandlers.onSyncFieldChange },
    { event: "onsave", handler: formHandlers.onSave },
  ],
};
