import { describe, expect, it } from "vitest";
import { MicroBatcher } from "../../../server/batching/microBatcher";
import { eachOnFailure } from "../../../server/batching/settled";
import { deferred } from "../queue/queueHarness";

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

  it("with gather 'turn', also joins callers resumed later in the same turn of the event loop", async () => {
    const write = (batches: number[][]) => (batch: readonly number[]) => {
      batches.push([...batch]);
      return Promise.resolve(batch.map(String));
    };
    // Two timers due together run in one timers phase, with microtasks between them: like two webhooks whose bodies
    // arrived in the same poll phase.
    const submitFromTwoTimers = (batcher: MicroBatcher<number, string>) =>
      Promise.all(
        [1, 2].map(
          (n) =>
            new Promise((done) => {
              setTimeout(() => {
                done(batcher.submit(n));
              }, 0);
            }),
        ),
      );
    const perTick: number[][] = [];
    await submitFromTwoTimers(new MicroBatcher(write(perTick), 10));
    const perTurn: number[][] = [];
    await submitFromTwoTimers(new MicroBatcher(write(perTurn), 10, "turn"));
    expect(perTick).toEqual([[1], [2]]);
    expect(perTurn).toEqual([[1, 2]]);
  });
});

describe("eachOnFailure", () => {
  it("settles a whole batch at once, and item by item when the batch fails, so a bad item fails alone", async () => {
    const all = (items: readonly number[]) =>
      items.includes(13)
        ? Promise.reject(new Error("the batch was refused"))
        : Promise.resolve(items.map((n) => n * 2));
    const one = (item: number) =>
      item === 13 ? Promise.reject(new Error("13 is refused")) : Promise.resolve(item * 2);
    expect(await eachOnFailure([1, 2], all, one)).toEqual([
      { ok: true, value: 2 },
      { ok: true, value: 4 },
    ]);
    const outcomes = await eachOnFailure([1, 13, 3], all, one);
    expect(outcomes).toEqual([
      { ok: true, value: 2 },
      { ok: false, error: new Error("13 is refused") },
      { ok: true, value: 6 },
    ]);
  });
});
