import { describe, expect, it } from "vitest";
import { environmentVariables, iso3166Alpha2Codes, SalesStage } from "../../../../core";
import { DataverseOrganization, seedDemoOrganization } from "../../../../emulators/dataverse/model";
import { ManualClock } from "../../../../emulators/shared/clock";
import { startTime } from "./builders";

function seeded(seed: string, opportunities?: number) {
  const org = new DataverseOrganization({ clock: new ManualClock(startTime) });
  const summary = seedDemoOrganization(org, { seed, ...(opportunities !== undefined && { opportunities }) });
  return { org, summary };
}

function all(org: DataverseOrganization, table: string, filter?: string) {
  return org.retrieveMultiple(table, filter === undefined ? {} : { filter }).value;
}

describe("the demo seed", () => {
  it("builds the same rows from the same seed, and different rows from another", () => {
    const first = seeded("alpha").org.toSnapshot();
    const again = seeded("alpha").org.toSnapshot();
    const other = seeded("beta").org.toSnapshot();
    expect(again.rows).toEqual(first.rows);
    expect(again.rowVersion).toBe(first.rowVersion);
    expect(other.rows).not.toEqual(first.rows);
  });

  it("creates 300 opportunities across Open, Won and Lost, and every sales stage among open ones", () => {
    const { org, summary } = seeded("spread");
    expect(summary.opportunityIds).toHaveLength(300);
    const opportunities = all(org, "opportunity");
    const byState = [0, 1, 2].map((state) => opportunities.filter((row) => row.statecode === state).length);
    expect(byState.every((count) => count > 20)).toBe(true);
    const openStages = new Set(opportunities.filter((row) => row.statecode === 0).map((row) => row.salesstage));
    expect([...openStages].sort()).toEqual(Object.values(SalesStage));
    expect(opportunities.every((row) => typeof row.estimatedvalue === "number" && row.estimatedvalue > 0)).toBe(true);
    const [, won = 0, lost = 0] = byState;
    expect(all(org, "opportunityclose")).toHaveLength(won + lost);
    expect(opportunities.filter((row) => row.statecode === 1).every((row) => row.statuscode === 3)).toBe(true);
    expect(
      opportunities.filter((row) => row.statecode === 2).every((row) => row.statuscode === 4 || row.statuscode === 5),
    ).toBe(true);
  });

  it("marks a few opportunities for Partner Center with help codes and known solution ids", () => {
    const { org, summary } = seeded("cosell");
    const cosell = all(org, "opportunity", "csb_syncwithpartnercenter eq true");
    expect(cosell.length).toBeGreaterThanOrEqual(5);
    expect(cosell.length).toBeLessThan(60);
    for (const row of cosell) {
      expect(String(row.csb_microsofthelp)).toMatch(/^\d+(,\d+)?$/);
      const products = String(row.csb_products).split(", ");
      expect(products.every((id) => summary.solutionIds.includes(id))).toBe(true);
    }
    expect(summary.solutionIds.length).toBeGreaterThanOrEqual(3);
    expect(summary.solutionIds.length).toBeLessThanOrEqual(5);
    expect(summary.solutionIds.every((id) => /^SOL-\d{5}-[A-Z]{3}$/.test(id))).toBe(true);
    expect(
      all(org, "csb_partnercentersolution")
        .map((row) => row.csb_solutionid)
        .sort(),
    ).toEqual([...summary.solutionIds].sort());
  });

  it("gives accounts ISO country codes, except a few spelled out to exercise validation", () => {
    const { org } = seeded("countries");
    const accounts = all(org, "account");
    expect(accounts).toHaveLength(40);
    const nonIso = accounts.filter((row) => !iso3166Alpha2Codes.has(String(row.address1_country)));
    expect(nonIso.length).toBeGreaterThanOrEqual(2);
    expect(nonIso.length).toBeLessThanOrEqual(4);
    expect(accounts.every((row) => typeof row.address1_postalcode === "string" && row.address1_postalcode !== "")).toBe(
      true,
    );
    expect(all(org, "contact").every((row) => typeof row._parentcustomerid_value === "string")).toBe(true);
  });

  it("creates the currencies, the users and the solution's environment variable definitions", () => {
    const { org, summary } = seeded("setup");
    const codes = all(org, "transactioncurrency").map((row) => row.isocurrencycode);
    expect(codes).toEqual(expect.arrayContaining(["USD", "EUR", "GBP", "JPY"]));
    expect(org.applicationUserId(summary.integrationClientId)).toBe(summary.integrationUserId);
    expect(org.retrieve("systemuser", summary.sellerUserId).fullname).toBe("Avery Howard");
    const schemaNames = all(org, "environmentvariabledefinition").map((row) => row.schemaname);
    expect(schemaNames.sort()).toEqual(
      Object.values(environmentVariables)
        .map((variable) => variable.schemaName)
        .sort(),
    );
    const opportunity = summary.opportunityIds[0] ?? "";
    expect(org.retrieve("opportunity", opportunity)._ownerid_value).toBe(summary.sellerUserId);
  });

  it("takes the number of opportunities and the integration client id as options", () => {
    const org = new DataverseOrganization({ clock: new ManualClock(startTime) });
    const clientId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const summary = seedDemoOrganization(org, { opportunities: 12, integrationClientId: clientId });
    expect(all(org, "opportunity")).toHaveLength(12);
    expect(summary.integrationClientId).toBe(clientId);
  });

  it("announces the seeded rows once the whole seed has committed", () => {
    const org = new DataverseOrganization({ clock: new ManualClock(startTime) });
    let creates = 0;
    org.onChange((event) => {
      if (event.message === "Create" && event.table === "opportunity") creates += 1;
    });
    seedDemoOrganization(org, { opportunities: 30 });
    expect(creates).toBe(30);
  });
});
