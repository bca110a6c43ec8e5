import { describe, expect, it } from "vitest";
import { defaultFieldMapping, readReferral, SyncStatus, type DealFields, type Referral } from "../../../core";
import { ApiError } from "../../../server/sync/apiError";
import {
  auditLinesOf,
  formatAuditLine,
  parseAuditLine,
  prependAuditLine,
  repeatsNewestLine,
} from "../../../server/sync/audit";
import { whatToDoCatalogue } from "../../../server/sync/errors/catalogue";
import { SyncError } from "../../../server/sync/errors/syncError";
import { whatToDo } from "../../../server/sync/errors/whatToDo";
import { KeyedLock } from "../../../server/sync/keyedLock";
import { agreedFields } from "../../../server/sync/linkState";
import { isStaleETag } from "../../../server/sync/pairSync";
import { nextWatermark } from "../../../server/sync/reconcile";
import { settingsOf } from "../../../server/sync/settings";
import { writeBackValues } from "../../../server/sync/writeBack";

const at = new Date("2026-05-04T09:15:30.123Z");

describe("audit lines", () => {
  it("formats one line per sync and reads it back, advice included", () => {
    const line = formatAuditLine(at, "toPartnerCenter", "Referral 1: sent Deal value.\nSecond line", "Fix it.");
    expect(line).toBe(
      "[2026-05-04 09:15:30 UTC] Dynamics → Partner Center: Referral 1: sent Deal value. Second line What to do: Fix it.",
    );
    expect(parseAuditLine(line)).toEqual({
      at: "2026-05-04T09:15:30Z",
      direction: "toPartnerCenter",
      text: "Referral 1: sent Deal value. Second line",
      whatToDo: "Fix it.",
      line,
    });
    expect(parseAuditLine("written by someone else")).toMatchObject({ at: null, direction: null });
  });

  it("keeps the newest lines first and drops the oldest whole lines to stay within the bound", () => {
    let column: string | null = null;
    for (let index = 0; index < 50; index += 1) {
      column = prependAuditLine(column, formatAuditLine(at, "toDataverse", `change number ${index}`), 400);
    }
    const lines = auditLinesOf(column);
    expect(String(column).length).toBeLessThanOrEqual(400);
    expect(lines[0]).toContain("change number 49");
    expect(lines.every((line) => parseAuditLine(line).direction === "toDataverse")).toBe(true);
    const numbers = lines.map((line) => Number(/number (\d+)/.exec(line)?.[1]));
    expect(numbers).toEqual(numbers.map((_, index) => 49 - index));
  });

  it("treats a line that only differs in time or numbers as a repeat", () => {
    const first = formatAuditLine(at, "toPartnerCenter", "try again in about 47 hours", "Wait.");
    const later = formatAuditLine(
      new Date("2026-05-04T10:15:30Z"),
      "toPartnerCenter",
      "try again in about 46 hours",
      "Wait.",
    );
    expect(repeatsNewestLine(first, later)).toBe(true);
    expect(repeatsNewestLine(first, formatAuditLine(at, "toDataverse", "try again in about 47 hours", "Wait."))).toBe(
      false,
    );
    expect(repeatsNewestLine(null, first)).toBe(false);
  });
});

describe("the agreed deal kept between syncs", () => {
  const referral = {
    id: "r1",
    engagementId: "e1",
    name: "Deal",
    createdDateTime: at.toISOString(),
    updatedDateTime: at.toISOString(),
    status: "Active",
    substatus: "Accepted",
    type: "Independent",
    eTag: '"1"',
    details: { dealValue: 100, notes: "pc notes" },
  } as Referral;
  const partnerCenter = readReferral(referral, defaultFieldMapping);
  const with_ = (changes: Partial<DealFields>): DealFields => ({ ...partnerCenter, ...changes });

  it("takes what both sides agree on, and keeps the old agreement where they still differ", () => {
    const previous = with_({ dealValue: 50, notes: "old" });
    const agreed = agreedFields(previous, with_({ notes: "dv notes" }), partnerCenter, defaultFieldMapping);
    expect(agreed.dealValue).toBe(100);
    expect(agreed.notes).toBe("old");
  });

  it("without an earlier agreement, settles a difference for the field's owner", () => {
    const dataverse = with_({ notes: "dv notes", outcome: "Won", microsoftCrmId: null });
    const pc = with_({ microsoftCrmId: "7-ABC" });
    const agreed = agreedFields(null, dataverse, pc, defaultFieldMapping);
    // notes belong to Dynamics: Partner Center's value is the base, so Dynamics' counts as the change.
    expect(agreed.notes).toBe("pc notes");
    // the outcome and Microsoft's CRM id belong to Partner Center: Dynamics' value is the base.
    expect(agreed.outcome).toBe("Won");
    expect(agreed.microsoftCrmId).toBeNull();
  });
});

describe("watermarks", () => {
  const minute = 60_000;
  it("advance to the newest change seen minus the overlap, never backwards", () => {
    const newest = Date.parse("2026-05-04T10:00:00Z");
    expect(nextWatermark(null, null, newest, minute)).toBe("2026-05-04T09:59:00.000Z");
    expect(nextWatermark("2026-05-04T09:00:00.000Z", "x", newest, minute)).toBe("2026-05-04T09:59:00.000Z");
    expect(nextWatermark("2026-05-04T11:00:00.000Z", "x", newest, minute)).toBe("2026-05-04T11:00:00.000Z");
  });
  it("stay where they were when nothing changed, and start at the starting point on a first run", () => {
    expect(nextWatermark("2026-05-04T09:00:00.000Z", "2026-05-04T09:00:00.000Z", null, minute)).toBe(
      "2026-05-04T09:00:00.000Z",
    );
    expect(nextWatermark(null, "2026-05-04T08:00:00.000Z", null, minute)).toBe("2026-05-04T08:00:00.000Z");
    expect(nextWatermark(null, null, null, minute)).toBeNull();
  });
});

describe("what to do about an error", () => {
  const apiError = (
    api: "dataverse" | "partnerCenter" | "tokens",
    status: number,
    message: string,
    code: string | null = null,
  ) => new ApiError({ api, status, code, request: "PATCH /x", retryAfterMs: status === 429 ? 30_000 : null }, message);

  it("retries throttling and outages, with Partner Center's or Dynamics' Retry-After", () => {
    expect(whatToDo(apiError("partnerCenter", 429, "slow down"))).toMatchObject({
      code: "partnerCenterBusy",
      retryable: true,
      retryAfterMs: 30_000,
      whatToDo: "Nothing to do: the service tries again by itself.",
    });
    expect(whatToDo(apiError("dataverse", 503, "down"))).toMatchObject({ code: "dataverseBusy", retryable: true });
    expect(whatToDo(apiError("partnerCenter", 0, "connection refused"))).toMatchObject({ retryable: true });
  });

  it("parks refusals that waiting will not fix, with advice for the seller or the admin", () => {
    expect(whatToDo(apiError("partnerCenter", 401, "token rejected"))).toMatchObject({
      code: "partnerCenterAccess",
      retryable: false,
    });
    expect(whatToDo(apiError("dataverse", 403, "no privilege"))).toMatchObject({ code: "dataverseAccess" });
    expect(whatToDo(apiError("tokens", 400, "invalid_grant"))).toMatchObject({ code: "serviceSignIn" });
    expect(
      whatToDo(apiError("partnerCenter", 400, 'details.currency must be an ISO 4217 code such as USD; got "US$".'), {
        currency: "US$",
      }),
    ).toMatchObject({ code: "currencyRefused", problem: "Partner Center refused the currency 'US$'." });
    expect(
      whatToDo(apiError("partnerCenter", 400, "Referral 'r' is Closed/Won, a terminal state", "ReferralClosed")),
    ).toMatchObject({
      code: "referralClosed",
    });
    expect(whatToDo(apiError("partnerCenter", 400, "something else"))).toMatchObject({ code: "partnerCenterRefused" });
    expect(whatToDo(new Error("boom"))).toMatchObject({ code: "unexpected", problem: "Unexpected error: boom" });
    expect(whatToDo(new SyncError("createInFlight", "busy", { retryAfterMs: 5 }))).toMatchObject({
      code: "createInFlight",
      retryable: true,
      retryAfterMs: 5,
    });
  });

  it("has an explanation and an action for every entry of the catalogue (the admin guide lists them)", () => {
    for (const [code, entry] of Object.entries(whatToDoCatalogue)) {
      expect(entry.when, code).toMatch(/\.$/);
      expect(entry.whatToDo, code).toMatch(/\.$/);
      expect(entry.httpStatus, code).toBeGreaterThanOrEqual(400);
    }
  });

  it("recognises each of Partner Center's answers to a stale If-Match (partner-center.md §1.6)", () => {
    expect(isStaleETag(apiError("partnerCenter", 412, "stale"))).toBe(true);
    expect(isStaleETag(apiError("partnerCenter", 409, "stale"))).toBe(true);
    expect(isStaleETag(apiError("partnerCenter", 400, "Etag is no longer valid", "2055"))).toBe(true);
    expect(isStaleETag(apiError("partnerCenter", 400, "bad country", "InvalidInput"))).toBe(false);
    expect(isStaleETag(apiError("dataverse", 412, "stale"))).toBe(false);
  });
});

describe("settings from the environment variables", () => {
  it("falls back to the solution's defaults, reads Yes/No in any case, and lists every mapping problem", () => {
    const defaults = settingsOf({ csb_ShowCheckmark: null, csb_SyncCoSellOnly: "" });
    expect(defaults).toMatchObject({ showCheckmark: true, syncCoSellOnly: false, mappingErrors: [] });
    expect(defaults.mapping?.dealValue.column).toBe("estimatedvalue");

    const custom = settingsOf({
      CSB_SYNCCOSELLONLY: "Yes",
      csb_ShowCheckmark: "no",
      csb_DealValueField: "budgetamount",
    });
    expect(custom).toMatchObject({ showCheckmark: false, syncCoSellOnly: true });
    expect(custom.mapping?.dealValue.column).toBe("budgetamount");

    const broken = settingsOf({ csb_CountryField: "Country!", csb_FieldMapping: "{not json" });
    expect(broken.mapping).toBeNull();
    expect(broken.mappingErrors).toHaveLength(2);
    expect(broken.mappingErrors[0]).toContain("csb_CountryField");
  });
});

describe("the per-record lock", () => {
  it("runs work for one key one at a time, and other keys alongside", async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const step = (name: string, delay: number) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      events.push(`${name} end`);
    };
    await Promise.all([lock.run("a", step("a1", 20)), lock.run("a", step("a2", 1)), lock.run("b", step("b1", 1))]);
    expect(events.indexOf("a1 end")).toBeLessThan(events.indexOf("a2 start"));
    expect(events.indexOf("b1 end")).toBeLessThan(events.indexOf("a1 end"));
  });
});

describe("the write-back's csb_lastsyncedon", () => {
  const context = { now: new Date("2026-05-04T09:00:00Z"), auditMaxLength: 20_000, referralLinkTemplate: undefined };
  const synced = { direction: "toPartnerCenter", status: SyncStatus.Synced, text: null } as const;

  it("is stamped when a retry only links the referral", () => {
    const values = writeBackValues({ csb_syncstatus: SyncStatus.Pending }, { ...synced, referralId: "r-1" }, context);
    expect(values).toMatchObject({ csb_referralid: "r-1", csb_lastsyncedon: "2026-05-04T09:00:00.000Z" });
  });

  it("is stamped on a Synced row that never had it, and left alone when nothing changed", () => {
    expect(writeBackValues({ csb_syncstatus: SyncStatus.Synced }, synced, context)).toEqual({
      csb_lastsyncedon: "2026-05-04T09:00:00.000Z",
    });
    const row = { csb_syncstatus: SyncStatus.Synced, csb_lastsyncedon: "2026-05-01T00:00:00Z" };
    expect(writeBackValues(row, synced, context)).toBeNull();
  });

  it("is not stamped for an error", () => {
    const failed = { ...synced, status: SyncStatus.Error, text: "refused" };
    expect(writeBackValues({ csb_syncstatus: SyncStatus.Synced }, failed, context)).not.toHaveProperty(
      "csb_lastsyncedon",
    );
  });
});
