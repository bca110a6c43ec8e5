import { describe, expect, it } from "vitest";
import type { ListQuery, ReferralPage } from "../../../../emulators/partner-center/state";
import { aReferralBody, expectRefusal, hour, newEmulator, type TestEmulator } from "./builders";

const r2d2 = { firstName: "R2", lastName: "D2", email: "r2d2@contoso.com" };

/** Six referrals that tell the documented filters apart. */
function documentedFixture() {
  const emulator = newEmulator();
  const { state, clock } = emulator;
  const inboundUs = state.microsoft.createInboundReferral({
    customer: { name: "Litware", address: { city: "Austin", country: "US" } },
    contacts: [{ firstName: "Lee", email: "lee@litware.example" }],
    dealValue: 50000,
    currency: "USD",
    closingDateTime: "2027-02-01T00:00:00Z",
  });
  clock.advance(hour);
  const sharedWithR2d2 = state.referrals.create(aReferralBody({ team: [r2d2] }));
  clock.advance(hour);
  const independentWithR2d2 = state.referrals.create(aReferralBody({ type: "Independent", team: [r2d2] }));
  clock.advance(hour);
  const inboundDe = state.microsoft.createInboundReferral({
    customer: { name: "Proseware", address: { city: "Berlin", country: "DE" } },
    contacts: [],
    dealValue: 9000,
    currency: "EUR",
    closingDateTime: "2027-05-01T00:00:00Z",
  });
  clock.advance(hour);
  const sharedWithoutR2d2 = state.referrals.create(aReferralBody());
  return { ...emulator, inboundUs, sharedWithR2d2, independentWithR2d2, inboundDe, sharedWithoutR2d2 };
}

function ids(page: ReferralPage): string[] {
  return page.value.map((referral) => referral.id);
}

describe("the documented $filter examples", () => {
  const fixture = documentedFixture();
  const { state, inboundUs, inboundDe, sharedWithR2d2 } = fixture;
  const list = (filter: string) => ids(state.referrals.list({ filter }));

  it("engagementId eq '…' gives both referrals of the engagement", () => {
    expect(list(`engagementId eq '${inboundUs.referral.engagementId}'`)).toEqual([
      inboundUs.referral.id,
      inboundUs.microsoftReferral.id,
    ]);
  });

  it("status and qualification", () => {
    expect(list("status eq 'New' and qualification eq 'SalesQualified'")).toEqual([
      inboundUs.referral.id,
      inboundDe.referral.id,
    ]);
  });

  it("customer country and direction", () => {
    expect(list("customerProfile/address/country eq 'US' and direction eq 'Incoming'")).toEqual([
      inboundUs.referral.id,
    ]);
  });

  it("Shared and Incoming, in parentheses", () => {
    expect(list("(type eq 'Shared' and direction eq 'Incoming')")).toEqual([
      inboundUs.referral.id,
      inboundDe.referral.id,
    ]);
  });

  it("Incoming and Pending, in parentheses", () => {
    expect(list("(direction eq 'Incoming' and substatus eq 'Pending')")).toEqual([
      inboundUs.referral.id,
      inboundDe.referral.id,
    ]);
  });

  it("team/any(…) together with status, direction and type", () => {
    const filter =
      "status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and " +
      "team/any(t:t/email eq 'r2d2@contoso.com')";
    expect(list(filter)).toEqual([sharedWithR2d2.id]);
  });

  it("refuses a malformed filter with the parser's position", () => {
    const error = expectRefusal(() => state.referrals.list({ filter: "status eq" }), 400, "InvalidQuery", /\$filter/);
    const [problem] = error.body.data as { option: string; position: number }[];
    expect(problem?.option).toBe("$filter");
    expect(problem?.position).toBe(9);
  });

  it("treats a blank filter as no filter", () => {
    expect(state.referrals.list({ filter: " " }).value).toHaveLength(7);
  });
});

describe("$orderby", () => {
  it("orders by createdDateTime ascending by default and descending on request", () => {
    const { state, sharedWithoutR2d2, inboundUs } = documentedFixture();
    const ascending = ids(state.referrals.list());
    expect(ascending[0]).toBe(inboundUs.referral.id);
    expect(ascending.at(-1)).toBe(sharedWithoutR2d2.id);
    expect(ids(state.referrals.list({ orderby: "createdDateTime asc" }))).toEqual(ascending);
    const descending = ids(state.referrals.list({ orderby: "createdDateTime desc" }));
    expect(descending[0]).toBe(sharedWithoutR2d2.id);
    // The two referrals of one engagement share a creation time; ties keep the id order either way.
    expect(new Set(descending)).toEqual(new Set(ascending));
  });

  it("orders by updatedDateTime desc, so the latest change comes first", () => {
    const { state, clock, sharedWithR2d2 } = documentedFixture();
    clock.advance(hour);
    state.referrals.patch(sharedWithR2d2.id, [{ op: "replace", path: "/details/notes", value: "Updated" }]);
    expect(ids(state.referrals.list({ orderby: "updatedDateTime desc" }))[0]).toBe(sharedWithR2d2.id);
    expect(ids(state.referrals.list({ orderby: "updatedDateTime" })).at(-1)).toBe(sharedWithR2d2.id);
  });

  it("refuses properties other than createdDateTime and updatedDateTime", () => {
    const { state } = newEmulator();
    expectRefusal(
      () => state.referrals.list({ orderby: "name" }),
      400,
      "InvalidQuery",
      /cannot order by 'name' \(allowed: createdDateTime, updatedDateTime\)/,
    );
  });
});

function createMany(emulator: TestEmulator, count: number): string[] {
  const created: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // Every third referral shares its creation time with the previous one, so ties must be ordered too.
    if (index % 3 !== 0) emulator.clock.advance(1000);
    created.push(emulator.state.referrals.create(aReferralBody({ name: `Deal ${index}` })).id);
  }
  return created;
}

/** Follows @odata.nextLink the way the HTTP layer would: by reading its query string. */
function queryOfNextLink(link: string): ListQuery {
  const search = new URL(link).searchParams;
  const query: ListQuery = {};
  for (const [name, value] of search) {
    if (name === "$filter") query.filter = value;
    else if (name === "$orderby") query.orderby = value;
    else if (name === "$top") query.top = value;
    else if (name === "$count") query.count = value;
    else if (name === "$skiptoken") query.skiptoken = value;
    else throw new Error(`unexpected option ${name} in ${link}`);
  }
  return query;
}

function visitAll(emulator: TestEmulator, first: ListQuery): { pages: ReferralPage[]; seen: string[] } {
  const pages = [emulator.state.referrals.list(first)];
  for (let next = pages[0]?.["@odata.nextLink"]; next !== undefined; next = pages.at(-1)?.["@odata.nextLink"]) {
    expect(next.startsWith("http://localhost:7310/v1.0/engagements/referrals?")).toBe(true);
    pages.push(emulator.state.referrals.list(queryOfNextLink(next)));
  }
  return { pages, seen: pages.flatMap(ids) };
}

describe("paging", () => {
  it("visits each of 250 referrals exactly once in pages of the maximum size", () => {
    const emulator = newEmulator();
    const created = createMany(emulator, 250);
    const { pages, seen } = visitAll(emulator, {});
    expect(pages.map((page) => page.value.length)).toEqual([100, 100, 50]);
    expect(seen).toHaveLength(250);
    expect(new Set(seen)).toEqual(new Set(created));
    expect(pages.at(-1)?.["@odata.nextLink"]).toBeUndefined();
    // The default order is createdDateTime, then id for referrals created in the same instant.
    const keys = seen.map((id) => `${emulator.state.referrals.get(id).createdDateTime} ${id}`);
    expect(keys).toEqual([...keys].sort());
    expect(seen).not.toEqual(created);
  });

  it("keeps $filter, $orderby, $top and $count in nextLink, with a count of all matches", () => {
    const emulator = newEmulator();
    createMany(emulator, 250);
    const first: ListQuery = { filter: "status eq 'Active'", orderby: "createdDateTime desc", top: 30, count: true };
    const { pages, seen } = visitAll(emulator, first);
    expect(pages).toHaveLength(9);
    expect(new Set(seen).size).toBe(250);
    for (const page of pages) expect(page["@odata.count"]).toBe(250);
    const created = seen.map((id) => emulator.state.referrals.get(id).createdDateTime);
    expect([...created].sort().reverse()).toEqual(created);
    const link = new URL(pages[0]?.["@odata.nextLink"] ?? "");
    expect(link.searchParams.get("$filter")).toBe("status eq 'Active'");
    expect(link.searchParams.get("$top")).toBe("30");
  });

  it("lowers a $top above the maximum to the maximum", () => {
    const emulator = newEmulator({ maxPageSize: 10 });
    createMany(emulator, 25);
    const page = emulator.state.referrals.list({ top: 500 });
    expect(page.value).toHaveLength(10);
    expect(new URL(page["@odata.nextLink"] ?? "").searchParams.get("$top")).toBe("10");
  });

  it("uses $top as the page size below the maximum, accepting it as text", () => {
    const emulator = newEmulator();
    createMany(emulator, 5);
    expect(emulator.state.referrals.list({ top: "2" }).value).toHaveLength(2);
    expect(emulator.state.referrals.list({ top: 5 })["@odata.nextLink"]).toBeUndefined();
  });

  it.each([0, -1, 2.5, "ten", ""])("refuses $top %j", (top) => {
    const { state } = newEmulator();
    expectRefusal(() => state.referrals.list({ top }), 400, "InvalidQuery", /\$top must be a whole number/);
  });

  it("leaves @odata.count out unless $count is true, and refuses other values", () => {
    const emulator = newEmulator();
    createMany(emulator, 3);
    expect(emulator.state.referrals.list()).not.toHaveProperty("@odata.count");
    expect(emulator.state.referrals.list({ count: "false" })).not.toHaveProperty("@odata.count");
    expect(emulator.state.referrals.list({ count: "true", top: 1 })["@odata.count"]).toBe(3);
    expectRefusal(() => emulator.state.referrals.list({ count: "yes" }), 400, "InvalidQuery", /\$count/);
  });

  it("names the metadata context under the API base URL", () => {
    const { state } = newEmulator();
    expect(state.referrals.list()).toEqual({
      "@odata.context": "http://localhost:7310/v1.0/$metadata#Referrals",
      value: [],
    });
  });

  it("refuses a skiptoken it never issued", () => {
    const { state } = newEmulator();
    expectRefusal(() => state.referrals.list({ skiptoken: "k181pEdP0ykypkieJfcxX" }), 400, "InvalidSkipToken");
    expectRefusal(() => state.referrals.list({ skiptoken: "not base64!" }), 400, "InvalidSkipToken");
  });

  it("refuses a skiptoken used with another query", () => {
    const emulator = newEmulator();
    createMany(emulator, 5);
    const link = emulator.state.referrals.list({ top: 2 })["@odata.nextLink"] ?? "";
    const skiptoken = new URL(link).searchParams.get("$skiptoken") ?? "";
    expect(emulator.state.referrals.list({ top: 2, skiptoken }).value).toHaveLength(2);
    expectRefusal(
      () => emulator.state.referrals.list({ top: 3, skiptoken }),
      400,
      "InvalidSkipToken",
      /belongs to a different query/,
    );
    expectRefusal(
      () => emulator.state.referrals.list({ top: 2, skiptoken, filter: "status eq 'New'" }),
      400,
      "InvalidSkipToken",
    );
  });
});
