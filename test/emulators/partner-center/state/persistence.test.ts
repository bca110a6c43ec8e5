import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmulatorState, SnapshotError } from "../../../../emulators/partner-center/state";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import { aMicrosoftConnectedBody, aReferralBody, newEmulator, startTime } from "./builders";

const solution = { id: "SOL-15974-MQF", name: "Contoso Supply Chain", publisherName: "Contoso", solutionType: "3P" };

describe("snapshots in memory", () => {
  it("round-trips referrals and solutions through JSON, so reads and rules carry on", () => {
    const { state } = newEmulator({ solutions: [solution] });
    const mine = state.referrals.create(aReferralBody());
    state.referrals.create(aMicrosoftConnectedBody(mine.engagementId));
    const json = JSON.stringify(state.toSnapshot());

    const restored = EmulatorState.fromSnapshot(json, {
      clock: new ManualClock(startTime),
      ids: seededIds("restored"),
      apiBaseUrl: "http://localhost:7310",
    });
    expect(restored.referrals.list()).toEqual(state.referrals.list());
    expect(restored.solutions.list()).toEqual([solution]);
    expect(restored.referrals.related(mine.engagementId)).toHaveLength(2);
    expect(restored.referrals.patch(mine.id, [{ op: "replace", path: "/name", value: "x" }], mine.eTag).name).toBe("x");
    expect(restored.microsoft.accept(mine.id).status).toBe("Active");
  });

  it("is versioned and leaves links out, since they follow the API base URL", () => {
    const { state } = newEmulator();
    state.referrals.create(aReferralBody());
    const snapshot = state.toSnapshot();
    expect(snapshot).toMatchObject({ version: 1, savedAt: startTime, solutions: [] });
    expect(snapshot.referrals[0]).not.toHaveProperty("links");
    const restored = EmulatorState.fromSnapshot(snapshot, { apiBaseUrl: "http://other:1" });
    expect(restored.referrals.list().value[0]?.links?.self?.uri).toMatch(/^http:\/\/other:1\/v1\.0\/engagements/);
  });

  it("never reuses a stored id when restored with the same seed", () => {
    const { state } = newEmulator();
    const first = state.referrals.create(aReferralBody());
    const restored = EmulatorState.fromSnapshot(state.toSnapshot(), { ids: seededIds("state-tests") });
    const second = restored.referrals.create(aReferralBody({ name: "Second" }));
    expect([second.id, second.engagementId]).not.toContain(first.id);
    expect([second.id, second.engagementId]).not.toContain(first.engagementId);
    expect(restored.referrals.get(first.id).name).toBe("Fabrikam warehouse modernisation");
  });

  it("is a copy: changing the state afterwards doesn't change a taken snapshot", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const snapshot = state.toSnapshot();
    state.referrals.patch(referral.id, [{ op: "replace", path: "/name", value: "Later" }]);
    expect(snapshot.referrals[0]?.name).toBe("Fabrikam warehouse modernisation");
  });

  it.each([
    ["malformed JSON", "{", /not valid JSON/],
    [
      "another version",
      JSON.stringify({ version: 2, referrals: [], solutions: [] }),
      /version 2; this emulator reads version 1/,
    ],
    [
      "referrals that are not an array",
      JSON.stringify({ version: 1, referrals: {}, solutions: [] }),
      /referrals must be/,
    ],
    ["a referral without an id", JSON.stringify({ version: 1, referrals: [{ name: "x" }], solutions: [] }), /lacks id/],
    [
      "a malformed solution",
      JSON.stringify({ version: 1, referrals: [], solutions: [{ id: "SOL-1" }] }),
      /id must look like SOL-15974-MQF/,
    ],
  ])("refuses %s", (_, json, message) => {
    expect(() => EmulatorState.fromSnapshot(json)).toThrow(message);
  });

  it("names the problem with a SnapshotError", () => {
    expect(() => EmulatorState.fromSnapshot("[]")).toThrow(SnapshotError);
  });
});

describe("snapshot file", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "pc-state-"));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes after every change and loads at the next start", () => {
    const file = join(folder, "nested", "partner-center.json");
    const { state } = newEmulator({ snapshotFile: file, solutions: [solution] });
    const referral = state.referrals.create(aReferralBody());
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ version: 1, referrals: [{ id: referral.id }] });

    const patched = state.referrals.patch(referral.id, [{ op: "replace", path: "/name", value: "Saved" }]);
    const second = new EmulatorState({ snapshotFile: file, solutions: [] });
    expect(second.referrals.get(referral.id)).toMatchObject({ name: "Saved", eTag: patched.eTag });
    expect(second.solutions.list()).toEqual([solution]);
  });

  it("saves Microsoft's actions and new solutions too", () => {
    const file = join(folder, "state.json");
    const { state } = newEmulator({ snapshotFile: file });
    state.addSolution(solution);
    expect(new EmulatorState({ snapshotFile: file }).solutions.list()).toEqual([solution]);
    const { referral } = state.microsoft.createInboundReferral({
      customer: { name: "Litware", address: { country: "US" } },
      contacts: [],
      dealValue: 1,
      currency: "USD",
      closingDateTime: "2027-01-01T00:00:00Z",
    });
    state.microsoft.updateDeal(referral.id, { notes: "Microsoft's note" });
    const reloaded = new EmulatorState({ snapshotFile: file });
    expect(reloaded.referrals.related(referral.engagementId).map((item) => item.organizationName)).toEqual([
      "Contoso Consulting",
      "Microsoft",
    ]);
    expect(reloaded.referrals.get(referral.id).details?.notes).toBe("Microsoft's note");
  });

  it("starts empty when the file doesn't exist, without creating it until something changes", () => {
    const file = join(folder, "absent.json");
    const { state } = newEmulator({ snapshotFile: file, solutions: [solution] });
    expect(state.referrals.list().value).toEqual([]);
    expect(state.solutions.list()).toEqual([solution]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("leaves no temporary file behind and never a partial file", () => {
    const file = join(folder, "state.json");
    const { state } = newEmulator({ snapshotFile: file });
    for (let index = 0; index < 5; index += 1) state.referrals.create(aReferralBody({ name: `Deal ${index}` }));
    expect(readdirSync(folder)).toEqual(["state.json"]);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { referrals: unknown[] };
    expect(saved.referrals).toHaveLength(5);
  });

  it("refuses to start on a file that is not a snapshot, rather than overwrite it", () => {
    const file = join(folder, "state.json");
    writeFileSync(file, "not json", "utf8");
    expect(() => new EmulatorState({ snapshotFile: file })).toThrow(SnapshotError);
    expect(readFileSync(file, "utf8")).toBe("not json");
  });
});

describe("solution catalogue", () => {
  it("lists seeded solutions and adds new ones", () => {
    const { state } = newEmulator({ solutions: [solution] });
    const added = state.solutions.add({
      id: "SOL-20011-ABC",
      name: "Contoso Field Service",
      publisherName: "Contoso",
      solutionType: "3P",
      status: "Published",
    });
    expect(state.listSolutions()).toEqual([solution, added]);
    expect(state.solutions.find("sol-20011-abc")?.name).toBe("Contoso Field Service");
  });

  it("refuses a duplicate id with 409 and a malformed solution with 400 naming fields", () => {
    const { state } = newEmulator({ solutions: [solution] });
    expect(() => state.solutions.add({ ...solution, id: "sol-15974-mqf".toUpperCase() })).toThrow(/already has/);
    try {
      state.solutions.add({ id: "15974", name: "", publisherName: "P", solutionType: "3P" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ httpStatus: 400, body: { code: "InvalidInput" } });
      const fields = (error as { body: { data: { field: string }[] } }).body.data.map((problem) => problem.field);
      expect(fields).toEqual(["id", "name"]);
    }
  });

  it("returns copies", () => {
    const { state } = newEmulator({ solutions: [solution] });
    const [listed] = state.solutions.list();
    if (listed !== undefined) listed.name = "changed";
    expect(state.solutions.list()[0]?.name).toBe("Contoso Supply Chain");
  });
});

describe("options", () => {
  it.each([
    [{ maxPageSize: 0 }, /maxPageSize/],
    [{ expiryDays: -1 }, /expiryDays/],
    [{ staleEtagStatus: 500 as 412 }, /staleEtagStatus/],
  ])("refuses %j", (options, message) => {
    expect(() => new EmulatorState(options)).toThrow(message);
  });

  it("defaults to the documented guesses", () => {
    const state = new EmulatorState();
    expect(state.apiBaseUrl).toBe("https://api.partner.microsoft.com");
    const referral = state.referrals.create(aReferralBody());
    expect(referral.eTag).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(() => state.referrals.replace(referral.id, aReferralBody(), '"old"')).toThrow(
      expect.objectContaining({ httpStatus: 412 }),
    );
  });
});
