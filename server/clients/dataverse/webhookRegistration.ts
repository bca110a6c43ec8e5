/**
 * Registers the "Dataverse plugin bridge" (shared/DESIGN.md) through the Web API, for the CLI: a service endpoint
 * (contract 8 Webhook, JSON, auth type WebhookKey, dataverse.md §3.1) and asynchronous post-operation steps on Create
 * and Update of opportunity (§3.2), Update filtered to the mapped columns, each with a post-image. Every component is
 * found by name and brought to the wanted state, so running it twice changes nothing the second time, except the
 * endpoint's key: authvalue can't be read back (IsValidForRead = False), so the endpoint is always rewritten.
 */
import { opportunityTable } from "../../../core";
import type { Secret } from "../../config/secret";
import { guid, literal } from "../http/odata";
import { registerStep, type RegisteredComponent } from "./webhookSteps";
import type { DataverseWebApi } from "./webApi";

export type { ComponentAction, RegisteredComponent } from "./webhookSteps";

export interface DataverseWebhookSettings {
  /** The service's webhook URL, e.g. https://sync.contoso.example/webhooks/dataverse. */
  readonly url: string;
  /** The WebhookKey Dataverse sends as `?code=` (Config.dataverse.webhookKey). */
  readonly key: Secret;
  /** Columns whose change fires the Update step: the mapped opportunity columns. */
  readonly filteringAttributes: readonly string[];
  /** Names the endpoint and prefixes the steps; default "Co-sell Bridge". */
  readonly name?: string;
  /** Columns of the post-image; default every column. */
  readonly imageAttributes?: readonly string[];
}

export interface DataverseWebhookRegistration {
  readonly serviceEndpoint: RegisteredComponent;
  readonly createStep: RegisteredComponent;
  readonly createImage: RegisteredComponent;
  readonly updateStep: RegisteredComponent;
  readonly updateImage: RegisteredComponent;
}

const WEBHOOK_CONTRACT = 8;
const WEBHOOK_KEY_AUTH = 4;
const JSON_FORMAT = 2;
const DEFAULT_NAME = "Co-sell Bridge";

export async function registerDataverseWebhook(
  api: DataverseWebApi,
  settings: DataverseWebhookSettings,
): Promise<DataverseWebhookRegistration> {
  api.http.core.redactor.addFixed(settings.key.reveal());
  const name = settings.name ?? DEFAULT_NAME;
  const serviceEndpoint = await upsertEndpoint(api, name, settings);
  const messages = await messageIds(api);
  const common = {
    serviceEndpointId: serviceEndpoint.id,
    imageAttributes: settings.imageAttributes ?? null,
  };
  const create = await registerStep(api, {
    ...common,
    name: `${name}: Create of ${opportunityTable.logicalName}`,
    message: "Create",
    ...messages.Create,
    filteringAttributes: null,
  });
  const update = await registerStep(api, {
    ...common,
    name: `${name}: Update of ${opportunityTable.logicalName}`,
    message: "Update",
    ...messages.Update,
    filteringAttributes: settings.filteringAttributes,
  });
  return {
    serviceEndpoint,
    createStep: create.step,
    createImage: create.image,
    updateStep: update.step,
    updateImage: update.image,
  };
}

async function upsertEndpoint(
  api: DataverseWebApi,
  name: string,
  settings: DataverseWebhookSettings,
): Promise<RegisteredComponent> {
  const wanted = {
    name,
    url: settings.url,
    contract: WEBHOOK_CONTRACT,
    authtype: WEBHOOK_KEY_AUTH,
    authvalue: settings.key.reveal(),
    messageformat: JSON_FORMAT,
  };
  const existing = await api.first("serviceendpoints", {
    $select: "serviceendpointid,name",
    $filter: `name eq ${literal(name)}`,
  });
  const id = existing?.serviceendpointid;
  if (typeof id !== "string") return { id: await api.create("serviceendpoints", wanted), action: "created" };
  await api.update("serviceendpoints", guid(id, "The service endpoint id"), wanted);
  return { id: id.toLowerCase(), action: "updated" };
}

type MessageName = "Create" | "Update";

/** The sdkmessage and its opportunity sdkmessagefilter, looked up by name (§3.1 notes). */
async function messageIds(api: DataverseWebApi): Promise<Record<MessageName, { messageId: string; filterId: string }>> {
  const lookup = async (message: MessageName) => {
    const row = await api.first("sdkmessages", { $select: "sdkmessageid", $filter: `name eq ${literal(message)}` });
    const messageId = row?.sdkmessageid;
    if (typeof messageId !== "string") throw api.malformed("GET", "sdkmessages", `there is no '${message}' message`);
    const filter = await api.first("sdkmessagefilters", {
      $select: "sdkmessagefilterid",
      $filter: `primaryobjecttypecode eq ${literal(opportunityTable.logicalName)} and _sdkmessageid_value eq ${messageId}`,
    });
    const filterId = filter?.sdkmessagefilterid;
    if (typeof filterId !== "string") {
      throw api.malformed("GET", "sdkmessagefilters", `there is no ${message} filter for opportunity`);
    }
    return { messageId: messageId.toLowerCase(), filterId: filterId.toLowerCase() };
  };
  return { Create: await lookup("Create"), Update: await lookup("Update") };
}
