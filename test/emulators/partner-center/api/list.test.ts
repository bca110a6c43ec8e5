/**
 * GET /v1.0/engagements/referrals with OData options (shared/reference/partner-center.md §1.2): every documented
 * $filter example against seeded data, the other operators, $orderby, $top, @odata.count and $skiptoken paging.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Referral } from "../../../../core";
import { REFERRALS_PATH, type InboundReferral } from "../../../../emulators/partner-center";
import { aReferralBody, anInboundRequest, call, HOUR, objectOf, startTestEmulator, tokensFor } from "./harness";

const r2d2 = { firstName: "R2", lastName: "D2", email: "r2d2@contoso.com" };

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let tokens: ReturnType<typeof tokensFor>;
let inboundUs: InboundReferral;
let sharedWithR2d2: Referral;
let independentWithR2d2: Referral;
let inboundDe: InboundReferral;
let sharedWithoutR2d2: Referral;

async function create(overrides: Record<string, unknown>): Promise<Referral> {
  const created = await call(emulator, "POST", REFERRALS_PATH, {
    token: await tokens.referrals(),
    body: aReferralBody(overrides),
  });
  expect(created.status).toBe(200);
  return created.body as Referral;
}

/** Seven referrals an hour apart that tell the documented filters apart. */
beforeAll(async () => {
  emulator = await startTestEmulator();
  tokens = tokensFor(emulator);
  inboundUs = await emulator.admin.createInboundReferral(
    anInboundRequest({ customer: { name: "Litware", address: { city: "Austin", country: "US" } }, dealValue: 50000 }),
  );
  emulator.clock.advance(HOUR);
  sharedWithR2d2 = await create({ team: [r2d2] });
  emulator.clock.advance(HOUR);
  independentWithR2d2 = await create({ type: "Independent", team: [r2d2] });
  emulator.clock.advance(HOUR);
  inboundDe = await emulator.admin.createInboundReferral(
    anInboundRequest({
      customer: { name: "Proseware", address: { city: "Berlin", country: "DE" } },
      dealValue: 9000,
      currency: "EUR",
      solutions: [],
    }),
  );
  emulator.clock.advance(HOUR);
  sharedWithoutR2d2 = await create({});
});

afterAll(async () => {
  await emulator.close();
});

interface Page {
  "@odata.context": string;
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  value: Referral[];
}

async function list(query: string): Promise<Page> {
  const listed = await call(emulator, "GET", `${REFERRALS_PATH}${query}`, { token: await tokens.referrals() });
  expect(listed.status, listed.text).toBe(200);
  return listed.body as Page;
}

async function filtered(filter: string): Promise<string[]> {
  return (await list(`?$filter=${encodeURIComponent(filter)}`)).value.map((referral) => referral.id);
}

/** Referrals created in the same millisecond (a partner's and Microsoft's) are ordered by id, so compare as sets. */
function sameIds(actual: readonly string[], expected: readonly string[]): void {
  expect([...actual].sort()).toEqual([...expected].sort());
}

describe("query encoding", () => {
  it("reads spaces sent as '+' (URLSearchParams, curl) and a plus sent as %2B", async () => {
    const query = new URLSearchParams({
      $filter: `customerProfile/address/country eq 'DE' and createdDateTime ge 2026-01-01T01:00:00+01:00`,
    });
    expect(query.toString()).toContain("+eq+");
    expect((await list(`?${query.toString()}`)).value.map((referral) => referral.id)).toContain(inboundDe.referral.id);
  });
});

describe("the documented $filter examples (§1.2)", () => {
  it("engagementId eq '…' gives both referrals of the engagement", async () => {
    const ids = await filtered(`engagementId eq '${inboundUs.referral.engagementId}'`);
    sameIds(ids, [inboundUs.referral.id, inboundUs.microsoftReferral.id]);
  });

  it("engagementId eq <unquoted GUID>, as some real relatedReferrals links write it", async () => {
    const ids = await filtered(`engagementId eq ${inboundUs.referral.engagementId}`);
    sameIds(ids, [inboundUs.referral.id, inboundUs.microsoftReferral.id]);
  });

  it("status eq 'New' and qualification eq 'SalesQualified'", async () => {
    expect(await filtered("status eq 'New' and qualification eq 'SalesQualified'")).toEqual([
      inboundUs.referral.id,
      inboundDe.referral.id,
    ]);
  });

  it("customerProfile/address/country eq 'US' and direction eq 'Incoming'", async () => {
    expect(await filtered("customerProfile/address/country eq 'US' and direction eq 'Incoming'")).toEqual([
      inboundUs.referral.id,
    ]);
  });

  it("(type eq 'Shared' and direction eq 'Incoming')", async () => {
    expect(await filtered("(type eq 'Shared' and direction eq 'Incoming')")).toEqual([
      inboundUs.referral.id,
      inboundDe.referral.id,
    ]);
  });

  it("(direction eq 'Incoming' and substatus eq 'Pending')", async () => {
    expect(await filtered("(direction eq 'Incoming' and substatus eq 'Pending')")).toEqual([
      inboundUs.referral.id,
      inboundDe.referral.id,
    ]);
  });

  it("status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and team/any(t:t/email eq 'r2d2@contoso.com')", async () => {
    const filter =
      "status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and " +
      "team/any(t:t/email eq 'r2d2@contoso.com')";
    expect(await filtered(filter)).toEqual([sharedWithR2d2.id]);
  });

  it("the relatedReferrals link of a referral, fetched as given, lists its engagement", async () => {
    const link = inboundUs.referral.links?.relatedReferrals?.uri ?? "";
    expect(link.startsWith(`${emulator.url}${REFERRALS_PATH}?$filter=`)).toBe(true);
    const response = await fetch(link, { headers: { authorization: `Bearer ${await tokens.referrals()}` } });
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as Page).value.map((referral) => referral.id);
    sameIds(ids, [inboundUs.referral.id, inboundUs.microsoftReferral.id]);
  });
});

describe("the other $filter operators", () => {
  it("ne and not()", async () => {
    const outgoing = [
      inboundUs.microsoftReferral.id,
      sharedWithR2d2.id,
      independentWithR2d2.id,
      inboundDe.microsoftReferral.id,
      sharedWithoutR2d2.id,
    ];
    expect(await filtered("direction ne 'Incoming'")).toEqual(outgoing);
    expect(await filtered("not (direction eq 'Incoming')")).toEqual(outgoing);
  });

  it("gt, ge, lt and le on a nested number", async () => {
    const big = [sharedWithR2d2.id, independentWithR2d2.id, sharedWithoutR2d2.id];
    expect(await filtered("details/dealValue gt 50000")).toEqual(big);
    sameIds(await filtered("details/dealValue ge 50000"), [
      inboundUs.referral.id,
      inboundUs.microsoftReferral.id,
      ...big,
    ]);
    sameIds(await filtered("details/dealValue lt 50000"), [inboundDe.referral.id, inboundDe.microsoftReferral.id]);
    sameIds(await filtered("details/dealValue le 9000"), [inboundDe.referral.id, inboundDe.microsoftReferral.id]);
  });

  it("or, and nested parentheses", async () => {
    sameIds(await filtered("customerProfile/address/country eq 'DE' or type eq 'Independent'"), [
      independentWithR2d2.id,
      inboundDe.referral.id,
      inboundDe.microsoftReferral.id,
    ]);
    const nested =
      "(direction eq 'Incoming' or type eq 'Independent') and (customerProfile/address/country eq 'US' and " +
      "(status eq 'New' or status eq 'Active'))";
    expect(await filtered(nested)).toEqual([inboundUs.referral.id, independentWithR2d2.id]);
  });

  it("dates: createdDateTime and updatedDateTime gt a point in time (polling)", async () => {
    const after = new Date(Date.parse(independentWithR2d2.createdDateTime) + 1).toISOString();
    sameIds(await filtered(`createdDateTime gt ${after}`), [
      inboundDe.referral.id,
      inboundDe.microsoftReferral.id,
      sharedWithoutR2d2.id,
    ]);
    expect(await filtered(`updatedDateTime ge ${sharedWithoutR2d2.updatedDateTime}`)).toEqual([sharedWithoutR2d2.id]);
  });

  it("refuses a malformed filter with 400 InvalidQuery and the position", async () => {
    const refused = await call(emulator, "GET", `${REFERRALS_PATH}?$filter=${encodeURIComponent("status eq")}`, {
      token: await tokens.referrals(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: "InvalidQuery", data: [{ option: "$filter", position: 9 }] });
  });
});

describe("$orderby, $top, @odata.count and paging", () => {
  it("lists oldest first by default and orders by createdDateTime desc", async () => {
    const ascending = (await list("")).value.map((referral) => referral.id);
    expect(ascending.indexOf(inboundUs.referral.id)).toBeLessThan(ascending.indexOf(sharedWithoutR2d2.id));
    const descending = (await list("?$orderby=createdDateTime%20desc")).value.map((referral) => referral.id);
    expect(descending[0]).toBe(sharedWithoutR2d2.id);
    expect(descending.at(-1)).toMatch(new RegExp(`${inboundUs.referral.id}|${inboundUs.microsoftReferral.id}`));
  });

  it("orders by updatedDateTime desc, so the latest change comes first", async () => {
    emulator.clock.advance(HOUR);
    const touched = await call(emulator, "PATCH", `${REFERRALS_PATH}/${independentWithR2d2.id}`, {
      token: await tokens.referrals(),
      body: [{ op: "replace", path: "/details/notes", value: "touched" }],
    });
    expect(touched.status).toBe(204);
    expect((await list("?$orderby=updatedDateTime desc")).value[0]?.id).toBe(independentWithR2d2.id);
  });

  it("refuses $orderby on a property the service does not sort by", async () => {
    const refused = await call(emulator, "GET", `${REFERRALS_PATH}?$orderby=name`, { token: await tokens.referrals() });
    expect(refused.status).toBe(400);
    expect(objectOf(refused).code).toBe("InvalidQuery");
  });

  it("pages with $top and @odata.nextLink/$skiptoken, with @odata.count on every page", async () => {
    const all = (await list("?$orderby=createdDateTime desc")).value.map((referral) => referral.id);
    expect(all).toHaveLength(7);
    const seen: string[] = [];
    let page = await list("?$orderby=createdDateTime desc&$top=3");
    for (;;) {
      expect(page["@odata.count"]).toBe(7);
      expect(page.value.length).toBeLessThanOrEqual(3);
      seen.push(...page.value.map((referral) => referral.id));
      const next = page["@odata.nextLink"];
      if (next === undefined) break;
      expect(next).toContain("$skiptoken=");
      expect(next.startsWith(`${emulator.url}${REFERRALS_PATH}?`)).toBe(true);
      page = await list(next.slice(`${emulator.url}${REFERRALS_PATH}`.length));
    }
    expect(seen).toEqual(all);
  });

  it("leaves @odata.count out with $count=false and has no nextLink when everything fits", async () => {
    const page = await list("?$count=false");
    expect(page["@odata.count"]).toBeUndefined();
    expect(page["@odata.nextLink"]).toBeUndefined();
    expect(page["@odata.context"]).toBe(`${emulator.url}/v1.0/$metadata#Referrals`);
  });

  it("refuses $top=0, and a $skiptoken that belongs to another query", async () => {
    const token = await tokens.referrals();
    expect((await call(emulator, "GET", `${REFERRALS_PATH}?$top=0`, { token })).status).toBe(400);
    const first = await list("?$top=2");
    const skiptoken = new URL(first["@odata.nextLink"] ?? "").searchParams.get("$skiptoken") ?? "";
    const misused = await call(emulator, "GET", `${REFERRALS_PATH}?$top=3&$skiptoken=${skiptoken}`, { token });
    expect(misused.status).toBe(400);
    expect(objectOf(misused).code).toBe("InvalidSkipToken");
  });
});
