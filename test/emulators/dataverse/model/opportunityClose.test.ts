import { describe, expect, it } from "vitest";
import { OpportunityState, OpportunityStatus } from "../../../../core";
import { ErrorCode } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

function closeBody(opportunityId: string, extra: Record<string, unknown> = {}) {
  return { subject: "Closed", "opportunityid@odata.bind": `/opportunities(${opportunityId})`, ...extra };
}

describe("WinOpportunity (§4.2)", () => {
  it("records the opportunity close and sets Won 1 / status 3, actual revenue and close date", () => {
    const { org, accountId, usd } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    const result = org.winOpportunity({
      Status: OpportunityStatus.Won,
      OpportunityClose: closeBody(id, {
        actualrevenue: 240_000,
        actualend: "2026-03-02T15:00:00Z",
        description: "Signed",
      }),
    });
    expect(result.opportunityId).toBe(id);
    expect(org.retrieve("opportunity", id)).toMatchObject({
      statecode: OpportunityState.Won,
      statuscode: OpportunityStatus.Won,
      actualvalue: 240_000,
      actualclosedate: "2026-03-02",
      "@odata.etag": result.etag,
    });
    expect(org.retrieve("opportunityclose", result.opportunityCloseId)).toMatchObject({
      subject: "Closed",
      _opportunityid_value: id,
      actualrevenue: 240_000,
      _transactioncurrencyid_value: usd,
      description: "Signed",
      statecode: 1,
      statuscode: 2,
    });
  });

  it("takes the estimated value as actual revenue when none is given", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId, { estimatedvalue: 99_000 }));
    org.winOpportunity({ Status: 3, OpportunityClose: closeBody(id) });
    expect(org.retrieve("opportunity", id).actualvalue).toBe(99_000);
  });

  it("announces a Create of the close and then a Win of the opportunity with the action's parameters", () => {
    const { org, accountId, events } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    events.length = 0;
    org.winOpportunity({ Status: 3, OpportunityClose: closeBody(id) }, { correlationId: "corr-win" });
    expect(events.map((event) => `${event.message} ${event.table}`)).toEqual([
      "Create opportunityclose",
      "Win opportunity",
    ]);
    const win = events[1];
    expect(win?.changedAttributes).toEqual(
      expect.arrayContaining(["statecode", "statuscode", "actualvalue", "actualclosedate"]),
    );
    expect(win?.preImage?.statecode).toEqual({ type: "State", value: 0 });
    expect(win?.postImage?.statecode).toEqual({ type: "State", value: 1 });
    expect(win?.closeRequest?.status).toBe(3);
    expect(win?.closeRequest?.opportunityClose.opportunityid).toEqual({
      type: "Lookup",
      value: { logicalName: "opportunity", id },
    });
    expect(events.every((event) => event.correlationId === "corr-win")).toBe(true);
  });
});

describe("LoseOpportunity (§4.2)", () => {
  it.each([
    [OpportunityStatus.Canceled, "Canceled"],
    [OpportunityStatus.OutSold, "Out-Sold"],
  ])("closes as Lost with status %i (%s)", (status, label) => {
    const { org, accountId, events } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    org.loseOpportunity({ Status: status, OpportunityClose: closeBody(id) });
    const row = org.retrieve("opportunity", id, { includeAnnotations: "OData.Community.Display.V1.FormattedValue" });
    expect(row).toMatchObject({ statecode: 2, statuscode: status, actualvalue: null });
    expect(row["statuscode@OData.Community.Display.V1.FormattedValue"]).toBe(label);
    expect(events.at(-1)?.message).toBe("Lose");
  });

  it("refuses Won's status, and Win refuses Lost's", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    expectRefusal(
      () => org.loseOpportunity({ Status: 3, OpportunityClose: closeBody(id) }),
      400,
      ErrorCode.invalidArgument,
      /3 is not a status reason that LoseOpportunity can set/,
    );
    expectRefusal(
      () => org.winOpportunity({ Status: 4, OpportunityClose: closeBody(id) }),
      400,
      ErrorCode.invalidArgument,
      /WinOpportunity/,
    );
    expect(org.retrieve("opportunity", id).statecode).toBe(0);
    expect(org.retrieveMultiple("opportunityclose").value).toEqual([]);
  });
});

describe("closing rules", () => {
  it.each([
    ["statecode Won", { statecode: 1 }],
    ["statecode Lost", { statecode: 2, statuscode: 5 }],
    ["a Won status reason", { statuscode: 3 }],
  ])("refuses to close an opportunity by update (%s)", (_what, body) => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    expectRefusal(
      () => org.update("opportunity", id, body),
      400,
      ErrorCode.invalidArgument,
      /use the WinOpportunity or LoseOpportunity action/,
    );
    expect(org.retrieve("opportunity", id).statecode).toBe(0);
  });

  it("refuses to create an opportunity that is already closed", () => {
    const { org, accountId } = newOrganization();
    expectRefusal(
      () => org.create("opportunity", anOpportunity(accountId, { statecode: 1 })),
      400,
      ErrorCode.invalidArgument,
      /WinOpportunity/,
    );
  });

  it("allows On Hold while open, and refuses a status reason of another state", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    org.update("opportunity", id, { statuscode: OpportunityStatus.OnHold });
    expect(org.retrieve("opportunity", id)).toMatchObject({ statecode: 0, statuscode: 2 });
    expectRefusal(
      () => org.update("contact", org.create("contact", { lastname: "X" }).id, { statecode: 0, statuscode: 2 }),
      400,
      ErrorCode.invalidArgument,
      /2 is not a valid status code for state code contactState\.Active/,
    );
  });

  it("refuses to close an opportunity twice, and reopens by setting statecode back to Open", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    org.loseOpportunity({ Status: 4, OpportunityClose: closeBody(id) });
    expectRefusal(
      () => org.winOpportunity({ Status: 3, OpportunityClose: closeBody(id) }),
      400,
      ErrorCode.invalidArgument,
      /is not open/,
    );
    org.update("opportunity", id, { statecode: OpportunityState.Open });
    expect(org.retrieve("opportunity", id)).toMatchObject({ statecode: 0, statuscode: 1 });
    org.winOpportunity({ Status: 3, OpportunityClose: closeBody(id) });
    expect(org.retrieve("opportunity", id).statecode).toBe(1);
  });

  it("refuses malformed action bodies and a close that binds no opportunity", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    expectRefusal(() => org.winOpportunity(null), 400, ErrorCode.payloadError, /Status and OpportunityClose/);
    expectRefusal(
      () => org.winOpportunity({ Status: "3", OpportunityClose: closeBody(id) }),
      400,
      ErrorCode.payloadError,
      /Status must be a whole number/,
    );
    expectRefusal(
      () => org.winOpportunity({ Status: 3 }),
      400,
      ErrorCode.payloadError,
      /OpportunityClose must be an object/,
    );
    expectRefusal(
      () => org.winOpportunity({ Status: 3, OpportunityClose: { subject: "x" } }),
      400,
      ErrorCode.invalidArgument,
      /opportunityid@odata\.bind/,
    );
    expectRefusal(
      () => org.winOpportunity({ Status: 3, OpportunityClose: closeBody("00000000-0000-4000-8000-000000000999") }),
      404,
      ErrorCode.objectDoesNotExist,
      /opportunity With Id/,
    );
  });
});
