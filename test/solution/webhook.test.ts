/**
 * The webhook the solution brings, after import, in the hands of the sync service's own registration
 * (`cosell-bridge register-webhooks`, server/clients/dataverse/webhookRegistration.ts): it finds the imported endpoint
 * and steps by name and takes them over instead of registering a second webhook, sets the URL and key, and from then
 * on Dataverse calls the service on Create and on Update of a filtered column, and not for a column outside the
 * filter (csb_audit, which only the service writes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookFilteringColumns, webhookImageColumns } from "../../core";
import { startRawRequestServer, type RawRequest, type RawRequestServer } from "../support/webhookReceiver";
import {
  clientsFor,
  configFor,
  startDataverse,
  startPartnerCenter,
  WEBHOOK_KEY,
  type TestClients,
  type TestDataverse,
  type TestPartnerCenter,
} from "../server/clients/harness";
import { call, clientCredentialsToken } from "../emulators/dataverse/api/harness";
import { packedSolution } from "./builtSolution";

let dataverse: TestDataverse;
let partnerCenter: TestPartnerCenter;
let receiver: RawRequestServer;
let clients: TestClients;
const received: RawRequest[] = [];

beforeAll(async () => {
  packedSolution();
  [dataverse, partnerCenter, receiver] = await Promise.all([
    startDataverse({ coSellSchema: false, seed: { opportunities: 0 } }),
    startPartnerCenter(),
    startRawRequestServer((request) => {
      received.push(request);
      return { status: 202 };
    }),
  ]);
  clients = clientsFor(configFor(dataverse, partnerCenter));
  const imported = await call(dataverse, "POST", "/api/data/v9.2/ImportSolution", {
    token: await clientCredentialsToken(dataverse),
    body: { CustomizationFile: Buffer.from(packedSolution().unmanaged).toString("base64") },
  });
  expect(imported.status, imported.text).toBe(204);
});
afterAll(async () => {
  await Promise.all([dataverse.close(), partnerCenter.close(), receiver.close()]);
});

const count = (entitySet: string) => dataverse.org.retrieveMultiple(entitySet, { select: "name" }).value.length;

describe("the imported webhook", () => {
  it("is taken over by the service's registration, which adds no second endpoint or step", async () => {
    expect([count("serviceendpoints"), count("sdkmessageprocessingsteps")]).toEqual([1, 2]);
    const result = await clients.registerDataverseWebhook({
      url: `${receiver.origin}/dataverse`,
      key: configFor(dataverse, partnerCenter).dataverse.webhookKey,
      filteringAttributes: webhookFilteringColumns(),
      imageAttributes: webhookImageColumns(),
    });
    expect(result.serviceEndpoint.action).toBe("updated");
    expect(result.serviceEndpoint.id).toBe("330dd056-bfc9-460e-9075-c9f50ae3cf6e");
    expect([result.createStep.action, result.updateStep.action]).toEqual(["unchanged", "unchanged"]);
    // The CLI registers the images the solution packs, so it leaves them as they are.
    expect([result.createImage.action, result.updateImage.action]).toEqual(["unchanged", "unchanged"]);
    expect([
      count("serviceendpoints"),
      count("sdkmessageprocessingsteps"),
      count("sdkmessageprocessingstepimages"),
    ]).toEqual([1, 2, 2]);
  });

  it("then calls the service on Create and on a filtered Update, with the key, and not for other columns", async () => {
    received.length = 0;
    const id = await clients.dataverse.createOpportunity({ name: "Imported webhook at work" }, null);
    await clients.dataverse.updateOpportunity(id, { csb_audit: "written by the service" });
    await clients.dataverse.updateOpportunity(id, { csb_syncwithpartnercenter: true });
    await dataverse.idle();
    const calls = received.filter((request) => request.path.startsWith("/dataverse"));
    expect(calls.map((request) => request.headers["x-ms-dynamics-request-name"])).toEqual(["Create", "Update"]);
    for (const request of calls)
      expect(new URL(request.path, receiver.origin).searchParams.get("code")).toBe(WEBHOOK_KEY);
  });
});
