/**
 * Group commit (server/batching/microBatcher.ts, enqueueJob.ts): enqueues that arrive together are written in one
 * transaction, with the same per-job results and coalescing as one by one.
 */
import PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bossDb } from "../../../server/queue";
import { ENGINES } from "../store/testDatabases";
import { aJob, deferred, FAST, keepAll, queueFixture, waitUntil, type TestJob } from "./queueHarness";

const COLUMNS = `name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, singleton_key,
  singleton_on, extract(epoch FROM expire_in)::float8 AS expire_s, dead_letter, policy, output,
  round(extract(epoch FROM start_after - created_on))::int AS delay_s,
  round(extract(epoch FROM keep_until - start_after))::int AS keep_s`;

describe.each(ENGINES)("group commit of enqueues on %s", (engine) => {
  const fixture = queueFixture(engine, "queue_batch");
  beforeAll(() => fixture.setUp());
  afterEach(() => fixture.stopQueues());
  afterAll(() => fixture.tearDown());

  const rowsOf = (queueName: string, key: string) =>
    fixture.database.query<{ id: string; state: string; data: TestJob }>(
      `SELECT id, state, data FROM ${fixture.schema}_boss.job WHERE name = $1 AND singleton_key = $2`,
      [queueName, key],
    );

  it("stores each of many concurrent enqueues of distinct keys exactly once, with its own id", async () => {
    const queue = await fixture.queue();
    const count = 450; // more than two batches of 200
    const results = await Promise.all(Array.from({ length: count }, (_, n) => queue.enqueue(aJob(`key:${n}`, n))));
    expect(results.every((result) => !result.coalesced)).toBe(true);
    expect(new Set(results.map((result) => result.id)).size).toBe(count);
    const rows = await fixture.database.query<{ id: string; key: string; n: number }>(
      `SELECT id, singleton_key AS key, (data->>'n')::int AS n FROM ${fixture.schema}_boss.job WHERE name = $1`,
      [queue.name],
    );
    expect(rows).toHaveLength(count);
    const byId = new Map(rows.map((row) => [row.id, row]));
    results.forEach((result, n) => {
      expect(byId.get(result.id)).toEqual({ id: result.id, key: `key:${n}`, n });
    });
  });

  it("folds enqueues of one key within a batch into one job, in arrival order", async () => {
    const queue = await fixture.queue({ coalesce: keepAll });
    const fresh = await Promise.all([1, 2, 3, 4].map((n) => queue.enqueue(aJob("new", n))));
    expect(fresh.map((result) => result.coalesced)).toEqual([false, true, true, true]);
    expect(new Set(fresh.map((result) => result.id)).size).toBe(1);
    const [stored] = await rowsOf(queue.name, "new");
    expect(stored?.data).toEqual({ ...aJob("new", 4), seen: [1, 2, 3, 4] });

    const waiting = await queue.enqueue(aJob("old", 0));
    const later = await Promise.all([1, 2, 3].map((n) => queue.enqueue(aJob("old", n))));
    expect(later).toEqual([1, 2, 3].map(() => ({ id: waiting.id, coalesced: true })));
    expect((await rowsOf(queue.name, "old")).map((row) => row.data)).toEqual([
      { ...aJob("old", 3), seen: [0, 1, 2, 3] },
    ]);
  });

  it("leaves exactly one new job behind a running job of the key, however many arrive in the batch", async () => {
    const queue = await fixture.queue({ coalesce: keepAll });
    const held = deferred();
    const runs: TestJob[] = [];
    queue.start(async (job) => {
      runs.push(job);
      if (runs.length === 1) await held.promise;
    });
    const running = await queue.enqueue(aJob("busy", 1));
    await waitUntil("the first job runs", () => runs.length === 1);
    const during = await Promise.all([2, 3, 4].map((n) => queue.enqueue(aJob("busy", n))));
    expect(during.map((result) => result.coalesced)).toEqual([false, true, true]);
    expect(during[0]?.id).not.toBe(running.id);
    expect((await queue.pendingFor("busy")).map((work) => [work.id, work.state])).toEqual([
      [running.id, "running"],
      [during[0]?.id, "queued"],
    ]);
    held.resolve();
    await waitUntil("the second run finished", async () => (await queue.pendingFor("busy")).length === 0);
    expect(runs).toEqual([aJob("busy", 1), { ...aJob("busy", 4), seen: [2, 3, 4] }]);
  });

  it("rejects every caller of a batch whose transaction fails, and stores none of their jobs", async () => {
    // The fold of job 666 returns a value JSON cannot hold: the batch fails after its new jobs were inserted.
    const queue = await fixture.queue({
      coalesce: (waiting, incoming) =>
        incoming.n === 666 ? ({ ...incoming, big: BigInt(1) } as unknown as TestJob) : keepAll(waiting, incoming),
    });
    await queue.enqueue(aJob("a", 1));
    const outcomes = await Promise.allSettled([
      queue.enqueue(aJob("b", 2)),
      queue.enqueue(aJob("a", 666)),
      queue.enqueue(aJob("c", 3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await rowsOf(queue.name, "b")).toEqual([]);
    expect(await rowsOf(queue.name, "c")).toEqual([]);
    expect((await rowsOf(queue.name, "a")).map((row) => row.data)).toEqual([aJob("a", 1)]);
    // The next batch is written normally.
    expect(await queue.enqueue(aJob("b", 4))).toMatchObject({ coalesced: false });
  });

  it("rejects a job that cannot be stored on its own, without failing the others of its batch", async () => {
    const queue = await fixture.queue();
    const outcomes = await Promise.allSettled([
      queue.enqueue(aJob("ok:1", 1)),
      queue.enqueue({ ...aJob("bad:bigint", 2), extra: BigInt(2) } as unknown as TestJob),
      queue.enqueue({ ...aJob("bad:nul", 3), note: "a\u0000b" } as TestJob),
      queue.enqueue(aJob("ok:2", 4)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/NUL character/);
    expect((await queue.depth()).queued).toBe(2);
  });

  it("stores a batch-inserted job exactly as pg-boss's send() would", async () => {
    const queue = await fixture.queue({ expireAfterMs: 1_500 });
    await queue.enqueue(aJob("ours", 1), { priority: 3, startAfterMs: 2_000 });
    // What bossQueue.ts sent before group commit, for the same options.
    const boss = new PgBoss({
      db: bossDb(fixture.database),
      schema: `${fixture.schema}_boss`,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      const theirs = await boss.send(queue.name, aJob("theirs", 1), {
        singletonKey: "theirs",
        retryLimit: FAST.maxAttempts - 1,
        expireInSeconds: 1.5,
        priority: 3,
        startAfter: 2,
      });
      expect(theirs).not.toBeNull();
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
    const read = (key: string) =>
      fixture.database.query(
        `SELECT ${COLUMNS} FROM ${fixture.schema}_boss.job WHERE name = $1 AND singleton_key = $2`,
        [queue.name, key],
      );
    const [ours] = await read("ours");
    const [sent] = await read("theirs");
    expect({ ...ours, singleton_key: "k", data: null }).toEqual({ ...sent, singleton_key: "k", data: null });
    expect(ours).toMatchObject({ priority: 3, expire_s: 1.5, delay_s: 2, retry_limit: FAST.maxAttempts - 1 });
  });
});
