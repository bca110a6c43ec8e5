import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DataverseEmulator, startDataverseEmulator } from "../../../emulators/dataverse";
import { defaultFieldMapping, validateOpportunityForSync } from "../../../core";
import { readEnvironmentValues } from "../../../controls/CoSellPanel/data/environmentVariables";
import { readOpportunitySnapshot } from "../../../controls/CoSellPanel/data/opportunitySnapshot";
import { namesOfSolutions, searchSolutions } from "../../../controls/CoSellPanel/data/productCatalog";
import { panelSettingsOf } from "../../../controls/CoSellPanel/model/settings";
import { emulatorReader, type RecordingReader } from "../support/emulatorReader";

let dataverse: DataverseEmulator;
let reader: RecordingReader;

beforeAll(async () => {
  dataverse = await startDataverseEmulator({ seed: { opportunities: 12, seed: "cosell-panel" } });
  reader = emulatorReader(dataverse.apiUrl, await dataverse.admin.getToken({ user: "seller" }));
});

afterAll(async () => {
  await dataverse.close();
});

function rows(table: string, filter?: string) {
  return dataverse.org.retrieveMultiple(table, filter === undefined ? {} : { filter }).value;
}

describe("reading the environment variables", () => {
  it("gets every variable of the solution in one request, the value row over the default", async () => {
    const [definition] = rows("environmentvariabledefinitions", "schemaname eq 'csb_SyncEndpointUrl'");
    dataverse.org.create("environmentvariablevalue", {
      value: "https://cosell.contoso.example/",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${String(definition?.environmentvariabledefinitionid)})`,
    });
    const before = reader.requests.length;
    const values = await readEnvironmentValues(reader);
    expect(reader.requests.length - before).toBe(1);
    expect(values).toMatchObject({
      csb_SyncEndpointUrl: "https://cosell.contoso.example/",
      csb_ShowCheckmark: "yes",
      csb_DealValueField: "estimatedvalue",
      csb_FieldMapping: null,
    });
    expect(panelSettingsOf(values)).toMatchObject({
      syncEndpointUrl: "https://cosell.contoso.example/",
      showCheckmark: true,
    });
  });
});

describe("reading the saved opportunity for validation", () => {
  it("reads the row with its account, contact and currency, as core's validation takes them", async () => {
    const [row] = rows("opportunity", "csb_syncwithpartnercenter eq true");
    const id = String(row?.opportunityid);
    const snapshot = await readOpportunitySnapshot(reader, id);
    expect(snapshot.opportunity).toMatchObject({ opportunityid: id, csb_syncwithpartnercenter: true });
    expect(Object.keys(snapshot.opportunity).some((key) => key.includes("@"))).toBe(false);
    expect(snapshot.account?.name).toEqual(expect.any(String));
    expect(snapshot.contact?.emailaddress1).toEqual(expect.stringContaining("@"));
    expect(["USD", "EUR", "GBP", "JPY"]).toContain(snapshot.currencyCode);
    expect(snapshot.opportunity.transactioncurrencyid).toBeUndefined();
    // What validation needs from the related rows was read: nothing is missing for want of the account, the
    // contact or the currency (the seed's deals may still have other problems, which are not about the read).
    const problems = validateOpportunityForSync(snapshot, defaultFieldMapping, { now: dataverse.clock.now() });
    const fromRelatedRows = ["customerNameMissing", "countryMissing", "contactMissing", "currencyInvalid"];
    expect(problems.filter((problem) => fromRelatedRows.includes(problem.code))).toEqual([]);
  });

  it("rejects with the Web API's message for an opportunity that doesn't exist", async () => {
    await expect(readOpportunitySnapshot(reader, "00000000-0000-4000-8000-000000000001")).rejects.toThrow(
      /Does Not Exist|not found/i,
    );
  });
});

describe("the product catalogue", () => {
  const solutions = () =>
    rows("csb_partnercentersolution").map((row) => ({ id: String(row.csb_solutionid), name: String(row.csb_name) }));

  it("finds solutions by part of their name or id, in name order, ignoring letter case", async () => {
    const [first] = solutions();
    if (first === undefined) throw new Error("the emulator's demo seed has no solutions");
    const byName = await searchSolutions(reader, first.name.slice(1, 6).toLowerCase());
    expect(byName).toContainEqual(first);
    const byId = await searchSolutions(reader, first.id.slice(4, 9));
    expect(byId).toEqual([first]);
    const all = await searchSolutions(reader, "-");
    expect(all.map((entry) => entry.name)).toEqual([...all.map((entry) => entry.name)].sort());
  });

  it("searches for text with quotes and URL punctuation safely, and asks nothing for blank text", async () => {
    expect(await searchSolutions(reader, "O'Brien & Sons #1 + 50%")).toEqual([]);
    const before = reader.requests.length;
    expect(await searchSolutions(reader, "   ")).toEqual([]);
    expect(reader.requests.length).toBe(before);
  });

  it("names the solution ids on an opportunity, leaving out ids the catalogue doesn't know", async () => {
    const known = solutions().slice(0, 2);
    const named = await namesOfSolutions(reader, [...known.map((entry) => entry.id.toLowerCase()), "SOL-00000-ZZZ"]);
    expect(named.sort((a, b) => a.id.localeCompare(b.id))).toEqual(known.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await namesOfSolutions(reader, [])).toEqual([]);
  });
});
