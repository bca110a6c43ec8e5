import { describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { buildPanelViewModel } from "../../../controls/CoSellPanel/model/viewModel";
import { aServiceStatus, anInputs, field, now, settings, someData } from "../support/builders";
import { english, russian } from "../support/strings";

const context = { now, t: english, timeZone: "UTC" };
const errorLine =
  "[2026-11-24 08:15:00 UTC] Dynamics → Partner Center: Partner Center refused the referral: customer country missing. " +
  "What to do: Fill in the account's country, then press Sync now.";

describe("the sync status from the bound columns", () => {
  it("shows Synced with a checkmark and the last sync in the user's language", () => {
    const inputs = anInputs({
      syncStatus: field<number | null>(SyncStatus.Synced),
      lastSyncedOn: field<Date | null>(new Date("2026-11-04T09:00:12Z")),
    });
    const status = buildPanelViewModel(inputs, someData({ service: { kind: "notConfigured" } }), context).status;
    expect(status).toMatchObject({ kind: "synced", text: "Synced", icon: "check", error: null });
    expect(status.lastSynced).toMatch(/^Last synced Nov 4, 2026, 9:00\sAM$/);
    const inRussian = buildPanelViewModel(
      { ...inputs, languageId: 1049 },
      someData({ service: { kind: "notConfigured" } }),
      {
        ...context,
        t: russian,
      },
    ).status;
    expect(inRussian.text).toBe("Синхронизировано");
    expect(inRussian.lastSynced).toBe("Последняя синхронизация: 4 нояб. 2026 г., 09:00");
  });

  it("leaves the checkmark out when csb_ShowCheckmark is No, but still says Synced", () => {
    const data = someData({
      settings: { state: "loaded", value: settings({ showCheckmark: false }) },
      service: { kind: "notConfigured" },
    });
    const status = buildPanelViewModel(
      anInputs({ syncStatus: field<number | null>(SyncStatus.Synced) }),
      data,
      context,
    ).status;
    expect(status).toMatchObject({ text: "Synced", icon: null });
  });

  it("explains an Error from the newest audit line when the service can't be asked", () => {
    const inputs = anInputs({
      syncStatus: field<number | null>(SyncStatus.Error),
      audit: field<string | null>(errorLine),
    });
    const status = buildPanelViewModel(inputs, someData({ service: { kind: "noSignIn" } }), context).status;
    expect(status).toMatchObject({ kind: "error", text: "Error", icon: "cross" });
    expect(status.error).toEqual({
      text: "Partner Center refused the referral: customer country missing.",
      whatToDo: "Fill in the account's country, then press Sync now.",
    });
    expect(status.notice?.text).toBe(english("Service_NoSignIn"));
  });

  it("still says what to do for an Error whose audit trail has no advice", () => {
    const inputs = anInputs({ syncStatus: field<number | null>(SyncStatus.Error), audit: field<string | null>(null) });
    const status = buildPanelViewModel(inputs, someData({ service: { kind: "notConfigured" } }), context).status;
    expect(status.error).toEqual({
      text: english("Status_ErrorFallback"),
      whatToDo: english("Status_ErrorFallbackWhatToDo"),
    });
  });

  it("reads an unknown or empty status value as Not synced, without an icon", () => {
    for (const value of [null, 42, SyncStatus.NotSynced]) {
      const status = buildPanelViewModel(
        anInputs({ syncStatus: field<number | null>(value) }),
        someData({ service: { kind: "notConfigured" } }),
        context,
      ).status;
      expect(status).toMatchObject({ kind: "notSynced", text: "Not synced", icon: null, lastSynced: "Never synced" });
    }
  });

  it("masks a status that field security hides", () => {
    const inputs = anInputs({
      syncStatus: field<number | null>(null, { readable: false }),
      lastSyncedOn: field<Date | null>(null, { readable: false }),
    });
    const status = buildPanelViewModel(inputs, someData({ service: { kind: "notConfigured" } }), context).status;
    expect(status).toMatchObject({ text: "***", icon: null, lastSynced: "***", error: null });
  });
});

describe("the sync status from the service", () => {
  it("replaces the bound status with the service's fresher one, with the work still waiting", () => {
    const service = aServiceStatus({
      status: "Pending",
      pending: [
        {
          jobId: "job-1",
          state: "retrying",
          reason: "Update of opportunity in Dataverse",
          queuedAt: "2026-11-25T09:00:00Z",
          attempts: 2,
          nextAttemptAt: "2026-11-25T09:35:00Z",
        },
      ],
    });
    const status = buildPanelViewModel(
      anInputs(),
      someData({ service: { kind: "loaded", status: service } }),
      context,
    ).status;
    expect(status).toMatchObject({ kind: "pending", text: "Pending", icon: null, notice: null });
    expect(status.pendingDetail).toMatch(
      /^Will try again at Nov 25, 2026, 9:35\sAM: Update of opportunity in Dataverse$/,
    );
  });

  it("shows the service's last error and what to do", () => {
    const service = aServiceStatus({
      status: "Error",
      lastError: { at: "2026-11-25T09:00:00Z", message: "Partner Center is down.", whatToDo: "Wait an hour." },
    });
    const status = buildPanelViewModel(
      anInputs(),
      someData({ service: { kind: "loaded", status: service } }),
      context,
    ).status;
    expect(status).toMatchObject({ kind: "error", icon: "cross" });
    expect(status.error).toEqual({ text: "Partner Center is down.", whatToDo: "Wait an hour." });
  });

  it("keeps the last status it had when a later call fails, and says calmly that the service can't be reached", () => {
    const lastKnown = aServiceStatus({ status: "Synced", lastSyncedAt: "2026-11-25T09:10:00Z" });
    const data = someData({ service: { kind: "failed", failure: { kind: "unreachable" }, lastKnown } });
    const status = buildPanelViewModel(
      anInputs({ syncStatus: field<number | null>(SyncStatus.Pending) }),
      data,
      context,
    ).status;
    expect(status).toMatchObject({ kind: "synced", icon: "check" });
    expect(status.notice).toEqual({
      text: english("Service_Unreachable"),
      whatToDo: english("Service_UnreachableWhatToDo"),
    });
  });
});
