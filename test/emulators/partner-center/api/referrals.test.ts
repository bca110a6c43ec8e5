import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOLUTIONS, REFERRALS_PATH, SOLUTIONS_PATH } from "../../../../emulators/partner-center";
import {
  aReferralBody,
  call,
  HOUR,
  objectOf,
  referralPath,
  startTestEmulator,
  tokensFor,
  type CallOptions,
} from "./harness";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let tokens: ReturnType<typeof tokensFor>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  tokens = tokensFor(emulator);
});

afterAll(async () => {
  await emulator.close();
});

const api = async (method: string, path: string, options: Omit<CallOptions, "token"> = {}) =>
  call(emulator, method, path, { token: await tokens.referrals(), ...options });

async function createReferral(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const created = await api("POST", REFERRALS_PATH, { body: aReferralBody(overrides) });
  expect(created.status).toBe(200);
  return objectOf(created);
}

function expectPartnerCenterError(body: unknown, code: string): void {
  expect(body).toMatchObject({ code, source: "PartnerCenterEmulator" });
  const error = body as { description: unknown; data: unknown };
  expect(typeof error.description).toBe("string");
  expect(Array.isArray(error.data)).toBe(true);
}

describe("POST and GET /v1.0/engagements/referrals", () => {
  it("creates with 200 and server-set id, engagementId, timestamps, quoted eTag and links; starts Active/Accepted", async () => {
    const created = await createReferral({ id: "client-chosen", eTag: '"forged"' });
    expect(created.id).toMatch(GUID);
    expect(created.id).not.toBe("client-chosen");
    expect(created.engagementId).toMatch(GUID);
    expect(created.createdDateTime).toBe(emulator.clock.now().toISOString());
    expect(created.updatedDateTime).toBe(created.createdDateTime);
    expect(created.eTag).toMatch(/^"[^"]+"$/);
    expect(created.eTag).not.toBe('"forged"');
    // Sent as New/Pending: a referral the partner creates starts accepted (§1.5).
    expect(created).toMatchObject({ status: "Active", substatus: "Accepted", direction: "Outgoing" });
    const id = String(created.id);
    expect(created.links).toEqual({
      relatedReferrals: {
        uri: `${emulator.url}${REFERRALS_PATH}?$filter=engagementId eq '${String(created.engagementId)}'`,
        method: "GET",
      },
      self: { uri: `${emulator.url}${REFERRALS_PATH}/${id}`, method: "GET" },
    });

    const fetched = await api("GET", referralPath(id));
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created);
  });

  it("answers an unknown id with 404 in Partner Center's error shape", async () => {
    const missing = await api("GET", referralPath("00000000-0000-4000-8000-000000000000"));
    expect(missing.status).toBe(404);
    expectPartnerCenterError(missing.body, "NotFound");
  });

  it("refuses an invalid body with 400 naming each bad field", async () => {
    const refused = await api("POST", REFERRALS_PATH, {
      body: aReferralBody({
        name: "",
        customerProfile: { name: "Fabrikam", address: { country: "USA" } },
      }),
    });
    expect(refused.status).toBe(400);
    expectPartnerCenterError(refused.body, "InvalidInput");
    const fields = (refused.body as { data: { field: string }[] }).data.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "customerProfile.address.country"]));
  });

  it("refuses a body that is not JSON with 415, and malformed JSON with 400", async () => {
    const notJson = await api("POST", REFERRALS_PATH, { body: "x", headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
    const response = await fetch(`${emulator.url}${REFERRALS_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${await tokens.referrals()}`, "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expectPartnerCenterError(await response.json(), "BadRequest");
  });

  it("has no DELETE (405 with Allow)", async () => {
    const created = await createReferral();
    const refused = await api("DELETE", referralPath(String(created.id)));
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, HEAD, PATCH, PUT");
    expectPartnerCenterError(refused.body, "MethodNotAllowed");
  });
});

describe("PUT /v1.0/engagements/referrals/{id}", () => {
  it("requires If-Match (400), refuses a stale eTag with 412, and replaces with the current one", async () => {
    const created = await createReferral();
    const path = referralPath(String(created.id));
    const body = { ...created, name: "Renamed deal" };

    const withoutIfMatch = await api("PUT", path, { body });
    expect(withoutIfMatch.status).toBe(400);
    expectPartnerCenterError(withoutIfMatch.body, "IfMatchRequired");

    const replaced = await api("PUT", path, { body, headers: { "if-match": String(created.eTag) } });
    expect(replaced.status).toBe(200);
    expect(objectOf(replaced)).toMatchObject({ id: created.id, name: "Renamed deal" });
    expect(objectOf(replaced).eTag).not.toBe(created.eTag);

    const stale = await api("PUT", path, { body, headers: { "if-match": String(created.eTag) } });
    expect(stale.status).toBe(412);
    expectPartnerCenterError(stale.body, "PreconditionFailed");
    expect(objectOf(await api("GET", path)).name).toBe("Renamed deal");
  });
});

describe("PATCH /v1.0/engagements/referrals/{id}", () => {
  it("applies the documented replace operations with 204, coercing the string deal value", async () => {
    const created = await createReferral();
    const path = referralPath(String(created.id));
    const patched = await api("PATCH", path, {
      headers: { "content-type": "application/json-patch+json" },
      body: [
        { op: "replace", path: "/details/dealValue", value: "10000" },
        { op: "replace", path: "/details/notes", value: "Lorem ipsum dolor sit amet." },
      ],
    });
    expect(patched.status).toBe(204);
    expect(patched.text).toBe("");
    const details = objectOf(await api("GET", path)).details;
    expect(details).toMatchObject({ dealValue: 10000, notes: "Lorem ipsum dolor sit amet." });
  });

  it("returns the representation with Prefer: return=representation, and adds to the team", async () => {
    const created = await createReferral();
    const jane = { email: "jane.doe@contoso.com", firstName: "Jane", lastName: "Doe", phoneNumber: "0000000001" };
    const patched = await api("PATCH", referralPath(String(created.id)), {
      headers: { prefer: "return=representation" },
      body: [{ op: "add", path: "/team/-", value: jane }],
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("preference-applied")).toBe("return=representation");
    const team = objectOf(patched).team as unknown[];
    expect(team).toHaveLength(2);
    expect(team[1]).toEqual(jane);
    expect(objectOf(patched).eTag).not.toBe(created.eTag);
  });

  it("supports only replace and add (400 for remove, move, copy, test)", async () => {
    const created = await createReferral();
    for (const op of ["remove", "move", "copy", "test"]) {
      const refused = await api("PATCH", referralPath(String(created.id)), {
        body: [{ op, path: "/details/notes", from: "/name", value: "x" }],
      });
      expect(refused.status).toBe(400);
      expectPartnerCenterError(refused.body, "InvalidPatch");
    }
    expect(objectOf(await api("GET", referralPath(String(created.id)))).eTag).toBe(created.eTag);
  });

  it("checks If-Match when sent (412 when stale) and works without it", async () => {
    const created = await createReferral();
    const path = referralPath(String(created.id));
    const change = [{ op: "replace", path: "/details/notes", value: "first" }];
    expect((await api("PATCH", path, { body: change, headers: { "if-match": String(created.eTag) } })).status).toBe(
      204,
    );
    const stale = await api("PATCH", path, { body: change, headers: { "if-match": String(created.eTag) } });
    expect(stale.status).toBe(412);
    expect((await api("PATCH", path, { body: change })).status).toBe(204);
  });

  it("enforces status transitions and terminal states", async () => {
    const created = await createReferral();
    const path = referralPath(String(created.id));
    const won = [
      { op: "replace", path: "/status", value: "Closed" },
      { op: "replace", path: "/substatus", value: "Won" },
    ];
    const backToNew = await api("PATCH", path, {
      body: [
        { op: "replace", path: "/status", value: "New" },
        { op: "replace", path: "/substatus", value: "Pending" },
      ],
    });
    expect(backToNew.status).toBe(400);
    expectPartnerCenterError(backToNew.body, "InvalidStatusTransition");
    // Deal registration: 72 hours between creation and Won (§1.5).
    const tooEarly = await api("PATCH", path, { body: won });
    expect(tooEarly.status).toBe(400);
    expectPartnerCenterError(tooEarly.body, "InvalidStatusTransition");

    emulator.clock.advance(73 * HOUR);
    expect((await api("PATCH", path, { body: won })).status).toBe(204);
    const closed = objectOf(await api("GET", path));
    expect(closed).toMatchObject({ status: "Closed", substatus: "Won" });
    expect(closed.closedDateTime).toBe(emulator.clock.now().toISOString());

    const afterClose = await api("PATCH", path, { body: [{ op: "replace", path: "/details/notes", value: "late" }] });
    expect(afterClose.status).toBe(400);
    expectPartnerCenterError(afterClose.body, "ReferralClosed");
  });
});

describe("shared referrals (§1.5)", () => {
  it("connects Microsoft's referral by engagementId and target msft; only Microsoft answers it", async () => {
    const mine = await createReferral({ type: "Shared" });
    const connected = await api("POST", REFERRALS_PATH, {
      body: aReferralBody({
        engagementId: mine.engagementId,
        target: [{ type: "BusinessProfileLocation", id: "msft" }],
      }),
    });
    expect(connected.status).toBe(200);
    const microsoftSide = objectOf(connected);
    expect(microsoftSide).toMatchObject({ engagementId: mine.engagementId, status: "New", substatus: "Pending" });

    const related = await api(
      "GET",
      `${REFERRALS_PATH}?$filter=${encodeURIComponent(`engagementId eq '${String(mine.engagementId)}'`)}`,
    );
    const relatedIds = (objectOf(related).value as { id: string }[]).map((referral) => referral.id);
    // Both were created in the same (manual) millisecond, so the list's order between them is by id.
    expect(relatedIds.sort()).toEqual([String(mine.id), String(microsoftSide.id)].sort());

    const partnerEdit = await api("PATCH", referralPath(String(microsoftSide.id)), {
      body: [{ op: "replace", path: "/details/notes", value: "mine now" }],
    });
    expect(partnerEdit.status).toBe(403);
    expectPartnerCenterError(partnerEdit.body, "OwnedByMicrosoft");

    const accepted = await emulator.admin.acceptAsMicrosoft(String(mine.engagementId));
    expect(accepted).toMatchObject({ id: microsoftSide.id, status: "Active", substatus: "Accepted" });
    expect(objectOf(await api("GET", referralPath(String(microsoftSide.id)))).status).toBe("Active");

    const second = await api("POST", REFERRALS_PATH, {
      body: aReferralBody({
        engagementId: mine.engagementId,
        target: [{ type: "BusinessProfileLocation", id: "msft" }],
      }),
    });
    expect(second.status).toBe(409);
    expectPartnerCenterError(second.body, "MicrosoftReferralExists");
  });
});

describe("response headers (§1.1)", () => {
  it("echoes MS-RequestId and MS-CorrelationId and adds Request-ID", async () => {
    const sent = { "ms-requestid": "3f0c1b7e-1111-4222-8333-444455556666", "ms-correlationid": "corr-42" };
    const listed = await api("GET", `${REFERRALS_PATH}?$top=1`, { headers: sent });
    expect(listed.headers.get("ms-requestid")).toBe(sent["ms-requestid"]);
    expect(listed.headers.get("ms-correlationid")).toBe("corr-42");
    expect(listed.headers.get("request-id")).toMatch(GUID);
  });

  it("generates them when absent, on errors too", async () => {
    const missing = await call(emulator, "GET", referralPath("nope"));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("ms-requestid")).toMatch(GUID);
    expect(missing.headers.get("ms-correlationid")).toMatch(GUID);
    expect(missing.headers.get("request-id")).toMatch(GUID);
  });
});

describe("the co-sell solutions catalogue", () => {
  it("lists the default SOL- catalogue and reads one, with a Referrals API token", async () => {
    const listed = await api("GET", SOLUTIONS_PATH);
    expect(listed.status).toBe(200);
    const ids = (objectOf(listed).value as { id: string }[]).map((solution) => solution.id);
    expect(ids).toEqual(DEFAULT_SOLUTIONS.map((solution) => solution.id));
    for (const id of ids) expect(id).toMatch(/^SOL-\d{5}-[A-Z0-9]{3}$/);

    expect(objectOf(await api("GET", `${SOLUTIONS_PATH}/SOL-20418-K2P`)).name).toBe(
      "Contoso Field Service Accelerator",
    );
    expect((await api("GET", `${SOLUTIONS_PATH}/SOL-00000-XXX`)).status).toBe(404);
    expect((await call(emulator, "GET", SOLUTIONS_PATH)).status).toBe(401);
  });

  it("serves solutions added through the admin API", async () => {
    const added = {
      id: "SOL-55555-NEW",
      name: "Contoso Copilot Studio Jumpstart",
      publisherName: "Contoso",
      solutionType: "3P",
    };
    await emulator.admin.addSolution(added);
    const ids = (objectOf(await api("GET", SOLUTIONS_PATH)).value as { id: string }[]).map((solution) => solution.id);
    expect(ids).toContain("SOL-55555-NEW");
  });
});
