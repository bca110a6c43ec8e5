import { describe, expect, it } from "vitest";
import { ErrorCode, versionOfEtag } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization } from "./builders";

describe("transactions", () => {
  it("apply all writes and announce them only after the work returns", () => {
    const { org, accountId, events } = newOrganization();
    const heardDuringWork: number[] = [];
    const ids = org.transaction((tx) => {
      const first = tx.create("opportunity", anOpportunity(accountId, { name: "One" })).id;
      heardDuringWork.push(events.length);
      const second = tx.create("opportunity", anOpportunity(accountId, { name: "Two" })).id;
      tx.update("account", accountId, { name: "Renamed" });
      return [first, second];
    });
    expect(heardDuringWork).toEqual([0]);
    expect(events.map((event) => `${event.message} ${event.table}`)).toEqual([
      "Create opportunity",
      "Create opportunity",
      "Update account",
    ]);
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(1);
    expect(ids.map((id) => org.retrieve("opportunity", id).name)).toEqual(["One", "Two"]);
  });

  it("undo every write and announce nothing when the work throws", () => {
    const { org, accountId, events } = newOrganization();
    const before = versionOfEtag(org.create("contact", { lastname: "Before" }).etag) ?? 0;
    events.length = 0;
    expectRefusal(
      () => {
        org.transaction((tx) => {
          tx.create("opportunity", anOpportunity(accountId, { name: "Doomed" }));
          tx.update("account", accountId, { name: "Doomed too" });
          tx.update("account", accountId, { name: "x".repeat(500) });
        });
      },
      400,
      ErrorCode.stringTooLong,
      /'name'/,
    );
    expect(events).toEqual([]);
    expect(org.retrieveMultiple("opportunity", { filter: "name eq 'Doomed'" }).value).toEqual([]);
    expect(org.retrieve("account", accountId).name).toBe("Fabrikam Ltd");
    // The version counter is restored too, so the next write follows the last committed one.
    expect(versionOfEtag(org.create("contact", { lastname: "After" }).etag)).toBe(before + 1);
  });

  it("undo a Win inside a failed transaction, including its opportunity close", () => {
    const { org, accountId } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    expect(() =>
      org.transaction((tx) => {
        tx.winOpportunity({
          Status: 3,
          OpportunityClose: { subject: "Won", "opportunityid@odata.bind": `/opportunities(${id})` },
        });
        throw new Error("change set failed");
      }),
    ).toThrow("change set failed");
    expect(org.retrieve("opportunity", id).statecode).toBe(0);
    expect(org.retrieveMultiple("opportunityclose").value).toEqual([]);
  });

  it("leave no trace of a failed write the work catches, and keep the others", () => {
    const { org, accountId, events } = newOrganization();
    org.transaction((tx) => {
      tx.create("account", { name: "Kept" });
      try {
        tx.create("opportunity", anOpportunity(accountId, { salesstage: 42 }));
      } catch {
        // a caller may carry on after a refused write
      }
    });
    expect(events.map((event) => event.table)).toEqual(["account"]);
    expect(org.retrieveMultiple("opportunity").value).toEqual([]);
  });

  it("drop the writes and events of a nested transaction that fails while the outer one carries on", () => {
    const { org, events } = newOrganization();
    org.transaction((outer) => {
      expect(() =>
        outer.transaction((inner) => {
          inner.create("account", { name: "Inner" });
          throw new Error("inner fails");
        }),
      ).toThrow("inner fails");
      outer.create("account", { name: "Outer" });
    });
    expect(events.map((event) => event.target.name?.value)).toEqual(["Outer"]);
    expect(org.retrieveMultiple("account", { filter: "name eq 'Inner'" }).value).toEqual([]);
  });

  it("join an enclosing transaction when nested", () => {
    const { org, events } = newOrganization();
    expect(() =>
      org.transaction((outer) => {
        outer.transaction((inner) => inner.create("account", { name: "Inner" }));
        expect(events).toEqual([]);
        throw new Error("outer fails");
      }),
    ).toThrow("outer fails");
    expect(org.retrieveMultiple("account", { filter: "name eq 'Inner'" }).value).toEqual([]);
  });

  it("refuse asynchronous work and undo what it did before its first await", async () => {
    const { org } = newOrganization();
    let promise: Promise<void> | undefined;
    expect(() =>
      org.transaction((tx) => {
        tx.create("account", { name: "Before await" });
        promise = Promise.resolve();
        return promise;
      }),
    ).toThrow(/must be synchronous/);
    await promise;
    expect(org.retrieveMultiple("account", { filter: "name eq 'Before await'" }).value).toEqual([]);
  });
});
