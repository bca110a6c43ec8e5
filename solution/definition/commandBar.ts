/**
 * The buttons the solution adds to the opportunity form's command bar. Each calls a function of the web resources with
 * the form (PrimaryControl) and is enabled only when that function's enable rule says so; the rule functions decide
 * from the record (saved, synced, inbound referral...), so the buttons never offer what would fail.
 */
import { opportunityTable } from "../../core/dataverse/schema";
import { commandHandlers } from "./handlers";
import type { ScriptFunction } from "./model";
import { iconNamed } from "./webResources";

export interface CommandButton {
  /** Names the button's ids (csb.opportunity.<key>.Button, .Command, .EnableRule, .Label). */
  readonly key: string;
  readonly label: string;
  readonly tooltip: string;
  /** Position among the form's commands; the platform's Save is 10, Save & Close 20. */
  readonly sequence: number;
  readonly action: ScriptFunction;
  readonly enableRule: ScriptFunction;
  /** The icon web resource shown on the button. */
  readonly icon: string;
}

export interface CommandBarDefinition {
  readonly table: string;
  /** Where the buttons go: a ribbon location id. */
  readonly location: string;
  readonly buttons: readonly CommandButton[];
}

export const commandBar: CommandBarDefinition = {
  table: opportunityTable.logicalName,
  /** The main form's command bar (the Unified Interface keeps the classic ribbon location names). */
  location: `Mscrm.Form.${opportunityTable.logicalName}.MainTab.Save.Controls._children`,
  buttons: [
    {
      key: "SyncNow",
      label: "Sync with Partner Center now",
      tooltip: "Sends this opportunity to Partner Center now instead of waiting for the next change.",
      sequence: 80,
      action: commandHandlers.syncNow,
      enableRule: commandHandlers.canSyncNow,
      icon: iconNamed("synced").name,
    },
    {
      key: "OpenInPartnerCenter",
      label: "Open in Partner Center",
      tooltip: "Opens this opportunity's referral in Partner Center in a new window.",
      sequence: 81,
      action: commandHandlers.openInPartnerCenter,
      enableRule: commandHandlers.canOpenInPartnerCenter,
      icon: iconNamed("synced").name,
    },
    {
      key: "AcceptReferral",
      label: "Accept referral",
      tooltip: "Accepts the referral Microsoft sent for this opportunity.",
      sequence: 82,
      action: commandHandlers.acceptReferral,
      enableRule: commandHandlers.canAnswerReferral,
      icon: iconNamed("synced").name,
    },
    {
      key: "DeclineReferral",
      label: "Decline referral",
      tooltip: "Declines the referral Microsoft sent for this opportunity, with a reason.",
      sequence: 83,
      action: commandHandlers.declineReferral,
      enableRule: commandHandlers.canAnswerReferral,
      icon: iconNamed("error").name,
    },
  ],
};
