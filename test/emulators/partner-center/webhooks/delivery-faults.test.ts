import { afterEach, describe, expect, it } from "vitest";
import { jsonOf, startHarness, type Harness } from "./harness";
import type { Receiver } from "./receiver";

function referralIdsReceived(receiver: Receiver): string[] {
  return receiver.requests.map((request) => String(jsonOf(request.body).ResourceUri).split("/").pop() ?? "");
}

describe("webhook delivery faults and controls", () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  async function started(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
    harness = await startHarness(options);
    harness.register(["referral-created", "referral-updated"]);
    return harness;
  }

  it("sends every event several times with the duplicates option, same bytes and signature", async () => {
    const { dispatcher, receiver } = await started({ duplicates: 3 });
    const [published] = dispatcher.publish("referral-updated", "r-1");
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((request) => request.body.toString("utf8")))).toEqual(
      new Set([published?.body]),
    );
    expect(new Set(receiver.requests.map((request) => request.headers.authorization)).size).toBe(1);
    const log = dispatcher.deliveryLog();
    expect(new Set(log.map((entry) => entry.eventId))).toEqual(new Set([published?.eventId]));
    expect(new Set(log.map((entry) => entry.deliveryId))).toEqual(new Set(published?.deliveryIds));
    expect(published?.deliveryIds).toHaveLength(3);
  });

  it("holds a burst and sends it reversed with the outOfOrder option", async () => {
    const { dispatcher, receiver } = await started({ outOfOrder: { windowMs: 5, order: "reversed" } });
    for (const id of ["r-1", "r-2", "r-3", "r-4"]) dispatcher.publish("referral-updated", id);
    await dispatcher.idle();
    expect(referralIdsReceived(receiver)).toEqual(["r-4", "r-3", "r-2", "r-1"]);
  });

  it("shuffles a burst with the injected random source", async () => {
    const keys = [0.9, 0.1, 0.5];
    const { dispatcher, receiver } = await started({
      outOfOrder: { windowMs: 5, order: "shuffled" },
      random: () => keys.shift() ?? 0,
    });
    for (const id of ["r-1", "r-2", "r-3"]) dispatcher.publish("referral-updated", id);
    await dispatcher.idle();
    expect(referralIdsReceived(receiver)).toEqual(["r-2", "r-3", "r-1"]);
  });

  it("queues while paused and sends everything on resume", async () => {
    const { dispatcher, receiver } = await started({ paused: true });
    expect(dispatcher.paused).toBe(true);
    dispatcher.publish("referral-created", "r-1");
    dispatcher.publish("referral-updated", "r-1");
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(0);
    expect(dispatcher.deliveryLog()).toEqual([]);

    dispatcher.resume();
    await dispatcher.idle();
    expect(receiver.requests.map((request) => jsonOf(request.body).EventName).sort()).toEqual([
      "referral-created",
      "referral-updated",
    ]);
  });

  it("holds retries that fall due while paused", async () => {
    const { dispatcher, receiver } = await started();
    receiver.respondWith((_request, index) => ({ status: index === 0 ? 500 : 200 }));
    dispatcher.publish("referral-created", "r-1");
    dispatcher.pause();
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(1);
    dispatcher.resume();
    await dispatcher.idle();
    expect(dispatcher.deliveryLog().map((entry) => entry.delivered)).toEqual([false, true]);
  });

  it("sends nothing after close", async () => {
    const { dispatcher, receiver } = await started();
    await dispatcher.close();
    dispatcher.publish("referral-created", "r-1");
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(0);
  });

  it("rejects settings that cannot work", async () => {
    const { dispatcher } = await started();
    expect(() => {
      dispatcher.configure({ maxAttempts: 0 });
    }).toThrow("maxAttempts");
    expect(() => {
      dispatcher.configure({ duplicates: 1.5 });
    }).toThrow("duplicates");
    expect(() => {
      dispatcher.configure({ backoff: { factor: 0.5 } });
    }).toThrow("factor");
  });
});
