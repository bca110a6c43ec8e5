/**
 * State in memory by default, optionally a JSON snapshot file that survives a restart, snapshots through the admin
 * API, and seeded ids that repeat run after run.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Referral } from "../../../../core";
import { REFERRALS_PATH, REGISTRATION_PATH, type EmulatorSnapshot } from "../../../../emulators/partner-center";
import { aReferralBody, anInboundRequest, call, referralPath, startTestEmulator, tokensFor } from "./harness";
import { eventOf, startReceiver } from "./receiver";

const folder = mkdtempSync(join(tmpdir(), "pc-emulator-"));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function createThroughApi(emulator: Awaited<ReturnType<typeof startTestEmulator>>): Promise<Referral> {
  const created = await call(emulator, "POST", REFERRALS_PATH, {
    token: await tokensFor(emulator).referrals(),
    body: aReferralBody(),
  });
  expect(created.status).toBe(200);
  return created.body as Referral;
}

describe("a snapshot file", () => {
  it("keeps referrals and solutions across a restart, with links on the new address", async () => {
    const snapshotFile = join(folder, "restart", "partner-center.json");
    const first = await startTestEmulator({ state: { snapshotFile } });
    let created: Referral;
    let inboundId: string;
    try {
      created = await createThroughApi(first);
      inboundId = (await first.admin.createInboundReferral(anInboundRequest())).referral.id;
      await first.admin.addSolution({
        id: "SOL-77777-PER",
        name: "Kept",
        publisherName: "Contoso",
        solutionType: "3P",
      });
    } finally {
      await first.close();
    }
    const saved = JSON.parse(readFileSync(snapshotFile, "utf8")) as EmulatorSnapshot;
    expect(saved.referrals.map((referral) => referral.id)).toEqual(expect.arrayContaining([created.id, inboundId]));

    const second = await startTestEmulator({ state: { snapshotFile } });
    try {
      const reread = await call(second, "GET", referralPath(created.id), {
        token: await tokensFor(second).referrals(),
      });
      expect(reread.status).toBe(200);
      const reloaded = reread.body as Referral;
      expect({ ...reloaded, links: undefined }).toEqual({ ...created, links: undefined });
      const { links } = reloaded;
      expect(links?.self?.uri).toBe(`${second.url}${REFERRALS_PATH}/${created.id}`);
      expect((await second.admin.solutions()).map((solution) => solution.id)).toContain("SOL-77777-PER");
      expect((await second.admin.referrals()).map((referral) => referral.id)).toContain(inboundId);
    } finally {
      await second.close();
    }
  });

  it("is rewritten when the referrals are reset through the admin API", async () => {
    const snapshotFile = join(folder, "reset.json");
    const emulator = await startTestEmulator({ state: { snapshotFile } });
    try {
      await createThroughApi(emulator);
      expect((JSON.parse(readFileSync(snapshotFile, "utf8")) as EmulatorSnapshot).referrals).toHaveLength(1);
      await emulator.admin.resetReferrals();
      const saved = JSON.parse(readFileSync(snapshotFile, "utf8")) as EmulatorSnapshot;
      expect(saved.referrals).toEqual([]);
      expect(saved.solutions.length).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});

describe("in memory", () => {
  it("snapshots, resets and reloads through the admin API; events keep flowing after a reload", async () => {
    const emulator = await startTestEmulator();
    const receiver = await startReceiver();
    try {
      const created = await createThroughApi(emulator);
      const snapshot = await emulator.admin.snapshot();
      expect(snapshot.version).toBe(1);
      expect(snapshot.referrals.map((referral) => referral.id)).toEqual([created.id]);

      await emulator.admin.resetReferrals();
      expect(await emulator.admin.referrals()).toEqual([]);
      const token = await tokensFor(emulator).referrals();
      expect((await call(emulator, "GET", referralPath(created.id), { token })).status).toBe(404);

      expect(await emulator.admin.loadSnapshot(snapshot)).toEqual({ referrals: 1, solutions: 4 });
      expect((await call(emulator, "GET", referralPath(created.id), { token })).status).toBe(200);
      // The state object was swapped; the wiring to the webhook dispatcher must have moved with it.
      expect(emulator.state.toSnapshot().referrals).toHaveLength(1);
      const registered = await call(emulator, "POST", REGISTRATION_PATH, {
        token: await tokensFor(emulator).webhooks(),
        body: { WebhookUrl: receiver.url, WebhookEvents: ["referral-updated"] },
      });
      expect(registered.status).toBe(200);
      const patched = await call(emulator, "PATCH", referralPath(created.id), {
        token,
        body: [{ op: "replace", path: "/details/notes", value: "after reload" }],
      });
      expect(patched.status).toBe(204);
      await emulator.admin.waitForDeliveries();
      expect(receiver.requests.map((request) => eventOf(request).EventName)).toEqual(["referral-updated"]);

      const bad = emulator.admin.loadSnapshot({ version: 9 } as unknown as EmulatorSnapshot);
      await expect(bad).rejects.toMatchObject({ status: 400, body: { code: "InvalidInput" } });
    } finally {
      await emulator.close();
      await receiver.close();
    }
  });
});

describe("seeded ids", () => {
  async function firstIds(idsSeed: string): Promise<string[]> {
    const emulator = await startTestEmulator({ idsSeed });
    try {
      const referral = await createThroughApi(emulator);
      const inbound = await emulator.admin.createInboundReferral(anInboundRequest());
      return [referral.id, referral.engagementId, referral.eTag, inbound.referral.id, inbound.microsoftReferral.id];
    } finally {
      await emulator.close();
    }
  }

  it("gives the same ids twice for the same seed, and others for another seed", async () => {
    const once = await firstIds("repeatable");
    const twice = await firstIds("repeatable");
    expect(twice).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
    const other = await firstIds("another seed");
    expect(other.filter((id) => once.includes(id))).toEqual([]);
  });
});
