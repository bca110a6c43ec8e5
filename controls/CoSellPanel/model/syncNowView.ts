/**
 * "Sync now": whether it can run and why not, its progress and its result. The service syncs the saved record, so
 * it needs a saved opportunity whose saved Sync is Yes, and a usable service; unsaved changes are pointed out.
 */
import { type DataverseRow, helpCodesOfOptions, opportunityTable, solutionIdsOfColumn, toFlag } from "../../../core";
import type { PanelInputs } from "./inputs";
import { type PanelData, serviceUsable } from "./panelData";
import { overlayFormValues } from "./problems";
import { describeFailure, serviceNotice } from "./serviceMessages";
import type { Translate } from "./strings";

export interface SyncNowView {
  readonly label: string;
  readonly enabled: boolean;
  /** Why the button is disabled, or null. */
  readonly reason: string | null;
  /** A remark that doesn't block: unsaved changes won't be included. */
  readonly hint: string | null;
  /** Shown while the request runs. */
  readonly progress: string | null;
  readonly result: {
    readonly tone: "success" | "error";
    readonly text: string;
    readonly whatToDo: string | null;
  } | null;
}

const cosell = opportunityTable.cosellColumns;

/** The saved Sync with Partner Center: from the saved row once read, else the form's value. */
function savedSyncOn(inputs: PanelInputs, data: PanelData): boolean {
  if (data.snapshot?.state !== "loaded") return inputs.syncWithPartnerCenter.value;
  return toFlag(data.snapshot.value.opportunity[cosell.syncWithPartnerCenter]) === true;
}

/** The panel's own choices in a row, in a form where equal choices compare equal (order, case, duplicates). */
function choicesOf(row: DataverseRow): string {
  return JSON.stringify([
    toFlag(row[cosell.syncWithPartnerCenter]) === true,
    toFlag(row[cosell.shareWithMicrosoft]) === true,
    helpCodesOfOptions(row[cosell.microsoftHelp]),
    solutionIdsOfColumn(row[cosell.products]).map((id) => id.toUpperCase()),
  ]);
}

/** Whether the panel's own fields differ from the saved row (only known once the row was read). */
export function hasUnsavedChoices(inputs: PanelInputs, data: PanelData): boolean {
  if (data.snapshot?.state !== "loaded") return false;
  const saved = data.snapshot.value;
  return choicesOf(saved.opportunity) !== choicesOf(overlayFormValues(saved, inputs).opportunity);
}

function blockedReason(inputs: PanelInputs, data: PanelData, t: Translate): string | null {
  if (inputs.recordId === null) return t("SyncNow_NeedsSave");
  if (!serviceUsable(data.service))
    return serviceNotice(data.service, t) === null ? t("Loading") : t("SyncNow_NeedsService");
  if (!savedSyncOn(inputs, data)) return t("SyncNow_NeedsSync");
  return null;
}

export function syncNowViewOf(inputs: PanelInputs, data: PanelData, t: Translate): SyncNowView {
  const running = data.syncRun.kind === "running";
  const reason = blockedReason(inputs, data, t);
  const run = data.syncRun;
  let result: SyncNowView["result"] = null;
  if (run.kind === "done") {
    result = {
      tone: "success",
      text: t(run.result.coalesced ? "SyncNow_Coalesced" : "SyncNow_Queued"),
      whatToDo: null,
    };
  } else if (run.kind === "failed") {
    const failure = describeFailure(run.failure, t);
    result = { tone: "error", text: t("SyncNow_Failed", failure.text), whatToDo: failure.whatToDo };
  }
  return {
    label: t("SyncNow_Button"),
    enabled: reason === null && !running,
    reason,
    hint: reason === null && hasUnsavedChoices(inputs, data) ? t("SyncNow_UnsavedChanges") : null,
    progress: running ? t("SyncNow_Running") : null,
    result,
  };
}
