/**
 * Webhooks end to end (dataverse.md §3): a service endpoint (contract 8, WebhookKey) and an asynchronous Update step
 * on opportunity with filtering attributes and a post-image are registered through the Web API; opportunities are
 * changed through the Web API; a node:http receiver gets the POSTs, which are checked field by field against the
 * reference's shape: headers, the `?code=` key, body members, Target, typed encodings, images, ids.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MicrosoftHelpOption } from "../../../../core";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { startReceiver, type Receiver, type RecordedRequest } from "../webhooks/receiver";
import { call, clientCredentialsToken, objectOf, startTestEmulator, START_TIME } from "./harness";
import {
  CONTRACTS,
  dateOf,
  entries,
  GUID,
  optionSetValue,
  reference,
  REFERENCE_MEMBERS,
  target,
  type Json,
  type KeyValue,
} from "./executionContext";
import { registerWebhook, type RegisteredWebhook } from "./registration";

const KEY = "test-webhook-key/with+chars";
let emulator: DataverseEmulator;
let receiver: Receiver;
let token: string;
let hook: RegisteredWebhook;
let opportunityId: string;
let accountId: string;
let integrationUserId: string;
let sellerUserId: string;

beforeAll(async () => {
  [emulator, receiver] = await Promise.all([startTestEmulator(), startReceiver()]);
  token = await clientCredentialsToken(emulator);
  const { users } = emulator.info();
  integrationUserId = users.integrationUserId ?? "";
  sellerUserId = users.sellerUserId ?? "";
  hook = await registerWebhook(emulator, token, {
    url: receiver.url,
    key: KEY,
    message: "Update",
    entity: "opportunity",
    mode: 1,
    filteringattributes: "name,estimatedvalue,csb_microsofthelp,statecode,statuscode",
    postImage: { alias: "PostImage", attributes: "name,estimatedvalue,estimatedclosedate,parentaccountid,statecode" },
  });
  const [open] = emulator.org.retrieveMultiple("opportunities", {
    select: ["_parentaccountid_value"],
    filter: "statecode eq 0 and _parentaccountid_value ne null and estimatedclosedate ne null",
    top: 1,
  }).value;
  opportunityId = String(open?.opportunityid);
  accountId = String(open?._parentaccountid_value);
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

beforeEach(() => {
  receiver.answerWith(() => 200);
});

async function patch(id: string, body: Json, headers: Record<string, string> = {}): Promise<void> {
  const result = await call(emulator, "PATCH", `/api/data/v9.2/opportunities(${id})`, { token, body, headers });
  expect(result.status, result.text).toBe(204);
}

/** The next request the receiver gets, once the emulator has nothing left to do. */
async function nextDelivery(): Promise<{ request: RecordedRequest; body: Json }> {
  const count = receiver.requests.length + 1;
  await receiver.received(count);
  await emulator.idle();
  const request = receiver.requests[count - 1];
  if (request === undefined) throw new Error("no request");
  return { request, body: JSON.parse(request.text) as Json };
}

describe("an asynchronous Update step", () => {
  it("receives the RemoteExecutionContext with the documented headers, key and members", async () => {
    const help = [MicrosoftHelpOption.GeneralOrOther, MicrosoftHelpOption.ProofOfConceptOrDemo];
    await patch(opportunityId, {
      name: "Contoso expansion",
      estimatedvalue: 987654.32,
      csb_microsofthelp: help.join(","),
    });
    const { request, body } = await nextDelivery();

    expect(request.method).toBe("POST");
    expect(request.path).toBe("/hook");
    expect([...request.query.entries()]).toEqual([["code", KEY]]);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-request-id"]).toMatch(GUID);
    expect(request.headers["x-ms-dynamics-organization"]).toBe(emulator.info().organization.domain);
    expect(request.headers["x-ms-dynamics-entity-name"]).toBe("opportunity");
    expect(request.headers["x-ms-dynamics-request-name"]).toBe("Update");
    expect(request.headers["x-ms-correlation-request-id"]).toBe(body.CorrelationId);
    expect(request.headers["x-ms-dynamics-msg-size-exceeded"]).toBeUndefined();
    // DataContractJsonSerializer escapes "/" (§3.3).
    expect(request.text).toContain(`"__type":"Entity:http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts"`);

    expect(Object.keys(body).filter((member) => REFERENCE_MEMBERS.includes(member))).toEqual(REFERENCE_MEMBERS);
    const { organization } = emulator.info();
    expect(body).toMatchObject({
      BusinessUnitId: organization.businessUnitId,
      CorrelationId: expect.stringMatching(GUID) as unknown,
      Depth: 1,
      InitiatingUserId: integrationUserId,
      UserId: integrationUserId,
      IsExecutingOffline: false,
      IsInTransaction: false,
      IsOfflinePlayback: false,
      IsolationMode: 1,
      MessageName: "Update",
      Mode: 1,
      Stage: 40,
      OperationCreatedOn: `/Date(${Date.parse(START_TIME)}+0000)/`,
      OperationId: expect.stringMatching(GUID) as unknown,
      OrganizationId: organization.organizationId,
      OrganizationName: organization.name,
      OutputParameters: [],
      OwningExtension: {
        Id: hook.stepId,
        KeyAttributes: [],
        LogicalName: "sdkmessageprocessingstep",
        Name: null,
        RowVersion: null,
      },
      PreEntityImages: [],
      PrimaryEntityId: opportunityId,
      PrimaryEntityName: "opportunity",
      SecondaryEntityName: "none",
      SharedVariables: [],
    });

    const entity = target(body);
    expect(entity).toMatchObject({
      __type: `Entity:${CONTRACTS}`,
      EntityState: null,
      FormattedValues: [],
      Id: opportunityId,
      KeyAttributes: [],
      LogicalName: "opportunity",
      RelatedEntities: [],
      RowVersion: expect.stringMatching(/^\d+$/) as unknown,
    });
    const attributes = entries(entity.Attributes);
    // Only the changed attributes plus the key and the platform's modified columns (§3.3, 2024 additions).
    expect([...attributes.keys()].sort()).toEqual([
      "csb_microsofthelp",
      "estimatedvalue",
      "modifiedby",
      "modifiedon",
      "modifiedonbehalfby",
      "name",
      "opportunityid",
    ]);
    expect(attributes.get("name")).toBe("Contoso expansion");
    expect(attributes.get("opportunityid")).toBe(opportunityId);
    expect(attributes.get("estimatedvalue")).toEqual({ __type: `Money:${CONTRACTS}`, Value: 987654.32 });
    expect(attributes.get("csb_microsofthelp")).toEqual(help.map(optionSetValue));
    expect(attributes.get("modifiedon")).toBe(dateOf(START_TIME));
    expect(attributes.get("modifiedby")).toEqual(reference("systemuser", integrationUserId));
    expect(attributes.get("modifiedonbehalfby")).toBeNull();

    const [image] = body.PostEntityImages as KeyValue[];
    expect((body.PostEntityImages as unknown[]).length).toBe(1);
    expect(image?.key).toBe("PostImage");
    const imageEntity = image?.value as Json;
    expect(imageEntity).toMatchObject({ Id: opportunityId, LogicalName: "opportunity", RowVersion: null });
    expect(imageEntity.__type).toBeUndefined();
    const imageAttributes = entries(imageEntity.Attributes);
    expect([...imageAttributes.keys()].sort()).toEqual([
      "estimatedclosedate",
      "estimatedvalue",
      "name",
      "parentaccountid",
      "statecode",
    ]);
    expect(imageAttributes.get("parentaccountid")).toEqual(reference("account", accountId));
    expect(imageAttributes.get("statecode")).toEqual(optionSetValue(0));
    expect(imageAttributes.get("estimatedclosedate")).toMatch(/^\/Date\(\d+\)\/$/);
  });

  it("names the caller as InitiatingUserId and the impersonated user as UserId and modifiedby", async () => {
    await patch(opportunityId, { name: "On behalf of the seller" }, { MSCRMCallerID: sellerUserId });
    const { body } = await nextDelivery();
    expect(body).toMatchObject({ InitiatingUserId: integrationUserId, UserId: sellerUserId });
    const attributes = entries(target(body).Attributes);
    expect(attributes.get("modifiedby")).toEqual(reference("systemuser", sellerUserId));
    expect(attributes.get("modifiedonbehalfby")).toEqual(reference("systemuser", integrationUserId));
    const row = objectOf(
      await call(emulator, "GET", `/api/data/v9.2/opportunities(${opportunityId})?$select=_modifiedby_value`, {
        token,
      }),
    );
    expect(row._modifiedby_value).toBe(sellerUserId);
  });

  it("is not called when no filtering attribute changed", async () => {
    const before = receiver.requests.length;
    await patch(opportunityId, { description: "Only the description changes." });
    await emulator.idle();
    expect(receiver.requests.length).toBe(before);
  });

  it("hears WinOpportunity as the Update of statecode and statuscode", async () => {
    const result = await call(emulator, "POST", "/api/data/v9.2/WinOpportunity", {
      token,
      body: {
        Status: 3,
        OpportunityClose: { subject: "Won", "opportunityid@odata.bind": `/opportunities(${opportunityId})` },
      },
    });
    expect(result.status).toBe(204);
    const { request, body } = await nextDelivery();
    expect(request.headers["x-ms-dynamics-request-name"]).toBe("Update");
    expect(body.MessageName).toBe("Update");
    const attributes = entries(target(body).Attributes);
    expect(attributes.get("statecode")).toEqual(optionSetValue(1));
    expect(attributes.get("statuscode")).toEqual(optionSetValue(3));
    const [postImage] = body.PostEntityImages as KeyValue[];
    expect(entries((postImage?.value as Json).Attributes).get("statecode")).toEqual(optionSetValue(1));
  });
});
