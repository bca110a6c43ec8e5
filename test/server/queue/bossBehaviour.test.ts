/**
 * Why server/queue claims jobs with its own SQL (jobTable.ts): pinned facts about pg-boss 10.4's "stately" queues,
 * measured on both engines. If an upgrade changes them, these tests say so. (JobQueue's own claim is tested in
 * coalescing.test.ts: "does not let a busy key hold up other keys".)
 */
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bossDb } from "../../../server/queue";
import { ENGINES } from "../store/testDatabases";
import { aJob, queueFixture, uniqueQueueName } from "./queueHarness";

describe.each(ENGINES)("pg-boss 10 stately queues on %s", (engine) => {
  const fixture = queueFixture(engine, "queue_boss");
  let boss: PgBoss;
  beforeAll(async () => {
    await fixture.setUp();
    boss = new PgBoss({
      db: bossDb(fixture.database),
      schema: `${fixture.schema}_boss`,
      supervise: false,
      schedule: false,
    });
    await boss.start();
  });
  afterAll(async () => {
    await boss.stop({ graceful: false });
    await fixture.tearDown();
  });

  it("refuse a second queued job for a key, but take one while the key's job runs", async () => {
    const queue = uniqueQueueName();
    await boss.createQueue(queue, { name: queue, policy: "stately" });
    expect(await boss.send(queue, aJob("k", 1), { singletonKey: "k" })).not.toBeNull();
    expect(await boss.send(queue, aJob("k", 2), { singletonKey: "k" })).toBeNull();
    expect(await boss.fetch(queue)).toHaveLength(1);
    expect(await boss.send(queue, aJob("k", 3), { singletonKey: "k" })).not.toBeNull();
  });

  it("stall the whole fetch when the oldest due job's key is running: pg-boss returns nothing at all", async () => {
    const queue = uniqueQueueName();
    await boss.createQueue(queue, { name: queue, policy: "stately" });
    await boss.send(queue, aJob("busy", 1), { singletonKey: "busy" });
    expect(await boss.fetch(queue)).toHaveLength(1);
    await boss.send(queue, aJob("busy", 2), { singletonKey: "busy" });
    await boss.send(queue, aJob("free", 3), { singletonKey: "free" });
    // The job of key "free" is due, yet pg-boss's fetch fails on the unique index and swallows the error.
    expect(await boss.fetch(queue)).toEqual([]);
    expect(await boss.fetch(queue, { batchSize: 5 })).toEqual([]);
  });
});
