/**
 * What keeps a large backlog cheap (queue/claimOrder.ts, jobTable.ts, jobRunner.ts): an index in the claim's order
 * with fresh planner statistics, claims that wait for a few free slots under load, and completions of jobs that finish
 * together written by one statement, where a stale claim is still refused on its own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ANALYZE_AFTER_NEW_JOBS } from "../../../server/queue/claimOrder";
import { JobTable } from "../../../server/queue/jobTable";
import type { Database } from "../../../server/store";
import { ENGINES } from "../store/testDatabases";
import { aJob, deferred, queueFixture, sleep, waitUntil, type Deferred } from "./queueHarness";

/** The fixture's database, recording the first words of every statement. */
function counting(database: Database): { database: Database; statements: string[] } {
  const statements: string[] = [];
  const note = (text: string) => statements.push(text.trim().replace(/\s+/g, " ").slice(0, 100));
  return {
    statements,
    database: {
      ...database,
      query: (text, params) => {
        note(text);
        return database.query(text, params);
      },
    },
  };
}

const completions = (statements: readonly string[]) =>
  statements.filter((text) => text.includes("SET state = 'completed'")).length;
const claims = (statements: readonly string[]) => statements.filter((text) => text.startsWith("WITH busy AS")).length;

describe.each(ENGINES)("claiming and completing a backlog on %s", (engine) => {
  const fixture = queueFixture(engine, "queue_claims");
  beforeAll(() => fixture.setUp());
  afterEach(() => fixture.stopQueues());
  afterAll(() => fixture.tearDown());

  const partitionOf = async (queueName: string) => {
    const [row] = await fixture.database.query<{ partition: string }>(
      `SELECT partition_name AS partition FROM ${fixture.schema}_boss.queue WHERE name = $1`,
      [queueName],
    );
    return row?.partition ?? "";
  };

  it("completes jobs that finish together with one statement", async () => {
    const counted = counting(fixture.database);
    const queue = await fixture.queue({ database: counted.database, concurrency: 4 });
    const release = deferred();
    let started = 0;
    queue.start(async () => {
      started += 1;
      await release.promise;
    });
    await Promise.all([1, 2, 3, 4].map((n) => queue.enqueue(aJob(`key:${n}`, n))));
    await waitUntil("four jobs run", () => started === 4);
    release.resolve();
    await waitUntil("all four are done", async () => (await queue.depth()).running === 0);
    expect(completions(counted.statements)).toBe(1);
    expect(await queue.depth()).toMatchObject({ queued: 0, running: 0, retrying: 0 });
  });

  it("refuses a stale claim among completions written together, and completes the others", async () => {
    const queue = await fixture.queue();
    await Promise.all([1, 2, 3].map((n) => queue.enqueue(aJob(`stale:${n}`, n))));
    const table = new JobTable(fixture.database, `${fixture.schema}_boss`, queue.name);
    const claimed = await table.claim(3);
    expect(claimed).toHaveLength(3);
    const [first, second, third] = claimed as [(typeof claimed)[0], (typeof claimed)[0], (typeof claimed)[0]];
    // The second one's lease ran out and another worker claimed it again: this worker's claim is stale.
    await fixture.database.query(`UPDATE ${fixture.schema}_boss.job SET retry_count = retry_count + 1 WHERE id = $1`, [
      second.id,
    ]);
    const outcomes = await Promise.all([first, second, third].map((job) => table.complete(job)));
    expect(outcomes).toEqual([true, false, true]);
    const states = await fixture.database.query<{ id: string; state: string }>(
      `SELECT id, state FROM ${fixture.schema}_boss.job WHERE name = $1`,
      [queue.name],
    );
    expect(new Map(states.map((row) => [row.id, row.state]))).toEqual(
      new Map([
        [first.id, "completed"],
        [second.id, "active"],
        [third.id, "completed"],
      ]),
    );
  });

  it("claims through an index in the claim's order, with statistics refreshed as the backlog grows", async () => {
    const queue = await fixture.queue({ concurrency: 1 });
    const release = deferred();
    const partition = await partitionOf(queue.name);
    const indexes = await fixture.database.query<{ name: string }>(
      "SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND tablename = $2",
      [`${fixture.schema}_boss`, partition],
    );
    expect(indexes.map((index) => index.name)).toContain(`${partition}_claim`);

    // Started on an empty table (its start-up cleanup analyzes that), busy with one job while the backlog arrives.
    queue.start(() => release.promise);
    await queue.enqueue(aJob("first", 0));
    await waitUntil("the first job runs", async () => (await queue.depth()).running === 1);
    const backlog = ANALYZE_AFTER_NEW_JOBS + 10;
    await Promise.all(Array.from({ length: backlog }, (_, n) => queue.enqueue(aJob(`backlog:${n}`, n))));
    // The runner's upkeep runs ANALYZE once that many jobs were added: the planner then knows the table's size.
    await waitUntil("the statistics count the backlog", async () => {
      const [row] = await fixture.database.query<{ rows: number }>(
        `SELECT reltuples::float8 AS rows FROM pg_class WHERE relname = $1`,
        [partition],
      );
      return (row?.rows ?? 0) >= ANALYZE_AFTER_NEW_JOBS;
    });
    const plan = await fixture.database.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT id FROM ${fixture.schema}_boss.job
       WHERE name = $1 AND state < 'active' AND start_after <= now()
       ORDER BY priority DESC, created_on, id LIMIT 4`,
      [queue.name],
    );
    // PostgreSQL's autovacuum also analyzes, on its own schedule, so its plan is not ours to pin; PGlite has only ours.
    if (engine === "pglite") expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toContain(`${partition}_claim`);
    release.resolve();
  });

  it("under load, claims again once a quarter of the slots are free, or after a poll interval at most", async () => {
    const counted = counting(fixture.database);
    const queue = await fixture.queue({ database: counted.database, concurrency: 8, pollIntervalMs: 1_000 });
    const holds = new Map<number, Deferred>();
    let holding = true;
    queue.start(async (job) => {
      if (!holding) return;
      const hold = deferred();
      holds.set(job.n, hold);
      await hold.promise;
    });
    await Promise.all(Array.from({ length: 20 }, (_, n) => queue.enqueue(aJob(`load:${n}`, n))));
    await waitUntil("eight jobs run", () => holds.size === 8);
    const release = (index: number) => [...holds.values()][index]?.resolve();
    const before = claims(counted.statements);
    release(0);
    // Well within the poll interval, with one free slot of eight: no claim.
    await sleep(150);
    expect(claims(counted.statements)).toBe(before);
    expect(holds.size).toBe(8);
    release(1);
    await waitUntil("two more jobs run", () => holds.size === 10);
    expect(claims(counted.statements)).toBe(before + 1);
    // One slot held free for a poll interval is claimed: slow jobs in the other slots don't hold a job back.
    const freedAt = Date.now();
    release(2);
    await waitUntil("one more job runs", () => holds.size === 11);
    expect(Date.now() - freedAt).toBeLessThan(2_500);
    holding = false;
    for (const hold of holds.values()) hold.resolve();
  });
});
