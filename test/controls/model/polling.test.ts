import { describe, expect, it } from "vitest";
import { statusCoversSave } from "../../../controls/CoSellPanel/model/polling";
import { aServiceStatus } from "../support/builders";

describe("whether a status reflects a save", () => {
  const savedAt = "2026-11-25T09:00:30.400Z";

  it("counts a sync or an error from the save's second on, since Dataverse keeps whole seconds", () => {
    expect(statusCoversSave(aServiceStatus({ lastSyncedAt: "2026-11-25T09:00:30Z" }), savedAt)).toBe(true);
    expect(statusCoversSave(aServiceStatus({ lastSyncedAt: "2026-11-25T09:02:00Z" }), savedAt)).toBe(true);
    const failedLater = aServiceStatus({
      lastSyncedAt: "2026-11-25T08:00:00Z",
      lastError: { at: "2026-11-25T09:00:31Z", message: "Partner Center refused it", whatToDo: "Fix it" },
    });
    expect(statusCoversSave(failedLater, savedAt)).toBe(true);
  });

  it("does not count a sync from before the save, or no sync at all", () => {
    expect(statusCoversSave(aServiceStatus({ lastSyncedAt: "2026-11-25T09:00:29Z" }), savedAt)).toBe(false);
    expect(statusCoversSave(aServiceStatus({ lastSyncedAt: null, lastError: null }), savedAt)).toBe(false);
  });

  it("does not hold the panel polling over a version it can't read as a time", () => {
    expect(statusCoversSave(aServiceStatus({ lastSyncedAt: null }), "not a time")).toBe(true);
  });
});
