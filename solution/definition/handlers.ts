/**
 * The functions of the web resources that the form, the command bar and the view call, by their dotted global names.
 * They must match what the web resources' bundle defines (webresources/README.md lists its handlers); the packer loads
 * the built bundle and refuses to pack when one of these is not a function there (packer/handlerCheck.ts).
 */
import type { ScriptFunction } from "./model";
import { opportunityScript } from "./webResources";

function scriptFunction(functionName: string): ScriptFunction {
  return { library: opportunityScript.name, functionName };
}

/** Opportunity form events; each receives the execution context first. */
export const formHandlers = {
  onLoad: scriptFunction("CoSellBridge.Opportunity.onLoad"),
  onSyncFieldChange: scriptFunction("CoSellBridge.Opportunity.onSyncFieldChange"),
  onSave: scriptFunction("CoSellBridge.Opportunity.onSave"),
} as const;

/** Command bar actions and the enable rules that decide when each button is available; each receives PrimaryControl. */
export const commandHandlers = {
  syncNow: scriptFunction("CoSellBridge.Ribbon.syncNow"),
  canSyncNow: scriptFunction("CoSellBridge.Ribbon.canSyncNow"),
  openInPartnerCenter: scriptFunction("CoSellBridge.Ribbon.openInPartnerCenter"),
  canOpenInPartnerCenter: scriptFunction("CoSellBridge.Ribbon.canOpenInPartnerCenter"),
  acceptReferral: scriptFunction("CoSellBridge.Ribbon.acceptReferral"),
  declineReferral: scriptFunction("CoSellBridge.Ribbon.declineReferral"),
  canAnswerReferral: scriptFunction("CoSellBridge.Ribbon.canAnswerReferral"),
} as const;

/** The grid's image provider for the checkmark column: (rowData, userLcid) → [icon web resource, tooltip]. */
export const gridHandlers = {
  checkmarkIcon: scriptFunction("CoSellBridge.Grid.checkmarkIcon"),
} as const;

/** Every function the solution calls, for the packer's check against the built bundle. */
export const allScriptFunctions: readonly ScriptFunction[] = [
  ...Object.values(formHandlers),
  ...Object.values(commandHandlers),
  ...Object.values(gridHandlers),
];
