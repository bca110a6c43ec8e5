/**
 * The functions of the web resources that the form, the command bar and the view call, by their dotted global names,
 * each with the script that defines it. They must match what the web resources' scripts define (webresources/README.md
 * lists their handlers); the packer loads each built script and refuses to pack when one of its functions is not a
 * function there (packer/handlerCheck.ts).
 */
import type { ScriptFunction, WebResourceDefinition } from "./model";
import { gridScript, opportunityScript } from "./webResources";

function scriptFunction(functionName: string, script: WebResourceDefinition = opportunityScript): ScriptFunction {
  return { library: script.name, functionName };
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

/**
 * The grid's image provider for the checkmark column: (rowData, userLcid) → [icon web resource, tooltip]. In its own
 * script: a view loads only the library its column names.
 */
export const gridHandlers = {
  checkmarkIcon: scriptFunction("CoSellBridge.Grid.checkmarkIcon", gridScript),
} as const;

/** Every function the solution calls, for the packer's check against the built scripts. */
export const allScriptFunctions: readonly ScriptFunction[] = [
  ...Object.values(formHandlers),
  ...Object.values(commandHandlers),
  ...Object.values(gridHandlers),
];
