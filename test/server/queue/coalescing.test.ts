import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../store/testDatabases";
import { aJob, deferred, keepAll, queueFixture, waitUntil, type TestJob } from "./queueHarness";

describe.each(ENGINES)("coalescing on %s", (engine) => {
  const fixture = queueFixture(engine, "queue_coalesce");
  beforeAll(() => fixture.setUp());
  afterEach(() => fixture.stopQueues());
  afterAll(() => fixture.tearDown());

  it("folds a second change into the job waiting for its key, and keeps other keys apart", async () => {
    const queue = await fixture.queue();
    const first = await queue.enqueue(aJob("opportunity:1", 1));
    const second = await queue.enqueue(aJob("opportunity:1", 2));
    const other = await queue.enqueue(aJob("opportunity:2", 3));
    expect(first.coalesced).toBe(false);
    expect(second).toEqual({ id: first.id, coalesced: true });
    expect(other.coalesced).toBe(false);
    expect(other.id).not.toBe(first.id);
    expect((await queue.depth()).queued).toBe(2);
    const [pending] = await queue.pendingFor("opportunity:1");
    expect(pending).toMatchObject({ id: first.id, state: "queued", attempts: 0, job: aJob("opportunity:1", 2) });
  });

  it("merges with the coalesce function when one is given", async () => {
    const queue = await fixture.queue({ coalesce: keepAll });
    await queue.enqueue(aJob("referral:9", 1));
    await queue.enqueue(aJob("referral:9", 2));
    await queue.enqueue(aJob("referral:9", 3));
    const [pending] = await queue.pendingFor("referral:9");
    expect(pending?.job).toEqual({ ...aJob("referral:9", 3), seen: [1, 2, 3] });
  });

  it("runs once more after a run during which changes arrived, and only once", async () => {
    const queue = await fixture.queue({ coalesce: keepAll });
    const runs: TestJob[] = [];
    const firstRunHeld = deferred();
    queue.start(async (job) => {
      runs.push(job);
      if (runs.length === 1) await firstRunHeld.promise;
    });
    await queue.enqueue(aJob("opportunity:7", 1));
    await waitUntil("the first run started", () => runs.length === 1);
    const during = [await queue.enqueue(aJob("opportunity:7", 2)), await queue.enqueue(aJob("opportunity:7", 3))];
    expect(during.map((result) => result.coalesced)).toEqual([false, true]);
    expect((await queue.pendingFor("opportunity:7")).map((work) => work.state)).toEqual(["running", "queued"]);
    firstRunHeld.resolve();
    await waitUntil("nothing is pending", async () => (await queue.pendingFor("opportunity:7")).length === 0);
    expect(runs).toEqual([aJob("opportunity:7", 1), { ...aJob("opportunity:7", 3), seen: [2, 3] }]);
  });

  it("does not let a busy key hold up other keys", async () => {
    const queue = await fixture.queue({ concurrency: 2 });
    const held = deferred();
    const done: string[] = [];
    queue.start(async (job) => {
      if (job.n === 1) await held.promise;
      done.push(`${job.dedupeKey}#${job.n}`);
    });
    await queue.enqueue(aJob("busy", 1));
    await waitUntil("the busy key runs", async () => (await queue.depth()).running === 1);
    // Queued behind the running job of its key, and older than the next job: pg-boss's own fetch would stall here.
    await queue.enqueue(aJob("busy", 2));
    await queue.enqueue(aJob("free", 3));
    await waitUntil("the other key ran", () => done.includes("free#3"));
    expect(done).toEqual(["free#3"]);
    held.resolve();
    await waitUntil("the busy key ran again", () => done.length === 3);
    expect(done).toEqual(["free#3", "busy#1", "busy#2"]);
  });

  it("never runs two jobs of one key at once, while running different keys side by side", async () => {
    const queue = await fixture.queue({ concurrency: 4 });
    const running = new Map<string, number>();
    let overlaps = 0;
    let peak = 0;
    let handled = 0;
    queue.start(async (job) => {
      const now = (running.get(job.dedupeKey) ?? 0) + 1;
      running.set(job.dedupeKey, now);
      if (now > 1) overlaps += 1;
      peak = Math.max(
        peak,
        [...running.values()].reduce((sum, count) => sum + count, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, 3));
      running.set(job.dedupeKey, (running.get(job.dedupeKey) ?? 1) - 1);
      handled += 1;
    });
    for (let n = 0; n < 40; n += 1) await queue.enqueue(aJob(`key:${n % 3}`, n));
    await waitUntil("the queue is empty", async () => {
      const depth = await queue.depth();
      return depth.queued + depth.running + depth.retrying === 0;
    });
    expect(overlaps).toBe(0);
    expect(handled).toBeGreaterThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it("starts a job enqueued here without waiting for the poll interval", async () => {
    const queue = await fixture.queue({ pollIntervalMs: 60_000 });
    const ran: number[] = [];
    queue.start((job) => {
      ran.push(job.n);
      return Promise.resolve();
    });
    await queue.enqueue(aJob("wake", 1));
    await waitUntil("the job ran (a poll would take a minute)", () => ran.length === 1, 5_000);
  });
});
