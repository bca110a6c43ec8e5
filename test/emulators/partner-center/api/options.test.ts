/**
 * The options that make UNCONFIRMED behaviour configurable (shared/reference/partner-center.md §1.2, §1.6, §1.1),
 * the admin key, and an emulator on the system clock, whose clock the admin API refuses to move.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Referral } from "../../../../core";
import {
  ADMIN_KEY_HEADER,
  PartnerCenterAdminClient,
  REFERRALS_PATH,
  startPartnerCenterEmulator,
  type PartnerCenterEmulator,
} from "../../../../emulators/partner-center";
import { aReferralBody, anInboundRequest, call, objectOf, referralPath } from "./harness";

const ADMIN_KEY = "test-admin-key";
const AUDIENCE = "https://api.partner.contoso-test.example";

let emulator: PartnerCenterEmulator;
let appToken: string;

beforeAll(async () => {
  emulator = await startPartnerCenterEmulator({
    createStatus: 201,
    state: { staleEtagStatus: 409, maxPageSize: 2 },
    countByDefault: false,
    referralsAccess: "any",
    audiences: { referrals: [AUDIENCE] },
    autoExpire: false,
    adminKey: ADMIN_KEY,
  });
  appToken = await emulator.admin.getToken({ audience: AUDIENCE, kind: "application" });
});

afterAll(async () => {
  await emulator.close();
});

async function create(): Promise<{ status: number; referral: Referral }> {
  const created = await call(emulator, "POST", REFERRALS_PATH, { token: appToken, body: aReferralBody() });
  return { status: created.status, referral: created.body as Referral };
}

describe("configurable behaviour", () => {
  it("creates with 201 when createStatus says so, and accepts application tokens with referralsAccess 'any'", async () => {
    const { status, referral } = await create();
    expect(status).toBe(201);
    expect(referral.status).toBe("Active");
  });

  it("answers a stale If-Match with the configured status (409)", async () => {
    const { referral } = await create();
    const change = [{ op: "replace", path: "/details/notes", value: "x" }];
    const headers = { "if-match": referral.eTag };
    expect(
      (await call(emulator, "PATCH", referralPath(referral.id), { token: appToken, body: change, headers })).status,
    ).toBe(204);
    const stale = await call(emulator, "PATCH", referralPath(referral.id), { token: appToken, body: change, headers });
    expect(stale.status).toBe(409);
    expect(objectOf(stale).code).toBe("Conflict");
  });

  it("caps pages at maxPageSize even when $top asks for more, and leaves @odata.count out by default", async () => {
    await create();
    const page = objectOf(await call(emulator, "GET", `${REFERRALS_PATH}?$top=50`, { token: appToken }));
    expect((page.value as unknown[]).length).toBe(2);
    expect(page["@odata.count"]).toBeUndefined();
    expect(String(page["@odata.nextLink"])).toContain("$top=2");
    const counted = objectOf(await call(emulator, "GET", `${REFERRALS_PATH}?$count=true`, { token: appToken }));
    expect(counted["@odata.count"]).toBeGreaterThanOrEqual(3);
  });

  it("checks tokens against the configured audience", async () => {
    const standard = await emulator.admin.getToken({
      audience: "https://api.partner.microsoft.com",
      kind: "application",
    });
    expect((await call(emulator, "GET", REFERRALS_PATH, { token: standard })).status).toBe(401);
    expect(emulator.info().audiences.referrals).toEqual([AUDIENCE]);
  });

  it("expires invitations only when asked, with autoExpire off", async () => {
    const { referral } = await emulator.admin.createInboundReferral(anInboundRequest());
    const snapshot = await emulator.admin.snapshot();
    const overdue = snapshot.referrals.map((stored) =>
      stored.id === referral.id ? { ...stored, expirationDateTime: "2020-01-01T00:00:00.000Z" } : stored,
    );
    await emulator.admin.loadSnapshot({ ...snapshot, referrals: overdue });
    const fetched = await call(emulator, "GET", referralPath(referral.id), { token: appToken });
    expect(objectOf(fetched)).toMatchObject({ status: "New", substatus: "Pending" });
    expect(await emulator.admin.expireUnanswered()).toEqual([referral.id]);
    const expired = await call(emulator, "GET", referralPath(referral.id), { token: appToken });
    expect(objectOf(expired)).toMatchObject({ status: "Closed", substatus: "Expired" });
  });
});

describe("the admin API's own rules", () => {
  it("requires the admin key when one is set", async () => {
    const anonymous = await call(emulator, "GET", "/admin");
    expect(anonymous.status).toBe(401);
    const wrong = await call(emulator, "GET", "/admin", { headers: { [ADMIN_KEY_HEADER]: "nope" } });
    expect(wrong.status).toBe(401);
    const withoutKey = new PartnerCenterAdminClient(emulator.url);
    await expect(withoutKey.info()).rejects.toMatchObject({ status: 401 });
    const info = await new PartnerCenterAdminClient(emulator.url, { adminKey: ADMIN_KEY }).info();
    expect(info).toMatchObject({ url: emulator.url, tenantId: emulator.tenantId, manualClock: false });
    expect(JSON.stringify(info)).not.toContain("emulator-secret-not-for-production");
  });

  it("refuses to move the system clock with 409", async () => {
    expect((await emulator.admin.getClock()).manual).toBe(false);
    await expect(emulator.admin.advanceClock({ days: 1 })).rejects.toMatchObject({ status: 409 });
    await expect(emulator.admin.setClock(new Date())).rejects.toMatchObject({ status: 409 });
  });

  it("answers unknown admin paths with 404 and bad bodies with 400", async () => {
    await expect(emulator.admin.mintToken({ audience: "" })).rejects.toMatchObject({ status: 400 });
    const unknown = await call(emulator, "GET", "/admin/nothing-here", { headers: { [ADMIN_KEY_HEADER]: ADMIN_KEY } });
    expect(unknown.status).toBe(404);
  });
});
