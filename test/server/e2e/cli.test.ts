/**
 * The `cosell-bridge` command line against the running emulators, each command a child process
 * (`node bin/cosell-bridge.mjs …`) with the stack's environment, exactly as an operator runs it: register-webhooks,
 * backfill, status, retry, serve and config check. The stack's in-process service is stopped first: a PGlite folder
 * has one owner, and the commands must find the state (queue, links, rotated refresh token) the service left there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { eventually } from "../../support/bridgeStack";
import { ServeProcess, runCommand, type CommandResult } from "./support/cli";
import { opportunityRow, referralById, referralCalls, referralsOf } from "./support/observe";
import { STORAGES, sleep, startE2eStack, type E2eStack } from "./support/stack";

const BACKFILLED = 50;

describe.each(STORAGES)("cosell-bridge commands on %s", (storage) => {
  let stack: E2eStack;
  let opportunityIds: string[] = [];

  beforeAll(async () => {
    stack = await startE2eStack(storage, "cli");
    await stack.service.stop();
  }, 60_000);

  afterAll(async () => {
    await stack.stop();
    opportunityIds = [];
  }, 30_000);

  const cli = (args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CommandResult> =>
    runCommand(args, { ...stack.env, ...env });

  describe("register-webhooks", () => {
    it("points Partner Center and Dataverse at the service, and a second run changes nothing", async () => {
      const first = await cli(["register-webhooks"]);
      expect(first.exitCode, first.stderr).toBe(0);
      const second = await cli(["register-webhooks"]);
      expect(second.exitCode, second.stderr).toBe(0);
      expect(second.stdout).toContain("✔ Partner Center:");
      expect(second.stdout).toContain("✔ Dataverse:");

      const registrations = await stack.partnerCenter.admin.registrations();
      expect(registrations.map((entry) => entry.registration.WebhookUrl)).toEqual([
        `${stack.config.server.publicUrl}/webhooks/partner-center`,
      ]);
      const endpoints = stack.dataverse.org.retrieveMultiple("serviceendpoint").value;
      expect(endpoints.map((endpoint) => endpoint.url)).toEqual([
        `${stack.config.server.publicUrl}/webhooks/dataverse`,
      ]);
      const steps = stack.dataverse.org.retrieveMultiple("sdkmessageprocessingstep", {
        filter: `_eventhandler_value eq ${String(endpoints[0]?.serviceendpointid)}`,
      }).value;
      expect(steps).toHaveLength(2);
    }, 60_000);

    it("refuses to take over another URL's Partner Center registration without --overwrite, and names it", async () => {
      const elsewhere = { PUBLIC_URL: "https://cosell-bridge.contoso.example" };
      const refused = await cli(["register-webhooks", "--partner-center"], elsewhere);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain("--overwrite");
      expect(refused.stderr).toContain(`${stack.config.server.publicUrl}/webhooks/partner-center`);
      const registrations = await stack.partnerCenter.admin.registrations();
      expect(registrations.map((entry) => entry.registration.WebhookUrl)).toEqual([
        `${stack.config.server.publicUrl}/webhooks/partner-center`,
      ]);
    }, 30_000);
  });

  describe("backfill --push", () => {
    it(`creates the referrals of ${BACKFILLED} opportunities saved while the service was down, with progress`, async () => {
      const customer = await stack.seller.createCustomer("Northwind");
      for (let index = 0; index < BACKFILLED; index += 1) {
        opportunityIds.push(
          await stack.seller.createOpportunity(customer, {
            name: `Northwind backfill ${index + 1}`,
            dealValue: 20_000 + index,
            sync: { on: true, help: ["GeneralOrOther"], products: [stack.products[0] ?? ""], share: true },
          }),
        );
      }
      await stack.dataverse.idle();

      const result = await cli(["backfill", "--push"]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/listing/);
      expect(result.stderr).toMatch(new RegExp(`syncing .*100% ${BACKFILLED}/${BACKFILLED}`));
      expect(result.stdout).toMatch(new RegExp(`Backfill done: ${BACKFILLED} records`));
      expect(result.stdout).toMatch(new RegExp(`created +${BACKFILLED}`));
      for (const id of opportunityIds) {
        expect(referralsOf(stack, id)).toHaveLength(1);
        expect(opportunityRow(stack, id).csb_syncstatus).toBe(SyncStatus.Synced);
      }
    }, 90_000);

    it("changes nothing on a second run, and writes nothing to Partner Center", async () => {
      const writes = referralCalls(stack).filter((call) => call.method !== "GET").length;
      const result = await cli(["backfill", "--push"]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`unchanged +${BACKFILLED}`));
      expect(result.stdout).not.toMatch(/created|updated/);
      expect(referralCalls(stack).filter((call) => call.method !== "GET").length).toBe(writes);
    }, 60_000);
  });

  describe("status, retry and serve", () => {
    it("lists a failed job with its reason, brings it back with retry --all, and serve runs it", async () => {
      const opportunityId = opportunityIds[0] ?? "";
      const [referral] = referralsOf(stack, opportunityId);
      if (referral === undefined) throw new Error("the backfill made no referral");
      await stack.seller.save(opportunityId, { estimatedvalue: 33_000 });
      await stack.dataverse.idle();
      const refusal = await stack.partnerCenter.admin.addFault({
        match: { method: "PATCH", pathPrefix: "/v1.0/engagements/referrals" },
        fault: { kind: "status", status: 403 },
      });

      const failing = await cli(["backfill", "--push"]);
      expect(failing.exitCode).toBe(1);
      expect(failing.stdout).toContain("1 job(s) failed");
      const status = await cli(["status"]);
      expect(status.exitCode, status.stderr).toBe(0);
      expect(status.stdout).toContain(`schema ${stack.schema}`);
      expect(status.stdout).toMatch(/Queue: 0 queued, 0 running, 0 retrying, 1 failed/);
      expect(status.stdout).toContain("Failed jobs (retry with `cosell-bridge retry <id>`):");
      expect(status.stdout).toContain(`opportunity:${opportunityId}`);
      expect(status.stdout).toMatch(/403/);

      await stack.partnerCenter.admin.removeFault(refusal);
      const retried = await cli(["retry", "--all"]);
      expect(retried.exitCode, retried.stderr).toBe(0);
      expect(retried.stdout).toContain("1 failed job(s) are back in the queue");
      const waiting = await cli(["status"]);
      expect(waiting.stdout).toMatch(/Queue: 0 queued, 0 running, 1 retrying, 0 failed/);
      expect(waiting.stdout).toContain("No failed jobs.");
      expect(waiting.stdout).toContain("Retrying by themselves");

      const serve = await ServeProcess.start(stack.env);
      try {
        await eventually("the retried job to send the deal value", () => {
          return referralById(stack, referral.id).details?.dealValue === 33_000;
        });
      } finally {
        expect(await serve.stop()).toBe(0);
      }
      // serve's start-up reconcile queued catch-up work; what it left behind waits for the next start.
      const after = await cli(["status"]);
      expect(after.stdout).toMatch(/Queue: \d+ queued, 0 running, \d+ retrying, 0 failed/);
      expect(after.stdout).toContain("No failed jobs.");
    }, 90_000);
  });

  // The database plays no part here: once is enough.
  it.skipIf(storage === "postgres")(
    "serve stops on SIGTERM while a webhook is in flight, once that webhook is answered",
    async () => {
      const serve = await ServeProcess.start(stack.env);
      // A delivery whose body is still arriving when SIGTERM comes, over fetch's kept-alive connection.
      let send: (chunk: string | null) => void = () => undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          send = (chunk) => {
            if (chunk === null) controller.close();
            else controller.enqueue(new TextEncoder().encode(chunk));
          };
        },
      });
      // `duplex: "half"` lets fetch send a body that is still being written (Node needs it for a stream).
      const init = { method: "POST", body, duplex: "half", headers: { "content-type": "application/json" } };
      const answered = fetch(`${serve.url}/webhooks/partner-center`, init);
      send('{"EventName":');
      await sleep(200);
      const stopped = serve.stop();
      await sleep(300);
      send('"referral-updated"}');
      send(null);
      expect((await answered).status).toBeGreaterThanOrEqual(400);
      // Before server/runtime/service.ts dropped idle connections itself, this connection held the process for
      // Fastify's keepAliveTimeout (72 s) and stop() gave up after its 20 s.
      expect(await stopped).toBe(0);
    },
    30_000,
  );

  // Neither depends on the database: once is enough.
  describe.skipIf(storage === "postgres")("config check and bad settings", () => {
    it("exits 1 and names the bad key", async () => {
      const bad = await cli(["config", "check"], { PARTNER_CENTER_API_URL: "not a url" });
      expect(bad.exitCode).toBe(1);
      expect(bad.stderr).toContain("PARTNER_CENTER_API_URL");
      const good = await cli(["config", "check"]);
      expect(good.exitCode, good.stderr).toBe(0);
    }, 30_000);

    it("refuses an invalid DATABASE_SCHEMA by name before opening anything", async () => {
      const bad = await cli(["status"], { DATABASE_SCHEMA: "Robert'); drop table students;--" });
      expect(bad.exitCode).toBe(1);
      expect(bad.stderr).toContain("DATABASE_SCHEMA");
    }, 30_000);
  });
});
