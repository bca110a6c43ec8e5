import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../store/testDatabases";
import {
  aJob,
  anyNumber,
  deferred,
  matching,
  queueFixture,
  recorder,
  sleep,
  uniqueQueueName,
  waitUntil,
} from "./queueHarness";

describe.each(ENGINES)("starting and stopping on %s", (engine) => {
  const fixture = queueFixture(engine, "queue_life");
  beforeAll(() => fixture.setUp());
  afterEach(() => fixture.stopQueues());
  afterAll(() => fixture.tearDown());

  it("drains on stop: the running handler finishes and completes, nothing new starts", async () => {
    const queue = await fixture.queue({ concurrency: 1 });
    const held = deferred();
    const started: number[] = [];
    queue.start(async (job) => {
      started.push(job.n);
      if (job.n === 1) await held.promise;
    });
    await queue.enqueue(aJob("opportunity:a", 1));
    await waitUntil("the first job runs", () => started.length === 1);
    await queue.enqueue(aJob("opportunity:b", 2));
    const stopping = queue.stop({ timeoutMs: 5_000 });
    await sleep(50);
    held.resolve();
    expect(await stopping).toEqual({ drained: true, abandoned: 0 });
    expect(started).toEqual([1]);
    expect(await queue.depth()).toMatchObject({ queued: 1, running: 0 });
    expect(await queue.pendingFor("opportunity:a")).toEqual([]);
  });

  it("gives up on a handler that outlasts the stop timeout, aborting its signal", async () => {
    const queue = await fixture.queue();
    let aborted = false;
    queue.start((_, { signal }) => {
      signal.addEventListener("abort", () => {
        aborted = true;
      });
      return new Promise<void>(() => undefined);
    });
    await queue.enqueue(aJob("opportunity:stuck", 1));
    await waitUntil("the job runs", async () => (await queue.depth()).running === 1);
    expect(await queue.stop({ timeoutMs: 50 })).toEqual({ drained: false, abandoned: 1 });
    expect(aborted).toBe(true);
  });

  it("starts once, stops once however often asked, and refuses work afterwards", async () => {
    const queue = await fixture.queue();
    queue.start(() => Promise.resolve());
    expect(() => {
      queue.start(() => Promise.resolve());
    }).toThrow(/started already/);
    const [first, second] = await Promise.all([queue.stop(), queue.stop()]);
    expect(first).toEqual({ drained: true, abandoned: 0 });
    expect(second).toBe(first);
    await expect(queue.enqueue(aJob("opportunity:late", 1))).rejects.toThrow(/stopped/);
    expect(() => {
      queue.start(() => Promise.resolve());
    }).toThrow(/stopped/);
  });

  it("runs a job again, as its second attempt, when the process that ran it gave up on it", async () => {
    const queueName = uniqueQueueName();
    const first = await fixture.queue({ queueName });
    first.start(() => new Promise<void>(() => undefined));
    await first.enqueue(aJob("opportunity:again", 1));
    await waitUntil("the job runs", async () => (await first.depth()).running === 1);
    await first.stop({ timeoutMs: 10 });

    const { events, listener } = recorder();
    const second = await fixture.queue({ queueName, listener });
    const attempts: number[] = [];
    second.start((_, { attempt }) => Promise.resolve(void attempts.push(attempt)));
    await waitUntil("the job completed", () => events.some((event) => event.type === "completed"), 10_000);
    expect(attempts).toEqual([2]);
    const failed = events.find((event) => event.type === "failed");
    // PGlite serves one process: a job running at start-up is an orphan at once. PostgreSQL waits for the lease.
    const reason = engine === "pglite" ? /service stopped while this job ran/ : /stopped answering/;
    expect(failed).toMatchObject({
      type: "failed",
      attempt: 1,
      durationMs: null,
      reason: matching(reason),
    });
  });

  it("tells the listener about each step, and survives a listener that throws", async () => {
    const { events, listener } = recorder();
    const queue = await fixture.queue({
      listener: (event) => {
        listener(event);
        throw new Error("metrics are broken");
      },
    });
    queue.start(() => Promise.resolve());
    const { id } = await queue.enqueue(aJob("opportunity:events", 1));
    await waitUntil("the job completed", () => events.some((event) => event.type === "completed"));
    expect(events.map((event) => event.type)).toEqual(["enqueued", "started", "completed"]);
    const [enqueued, started, completed] = events;
    const base = { id, kind: "test", dedupeKey: "opportunity:events" };
    expect(enqueued).toEqual({ ...base, type: "enqueued", coalesced: false });
    expect(started).toEqual({ ...base, type: "started", attempt: 1, waitedMs: anyNumber });
    expect(completed).toEqual({ ...base, type: "completed", attempt: 1, durationMs: anyNumber });
  });

  it("keeps a long job's lease alive with heartbeats: another instance never takes it over", async () => {
    const { events, listener } = recorder();
    const problems: string[] = [];
    const note = (_: object, msg: string) => void problems.push(msg);
    const logger = { debug: () => undefined, info: () => undefined, warn: note, error: note };
    const options = { queueName: uniqueQueueName(), expireAfterMs: 1_000, concurrency: 1, listener, logger };
    // Both started before the job exists (a PGlite instance releases jobs it finds running at start).
    const [one, other] = [await fixture.queue(options), await fixture.queue(options)];
    one.start(() => sleep(2_500));
    other.start(() => sleep(2_500));
    await one.enqueue(aJob("opportunity:long", 1));
    await waitUntil("the job completed", () => events.some((event) => event.type === "completed"), 10_000);
    await sleep(300);
    expect(events.map((event) => event.type)).toEqual(["enqueued", "started", "completed"]);
    expect(problems).toEqual([]);
  }, 20_000);

  it("deletes completed jobs once they are older than keepFinishedMs, and keeps parked ones", async () => {
    const queueName = uniqueQueueName();
    const { events, listener } = recorder();
    const first = await fixture.queue({ queueName, maxAttempts: 1, listener });
    first.start((job) => (job.n === 2 ? Promise.reject(new Error("refused")) : Promise.resolve()));
    await first.enqueue(aJob("opportunity:done", 1));
    await first.enqueue(aJob("opportunity:parked", 2));
    await waitUntil(
      "both jobs finished",
      () => events.filter((e) => e.type !== "enqueued" && e.type !== "started").length === 2,
    );
    await first.stop();
    const states = () =>
      fixture.database.query<{ state: string }>(
        `SELECT state FROM ${fixture.schema}_boss.job WHERE name = $1 ORDER BY state`,
        [queueName],
      );
    expect((await states()).map((row) => row.state)).toEqual(["completed", "failed"]);

    const second = await fixture.queue({ queueName, keepFinishedMs: 0 });
    second.start(() => Promise.resolve());
    await waitUntil("the completed job is gone", async () => (await states()).length === 1);
    expect((await states()).map((row) => row.state)).toEqual(["failed"]);
    expect(await second.problems()).toHaveLength(1);
  });

  it("honours startAfterMs, and a later change without a delay brings the job forward", async () => {
    const queue = await fixture.queue();
    const ran: number[] = [];
    queue.start((job) => Promise.resolve(void ran.push(job.n)));
    await queue.enqueue(aJob("opportunity:later", 1), { startAfterMs: 60_000 });
    await sleep(100);
    expect(ran).toEqual([]);
    expect((await queue.pendingFor("opportunity:later"))[0]?.state).toBe("queued");
    await queue.enqueue(aJob("opportunity:later", 2));
    await waitUntil("the job ran", () => ran.length === 1);
    expect(ran).toEqual([2]);
  });
});
