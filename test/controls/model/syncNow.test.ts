import { describe, expect, it } from "vitest";
import { buildPanelViewModel } from "../../../controls/CoSellPanel/model/viewModel";
import { coSellInputs, field, now, savedOpportunity, someData } from "../support/builders";
import { english } from "../support/strings";

const context = { now, t: english, timeZone: "UTC" };
const savedCoSell = savedOpportunity({
  csb_syncwithpartnercenter: true,
  csb_microsofthelp: "582100002",
  csb_sharewithmicrosoft: true,
  csb_products: "SOL-15974-MQF",
});
const synced = someData({ snapshot: { state: "loaded", value: savedCoSell } });
const syncNowOf = (inputs = coSellInputs(), data = synced) => buildPanelViewModel(inputs, data, context).syncNow;

describe("Sync now", () => {
  it("is ready for a saved deal whose saved Sync is on", () => {
    expect(syncNowOf()).toEqual({
      label: "Sync now",
      enabled: true,
      reason: null,
      hint: null,
      progress: null,
      result: null,
    });
  });

  it("says why it can't run: a new record, Sync off when saved, no service", () => {
    expect(syncNowOf(coSellInputs({ recordId: null }), someData({ snapshot: null }))).toMatchObject({
      enabled: false,
      reason: "Save the opportunity first.",
    });
    // Turned on in the form but not saved: the service would sync the saved row, which has Sync off.
    expect(syncNowOf(coSellInputs(), someData())).toMatchObject({
      enabled: false,
      reason: english("SyncNow_NeedsSync"),
    });
    expect(syncNowOf(coSellInputs(), { ...synced, service: { kind: "notConfigured" } })).toMatchObject({
      enabled: false,
      reason: english("SyncNow_NeedsService"),
    });
    expect(syncNowOf(coSellInputs(), { ...synced, service: { kind: "waitingForSettings" } }).reason).toBe(
      english("Loading"),
    );
  });

  it("stays available after a failed status call, so the seller can try again", () => {
    const data = { ...synced, service: { kind: "failed", failure: { kind: "unreachable" }, lastKnown: null } } as const;
    expect(syncNowOf(coSellInputs(), data).enabled).toBe(true);
  });

  it("points out unsaved changes, which a sync of the saved record won't include", () => {
    const changed = coSellInputs({ products: field<readonly string[]>(["SOL-15974-MQF", "SOL-20011-ABC"]) });
    expect(syncNowOf(changed)).toMatchObject({ enabled: true, hint: english("SyncNow_UnsavedChanges") });
    // The same choices in another order or letter case are not a change.
    const same = coSellInputs({ products: field<readonly string[]>(["sol-15974-mqf"]) });
    expect(syncNowOf(same).hint).toBeNull();
  });

  it("shows progress while it runs and then the result", () => {
    expect(syncNowOf(coSellInputs(), { ...synced, syncRun: { kind: "running" } })).toMatchObject({
      enabled: false,
      progress: english("SyncNow_Running"),
    });
    const queued = syncNowOf(coSellInputs(), {
      ...synced,
      syncRun: { kind: "done", result: { jobId: "j1", coalesced: false } },
    });
    expect(queued.result).toEqual({ tone: "success", text: english("SyncNow_Queued"), whatToDo: null });
    const joined = syncNowOf(coSellInputs(), {
      ...synced,
      syncRun: { kind: "done", result: { jobId: "j1", coalesced: true } },
    });
    expect(joined.result?.text).toBe(english("SyncNow_Coalesced"));
  });

  it("explains a failure with what to do", () => {
    const failed = syncNowOf(coSellInputs(), {
      ...synced,
      syncRun: { kind: "failed", failure: { kind: "rateLimited", retryAfterSeconds: 30, detail: null } },
    });
    expect(failed).toMatchObject({ enabled: true, progress: null });
    expect(failed.result).toEqual({
      tone: "error",
      text: "Sync now didn't work. The sync service is busy.",
      whatToDo: "Try again in 30 seconds.",
    });
  });
});
