import { describe, expect, it } from "vitest";
import { aMicrosoftConnectedBody, aReferralBody, expectRefusal, hour, newEmulator, startTime } from "./builders";

/** A full body as a client PUTs it after reading an Active referral. */
function putBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return aReferralBody({ status: "Active", substatus: "Accepted", ...overrides });
}

describe("PUT (replace)", () => {
  it("replaces the body with a fresh If-Match, and gives a new eTag and updatedDateTime", () => {
    const { state, clock } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    clock.advance(hour);
    const replaced = state.referrals.replace(referral.id, putBody({ name: "Renamed" }), referral.eTag);

    expect(replaced.name).toBe("Renamed");
    expect(replaced.eTag).not.toBe(referral.eTag);
    expect(replaced.eTag).toMatch(/^".+"$/);
    expect(replaced.updatedDateTime).toBe(clock.now().toISOString());
    expect(replaced.createdDateTime).toBe(startTime);
    expect(state.referrals.get(referral.id)).toEqual(replaced);
  });

  it("keeps the server's members and ignores the body's links", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const body = {
      ...referral,
      id: "other",
      engagementId: "other",
      createdDateTime: "2001-01-01T00:00:00Z",
      organizationId: "other",
      organizationName: "Other",
      direction: "Incoming",
      links: { self: { uri: "http://elsewhere/x", method: "GET" } },
      name: "Renamed",
    };
    const replaced = state.referrals.replace(referral.id, body, referral.eTag);
    expect(replaced).toMatchObject({
      id: referral.id,
      engagementId: referral.engagementId,
      createdDateTime: referral.createdDateTime,
      organizationId: referral.organizationId,
      organizationName: referral.organizationName,
      direction: "Outgoing",
      name: "Renamed",
    });
    expect(replaced.links).toEqual(referral.links);
  });

  it("drops members the body leaves out, but keeps the status when it is left out", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const body = putBody();
    for (const key of ["externalReferenceId", "status", "substatus"]) Reflect.deleteProperty(body, key);
    const replaced = state.referrals.replace(referral.id, body, referral.eTag);
    expect(replaced.externalReferenceId).toBeNull();
    expect(replaced).toMatchObject({ status: "Active", substatus: "Accepted" });
  });

  it.each([undefined, "", "  "])("refuses a missing If-Match (%j) with a clear message", (ifMatch) => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expectRefusal(
      () => state.referrals.replace(referral.id, putBody({ name: "x" }), ifMatch),
      400,
      "IfMatchRequired",
      /requires an If-Match header holding the referral's eTag/,
    );
    expect(state.referrals.get(referral.id).name).toBe(referral.name);
  });

  it("refuses a stale If-Match with 412 by default, naming both eTags", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const fresh = state.referrals.replace(referral.id, putBody({ name: "First" }), referral.eTag);
    const error = expectRefusal(
      () => state.referrals.replace(referral.id, putBody({ name: "Second" }), referral.eTag),
      412,
      "PreconditionFailed",
    );
    expect(error.body.description).toContain(referral.eTag);
    expect(error.body.description).toContain(fresh.eTag);
    expect(state.referrals.get(referral.id).name).toBe("First");
  });

  it("answers a stale If-Match with 409 when configured", () => {
    const { state } = newEmulator({ staleEtagStatus: 409 });
    const referral = state.referrals.create(aReferralBody());
    expectRefusal(() => state.referrals.replace(referral.id, putBody(), '"stale"'), 409, "Conflict");
  });

  it("answers a stale If-Match with 400 and code 2055 when configured", () => {
    const { state } = newEmulator({ staleEtagStatus: 400 });
    const referral = state.referrals.create(aReferralBody());
    const error = expectRefusal(() => state.referrals.replace(referral.id, putBody(), '"stale"'), 400, "2055");
    expect(error.body.description).toBe("Etag is no longer valid");
  });

  it("compares eTags with their quotes: the bare value is stale", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const bare = referral.eTag.slice(1, -1);
    expectRefusal(() => state.referrals.replace(referral.id, putBody(), bare), 412, "PreconditionFailed");
  });

  it("accepts If-Match: * as any version", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expect(state.referrals.replace(referral.id, putBody({ name: "Any" }), "*").name).toBe("Any");
  });

  it("answers 404 for an unknown id", () => {
    const { state } = newEmulator();
    expectRefusal(() => state.referrals.replace("missing", putBody(), '"x"'), 404, "NotFound");
  });

  it("validates the body like a create", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    const error = expectRefusal(
      () => state.referrals.replace(referral.id, putBody({ type: "Joint" }), referral.eTag),
      400,
      "InvalidInput",
    );
    expect(error.body.data).toEqual([expect.objectContaining({ field: "type" })]);
  });

  it("checks status changes", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expectRefusal(
      () => state.referrals.replace(referral.id, aReferralBody({ status: "New", substatus: "Pending" }), referral.eTag),
      400,
      "InvalidStatusTransition",
      /can't move from Active\/Accepted to New\/Pending/,
    );
  });

  it("refuses to change Microsoft's side of an engagement", () => {
    const { state } = newEmulator();
    const mine = state.referrals.create(aReferralBody());
    const microsofts = state.referrals.create(aMicrosoftConnectedBody(mine.engagementId));
    expectRefusal(
      () => state.referrals.replace(microsofts.id, aMicrosoftConnectedBody(mine.engagementId), microsofts.eTag),
      403,
      "OwnedByMicrosoft",
      /only Microsoft's seller can change it/,
    );
  });
});
