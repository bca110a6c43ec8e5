import { describe, expect, it } from "vitest";
import { aMicrosoftConnectedBody, aReferralBody, expectRefusal, newEmulator, startTime } from "./builders";

describe("creating a referral", () => {
  it("starts a partner's referral Active/Accepted whatever status it sent, with the server's members", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody({ status: "New", substatus: "Pending" }));

    expect(referral).toMatchObject({
      status: "Active",
      substatus: "Accepted",
      direction: "Outgoing",
      organizationId: "4f7c2a10-3b9e-4d61-8a52-0c6e9b1d7f30",
      organizationName: "Contoso Consulting",
      mpnId: "6100001",
      createdDateTime: startTime,
      updatedDateTime: startTime,
      acceptedDateTime: startTime,
      closedDateTime: null,
      name: "Fabrikam warehouse modernisation",
      externalReferenceId: "7d3f1c2e-5b7a-4e0f-9c1d-2a6b8e4f0a11",
    });
    expect(referral.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(referral.engagementId).toMatch(/^[0-9a-f-]{36}$/);
    expect(referral.engagementId).not.toBe(referral.id);
  });

  it("gives an eTag that carries its own literal double quotes", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expect(referral.eTag).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(JSON.stringify({ eTag: referral.eTag })).toContain('"eTag":"\\"');
  });

  it("links to itself and to the referrals of its engagement under the API base URL", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expect(referral.links).toEqual({
      self: { uri: `http://localhost:7310/v1.0/engagements/referrals/${referral.id}`, method: "GET" },
      relatedReferrals: {
        uri: `http://localhost:7310/v1.0/engagements/referrals?$filter=engagementId eq '${referral.engagementId}'`,
        method: "GET",
      },
    });
  });

  it("follows a change of API base URL after start, without a trailing slash doubling", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    state.setApiBaseUrl("http://127.0.0.1:9000/");
    expect(state.referrals.get(referral.id).links?.self?.uri).toBe(
      `http://127.0.0.1:9000/v1.0/engagements/referrals/${referral.id}`,
    );
    expect(state.apiBaseUrl).toBe("http://127.0.0.1:9000");
  });

  it("ignores server-owned members in the body", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(
      aReferralBody({
        id: "chosen-by-client",
        createdDateTime: "2001-01-01T00:00:00Z",
        eTag: '"client"',
        organizationId: "someone-else",
        direction: "Incoming",
        links: { self: { uri: "http://elsewhere", method: "GET" } },
      }),
    );
    expect(referral.id).not.toBe("chosen-by-client");
    expect(referral.createdDateTime).toBe(startTime);
    expect(referral.eTag).not.toBe('"client"');
    expect(referral.organizationId).not.toBe("someone-else");
    expect(referral.direction).toBe("Outgoing");
    expect(referral.links?.self?.uri).toContain("localhost:7310");
  });

  it("fills the members the live service always sends", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody({ team: undefined, target: undefined }));
    expect(referral.trackingInfo?.microsoftMsxId).toBeNull();
    expect(referral.registrations).toEqual([]);
    expect(referral.team).toEqual([]);
    expect(referral.target).toEqual([]);
  });

  it("returns copies: changing a returned referral changes nothing stored", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    referral.name = "changed by the caller";
    expect(state.referrals.get(referral.id).name).toBe("Fabrikam warehouse modernisation");
  });

  it("stores a numeric-string dealValue as a number", () => {
    const { state } = newEmulator();
    const body = aReferralBody();
    (body.details as Record<string, unknown>).dealValue = "10000";
    expect(state.referrals.create(body).details?.dealValue).toBe(10000);
  });
});

describe("the connected referral for Microsoft (shared deal)", () => {
  it("joins the engagement it names and waits New/Pending for Microsoft's answer", () => {
    const { state } = newEmulator();
    const mine = state.referrals.create(aReferralBody());
    const microsofts = state.referrals.create(aMicrosoftConnectedBody(mine.engagementId));

    expect(microsofts.engagementId).toBe(mine.engagementId);
    expect(microsofts.id).not.toBe(mine.id);
    expect(microsofts).toMatchObject({ status: "New", substatus: "Pending", acceptedDateTime: null });
    expect(state.referrals.related(mine.engagementId).map((referral) => referral.id)).toEqual([mine.id, microsofts.id]);
  });

  it("refuses an engagementId that names no engagement", () => {
    const { state } = newEmulator();
    expectRefusal(
      () => state.referrals.create(aMicrosoftConnectedBody("00000000-0000-4000-8000-000000000000")),
      400,
      "EngagementNotFound",
      /00000000-0000-4000-8000-000000000000/,
    );
  });

  it("refuses a second Microsoft referral in the same engagement", () => {
    const { state } = newEmulator();
    const mine = state.referrals.create(aReferralBody());
    const first = state.referrals.create(aMicrosoftConnectedBody(mine.engagementId));
    const error = expectRefusal(
      () => state.referrals.create(aMicrosoftConnectedBody(mine.engagementId)),
      409,
      "MicrosoftReferralExists",
    );
    expect(error.body.description).toContain(first.id);
  });

  it("lets a partner referral join an existing engagement too", () => {
    const { state } = newEmulator();
    const mine = state.referrals.create(aReferralBody());
    const second = state.referrals.create(aReferralBody({ engagementId: mine.engagementId, name: "Phase two" }));
    expect(second.engagementId).toBe(mine.engagementId);
    expect(second.status).toBe("Active");
  });

  it("creates as another organisation when asked", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody({ target: [] }), {
      asOrganization: { organizationId: "msft", organizationName: "Microsoft" },
    });
    expect(referral).toMatchObject({ organizationId: "msft", organizationName: "Microsoft", mpnId: null });
    expect(referral.status).toBe("Active");
  });
});

describe("tolerant input casing", () => {
  it("accepts PascalCase keys at any depth and answers in camelCase", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create({
      Name: "Pascal deal",
      Type: "Independent",
      Substatus: "Pending",
      CustomerProfile: { Name: "Woodgrove", Address: { Country: "GB", City: "London" } },
      Consent: { ConsentToToShareInfoWithOthers: true, ConsentToShareReferralWithMicrosoftSellers: false },
      Details: { DealValue: 1200, Currency: "GBP" },
    });
    expect(referral.name).toBe("Pascal deal");
    expect(referral.type).toBe("Independent");
    expect(referral.customerProfile?.address?.country).toBe("GB");
    expect(referral.consent).toEqual({
      consentToToShareInfoWithOthers: true,
      consentToShareReferralWithMicrosoftSellers: false,
    });
    expect(Object.keys(referral)).not.toContain("Name");
  });

  it("prefers the camelCase spelling when both are sent", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody({ Name: "Pascal", name: "camel" }));
    expect(referral.name).toBe("camel");
  });

  it("reads PascalCase keys as missing members when the option is off", () => {
    const { state } = newEmulator({ caseInsensitiveInput: false });
    const { name, ...rest } = aReferralBody();
    expectRefusal(() => state.referrals.create({ ...rest, Name: name }), 400, "InvalidInput", /name is required/);
  });
});

describe("create validation", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing name", { name: undefined }, "name", /name is required/],
    ["a blank name", { name: "  " }, "name", /name is required/],
    ["a missing type", { type: undefined }, "type", /type must be one of Independent, Shared; got nothing/],
    ["an unknown type", { type: "Private" }, "type", /type must be one of Independent, Shared; got 'Private'/],
    ["a missing customerProfile", { customerProfile: undefined }, "customerProfile", /customerProfile is required/],
    ["a missing consent", { consent: undefined }, "consent", /consent is required/],
    ["a missing details", { details: undefined }, "details", /details is required/],
    ["an unknown qualification", { qualification: "Hot" }, "qualification", /SalesQualified; got 'Hot'/],
    ["an unknown status", { status: "Open" }, "status", /status must be one of None, New, Active, Closed/],
    ["an unknown substatus", { substatus: "Engaged" }, "substatus", /substatus must be one of .*Expired; got/],
    [
      "an unknown assistance code",
      { inviteContext: { assistanceRequestCode: "TechnicalAssistance" } },
      "inviteContext.assistanceRequestCode",
      /GeneralOrOther.*got 'TechnicalAssistance'/,
    ],
    [
      "an unknown target type",
      { target: [{ type: "Partner", id: "x" }] },
      "target[0].type",
      /target\[0\]\.type must be one of None, BusinessProfileLocation, SolutionProfile/,
    ],
    ["a team that is not an array", { team: "Sam" }, "team", /team must be an array/],
  ];

  it.each(cases)("refuses %s, naming the field", (_, overrides, field, message) => {
    const { state } = newEmulator();
    const body = aReferralBody();
    for (const [key, value] of Object.entries(overrides)) {
      if (value === undefined) Reflect.deleteProperty(body, key);
      else body[key] = value;
    }
    const error = expectRefusal(() => state.referrals.create(body), 400, "InvalidInput", message);
    expect(error.body.data).toContainEqual(expect.objectContaining({ field }));
  });

  it.each([
    ["missing", undefined, /country is required: an ISO 3166 alpha-2 code/],
    ["three letters", "USA", /ISO 3166 alpha-2 code such as US; got 'USA'/],
    ["lower case", "us", /got 'us'/],
    ["a reserved code", "UK", /got 'UK'/],
  ])("refuses a customer country that is %s", (_, country, message) => {
    const { state } = newEmulator();
    const body = aReferralBody({
      customerProfile: { name: "Fabrikam", address: country === undefined ? { city: "Seattle" } : { country } },
    });
    const error = expectRefusal(() => state.referrals.create(body), 400, "InvalidInput", message);
    expect(error.body.data).toEqual([expect.objectContaining({ field: "customerProfile.address.country" })]);
  });

  it.each([
    ["a non-numeric dealValue", { dealValue: "ten thousand" }, "details.dealValue", /must be a number/],
    ["an unknown currency", { currency: "XYZ" }, "details.currency", /ISO 4217 code such as USD; got 'XYZ'/],
    ["a bad closing date", { closingDateTime: "31/03/2027" }, "details.closingDateTime", /ISO 8601/],
  ])("refuses %s", (_, details, field, message) => {
    const { state } = newEmulator();
    const error = expectRefusal(() => state.referrals.create(aReferralBody({ details })), 400, "InvalidInput", message);
    expect(error.body.data).toEqual([expect.objectContaining({ field })]);
  });

  it("names every problem of a body at once", () => {
    const { state } = newEmulator();
    const error = expectRefusal(
      () => state.referrals.create({ type: "Other", customerProfile: { address: {} } }),
      400,
      "InvalidInput",
    );
    const fields = (error.body.data as { field: string }[]).map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(["name", "type", "customerProfile.name", "customerProfile.address.country", "consent"]),
    );
  });

  it("refuses a body that is not an object", () => {
    const { state } = newEmulator();
    expectRefusal(() => state.referrals.create([aReferralBody()]), 400, "InvalidInput", /JSON object/);
    expectRefusal(() => state.referrals.create(null), 400, "InvalidInput");
  });

  it("keeps a description within Partner Center's 1024 characters even for many problems", () => {
    const { state } = newEmulator();
    const team = Array.from({ length: 60 }, () => "not a member");
    const error = expectRefusal(() => state.referrals.create(aReferralBody({ team })), 400, "InvalidInput");
    expect(error.body.description).toHaveLength(1024);
    expect(error.body.data).toHaveLength(60);
  });
});

describe("get", () => {
  it("returns a stored referral and a clear 404 for an unknown id", () => {
    const { state } = newEmulator();
    const referral = state.referrals.create(aReferralBody());
    expect(state.referrals.get(referral.id)).toEqual(referral);
    expectRefusal(() => state.referrals.get("no-such-id"), 404, "NotFound", /No referral has the id 'no-such-id'/);
  });
});
