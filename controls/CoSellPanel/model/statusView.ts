/**
 * The sync status the panel shows: at once from the bound columns (csb_syncstatus, csb_lastsyncedon, csb_audit),
 * then from the sync service when it answers, which is fresher and adds the last error, what to do and the work
 * still waiting.
 */
import { SyncStatus } from "../../../core";
import type { SyncProblem, SyncStatusName } from "../data/syncServiceTypes";
import { type AuditTimelineEntry, newestAdvice } from "./auditTimeline";
import { type DateFormat, formatDateTime } from "./dates";
import { maskedText } from "./fieldAccess";
import type { PanelInputs } from "./inputs";
import { type ServiceState, latestServiceStatus } from "./panelData";
import { type Notice, serviceNotice } from "./serviceMessages";
import type { StringKey, Translate } from "./strings";

export type StatusKind = "synced" | "pending" | "error" | "notSynced";

export interface StatusView {
  readonly kind: StatusKind;
  /** "Synced", "Pending", "Error", "Not synced", or "***" when field security hides the status. */
  readonly text: string;
  /** ✔ for Synced (unless csb_ShowCheckmark is No), ✖ for Error. */
  readonly icon: "check" | "cross" | null;
  readonly lastSynced: string;
  /** For Error: what went wrong and what to do. */
  readonly error: Notice | null;
  /** For Pending: what the service is doing. */
  readonly pendingDetail: string | null;
  /** Why the service's status can't be shown, or null. */
  readonly notice: Notice | null;
}

const kindsByOption: ReadonlyMap<number, StatusKind> = new Map([
  [SyncStatus.NotSynced, "notSynced"],
  [SyncStatus.Pending, "pending"],
  [SyncStatus.Synced, "synced"],
  [SyncStatus.Error, "error"],
]);

const kindsByName: Readonly<Record<SyncStatusName, StatusKind>> = {
  "Not synced": "notSynced",
  Pending: "pending",
  Synced: "synced",
  Error: "error",
};

const textKeys: Readonly<Record<StatusKind, StringKey>> = {
  synced: "Status_Synced",
  pending: "Status_Pending",
  error: "Status_Error",
  notSynced: "Status_NotSynced",
};

export function statusKindOfOption(value: number | null): StatusKind {
  return (value === null ? undefined : kindsByOption.get(value)) ?? "notSynced";
}

export interface StatusSources {
  readonly inputs: PanelInputs;
  readonly service: ServiceState;
  readonly audit: readonly AuditTimelineEntry[];
  readonly showCheckmark: boolean;
  readonly format: DateFormat;
  readonly t: Translate;
}

export function statusViewOf({ inputs, service, audit, showCheckmark, format, t }: StatusSources): StatusView {
  const fresh = latestServiceStatus(service);
  const notice = serviceNotice(service, t);
  const masked = !inputs.syncStatus.readable && fresh === null;
  const kind = fresh === null ? statusKindOfOption(inputs.syncStatus.value) : kindsByName[fresh.status];
  const lastSyncedAt = fresh === null ? bound(inputs.lastSyncedOn) : fresh.lastSyncedAt;
  const lastSynced = formatDateTime(lastSyncedAt, format);
  return {
    kind,
    text: masked ? maskedText : t(textKeys[kind]),
    icon: masked ? null : kind === "error" ? "cross" : kind === "synced" && showCheckmark ? "check" : null,
    lastSynced:
      !inputs.lastSyncedOn.readable && fresh === null
        ? maskedText
        : lastSynced === null
          ? t("Status_NeverSynced")
          : t("Status_LastSynced", lastSynced),
    error: kind === "error" && !masked ? errorOf(fresh?.lastError ?? null, audit, t) : null,
    pendingDetail: kind === "pending" ? pendingDetailOf(fresh, format, t) : null,
    notice,
  };
}

function bound<T>(field: { readonly value: T | null; readonly readable: boolean }): T | null {
  return field.readable ? field.value : null;
}

function errorOf(lastError: SyncProblem | null, audit: readonly AuditTimelineEntry[], t: Translate): Notice {
  if (lastError !== null) return { text: lastError.message, whatToDo: lastError.whatToDo };
  return newestAdvice(audit) ?? { text: t("Status_ErrorFallback"), whatToDo: t("Status_ErrorFallbackWhatToDo") };
}

function pendingDetailOf(
  fresh: ReturnType<typeof latestServiceStatus>,
  format: DateFormat,
  t: Translate,
): string | null {
  const work = fresh?.pending[0];
  if (work === undefined) return null;
  switch (work.state) {
    case "queued":
      return t("Status_Pending_queued", work.reason);
    case "running":
      return t("Status_Pending_running", work.reason);
    case "retrying":
      return t("Status_Pending_retrying", work.reason, formatDateTime(work.nextAttemptAt, format) ?? "");
  }
}
