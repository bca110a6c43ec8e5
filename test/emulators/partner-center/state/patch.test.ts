import { describe, expect, it } from "vitest";
import { aReferralBody, expectRefusal, hour, newEmulator } from "./builders";

function withReferral(options: Parameters<typeof newEmulator>[0] = {}) {
  const emulator = newEmulator(options);
  const referral = emulator.state.referrals.create(aReferralBody());
  return { ...emulator, referral };
}

describe("PATCH (JSON Patch)", () => {
  it("applies the documented replace example, storing the string dealValue as a number", () => {
    const { state, clock, referral } = withReferral();
    clock.advance(hour);
    const patched = state.referrals.patch(referral.id, [
      { op: "replace", path: "/details/dealValue", value: "10000" },
      { op: "replace", path: "/details/notes", value: "Lorem ipsum dolor sit amet." },
    ]);
    expect(patched.details?.dealValue).toBe(10000);
    expect(patched.details?.notes).toBe("Lorem ipsum dolor sit amet.");
    expect(patched.details?.currency).toBe("USD");
    expect(patched.eTag).not.toBe(referral.eTag);
    expect(patched.updatedDateTime).toBe(clock.now().toISOString());
    expect(state.referrals.get(referral.id)).toEqual(patched);
  });

  it("appends to an array with the documented add /team/-", () => {
    const { state, referral } = withReferral();
    const jane = { email: "jane.doe@contoso.com", firstName: "Jane", lastName: "Doe", phoneNumber: "0000000001" };
    const patched = state.referrals.patch(referral.id, [{ op: "add", path: "/team/-", value: jane }]);
    expect(patched.team).toEqual([...(referral.team ?? []), jane]);
  });

  it("adds a new member, inserts at an array index and replaces an array element", () => {
    const { state, referral } = withReferral();
    const first = { firstName: "First", email: "first@contoso.example" };
    const patched = state.referrals.patch(referral.id, [
      { op: "add", path: "/salesStage", value: "Develop" },
      { op: "add", path: "/customerProfile/team/0", value: first },
      { op: "replace", path: "/customerProfile/team/1/phoneNumber", value: "0100000009" },
      { op: "add", path: "/details/requirements/industries", value: ["Retail"] },
    ]);
    expect(patched.salesStage).toBe("Develop");
    expect(patched.customerProfile?.team?.[0]).toEqual(first);
    expect(patched.customerProfile?.team?.[1]?.phoneNumber).toBe("0100000009");
    expect(patched.details?.requirements?.industries).toEqual(["Retail"]);
  });

  it("replaces a whole object that was null, the way a client fills inviteContext", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody({ inviteContext: null }));
    const patched = state.referrals.patch(referral.id, [
      { op: "replace", path: "/inviteContext", value: { assistanceRequestCode: "QuotesOrLicensing", notes: null } },
    ]);
    expect(patched.inviteContext?.assistanceRequestCode).toBe("QuotesOrLicensing");
  });

  it.each(["remove", "move", "copy", "test", "Replace"])("refuses op %s, naming it", (op) => {
    const { state, referral } = withReferral();
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op, path: "/details/notes", value: "x", from: "/name" }]),
      400,
      "InvalidPatch",
      new RegExp(`op '${op}'; the Referrals API supports only 'replace' and 'add'`),
    );
  });

  it("refuses replace of a missing member and points to add", () => {
    const { state, referral } = withReferral();
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "replace", path: "/favorite", value: true }]),
      400,
      "InvalidPatch",
      /replace \/favorite\) targets a member that doesn't exist; use 'add'/,
    );
  });

  it("refuses a path whose parent doesn't exist, for add and replace", () => {
    const { state, referral } = withReferral();
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "add", path: "/nothing/here", value: 1 }]),
      400,
      "InvalidPatch",
      /\/nothing doesn't exist/,
    );
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "replace", path: "/team/7/email", value: "x@y.z" }]),
      400,
      "InvalidPatch",
      /\/team\/7 doesn't exist/,
    );
  });

  it("refuses array indexes beyond the end and '-' for replace", () => {
    const { state, referral } = withReferral();
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "add", path: "/team/5", value: {} }]),
      400,
      "InvalidPatch",
      /an index up to 1 or '-'/,
    );
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "replace", path: "/team/-", value: {} }]),
      400,
      "InvalidPatch",
      /an index below 1/,
    );
  });

  it.each(["/id", "/engagementId", "/eTag", "/createdDateTime", "/updatedDateTime", "/links", "/links/self/uri"])(
    "refuses %s, which only Partner Center sets",
    (path) => {
      const { state, referral } = withReferral();
      expectRefusal(
        () => state.referrals.patch(referral.id, [{ op: "replace", path, value: "x" }]),
        400,
        "ReadOnlyField",
        /only Partner Center sets/,
      );
    },
  );

  it("applies all operations or none", () => {
    const { state, referral } = withReferral();
    expectRefusal(
      () =>
        state.referrals.patch(referral.id, [
          { op: "replace", path: "/name", value: "Changed" },
          { op: "add", path: "/team/-", value: { email: "new@contoso.example" } },
          { op: "remove", path: "/details/notes" },
        ]),
      400,
      "InvalidPatch",
      /operation 2/,
    );
    expect(state.referrals.get(referral.id)).toEqual(referral);
  });

  it("validates the patched referral as a whole", () => {
    const { state, referral } = withReferral();
    const error = expectRefusal(
      () =>
        state.referrals.patch(referral.id, [{ op: "replace", path: "/customerProfile/address/country", value: "XX" }]),
      400,
      "InvalidInput",
    );
    expect(error.body.data).toEqual([expect.objectContaining({ field: "customerProfile.address.country" })]);
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "replace", path: "/details/dealValue", value: "lots" }]),
      400,
      "InvalidInput",
      /details\.dealValue must be a number/,
    );
    expect(state.referrals.get(referral.id)).toEqual(referral);
  });

  it.each([[[]], [{}], ["replace"], [null]])("refuses a body that is not a non-empty patch array: %j", (body) => {
    const { state, referral } = withReferral();
    expectRefusal(() => state.referrals.patch(referral.id, body), 400, "InvalidPatch", /non-empty JSON Patch array/);
  });

  it("refuses malformed operations, naming their position", () => {
    const { state, referral } = withReferral();
    const patch = (operation: unknown) => () => state.referrals.patch(referral.id, [operation]);
    expectRefusal(patch("replace"), 400, "InvalidPatch", /operation 0 must be an object/);
    expectRefusal(patch({ op: "replace", path: "name", value: "x" }), 400, "InvalidPatch", /starts with '\/'/);
    expectRefusal(patch({ op: "replace", path: "/name" }), 400, "InvalidPatch", /has no value/);
    expectRefusal(patch({ op: "add", path: "/", value: 1 }), 400, "InvalidPatch", /must name a member/);
  });

  it("reads PascalCase operation keys and path segments when input is case-insensitive", () => {
    const { state, referral } = withReferral();
    const patched = state.referrals.patch(referral.id, [
      { Op: "replace", Path: "/Details/Notes", Value: "Pascal" },
      { op: "add", path: "/Team/-", value: { FirstName: "Kim" } },
    ]);
    expect(patched.details?.notes).toBe("Pascal");
    expect(patched.team?.at(-1)).toEqual({ firstName: "Kim" });
  });

  it("decodes ~1 and ~0 in path segments", () => {
    const { state, referral } = withReferral();
    const escaped = state.referrals.patch(referral.id, [
      { op: "add", path: "/customerProfile/a~1b~0c", value: "escaped" },
    ]);
    expect((escaped.customerProfile as Record<string, unknown>)["a/b~c"]).toBe("escaped");
  });
});

describe("PATCH and If-Match", () => {
  it("works without If-Match", () => {
    const { state, referral } = withReferral();
    expect(state.referrals.patch(referral.id, [{ op: "replace", path: "/name", value: "No header" }]).name).toBe(
      "No header",
    );
  });

  it("checks If-Match when present", () => {
    const { state, referral } = withReferral();
    const ops = [{ op: "replace", path: "/name", value: "Checked" }];
    const patched = state.referrals.patch(referral.id, ops, referral.eTag);
    expect(patched.name).toBe("Checked");
    expectRefusal(() => state.referrals.patch(referral.id, ops, referral.eTag), 412, "PreconditionFailed");
  });

  it.each([
    [409, "Conflict"],
    [400, "2055"],
  ] as const)("answers a stale If-Match with %i when configured", (staleEtagStatus, code) => {
    const { state, referral } = withReferral({ staleEtagStatus });
    expectRefusal(
      () => state.referrals.patch(referral.id, [{ op: "replace", path: "/name", value: "x" }], '"old"'),
      staleEtagStatus,
      code,
    );
  });

  it("answers 404 for an unknown id before looking at the body", () => {
    const { state } = newEmulator();
    expectRefusal(() => state.referrals.patch("missing", []), 404, "NotFound");
  });
});
