import { describe, expect, it } from "vitest";
import { MicroBatcher } from "../../../server/queue/microBatcher";
import { deferred } from "./queueHarness";

describe("MicroBatcher", () => {
  it("writes callers of one tick together, and callers arriving during a write together in the next batch", async () => {
    const batches: number[][] = [];
    const firstWrite = deferred();
    const batcher = new MicroBatcher<number, string>(async (batch) => {
      batches.push([...batch]);
      if (batches.length === 1) await firstWrite.promise;
      return batch.map((n) => `#${n}`);
    }, 3);
    const first = [1, 2].map((n) => batcher.submit(n));
    await Promise.resolve();
    await Promise.resolve();
    const during = [3, 4, 5, 6].map((n) => batcher.submit(n));
    firstWrite.resolve();
    expect(await Promise.all([...first, ...during])).toEqual(["#1", "#2", "#3", "#4", "#5", "#6"]);
    // Capped at 3 per batch.
    expect(batches).toEqual([[1, 2], [3, 4, 5], [6]]);
    await batcher.idle();
    expect(await batcher.submit(7)).toBe("#7");
  });

  it("rejects every caller of a failed batch and only those", async () => {
    const batcher = new MicroBatcher<number, number>((batch) => {
      if (batch.includes(2)) return Promise.reject(new Error("batch failed"));
      return Promise.resolve(batch.map((n) => n * 10));
    }, 2);
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "fulfilled"]);
    expect(outcomes[2]).toEqual({ status: "fulfilled", value: 30 });
  });

  it("refuses a batch size below one", () => {
    expect(() => new MicroBatcher(() => Promise.resolve([]), 0)).toThrow(/at least 1/);
  });
});
