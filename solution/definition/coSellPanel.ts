/**
 * The CoSellPanel PCF control as the solution ships it, and how the opportunity form binds its properties to columns
 * (the properties are those of controls/CoSellPanel/ControlManifest.Input.xml, as the control's contract lists them).
 * The packer takes the control from its build (out/controls/<folder>) and checks these bindings against the built
 * manifest (packer/controlBindings.ts).
 */
import { publisher } from "./identity";
import { opportunityTable } from "../../core/dataverse/schema";

const cosell = opportunityTable.cosellColumns;
const opportunity = opportunityTable.columns;

export const coSellPanel = {
  /** The folder pcf-scripts writes the control to, under out/controls. */
  buildFolder: "CoSellPanel",
  namespace: "CoSellBridge",
  constructorName: "CoSellPanel",
  /** `<prefix>_<namespace>.<constructor>`: the control's name in the solution and its folder in the zip. */
  name: `${publisher.prefix}_CoSellBridge.CoSellPanel`,
  /** The column whose form cell hosts the control; its property is bound to that column like the others. */
  hostColumn: cosell.syncWithPartnerCenter,
} as const;

/** Each bound property of the control and the opportunity column the form gives it. */
export const coSellPanelBindings: Readonly<Record<string, string>> = {
  syncWithPartnerCenter: cosell.syncWithPartnerCenter,
  microsoftHelp: cosell.microsoftHelp,
  shareWithMicrosoft: cosell.shareWithMicrosoft,
  products: cosell.products,
  referralId: cosell.referralId,
  referralLink: cosell.referralLink,
  microsoftCrmId: cosell.microsoftCrmId,
  audit: cosell.audit,
  syncStatus: cosell.syncStatus,
  lastSyncedOn: cosell.lastSyncedOn,
  topic: opportunity.name,
  dealValue: opportunity.estimatedValue,
  estimatedCloseDate: opportunity.estimatedCloseDate,
};
