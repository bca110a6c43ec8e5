// The CoSellBridge solution as a typed description: every component, from which xml/ writes the solution's parts.
export { commandBar, type CommandBarDefinition, type CommandButton } from "./commandBar";
export { globalChoices, microsoftHelpChoice, syncStatusChoice } from "./choices";
export { coSellPanel, coSellPanelBindings } from "./coSellPanel";
export { column, extendedTable, opportunityColumns } from "./columns";
export { derivedId } from "./derivedIds";
export {
  environmentVariableDefinitions,
  environmentVariableTypes,
  type EnvironmentVariableDefinition,
} from "./environmentVariables";
export { controlClassIds, type ComponentCell, type FieldCell, type FormDefinition, type FormEvent } from "./formModel";
export { allScriptFunctions, commandHandlers, formHandlers, gridHandlers } from "./handlers";
export { baseLanguageCode, firstReleaseVersion, publisher, solution } from "./identity";
export type * from "./model";
export { webResourceTypes } from "./model";
export { opportunityForm } from "./opportunityForm";
export { partnerCenterSolutionTable } from "./partnerCenterSolutionTable";
export { integrationRole, securityRoles, sellerRole } from "./securityRoles";
export { coSellOpportunitiesView, views, type ViewDefinition } from "./views";
export { gridScript, opportunityScript, scripts, statusIcons, webResources } from "./webResources";
export { sdkMessageIds, webhookEndpoint, webhookSteps, type WebhookStep } from "./webhook";
