/**
 * kill -9 in the middle of a batch, then a restart on the same database: `cosell-bridge serve` runs as a child
 * process (the emulators stay in this process, webhooks point at the child's PUBLIC_URL). A seller turns on sync for
 * 30 opportunities; the child is killed while their referrals are being created; more changes are saved while it is
 * dead, so their webhooks fail in Dataverse; a second child starts on the same PGlite folder or PostgreSQL schema.
 * Every opportunity must end with exactly one referral: nothing lost, nothing created twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { eventually } from "../../support/bridgeStack";
import { ServeProcess } from "./support/cli";
import { allReferrals, opportunityRow, referralsOf } from "./support/observe";
import { STORAGES, settle, startE2eStack, type E2eStack } from "./support/stack";

const BEFORE_CRASH = 22;
const WHILE_DOWN = 8;

describe.each(STORAGES)("a crash and a restart on %s", (storage) => {
  let stack: E2eStack;
  let child: ServeProcess | null = null;
  let opportunityIds: string[] = [];

  beforeAll(async () => {
    stack = await startE2eStack(storage, "crash", {
      // A job that was running when its process died runs again once its lease expires: 3 s here (default 120 s).
      env: { QUEUE_JOB_TIMEOUT: "3s", QUEUE_CONCURRENCY: "4", LOG_LEVEL: "warn" },
    });
    const customer = await stack.seller.createCustomer("Tailspin");
    for (let index = 0; index < BEFORE_CRASH + WHILE_DOWN; index += 1) {
      opportunityIds.push(
        await stack.seller.createOpportunity(customer, {
          name: `Tailspin seat ${index + 1}`,
          dealValue: 10_000 + index,
        }),
      );
    }
    await settle(stack);
    // The webhooks stay registered at the stack's PUBLIC_URL, where the children will listen.
    await stack.service.stop();
  }, 90_000);

  afterAll(async () => {
    await child?.stop();
    await stack.stop();
    opportunityIds = [];
  }, 30_000);

  it("ends with exactly one referral per opportunity after kill -9 mid-batch and a restart", async () => {
    const turnOn = (id: string) =>
      stack.seller.turnOnSync(id, { help: ["GeneralOrOther"], products: [stack.products[0] ?? ""], share: true });
    // Each create takes a while, so the batch is still running when the child dies; a create cut short by the crash
    // may or may not have happened, so the retry must look for the referral before it creates one.
    await stack.partnerCenter.admin.addFault({
      match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
      fault: { kind: "latency", ms: 150 },
    });
    child = await ServeProcess.start(stack.env);
    const first = child;

    await Promise.all(opportunityIds.slice(0, BEFORE_CRASH).map(turnOn));
    // And each write-back too, so the first jobs die between their referral's creation and the opportunity's update.
    await stack.dataverse.admin.addFault({
      match: { method: "PATCH", pathPrefix: "/api/data/v9.2/opportunities(" },
      fault: { kind: "latency", ms: 400 },
    });
    await eventually("some referrals, but not all, to exist", () => {
      const created = allReferrals(stack).length;
      return created >= 4 && created < BEFORE_CRASH;
    });
    await first.crash();
    const createdAtCrash = allReferrals(stack).length;
    expect(createdAtCrash).toBeLessThan(BEFORE_CRASH);

    await stack.dataverse.admin.clearFaults();
    // Saved while nobody listens: Dataverse's webhook calls fail and its system jobs say so.
    await Promise.all(opportunityIds.slice(BEFORE_CRASH).map(turnOn));
    await stack.dataverse.idle();
    expect((await stack.dataverse.admin.asyncOperations(31)).length).toBeGreaterThanOrEqual(WHILE_DOWN);
    await stack.partnerCenter.admin.clearFaults();

    // The restart heals both losses: the crashed jobs run again once their leases expire, and the changes whose
    // webhooks were refused are found by serve's start-up reconcile (changed since the watermark), nothing else.
    child = await ServeProcess.start(stack.env);
    await eventually(
      "every opportunity to have its referral",
      () => opportunityIds.every((id) => referralsOf(stack, id).length > 0),
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\nchild log:\n${child?.log ?? ""}`);
    });
    await eventually(
      "every opportunity to show Synced",
      () => opportunityIds.every((id) => opportunityRow(stack, id).csb_syncstatus === SyncStatus.Synced),
      20_000,
    );

    for (const id of opportunityIds) {
      const referrals = referralsOf(stack, id);
      expect(referrals, `referrals of ${id}`).toHaveLength(1);
      expect(opportunityRow(stack, id).csb_referralid).toBe(referrals[0]?.id);
    }
    const external = allReferrals(stack).map((referral) => referral.externalReferenceId);
    expect(new Set(external).size).toBe(external.length);
    expect(external).toHaveLength(BEFORE_CRASH + WHILE_DOWN);
  }, 90_000);
});
