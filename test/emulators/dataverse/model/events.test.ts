import { describe, expect, it, vi } from "vitest";
import { ErrorCode, systemUserId, type ChangeEvent } from "../../../../emulators/dataverse/model";
import { anOpportunity, expectRefusal, newOrganization, startTime } from "./builders";

const bookkeeping = ["createdon", "modifiedon", "createdby", "modifiedby", "versionnumber"];

describe("change events", () => {
  it("announce a Create with the typed target, a post-image and no pre-image", () => {
    const { org, accountId, usd, events } = newOrganization();
    const { id, etag } = org.create(
      "opportunity",
      anOpportunity(accountId, { csb_microsofthelp: "582100001", description: null }),
    );
    expect(events).toHaveLength(1);
    const [created] = events as [ChangeEvent];
    expect(created).toMatchObject({
      message: "Create",
      table: "opportunity",
      id,
      actor: systemUserId,
      depth: 1,
      at: startTime.replace(/\.\d{3}Z$/, "Z"),
      version: Number(/\d+/.exec(etag)?.[0]),
      preImage: null,
      closeRequest: null,
    });
    expect(created.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.changedAttributes).toEqual(
      expect.arrayContaining([
        "name",
        "estimatedvalue",
        "parentaccountid",
        "description",
        "ownerid",
        "statecode",
        "statuscode",
        "transactioncurrencyid",
      ]),
    );
    for (const name of bookkeeping) expect(created.changedAttributes).not.toContain(name);
    expect(created.target).toMatchObject({
      estimatedvalue: { type: "Money", value: 250_000 },
      estimatedclosedate: { type: "DateTime", value: "2026-06-30" },
      parentaccountid: { type: "Lookup", value: { logicalName: "account", id: accountId } },
      transactioncurrencyid: { type: "Lookup", value: { logicalName: "transactioncurrency", id: usd } },
      csb_microsofthelp: { type: "MultiSelectPicklist", value: [582100001] },
      csb_syncwithpartnercenter: { type: "Boolean", value: false },
      statecode: { type: "State", value: 0 },
      description: { type: "Memo", value: null },
    });
    expect(created.postImage).toMatchObject({ name: { type: "String", value: "Warehouse modernisation" } });
    expect(created.postImage).not.toHaveProperty("description");
  });

  it("announce an Update with exactly the attributes sent, even unchanged ones, and both images", () => {
    const { org, accountId, events, clock } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId, { description: "old" }));
    clock.advance(1000);
    org.update("opportunity", id, { name: "Warehouse modernisation", description: null, estimatedvalue: 300_000 });
    const update = events.at(-1);
    expect(update?.message).toBe("Update");
    expect(update?.changedAttributes).toEqual(["name", "description", "estimatedvalue"]);
    expect(Object.keys(update?.target ?? {}).sort()).toEqual([
      "description",
      "estimatedvalue",
      "modifiedby",
      "modifiedon",
      "name",
    ]);
    expect(update?.target.description).toEqual({ type: "Memo", value: null });
    expect(update?.target.modifiedon).toEqual({ type: "DateTime", value: "2026-03-02T09:30:01Z" });
    expect(update?.preImage).toMatchObject({ estimatedvalue: { value: 250_000 }, description: { value: "old" } });
    expect(update?.postImage).toMatchObject({ estimatedvalue: { value: 300_000 } });
    expect(update?.postImage).not.toHaveProperty("description");
  });

  it("count attributes the platform derives from the change as changed", () => {
    const { org, events } = newOrganization();
    const { id } = org.create("contact", { firstname: "Ana", lastname: "Silva" });
    org.update("contact", id, { firstname: "Anna" });
    expect(events.at(-1)?.changedAttributes).toEqual(["firstname", "fullname"]);
    org.update("contact", id, { statecode: 1 });
    expect(events.at(-1)?.changedAttributes).toEqual(["statecode", "statuscode"]);
    expect(events.at(-1)?.target.statuscode).toEqual({ type: "Status", value: 2 });
  });

  it("announce a Delete with the key as target and the row as pre-image", () => {
    const { org, accountId, events } = newOrganization();
    const { id } = org.create("opportunity", anOpportunity(accountId));
    org.delete("opportunity", id);
    expect(events.at(-1)).toMatchObject({
      message: "Delete",
      table: "opportunity",
      id,
      changedAttributes: [],
      target: { opportunityid: { type: "Uniqueidentifier", value: id } },
      postImage: null,
      preImage: { name: { type: "String", value: "Warehouse modernisation" } },
    });
  });

  it("carry the correlation id and depth the caller gives, and a new correlation id per request otherwise", () => {
    const { org, accountId, events } = newOrganization();
    org.create("opportunity", anOpportunity(accountId), { correlationId: "corr-1", depth: 2 });
    org.create("opportunity", anOpportunity(accountId));
    org.create("opportunity", anOpportunity(accountId));
    expect(events[0]).toMatchObject({ correlationId: "corr-1", depth: 2 });
    expect(events[1]?.correlationId).not.toBe(events[2]?.correlationId);
    expectRefusal(() => org.create("account", { name: "x" }, { depth: 0 }), 400, ErrorCode.invalidArgument, /depth/);
  });

  it("stop reaching a listener once it unsubscribes", () => {
    const { org } = newOrganization();
    const heard: string[] = [];
    const unsubscribe = org.onChange((event) => heard.push(event.message));
    org.create("account", { name: "One" });
    unsubscribe();
    org.create("account", { name: "Two" });
    expect(heard).toEqual(["Create"]);
  });

  it("keep the change and reach later listeners when a listener throws", () => {
    const onListenerError = vi.fn();
    const { org, events } = newOrganization({ onListenerError });
    org.onChange(() => {
      throw new Error("webhook down");
    });
    const later: string[] = [];
    org.onChange((event) => later.push(event.id));
    const { id } = org.create("account", { name: "Kept" });
    expect(org.retrieve("account", id).name).toBe("Kept");
    expect(later).toEqual([id]);
    expect(events.at(-1)?.id).toBe(id);
    expect(onListenerError).toHaveBeenCalledWith(
      expect.objectContaining({ message: "webhook down" }),
      expect.objectContaining({ id }),
    );
  });
});

describe("guards before commit", () => {
  it("see each change before listeners, and undo it when they throw, like a failing synchronous step", () => {
    const { org, events } = newOrganization();
    const order: string[] = [];
    org.onChange(() => order.push("listener"));
    const stop = org.onBeforeCommit((event) => {
      order.push("guard");
      if (event.table === "account" && event.target.name?.value === "Refused") throw new Error("sync step failed");
    });
    org.create("account", { name: "Fine" });
    expect(order).toEqual(["guard", "listener"]);
    expect(() => org.create("account", { name: "Refused" })).toThrow("sync step failed");
    expect(org.retrieveMultiple("account", { filter: "name eq 'Refused'" }).value).toEqual([]);
    expect(events.filter((event) => event.target.name?.value === "Refused")).toEqual([]);
    stop();
    expect(org.create("account", { name: "Refused" }).created).toBe(true);
  });
});

describe("acting users", () => {
  it("record the acting user as creator, modifier, owner and event actor", () => {
    const { org, accountId, events } = newOrganization();
    const seller = org.create("systemuser", { firstname: "Avery", lastname: "Howard" }).id;
    const { id } = org.actAs(seller).create("opportunity", anOpportunity(accountId));
    expect(org.retrieve("opportunity", id)).toMatchObject({
      _createdby_value: seller,
      _modifiedby_value: seller,
      _ownerid_value: seller,
    });
    expect(events.at(-1)?.actor).toBe(seller);
    org.update("opportunity", id, { name: "By system" });
    expect(org.retrieve("opportunity", id)).toMatchObject({
      _createdby_value: seller,
      _modifiedby_value: systemUserId,
    });
  });

  it("map an application's client id to its application user, in any case", () => {
    const { org } = newOrganization();
    const clientId = "11111111-2222-4333-8444-555555555555";
    const appUser = org.create("systemuser", {
      firstname: "#",
      lastname: "Integration",
      applicationid: clientId.toUpperCase(),
    }).id;
    expect(org.applicationUserId(clientId)).toBe(appUser);
    expect(org.applicationUserId("99999999-2222-4333-8444-555555555555")).toBeUndefined();
    const session = org.actAs(appUser);
    session.create("account", { name: "From the service" });
    expect(org.retrieveMultiple("account", { filter: `_createdby_value eq ${appUser}` }).value).toHaveLength(1);
  });

  it("refuse unknown and disabled users with 403", () => {
    const { org } = newOrganization();
    const disabled = org.create("systemuser", { lastname: "Gone", isdisabled: true }).id;
    expectRefusal(() => org.actAs(disabled), 403, ErrorCode.userDisabled, /disabled/);
    expectRefusal(
      () => org.create("account", { name: "x" }, { actor: "00000000-0000-4000-8000-000000000777" }),
      403,
      ErrorCode.userNotInOrganization,
      /not a member/,
    );
  });
});
