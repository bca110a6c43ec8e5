import { describe, expect, it } from "vitest";
import { auditTimelineOf, parseAuditLine } from "../../../controls/CoSellPanel/model/auditTimeline";
import { formatAuditLine, prependAuditLine } from "../../../server/sync/audit";
import { english, russian } from "../support/strings";

const utc = { locale: "en-US", timeZone: "UTC" };

describe("the audit trail", () => {
  it("reads the lines the sync service writes, newest first, with direction and advice", () => {
    // Built with the service's own writer, so a change to its format breaks this test.
    let column: string | null = null;
    column = prependAuditLine(
      column,
      formatAuditLine(new Date("2026-11-24T08:00:00Z"), "toPartnerCenter", "Created referral 1b2c."),
      20_000,
    );
    column = prependAuditLine(
      column,
      formatAuditLine(
        new Date("2026-11-25T09:00:12Z"),
        "service",
        "Partner Center refused: country missing.",
        "Fill in the country.",
      ),
      20_000,
    );
    const entries = auditTimelineOf(column, utc, english);
    expect(entries.map(({ at, direction, text, whatToDo }) => ({ at, direction, text, whatToDo }))).toEqual([
      {
        at: "2026-11-25T09:00:12Z",
        direction: "Co-sell Bridge",
        text: "Partner Center refused: country missing.",
        whatToDo: "Fill in the country.",
      },
      {
        at: "2026-11-24T08:00:00Z",
        direction: "Dynamics → Partner Center",
        text: "Created referral 1b2c.",
        whatToDo: null,
      },
    ]);
    expect(entries[0]?.when).toMatch(/^Nov 25, 2026, 9:00\sAM$/);
  });

  it("says the direction and time in the user's language", () => {
    const line = formatAuditLine(new Date("2026-11-24T08:00:00Z"), "toDataverse", "Updated the opportunity.");
    const [entry] = auditTimelineOf(line, { locale: "ru-RU", timeZone: "UTC" }, russian);
    expect(entry).toMatchObject({ direction: "Partner Center → Dynamics", when: "24 нояб. 2026 г., 08:00" });
  });

  it("keeps lines it can't read as plain text, in place, and ignores blank lines", () => {
    const column = [
      "[2026-11-25 09:00:00 UTC] Co-sell Bridge: Newest.",
      "  a note someone typed by hand  ",
      "",
      "[2026-11-24 09:00:00 UTC] Co-sell Bridge: Older.",
      "[2026-13-45 99:00:00 UTC] Co-sell Bridge: Impossible date.",
    ].join("\r\n");
    const entries = auditTimelineOf(column, utc, english);
    expect(entries.map((entry) => entry.text)).toEqual([
      "Newest.",
      "a note someone typed by hand",
      "Older.",
      "[2026-13-45 99:00:00 UTC] Co-sell Bridge: Impossible date.",
    ]);
    expect(entries[1]).toMatchObject({ at: null, when: null, direction: null });
  });

  it("puts the newest first even when the column was edited out of order", () => {
    const column = [
      "[2026-11-20 09:00:00 UTC] Co-sell Bridge: Old.",
      "[2026-11-25 09:00:00 UTC] Co-sell Bridge: New.",
    ].join("\n");
    expect(auditTimelineOf(column, utc, english).map((entry) => entry.text)).toEqual(["New.", "Old."]);
  });

  it("keeps a direction it doesn't know as written, and gives an empty column no entries", () => {
    expect(parseAuditLine("[2026-11-25 09:00:00 UTC] Some robot: Did things.")).toMatchObject({
      directionLabel: "Some robot",
      text: "Did things.",
    });
    expect(auditTimelineOf("[2026-11-25 09:00:00 UTC] Some robot: Did things.", utc, english)[0]?.direction).toBe(
      "Some robot",
    );
    expect(auditTimelineOf(null, utc, english)).toEqual([]);
    expect(auditTimelineOf(" \n ", utc, english)).toEqual([]);
  });
});
