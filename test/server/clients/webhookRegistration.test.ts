import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../server/sync/apiError";
import { startRawRequestServer, type RawRequest, type RawRequestServer } from "../../support/webhookReceiver";
import {
  callsTo,
  clientsFor,
  configFor,
  failureOf,
  startDataverse,
  startPartnerCenter,
  WEBHOOK_KEY,
  type TestClients,
  type TestDataverse,
  type TestPartnerCenter,
} from "./harness";

const REFERRAL_EVENTS = [
  "referral-created",
  "referral-updated",
  "related-referral-created",
  "related-referral-updated",
];
const MAPPED_COLUMNS = ["name", "estimatedvalue", "csb_syncwithpartnercenter", "EstimatedCloseDate", "name"];

describe("webhook registration", () => {
  let dataverse: TestDataverse;
  let partnerCenter: TestPartnerCenter;
  let receiver: RawRequestServer;
  let clients: TestClients;
  const received: RawRequest[] = [];

  beforeAll(async () => {
    [dataverse, partnerCenter, receiver] = await Promise.all([
      startDataverse({ seed: { opportunities: 0 } }),
      startPartnerCenter(),
      startRawRequestServer((request) => {
        received.push(request);
        return { status: 202 };
      }),
    ]);
    clients = clientsFor(configFor(dataverse, partnerCenter));
  });
  afterAll(async () => {
    await Promise.all([dataverse.close(), partnerCenter.close(), receiver.close()]);
  });

  describe("Partner Center", () => {
    it("creates the registration, refuses to replace it without overwrite, and replaces it with overwrite", async () => {
      const webhooks = clients.partnerCenterWebhooks;
      await expect(webhooks.getRegistration()).resolves.toBeNull();
      const created = await webhooks.registerPartnerCenterWebhook({
        webhookUrl: `${receiver.origin}/first`,
        events: REFERRAL_EVENTS,
        overwrite: false,
      });
      expect(created.action).toBe("created");
      expect(created.registration).toMatchObject({
        webhookUrl: `${receiver.origin}/first`,
        webhookEvents: REFERRAL_EVENTS,
        signatureTokenToMsSignatureHeader: false,
      });
      expect(created.registration.subscriberId).toMatch(/\S/);

      const refused = await failureOf(() =>
        webhooks.registerPartnerCenterWebhook({
          webhookUrl: `${receiver.origin}/second`,
          events: REFERRAL_EVENTS,
          overwrite: false,
        }),
      );
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ api: "partnerCenterWebhooks", status: 409, retryable: false });
      expect((refused as Error).message).toContain("--overwrite");
      expect((refused as Error).message).toContain(`${receiver.origin}/first`);
      expect((await webhooks.getRegistration())?.webhookUrl).toBe(`${receiver.origin}/first`);

      const replaced = await webhooks.registerPartnerCenterWebhook({
        webhookUrl: `${receiver.origin}/second`,
        events: [...REFERRAL_EVENTS, "test-created"],
        overwrite: true,
      });
      expect(replaced.action).toBe("updated");
      expect(replaced.registration.subscriberId).toBe(created.registration.subscriberId);
      expect(replaced.registration.webhookUrl).toBe(`${receiver.origin}/second`);
      expect(callsTo(clients.calls, "partnerCenterWebhooks").map((call) => `${call.method} ${call.status}`)).toEqual([
        "GET 404",
        "POST 200",
        "POST 409",
        "GET 200",
        "GET 200",
        "POST 409",
        "PUT 200",
      ]);
    });

    it("sends a validation event and reads how its delivery went", async () => {
      received.length = 0;
      const correlationId = await clients.partnerCenterWebhooks.sendValidationEvent();
      await partnerCenter.admin.waitForDeliveries(5_000);
      const result = await clients.partnerCenterWebhooks.checkValidationEvent(correlationId);
      expect(result).toMatchObject({ correlationId, status: "completed", callbackUrl: `${receiver.origin}/second` });
      expect(result.results[0]).toMatchObject({ responseCode: "Accepted", systemError: false });
      expect(received.some((request) => request.body.toString("utf8").includes("test-created"))).toBe(true);

      const unknown = await failureOf(() => clients.partnerCenterWebhooks.checkValidationEvent("no-such-id"));
      expect(unknown).toMatchObject({ status: 404 });
    });
  });

  describe("Dataverse", () => {
    const settings = () => ({
      url: `${receiver.origin}/dataverse`,
      key: configFor(dataverse, partnerCenter).dataverse.webhookKey,
    });

    it("creates the endpoint, both steps and their post-images", async () => {
      const result = await clients.registerDataverseWebhook({ ...settings(), filteringAttributes: MAPPED_COLUMNS });
      const parts = [
        result.serviceEndpoint,
        result.createStep,
        result.createImage,
        result.updateStep,
        result.updateImage,
      ];
      expect(parts.map((component) => component.action)).toEqual(Array<string>(5).fill("created"));

      const endpoint = dataverse.org.retrieve("serviceendpoint", result.serviceEndpoint.id, {
        select: "name,url,contract,authtype,messageformat,isauthvalueset",
      });
      expect(endpoint).toMatchObject({
        name: "Co-sell Bridge",
        url: `${receiver.origin}/dataverse`,
        contract: 8,
        authtype: 4,
        messageformat: 2,
        isauthvalueset: true,
      });
      const select = "name,mode,stage,asyncautodelete,filteringattributes,_eventhandler_value";
      expect(dataverse.org.retrieve("sdkmessageprocessingstep", result.updateStep.id, { select })).toMatchObject({
        name: "Co-sell Bridge: Update of opportunity",
        mode: 1,
        stage: 40,
        asyncautodelete: true,
        filteringattributes: "csb_syncwithpartnercenter,estimatedclosedate,estimatedvalue,name",
        _eventhandler_value: result.serviceEndpoint.id,
      });
      expect(dataverse.org.retrieve("sdkmessageprocessingstep", result.createStep.id, { select })).toMatchObject({
        mode: 1,
        stage: 40,
        filteringattributes: null,
      });
      const images = dataverse.org.retrieveMultiple("sdkmessageprocessingstepimages", {
        select: "entityalias,imagetype,messagepropertyname,_sdkmessageprocessingstepid_value",
      }).value;
      expect(images).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entityalias: "PostImage",
            imagetype: 1,
            messagepropertyname: "Id",
            _sdkmessageprocessingstepid_value: result.createStep.id,
          }),
          expect.objectContaining({
            entityalias: "PostImage",
            imagetype: 1,
            messagepropertyname: "Target",
            _sdkmessageprocessingstepid_value: result.updateStep.id,
          }),
        ]),
      );
    });

    it("changes nothing but the unreadable key when run again, and only the Update step for new columns", async () => {
      const again = await clients.registerDataverseWebhook({
        ...settings(),
        filteringAttributes: [...MAPPED_COLUMNS].reverse(),
      });
      expect(again.serviceEndpoint.action).toBe("updated");
      expect(
        [again.createStep, again.createImage, again.updateStep, again.updateImage].map((part) => part.action),
      ).toEqual(Array<string>(4).fill("unchanged"));
      const wider = await clients.registerDataverseWebhook({
        ...settings(),
        filteringAttributes: [...MAPPED_COLUMNS, "description"],
      });
      expect(wider.updateStep).toEqual({ id: again.updateStep.id, action: "updated" });
      expect(wider.createStep.action).toBe("unchanged");
      expect(dataverse.org.retrieveMultiple("serviceendpoints", { select: "name" }).value).toHaveLength(1);
      expect(dataverse.org.retrieveMultiple("sdkmessageprocessingsteps", { select: "name" }).value).toHaveLength(2);
    });

    it("makes Dataverse call the service with the key and a post-image when a mapped column changes", async () => {
      received.length = 0;
      const id = await clients.dataverse.createOpportunity({ name: "Webhook check" }, null);
      await clients.dataverse.updateOpportunity(id, { closeprobability: 40 });
      await clients.dataverse.updateOpportunity(id, { estimatedvalue: 5000 });
      await dataverse.idle();
      const calls = received.filter((request) => request.path.startsWith("/dataverse"));
      expect(calls.map((request) => request.headers["x-ms-dynamics-request-name"])).toEqual(["Create", "Update"]);
      for (const request of calls) {
        expect(new URL(request.path, receiver.origin).searchParams.get("code")).toBe(WEBHOOK_KEY);
        const body = JSON.parse(request.body.toString("utf8")) as { PostEntityImages: { key: string }[] };
        expect(body.PostEntityImages.map((image) => image.key)).toEqual(["PostImage"]);
      }
    });
  });
});
