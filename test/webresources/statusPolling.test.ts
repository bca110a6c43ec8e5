import { describe, expect, it, vi } from "vitest";
import { SyncStatus } from "../../core/dataverse/options";
import { statusPoller } from "../../webresources/opportunity/statusPoller";
import type { OpportunitySyncStatus } from "../../webresources/service/types";
import { useBridgeWorld } from "./support/bridgeWorld";
import { type OpenForm } from "./support/opportunityForm";
import { OPPORTUNITY_ID, ok, pendingStatus, syncStatus, throttled, unauthorized } from "./support/serviceAnswers";

const STATUS = `/opportunities/${OPPORTUNITY_ID}/sync-status`;
/** vi.waitFor's default 50 ms between checks would make the 23 polls of the give-up test last over a second. */
const FAST = { interval: 2 };

const world = useBridgeWorld();

const load = world.load;

/** Ends the poller's sleep and waits until it has polled and either sleeps again or has settled. */
async function poll(opened: OpenForm, requests: number): Promise<void> {
  world.runtime.clock.wake();
  await vi.waitFor(() => {
    expect(world.stub.requestsTo(STATUS)).toHaveLength(requests);
  });
  await vi.waitFor(() => {
    expect(world.runtime.clock.sleeping === 1 || opened.notifications().csb_syncstatus?.level !== "WARNING").toBe(true);
  });
}

describe("polling a pending sync", () => {
  it("polls a pending sync with backoff, one request at a time, until it settles", async () => {
    const opened = await load(
      { syncStatus: SyncStatus.Pending },
      ok(pendingStatus()),
      ok(pendingStatus()),
      ok(pendingStatus()),
      ok(syncStatus()),
    );
    expect(opened.notifications().csb_syncstatus?.level).toBe("WARNING");
    expect(world.runtime.clock.requested).toEqual([2000]);

    await poll(opened, 2);
    await poll(opened, 3);
    await poll(opened, 4);

    expect(world.runtime.clock.requested).toEqual([2000, 4000, 8000]);
    expect(world.runtime.clock.sleeping).toBe(0);
    expect(opened.notifications().csb_syncstatus?.level).toBe("INFO");
    expect(world.stub.maxInFlight).toBe(1);
  });

  it("caps the backoff at 30 seconds and gives up after 10 minutes, saying so", async () => {
    const opened = await load({}, ok(pendingStatus()));

    const stillPending = "Still syncing with Partner Center. Reload the form later to see the result.";
    for (let requests = 2; world.runtime.clock.sleeping === 1; requests += 1) {
      world.runtime.clock.wake();
      await vi.waitFor(() => {
        expect(world.stub.requestsTo(STATUS)).toHaveLength(requests);
        expect(
          world.runtime.clock.sleeping === 1 || opened.notifications().csb_syncstatus?.message === stillPending,
        ).toBe(true);
      }, FAST);
    }

    expect(world.runtime.clock.requested.slice(0, 6)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
    expect(Math.max(...world.runtime.clock.requested)).toBe(30000);
    expect(world.runtime.clock.requested.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(600_000);
    expect(opened.notifications().csb_syncstatus?.message).toBe(stillPending);
  });

  it("waits at least as long as a 429's Retry-After before the next poll", async () => {
    const opened = await load({}, ok(pendingStatus()), throttled("45"), ok(syncStatus()));

    await poll(opened, 2);

    expect(world.runtime.clock.requested).toEqual([2000, 45000]);
    expect(opened.notifications().csb_syncstatus?.message).toMatch(
      /^The sync service is busy\. Try again in 45 seconds/,
    );
    await poll(opened, 3);
    expect(opened.notifications().csb_syncstatus?.level).toBe("INFO");
  });

  it("stops polling when the service refuses the sign-in", async () => {
    const opened = await load({}, ok(pendingStatus()), unauthorized);

    world.runtime.clock.wake();
    await vi.waitFor(() => {
      expect(opened.notifications().csb_syncstatus?.message).toMatch(/didn't accept your sign-in/);
    });

    expect(world.runtime.clock.sleeping).toBe(0);
  });

  it("stops polling when the page goes away", async () => {
    await load({}, ok(pendingStatus()));

    world.runtime.hidePage();
    world.runtime.clock.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(world.stub.requestsTo(STATUS)).toHaveLength(1);
  });

  it("stops polling when the form moves to another record or loads again", async () => {
    const opened = await load({}, ok(pendingStatus()));
    const entity = opened.form.data.entity as unknown as { id: string };
    entity.id = "{11111111-2222-3333-4444-555555555555}";

    world.runtime.clock.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(world.stub.requestsTo(STATUS)).toHaveLength(1);
    expect(world.runtime.clock.sleeping).toBe(0);
  });
});

describe("the poller after a save", () => {
  /** How many times the poller asks, with no waiting between polls, when every answer is `status`. */
  async function pollsFor(since: number, status: OpportunitySyncStatus): Promise<number> {
    let polls = 0;
    const poller = statusPoller(
      {
        fetchStatus: () => {
          polls += 1;
          return Promise.resolve(status);
        },
        isCurrent: () => true,
        onStatus: () => undefined,
        onError: () => undefined,
        onGiveUp: () => undefined,
      },
      { now: () => since, sleep: () => Promise.resolve() },
    );
    poller.start(since);
    // The loop settles within a few microtasks; a short real wait lets it finish.
    await new Promise((resolve) => setTimeout(resolve, 20));
    poller.stop();
    return polls;
  }

  const saved = Date.parse("2026-11-25T09:00:30.400Z");
  const syncedAt = (at: string) => syncStatus({ lastSyncedAt: at, pending: [] });

  it("stops at a sync stamped in the save's own second, since Dataverse keeps whole seconds", async () => {
    expect(await pollsFor(saved, syncedAt("2026-11-25T09:00:30Z"))).toBe(1);
  });

  it("gives a sync from before the save a few more polls, as the save's sync may not have started", async () => {
    expect(await pollsFor(saved, syncedAt("2026-11-25T09:00:29Z"))).toBe(3);
  });
});
