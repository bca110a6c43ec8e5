import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  column,
  DataverseOrganization,
  SnapshotError,
  snapshotFormat,
  versionOfEtag,
} from "../../../../emulators/dataverse/model";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import { anOpportunity, newOrganization, startTime } from "./builders";

describe("snapshots in memory", () => {
  it("round-trip customizations, rows and the version counter through JSON", () => {
    const { org, accountId } = newOrganization();
    org.metadata.addTable({
      logicalName: "csb_note",
      entitySetName: "csb_notes",
      displayName: "Note",
      columns: [column.memo("csb_text")],
    });
    org.create("csb_notes", { csb_text: "hello" });
    const { id } = org.create("opportunity", anOpportunity(accountId, { csb_syncwithpartnercenter: true }));
    const json = JSON.stringify(org.toSnapshot());

    const restored = DataverseOrganization.fromSnapshot(json, { clock: new ManualClock(startTime) });
    expect(restored.metadata.additions()).toEqual(org.metadata.additions());
    expect(restored.retrieve("opportunity", id, { includeAnnotations: "*" })).toEqual(
      org.retrieve("opportunity", id, { includeAnnotations: "*" }),
    );
    expect(restored.retrieveMultiple("csb_notes").value.map((row) => row.csb_text)).toEqual(["hello"]);
    const before = versionOfEtag(String(org.retrieve("opportunity", id)["@odata.etag"])) ?? 0;
    expect(versionOfEtag(restored.update("opportunity", id, { name: "After restore" }).etag)).toBeGreaterThan(before);
  });

  it("is a copy that later changes don't touch", () => {
    const { org, accountId } = newOrganization();
    const snapshot = org.toSnapshot();
    org.update("account", accountId, { name: "Later" });
    const row = snapshot.rows.account?.find((record) => record.id === accountId);
    expect(row?.values.name).toBe("Fabrikam Ltd");
    expect(snapshot).toMatchObject({ format: snapshotFormat, version: 1, savedAt: startTime });
  });

  it("doesn't reuse a stored id when restored with the same id seed", () => {
    const { org } = newOrganization();
    const taken = org.toSnapshot().rows.account?.map((record) => record.id) ?? [];
    const restored = DataverseOrganization.fromSnapshot(org.toSnapshot(), { ids: seededIds("dataverse-model-tests") });
    const fresh = restored.create("account", { name: "New" }).id;
    expect(taken).not.toContain(fresh);
  });

  it.each([
    ["malformed JSON", "{", /not valid JSON/],
    ["another format", JSON.stringify({ format: "x", version: 1 }), /not a version 1/],
    [
      "a bad version counter",
      JSON.stringify({ format: snapshotFormat, version: 1, rowVersion: -1, metadata: [], rows: {} }),
      /rowVersion/,
    ],
    [
      "a row without values",
      JSON.stringify({
        format: snapshotFormat,
        version: 1,
        rowVersion: 1,
        metadata: [],
        rows: { account: [{ id: "x" }] },
      }),
      /rows\.account\[0\]/,
    ],
    [
      "a row with an unknown column",
      JSON.stringify({
        format: snapshotFormat,
        version: 1,
        rowVersion: 1,
        metadata: [],
        rows: { account: [{ id: "x", version: 1, values: { nope: 1 } }] },
      }),
      /'nope'/,
    ],
  ])("refuses %s", (_what, text, message) => {
    expect(() => DataverseOrganization.fromSnapshot(text)).toThrow(SnapshotError);
    expect(() => DataverseOrganization.fromSnapshot(text)).toThrow(message);
  });
});

describe("snapshot files", () => {
  let folder: string;
  let file: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "dataverse-model-"));
    file = join(folder, "state", "org.json");
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("is written after every committed change and read back by the next organization", () => {
    const org = new DataverseOrganization({ snapshotFile: file, clock: new ManualClock(startTime) });
    expect(existsSync(file)).toBe(true);
    const { id } = org.create("account", { name: "Persisted" });
    expect(readFileSync(file, "utf8")).toContain("Persisted");
    org.metadata.addColumn("account", column.string("csb_code"));
    org.update("account", id, { csb_code: "A1" });

    const reopened = new DataverseOrganization({ snapshotFile: file });
    expect(reopened.retrieve("account", id)).toMatchObject({ name: "Persisted", csb_code: "A1" });
    expect(readdirSync(join(folder, "state"))).toEqual(["org.json"]);
  });

  it("is left as it was when a change is rolled back", () => {
    const org = new DataverseOrganization({ snapshotFile: file });
    org.create("account", { name: "Kept" });
    const before = readFileSync(file, "utf8");
    expect(() =>
      org.transaction((tx) => {
        tx.create("account", { name: "Dropped" });
        throw new Error("abandon");
      }),
    ).toThrow("abandon");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses to start from an unreadable file rather than overwrite it", () => {
    writeFileSync(join(folder, "broken.json"), "{ not json", "utf8");
    expect(() => new DataverseOrganization({ snapshotFile: join(folder, "broken.json") })).toThrow(SnapshotError);
    expect(readFileSync(join(folder, "broken.json"), "utf8")).toBe("{ not json");
  });
});
