import { describe, expect, it } from "vitest";
import { SyncStatus } from "../../core/dataverse/options";
import { checkmarkIcon } from "../../webresources/grid/checkmarkIcon";

/** A row as a view passes it: JSON text where a choice column carries `<column>_Value` and its label. */
function row(status: unknown, label = ""): string {
  return JSON.stringify({
    RowId: "{6D81597F-0F9F-E711-8122-000D3AA2331C}",
    name: "Contoso rollout",
    csb_syncstatus: label,
    csb_syncstatus_Value: status,
  });
}

describe("the checkmark column's icon function", () => {
  it("gives each sync status its image web resource and an English tooltip", () => {
    expect(checkmarkIcon(row(SyncStatus.Synced, "Synced"), 1033)).toEqual([
      "csb_/icons/synced.svg",
      "Synced with Partner Center",
    ]);
    expect(checkmarkIcon(row(SyncStatus.Pending, "Pending"), 1033)).toEqual([
      "csb_/icons/pending.svg",
      "Sync with Partner Center pending",
    ]);
    expect(checkmarkIcon(row(SyncStatus.Error, "Error"), 1033)).toEqual([
      "csb_/icons/error.svg",
      "Sync with Partner Center failed: open the opportunity for details",
    ]);
    expect(checkmarkIcon(row(SyncStatus.NotSynced, "Not synced"), 1033)).toEqual([
      "csb_/icons/notsynced.svg",
      "Not synced with Partner Center",
    ]);
  });

  it("localizes the tooltip for the LCID the grid passes", () => {
    expect(checkmarkIcon(row(SyncStatus.Synced), 1049)).toEqual([
      "csb_/icons/synced.svg",
      "Синхронизировано с Partner Center",
    ]);
    expect(checkmarkIcon(row(SyncStatus.Synced), 1036)[1]).toBe("Synced with Partner Center");
  });

  it("reads an option value sent as text", () => {
    expect(checkmarkIcon(row(String(SyncStatus.Error)), 1033)[0]).toBe("csb_/icons/error.svg");
  });

  it("shows Not synced for an empty cell, an unknown value or a row it can't read", () => {
    for (const rowData of [row(null), row(""), row(1), row("Synced"), "{not json", JSON.stringify(null)]) {
      expect(checkmarkIcon(rowData, 1033)).toEqual(["csb_/icons/notsynced.svg", "Not synced with Partner Center"]);
    }
  });
});
