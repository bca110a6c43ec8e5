import { describe, expect, it, vi } from "vitest";
import { SyncStatus } from "../../core/dataverse/options";
import {
  OPPORTUNITY_ID,
  invalidReport,
  ok,
  pendingStatus,
  syncQueued,
  syncStatus,
  throttled,
  unauthorized,
  validReport,
} from "./support/serviceAnswers";
import { useBridgeWorld } from "./support/bridgeWorld";
import { closedPortUrl } from "./support/syncServiceStub";

const SYNC = `/opportunities/${OPPORTUNITY_ID}/sync`;
const VALIDATE = `/opportunities/${OPPORTUNITY_ID}/validate`;
const STATUS = `/opportunities/${OPPORTUNITY_ID}/sync-status`;

const world = useBridgeWorld();

const form = world.formWithOnSave;

describe("Sync with Partner Center now", () => {
  it("validates, queues the sync, says so, and follows it until it is done", async () => {
    world.stub.answer("POST", VALIDATE, ok(validReport())).answer("POST", SYNC, ok(syncQueued, 202));
    world.stub.answer("GET", STATUS, ok(pendingStatus()), ok(syncStatus({ lastSyncedAt: "2026-05-04T09:00:03.000Z" })));
    const opened = form();

    await world.bridge.Ribbon.syncNow(opened.form);

    expect(opened.notifications().csb_command).toEqual({
      level: "INFO",
      message: "Sync with Partner Center requested. The status above updates when it's done.",
    });
    expect(opened.notifications().csb_syncstatus?.level).toBe("WARNING");
    expect(world.stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /api/v1${VALIDATE}`,
      `POST /api/v1${SYNC}`,
    ]);
    expect(world.bridge.Ribbon.canSyncNow(opened.form)).toBe(true);

    world.runtime.clock.wake();
    await vi.waitFor(() => {
      expect(world.runtime.clock.sleeping).toBe(1);
    });
    expect(world.bridge.Ribbon.canSyncNow(opened.form)).toBe(false);
    world.runtime.clock.wake();
    await vi.waitFor(() => {
      expect(opened.notifications().csb_syncstatus?.level).toBe("INFO");
    });
    expect(world.runtime.clock.sleeping).toBe(0);
  });

  it("says when the request joined a sync that was already waiting", async () => {
    world.stub
      .answer("POST", VALIDATE, ok(validReport()))
      .answer("POST", SYNC, ok({ jobId: "job-1", coalesced: true }, 202));
    const opened = form();

    await world.bridge.Ribbon.syncNow(opened.form);

    expect(opened.notifications().csb_command?.message).toBe(
      "A sync of this opportunity was already waiting; your request joined it.",
    );
  });

  it("does not queue a sync Partner Center would refuse, and says why in the service's words", async () => {
    world.stub.answer("POST", VALIDATE, ok(invalidReport()));
    const opened = form();

    await world.bridge.Ribbon.syncNow(opened.form);

    expect(opened.notifications().csb_command).toEqual({
      level: "ERROR",
      message:
        "Partner Center would refuse this opportunity: Enter an estimated revenue above 0; Partner Center refuses empty deals.",
    });
    expect(world.stub.requestsTo(SYNC)).toHaveLength(0);
  });

  it("saves unsaved changes first, and stops when the save is refused", async () => {
    const opened = form({ referralId: null, syncStatus: SyncStatus.NotSynced });
    opened.attribute("name").setValue(null);

    await world.bridge.Ribbon.syncNow(opened.form);

    expect(opened.calls[0]).toBe("save");
    expect(opened.notifications().csb_command?.message).toBe(
      "The opportunity couldn't be saved, so it wasn't synced. Fix what the form shows and try again.",
    );
    expect(world.stub.requests).toHaveLength(0);
  });

  it("reports a service that is down, a refused sign-in and throttling in words a seller can act on", async () => {
    const opened = form();
    world.stub.answer("POST", VALIDATE, unauthorized);
    await world.bridge.Ribbon.syncNow(opened.form);
    expect(opened.notifications().csb_command?.message).toMatch(/didn't accept your sign-in\. Reload the form/);

    world.stub.answer("POST", VALIDATE, throttled("30"));
    await world.bridge.Ribbon.syncNow(opened.form);
    expect(opened.notifications().csb_command?.message).toMatch(/^The sync service is busy\. Try again in 30 seconds/);

    world.dataverse.variables.csb_SyncEndpointUrl = await closedPortUrl();
    world.rebuild();
    await world.bridge.Ribbon.syncNow(opened.form);
    expect(opened.notifications().csb_command).toEqual({
      level: "ERROR",
      message: "The sync service can't be reached; try again in a minute or tell your admin.",
    });
  });

  it("saves a good deal's unsaved changes once, then syncs it", async () => {
    world.stub.answer("POST", VALIDATE, ok(validReport())).answer("POST", SYNC, ok(syncQueued, 202));
    const opened = form({ referralId: null, syncStatus: SyncStatus.NotSynced });
    opened.attribute("estimatedvalue").setValue(300000);

    await world.bridge.Ribbon.syncNow(opened.form);

    expect(opened.calls).toEqual(["save"]);
    expect(world.stub.requestsTo(SYNC)).toHaveLength(1);
  });

  it("asks to save a new opportunity first", async () => {
    const opened = form({ id: null });

    await world.bridge.Ribbon.syncNow(opened.form);

    expect(opened.notifications().csb_command?.message).toBe("Save the opportunity before syncing it.");
    expect(world.stub.requests).toHaveLength(0);
  });

  it("is enabled only for a saved opportunity with Sync = Yes, not pending, with the service configured", async () => {
    expect(world.bridge.Ribbon.canSyncNow(form().form)).toBe(true);
    expect(world.bridge.Ribbon.canSyncNow(form({ id: null }).form)).toBe(false);
    expect(world.bridge.Ribbon.canSyncNow(form({ sync: false }).form)).toBe(false);
    expect(world.bridge.Ribbon.canSyncNow(form({ syncStatus: SyncStatus.Pending }).form)).toBe(false);

    world.dataverse.variables.csb_SyncEndpointUrl = "";
    const opened = form();
    await world.bridge.Ribbon.syncNow(opened.form);
    expect(world.bridge.Ribbon.canSyncNow(opened.form)).toBe(false);
  });
});
