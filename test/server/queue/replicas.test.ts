/**
 * Several service replicas on one PostgreSQL schema: each has its own connection pool and fetch loop, as separate
 * processes would. Both run in this test process, so overlap is measured exactly, with one clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobQueue } from "../../../server/queue";
import { openDatabase, type Database } from "../../../server/store";
import { dropSchemas, postgresStorage, uniqueSchema } from "../store/testDatabases";
import { aJob, FAST, keepAll, sleep, uniqueQueueName, waitUntil, type TestJob } from "./queueHarness";

describe("replicas on one PostgreSQL schema", () => {
  const schema = uniqueSchema("queue_replicas");
  const databases: Database[] = [];
  const replicas: JobQueue<TestJob>[] = [];

  beforeAll(async () => {
    // Started together: the store's migrations and pg-boss's installation both race here.
    databases.push(...(await Promise.all([1, 2].map(() => openDatabase(postgresStorage(), { schema, poolSize: 6 })))));
  });

  afterAll(async () => {
    await Promise.allSettled(replicas.map((replica) => replica.stop()));
    await Promise.allSettled(databases.map((database) => database.close()));
    await dropSchemas(schema);
  });

  it("never run two jobs of one key at once, and every change is synced after it arrived", async () => {
    const queueName = uniqueQueueName();
    replicas.push(
      ...(await Promise.all(
        databases.map((database) =>
          JobQueue.open<TestJob>({
            ...FAST,
            database,
            queueName,
            concurrency: 4,
            coalesce: keepAll,
            pollIntervalMs: 10,
          }),
        ),
      )),
    );
    const running = new Map<string, number>();
    const overlaps: string[] = [];
    /** Per key: the highest change number a run has seen, and when that run started. */
    const synced = new Map<string, { n: number; startedAt: number }[]>();
    const ranOn = new Set<number>();
    replicas.forEach((replica, index) => {
      replica.start(async (job) => {
        ranOn.add(index);
        const count = (running.get(job.dedupeKey) ?? 0) + 1;
        running.set(job.dedupeKey, count);
        if (count > 1) overlaps.push(job.dedupeKey);
        const startedAt = Date.now();
        await sleep(2 + (job.n % 3));
        const seen = synced.get(job.dedupeKey) ?? [];
        seen.push({ n: Math.max(...(job.seen ?? [job.n])), startedAt });
        synced.set(job.dedupeKey, seen);
        running.set(job.dedupeKey, (running.get(job.dedupeKey) ?? 1) - 1);
      });
    });

    const keys = ["opportunity:a", "opportunity:b", "referral:c", "referral:d"];
    const lastEnqueuedAt = new Map<string, number>();
    const bursts = Array.from({ length: 4 }, (_, burst) =>
      (async () => {
        for (let i = 0; i < 30; i += 1) {
          const n = burst * 100 + i;
          const key = keys[(i + burst) % keys.length] ?? "opportunity:a";
          const replica = replicas[(i + burst) % 2];
          lastEnqueuedAt.set(key, Date.now());
          await replica?.enqueue(aJob(key, n));
          if (i % 5 === 0) await sleep(3);
        }
      })(),
    );
    await Promise.all(bursts);
    await waitUntil(
      "both replicas are idle",
      async () => {
        const depth = await replicas[0]?.depth();
        return depth !== undefined && depth.queued + depth.running + depth.retrying === 0;
      },
      20_000,
    );
    await Promise.all(replicas.map((replica) => replica.stop()));

    expect(overlaps).toEqual([]);
    expect([...ranOn].sort()).toEqual([0, 1]);
    for (const key of keys) {
      // The last run of each key started after the key's last enqueue: no change was left unsynced.
      const runs = synced.get(key) ?? [];
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.at(-1)?.startedAt ?? 0).toBeGreaterThanOrEqual(lastEnqueuedAt.get(key) ?? Infinity);
    }
    expect(await replicas[0]?.problems()).toEqual([]);
  }, 30_000);

  it("fold batches of one key enqueued on both replicas at once into one waiting job, losing no change", async () => {
    const queueName = uniqueQueueName();
    const both = await Promise.all(
      databases.map((database) => JobQueue.open<TestJob>({ ...FAST, database, queueName, coalesce: keepAll })),
    );
    replicas.push(...both);
    const keys = ["opportunity:x", "opportunity:y", "referral:z"];
    for (let round = 0; round < 5; round += 1) {
      // Each replica writes its batch in one transaction; both find nothing waiting and race on every key.
      const enqueued = both.flatMap((replica, r) =>
        keys.flatMap((key, k) =>
          [0, 1].map((i) => {
            const n = round * 100 + r * 10 + k * 2 + i;
            return replica.enqueue(aJob(key, n)).then((result) => ({ key, n, result }));
          }),
        ),
      );
      const results = await Promise.all(enqueued);
      for (const key of keys) {
        const ofKey = results.filter((entry) => entry.key === key);
        const pending = await both[0]?.pendingFor(key);
        expect(pending?.map((work) => work.state)).toEqual(["queued"]);
        const [job] = pending ?? [];
        expect(new Set(ofKey.map((entry) => entry.result.id))).toEqual(new Set([job?.id]));
        expect(ofKey.filter((entry) => !entry.result.coalesced)).toHaveLength(round === 0 ? 1 : 0);
        // Every change of every round is in the one job, however the replicas interleaved.
        const seen = [...(job?.job?.seen ?? [])].sort((a, b) => a - b);
        expect(seen.filter((n) => n >= round * 100)).toEqual(ofKey.map((entry) => entry.n).sort((a, b) => a - b));
      }
    }
  });
});
