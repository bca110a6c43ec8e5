import { describe, expect, it } from "vitest";
import { ErrorCode, seedDemoOrganization } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

describe("paging with odata.maxpagesize", () => {
  const seeded = () => {
    const test = newOrganization();
    seedDemoOrganization(test.org, { seed: "paging" });
    return test;
  };

  it("visits each of 300 opportunities exactly once, sending each skip token back unchanged", () => {
    const { org } = seeded();
    const seen: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = org.retrieveMultiple("opportunities", {
        select: "name",
        orderBy: "estimatedvalue desc",
        maxPageSize: 70,
        ...(skipToken !== undefined && { skipToken }),
      });
      expect(page.value.length).toBeLessThanOrEqual(70);
      seen.push(...page.value.map((row) => String(row.opportunityid)));
      skipToken = page.skipToken ?? undefined;
      if (skipToken !== undefined)
        expect(skipToken).toMatch(/^<cookie pagenumber="\d+" pagingcookie="[\w-]+" istracking="False" \/>$/);
      pages += 1;
    } while (skipToken !== undefined);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
  });

  it("returns up to 5000 rows in one page by default and never more than 5000 per page", () => {
    const { org } = seeded();
    expect(org.retrieveMultiple("opportunities").value).toHaveLength(300);
    expect(org.retrieveMultiple("opportunities", { maxPageSize: 10_000 }).skipToken).toBeNull();
  });

  it("neither repeats nor skips rows when a row is added before the page boundary", () => {
    const { org, accountId } = seeded();
    const first = org.retrieveMultiple("opportunities", { maxPageSize: 100 });
    const firstIds = first.value.map((row) => row.opportunityid);
    // An id that sorts before every existing one lands on a page already read.
    org.create("opportunity", anOpportunity(accountId, { opportunityid: "00000000-0000-4000-8000-000000000000" }));
    const rest: unknown[] = [];
    let skipToken = first.skipToken;
    while (skipToken !== null) {
      const page = org.retrieveMultiple("opportunities", { maxPageSize: 100, skipToken });
      rest.push(...page.value.map((row) => row.opportunityid));
      skipToken = page.skipToken;
    }
    expect(rest).toHaveLength(200);
    expect(rest.filter((id) => firstIds.includes(id))).toEqual([]);
  });

  it("refuses a token from another query and a token it never issued", () => {
    const { org } = seeded();
    const { skipToken } = org.retrieveMultiple("opportunities", { maxPageSize: 50, filter: "statecode eq 0" });
    expect(skipToken).not.toBeNull();
    const token = skipToken ?? "";
    expectRefusal(
      () => org.retrieveMultiple("opportunities", { maxPageSize: 50, skipToken: token }),
      400,
      ErrorCode.propertyNotFound,
      /different query/,
    );
    expectRefusal(
      () => org.retrieveMultiple("opportunities", { maxPageSize: 50, filter: "statecode eq 0", skipToken: "page2" }),
      400,
      ErrorCode.propertyNotFound,
      /not one this service issued/,
    );
    expect(
      org.retrieveMultiple("opportunities", { maxPageSize: 50, filter: "statecode eq 0", skipToken: token }).value,
    ).toHaveLength(50);
  });
});
