/**
 * The checkmark on the form: a form notification of the sync status, shown only when csb_ShowCheckmark says so and
 * cleared when it no longer applies. Synced is info with ✔, Pending a warning that updates itself, Error an error
 * with the service's explanation and what to do; Not synced shows nothing.
 */
import { SyncStatus } from "../../core/dataverse/options";
import { formatDateTime, type Language } from "../i18n/strings";
import type { FormSettings } from "../dataverse/settings";
import { SYNC_STATUS_NAMES, type OpportunitySyncStatus } from "../service/types";
import { attributeOf, cosellColumns, syncStatusOf } from "./formValues";
import { NOTICE, clearNotice, notify, LEVEL } from "./notices";

export type StatusView = Pick<OpportunitySyncStatus, "status" | "checkmark" | "lastSyncedAt" | "lastError">;

/** The status the saved row shows, before (or without) asking the service; null when the form lacks the column. */
export function statusOnForm(form: Xrm.FormContext): StatusView | null {
  const value = syncStatusOf(form);
  if (value === null) return null;
  const status = SYNC_STATUS_NAMES[value - SyncStatus.NotSynced] ?? "Not synced";
  const lastSynced: unknown = attributeOf(form, cosellColumns.lastSyncedOn)?.getValue();
  return {
    status,
    checkmark: status === "Synced",
    lastSyncedAt: lastSynced instanceof Date ? lastSynced.toISOString() : null,
    lastError: null,
  };
}

export function showStatus(form: Xrm.FormContext, view: StatusView, settings: FormSettings, language: Language) {
  if (!settings.showCheckmark) {
    clearNotice(form, NOTICE.status);
    return;
  }
  switch (view.status) {
    case "Synced": {
      const text =
        view.lastSyncedAt === null
          ? language.say("statusSynced")
          : language.say("statusSyncedAt", formatDateTime(view.lastSyncedAt, language));
      // The service withholds the checkmark when the link is not healthy; the status alone is then no news.
      if (view.checkmark) notify(form, NOTICE.status, LEVEL.info, text);
      else clearNotice(form, NOTICE.status);
      return;
    }
    case "Pending":
      notify(form, NOTICE.status, LEVEL.warning, language.say("statusPending"));
      return;
    case "Error": {
      const text =
        view.lastError === null
          ? language.say("statusErrorNoDetail")
          : language.say("statusError", view.lastError.message, view.lastError.whatToDo);
      notify(form, NOTICE.status, LEVEL.error, text);
      return;
    }
    case "Not synced":
      clearNotice(form, NOTICE.status);
      return;
  }
}
