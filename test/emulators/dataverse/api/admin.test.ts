/**
 * The admin API through DataverseAdminClient: where everything is, reset and re-seed, snapshots (without webhook
 * keys) and the snapshot file, users, minted tokens, the clock, refusals in the Web API's error shape, and the
 * optional admin key.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataverseAdminClient, DataverseAdminError, type DataverseEmulator } from "../../../../emulators/dataverse";
import type { ManualClock } from "../../../../emulators/shared/clock";
import { call, idOfEntity, objectOf, startTestEmulator, START_TIME } from "./harness";

let emulator: DataverseEmulator & { clock: ManualClock };
let token: string;
const folder = mkdtempSync(join(tmpdir(), "dataverse-admin-"));

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: { opportunities: 8 } });
  token = await emulator.admin.getToken();
});

afterAll(async () => {
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

const countOf = async (set: string) =>
  Number((await call(emulator, "GET", `/api/data/v9.2/${set}/$count`, { token })).text);

describe("the admin API", () => {
  it("says where everything is, without secrets", async () => {
    const info = await emulator.admin.info();
    expect(info).toMatchObject({
      url: emulator.url,
      apiUrl: `${emulator.url}/api/data/v9.2`,
      resource: emulator.url,
      tokenEndpoint: emulator.tokenEndpoint,
      manualClock: true,
      serviceProtection: { requestsPerWindow: 6000, windowMs: 300_000, concurrentRequests: 52 },
    });
    expect(JSON.stringify(info)).not.toContain("secret");
    const users = await emulator.admin.users();
    expect(users.find((user) => user.systemuserid === info.users.integrationUserId)?.applicationid).toBe(
      info.integrationClientId,
    );
    expect(users.find((user) => user.systemuserid === info.users.sellerUserId)?.azureactivedirectoryobjectid).toBe(
      info.users.sellerObjectId,
    );
  });

  it("resets to a freshly seeded organization", async () => {
    await call(emulator, "POST", "/api/data/v9.2/accounts", { token, body: { name: "Gone after the reset" } });
    expect(await countOf("opportunities")).toBe(8);
    const result = await emulator.admin.reset({ opportunities: 3 });
    expect(result.rows).toBeGreaterThan(3);
    expect(await countOf("opportunities")).toBe(3);
    const found = await call(emulator, "GET", "/api/data/v9.2/accounts?$filter=name eq 'Gone after the reset'", {
      token,
    });
    expect(objectOf(found).value).toEqual([]);
    // The same seed gives the same users, so tokens keep working.
    expect((await call(emulator, "GET", "/api/data/v9.2/WhoAmI", { token })).status).toBe(200);
  });

  it("hands out snapshots without webhook keys and loads them back", async () => {
    const endpoint = await call(emulator, "POST", "/api/data/v9.2/serviceendpoints", {
      token,
      body: {
        name: "snapshot hook",
        url: "http://127.0.0.1:9/hook",
        contract: 8,
        authtype: 4,
        authvalue: "snapshot-key-9f2",
        messageformat: 2,
      },
    });
    const endpointId = idOfEntity(endpoint.headers.get("odata-entityid"));
    const snapshot = await emulator.admin.snapshot();
    expect(JSON.stringify(snapshot)).not.toContain("snapshot-key-9f2");
    const accounts = await countOf("accounts");
    await call(emulator, "POST", "/api/data/v9.2/accounts", { token, body: { name: "After the snapshot" } });
    expect(await countOf("accounts")).toBe(accounts + 1);
    await emulator.admin.loadSnapshot(snapshot);
    expect(await countOf("accounts")).toBe(accounts);
    const restored = objectOf(
      await call(emulator, "GET", `/api/data/v9.2/serviceendpoints(${endpointId})?$select=isauthvalueset`, { token }),
    );
    expect(restored.isauthvalueset).toBe(true);
    await expect(emulator.admin.loadSnapshot({ format: "nope" } as never)).rejects.toMatchObject({ status: 400 });
  });

  it("mints tokens for the integration app and the seller", async () => {
    const app = await emulator.admin.mintToken();
    const seller = await emulator.admin.mintToken({ user: "seller" });
    expect([app.kind, seller.kind]).toEqual(["application", "delegated"]);
    expect(app.audience).toBe(emulator.url);
    const who = objectOf(await call(emulator, "GET", "/api/data/v9.2/WhoAmI", { token: seller.access_token }));
    expect(who.UserId).toBe(emulator.info().users.sellerUserId);
  });

  it("moves the manual clock, which dates the rows written after it", async () => {
    expect((await emulator.admin.getClock()).now).toBe(START_TIME);
    await emulator.admin.advanceClock({ days: 1, seconds: 30 });
    // A token lasts an hour: the one from the start has expired a day later.
    expect((await call(emulator, "GET", "/api/data/v9.2/WhoAmI", { token })).status).toBe(401);
    const created = await call(emulator, "POST", "/api/data/v9.2/accounts?$select=createdon", {
      token: await emulator.admin.getToken(),
      body: { name: "Tomorrow" },
      headers: { prefer: "return=representation" },
    });
    expect(objectOf(created).createdon).toBe("2026-05-05T09:00:30Z");
    await emulator.admin.setClock(START_TIME);
  });

  it("refuses bad input with 400 in the Web API's error shape", async () => {
    const refused = await call(emulator, "POST", "/admin/faults", { body: { match: {} } });
    expect(refused.status).toBe(400);
    expect(objectOf(refused)).toEqual({
      error: { code: "0x80040203", message: expect.stringContaining("fault") as unknown },
    });
    await expect(emulator.admin.advanceClock({ weeks: 1 } as never)).rejects.toBeInstanceOf(DataverseAdminError);
    await expect(emulator.admin.configureServiceProtection({ windowMs: -1 })).rejects.toMatchObject({ status: 400 });
  });
});

describe("options", () => {
  it("keeps the organization in the snapshot file across restarts", async () => {
    const file = join(folder, "organization.json");
    const first = await startTestEmulator({ seed: { opportunities: 2 }, snapshotFile: file });
    const firstToken = await first.admin.getToken();
    const created = await call(first, "POST", "/api/data/v9.2/accounts", {
      token: firstToken,
      body: { name: "Persisted" },
    });
    const id = idOfEntity(created.headers.get("odata-entityid"));
    await first.close();
    const second = await startTestEmulator({ seed: { opportunities: 2 }, snapshotFile: file });
    try {
      const secondToken = await second.admin.getToken();
      const row = await call(second, "GET", `/api/data/v9.2/accounts(${id})?$select=name`, { token: secondToken });
      expect(objectOf(row).name).toBe("Persisted");
    } finally {
      await second.close();
    }
  });

  it("protects the admin API with the admin key, and only it", async () => {
    const guarded = await startTestEmulator({ seed: false, adminKey: "admin-key-for-tests" });
    try {
      await expect(new DataverseAdminClient(guarded.url).info()).rejects.toMatchObject({ status: 401 });
      expect((await guarded.admin.info()).url).toBe(guarded.url);
      const apiToken = await guarded.admin.getToken();
      expect((await call(guarded, "GET", "/api/data/v9.2/WhoAmI", { token: apiToken })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
