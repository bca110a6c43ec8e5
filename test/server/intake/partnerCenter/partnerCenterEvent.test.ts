/**
 * The event body after verification (shared/reference/partner-center.md §2.3): PascalCase members (any casing
 * tolerated), the five known events, the referral id from the last ResourceUri segment, and the change date.
 */
import { describe, expect, it } from "vitest";
import {
  IntakeError,
  parsePartnerCenterEvent,
  referralIdFromResourceUri,
  toSyncJob,
} from "../../../../server/intake/partnerCenter";

const REFERRAL_ID = "302d9c01-7bd6-4a99-b38d-bad528144545";

/** The documented example (§2.3) with its placeholder filled in. */
function documentedBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    EventName: "referral-updated",
    ResourceUri: `https://api.partnercenter.microsoft.com/engagements/v1/referrals/${REFERRAL_ID}`,
    ResourceName: "referral",
    AuditUri: null,
    ResourceChangeUtcDate: "2018-02-17T00:05:39.5485487+00:00",
    ...overrides,
  };
}

function parse(body: unknown) {
  return parsePartnerCenterEvent(Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8"));
}

function refusalOf(body: unknown): IntakeError {
  try {
    parse(body);
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error("the body was accepted");
}

describe("parsePartnerCenterEvent", () => {
  it("reads the documented example", () => {
    expect(parse(documentedBody())).toEqual({
      eventName: "referral-updated",
      referralId: REFERRAL_ID,
      resourceUri: `https://api.partnercenter.microsoft.com/engagements/v1/referrals/${REFERRAL_ID}`,
      changedAt: "2018-02-17T00:05:39.548Z",
      isTest: false,
    });
  });

  it("tolerates camelCase member names, a byte order mark and missing ResourceName and AuditUri", () => {
    const camel = {
      eventName: "referral-created",
      resourceUri: `https://x.example/r/${REFERRAL_ID}`,
      resourceChangeUtcDate: "2026-05-04T09:00:00Z",
    };
    expect(parse(camel)).toMatchObject({ eventName: "referral-created", referralId: REFERRAL_ID });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(documentedBody()))]);
    expect(parsePartnerCenterEvent(withBom).eventName).toBe("referral-updated");
  });

  it("knows the four referral events and test-created, and refuses others by name", () => {
    for (const name of [
      "referral-created",
      "referral-updated",
      "related-referral-created",
      "related-referral-updated",
    ]) {
      expect(parse(documentedBody({ EventName: name })).eventName).toBe(name);
    }
    expect(parse(documentedBody({ EventName: "test-created" })).isTest).toBe(true);
    expect(refusalOf(documentedBody({ EventName: "subscription-updated" }))).toMatchObject({
      status: 400,
      code: "invalid-event",
      message: expect.stringContaining("unsupported EventName 'subscription-updated'") as unknown,
    });
  });

  it("refuses invalid JSON and non-objects with 400 invalid-json", () => {
    for (const body of ['{"EventName":', "[]", '"text"', "null"]) {
      expect(refusalOf(body), body).toMatchObject({ status: 400, code: "invalid-json" });
    }
    expect(() => parsePartnerCenterEvent(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(/not UTF-8/);
  });

  it("names every missing member, and refuses members of the wrong type or spelled twice", () => {
    expect(refusalOf({ ResourceName: "referral", ResourceUri: null })).toMatchObject({
      status: 400,
      code: "invalid-event",
      message: "the event body is missing EventName, ResourceUri, ResourceChangeUtcDate",
    });
    expect(refusalOf(documentedBody({ EventName: 7 })).message).toBe("EventName must be a non-empty string");
    expect(refusalOf(documentedBody({ eventName: "referral-created" })).message).toContain(
      "both EventName and eventName",
    );
  });

  it("reads the change date as UTC and refuses impossible dates", () => {
    expect(parse(documentedBody({ ResourceChangeUtcDate: "2026-05-04T11:30:00.1234567+02:00" })).changedAt).toBe(
      "2026-05-04T09:30:00.123Z",
    );
    expect(parse(documentedBody({ ResourceChangeUtcDate: "2026-05-04T09:30:00.9999999Z" })).changedAt).toBe(
      "2026-05-04T09:30:00.999Z",
    );
    expect(parse(documentedBody({ ResourceChangeUtcDate: "2026-05-04T09:30:00" })).changedAt).toBe(
      "2026-05-04T09:30:00.000Z",
    );
    for (const date of ["2018-02-30T00:00:00Z", "2018-13-01T00:00:00Z", "17/02/2018", "2018-02-17T24:00:00Z"]) {
      expect(refusalOf(documentedBody({ ResourceChangeUtcDate: date })).message, date).toContain("is not an ISO 8601");
    }
  });
});

describe("referralIdFromResourceUri", () => {
  it("takes the last path segment whatever the host and prefix, ignoring query and fragment", () => {
    const id = REFERRAL_ID;
    expect(referralIdFromResourceUri(`https://api.partner.microsoft.com/v1.0/engagements/referrals/${id}`)).toBe(id);
    expect(referralIdFromResourceUri(`http://127.0.0.1:7071/v1.0/engagements/referrals/${id}?x=1#y`)).toBe(id);
  });

  it("percent-decodes the id and lower-cases a GUID so one referral has one dedupe key", () => {
    expect(referralIdFromResourceUri("https://x.example/referrals/Contoso%20Deal%20%237%20%C3%BC")).toBe(
      "Contoso Deal #7 ü",
    );
    expect(referralIdFromResourceUri(`https://x.example/referrals/${REFERRAL_ID.toUpperCase()}`)).toBe(REFERRAL_ID);
    expect(referralIdFromResourceUri("https://x.example/referrals/Mixed-Case-Id")).toBe("Mixed-Case-Id");
  });

  it("refuses a URI without a usable id", () => {
    for (const uri of [
      "https://x.example/referrals/",
      "https://x.example/referrals/%20",
      "https://x.example/referrals/a%2Fb",
      "https://x.example/referrals/%2e%2e",
      "https://x.example/referrals/%0A",
      "https://x.example/referrals/%E0%A4%A",
      `https://x.example/referrals/${"a".repeat(201)}`,
      "/v1.0/engagements/referrals/relative",
    ]) {
      expect(() => referralIdFromResourceUri(uri), uri).toThrow(IntakeError);
    }
  });
});

describe("toSyncJob", () => {
  it("makes one job per referral with a dedupe key, and ignores the validation event", () => {
    expect(toSyncJob(parse(documentedBody({ EventName: "related-referral-updated" })))).toEqual({
      kind: "partner-center-referral",
      referralId: REFERRAL_ID,
      eventName: "related-referral-updated",
      changedAt: "2018-02-17T00:05:39.548Z",
      dedupeKey: `referral:${REFERRAL_ID}`,
    });
    const test = parse(
      documentedBody({ EventName: "test-created", ResourceUri: "https://x.example/validationEvents/04af" }),
    );
    expect(toSyncJob(test)).toEqual({
      kind: "ignored",
      reason: "test-created is Partner Center's validation event (04af); there is nothing to sync",
    });
  });
});
