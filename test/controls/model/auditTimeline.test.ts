import { describe, expect, it } from "vitest";
import {
  auditTimelineOf,
  freshestAuditColumn,
  parseAuditLine,
} from "../../../controls/CoSellPanel/model/auditTimeline";
import { buildPanelViewModel } from "../../../controls/CoSellPanel/model/viewModel";
import { formatAuditLine, prependAuditLine } from "../../../server/sync/audit";
import { aServiceStatus, anInputs, field, now, someData } from "../support/builders";
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

describe("the freshest audit trail", () => {
  const created = formatAuditLine(new Date("2026-11-24T08:00:00Z"), "toPartnerCenter", "Created referral 1b2c.");
  const updated = formatAuditLine(new Date("2026-11-25T09:00:12Z"), "toPartnerCenter", "Sent Deal value.");
  const status = aServiceStatus({
    audit: [updated, created].map((line) => ({ at: parseAuditLine(line).at ?? "", text: "", line })),
  });

  it("takes the service's lines when they are newer than the form's copy, which the write-back left stale", () => {
    expect(freshestAuditColumn(created, [updated, created])).toBe(`${updated}\n${created}`);
    expect(freshestAuditColumn(null, [created])).toBe(created);
  });

  it("keeps the form's column when it is as new as the service's, or the service has no lines it can read", () => {
    const column = `${updated}\n${created}`;
    expect(freshestAuditColumn(column, [updated])).toBe(column);
    expect(freshestAuditColumn(column, [])).toBe(column);
    expect(freshestAuditColumn(column, ["typed by hand"])).toBe(column);
  });

  it("shows the service's newer lines on the panel, but never a column field security hides", () => {
    const context = { now, t: english, timeZone: "UTC" };
    const data = someData({ service: { kind: "loaded", status } });
    const stale = buildPanelViewModel(anInputs({ audit: field<string | null>(created) }), data, context);
    expect(stale.audit.entries.map((entry) => entry.text)).toEqual(["Sent Deal value.", "Created referral 1b2c."]);

    const hidden = anInputs({ audit: field<string | null>(null, { readable: false }) });
    expect(buildPanelViewModel(hidden, data, context).audit.entries).toEqual([]);
  });
});
