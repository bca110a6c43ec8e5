/**
 * Registers a webhook the way dataverse.md §3.1 shows it, through the Web API only: a service endpoint, the SDK
 * message and its filter looked up by name, a processing step bound to them, and optionally a step image.
 */
import { call, idOfEntity, objectOf, type CallResult } from "./harness";

export interface WebhookRegistration {
  readonly url: string;
  /** The WebhookKey (authtype 4), sent by the emulator as `?code=`. */
  readonly key: string;
  readonly message: "Create" | "Update" | "Delete";
  readonly entity: string;
  /** 0 synchronous, 1 asynchronous. */
  readonly mode: 0 | 1;
  readonly filteringattributes?: string;
  readonly postImage?: { readonly alias: string; readonly attributes: string };
  /** Reuse an endpoint instead of creating one. */
  readonly endpointId?: string;
}

export interface RegisteredWebhook {
  readonly endpointId: string;
  readonly stepId: string;
}

/** Creates whatever the registration needs and returns the endpoint and step ids. */
export async function registerWebhook(
  emulator: { url: string },
  token: string,
  registration: WebhookRegistration,
): Promise<RegisteredWebhook> {
  const api = (method: string, path: string, body?: unknown) =>
    call(emulator, method, `/api/data/v9.2/${path}`, { token, ...(body === undefined ? {} : { body }) });
  const endpointId =
    registration.endpointId ??
    idOfEntity(
      created(
        await api("POST", "serviceendpoints", {
          name: `test hook ${registration.message} ${registration.entity}`,
          url: registration.url,
          contract: 8,
          authtype: 4,
          authvalue: registration.key,
          messageformat: 2,
        }),
      ),
    );
  const messages = objectOf(await api("GET", `sdkmessages?$select=name&$filter=name eq '${registration.message}'`));
  const messageId = firstId(messages, "sdkmessageid");
  const filterQuery = `primaryobjecttypecode eq '${registration.entity}' and _sdkmessageid_value eq ${messageId}`;
  const filters = objectOf(await api("GET", `sdkmessagefilters?$select=name&$filter=${filterQuery}`));
  const filterId =
    (filters.value as unknown[]).length > 0
      ? firstId(filters, "sdkmessagefilterid")
      : idOfEntity(
          created(
            await api("POST", "sdkmessagefilters", {
              name: `${registration.message} of ${registration.entity}`,
              primaryobjecttypecode: registration.entity,
              "sdkmessageid@odata.bind": `/sdkmessages(${messageId})`,
            }),
          ),
        );
  const stepId = idOfEntity(
    created(
      await api("POST", "sdkmessageprocessingsteps", {
        name: `test hook: ${registration.message} of ${registration.entity}`,
        mode: registration.mode,
        stage: 40,
        rank: 1,
        supporteddeployment: 0,
        asyncautodelete: false,
        ...(registration.filteringattributes === undefined
          ? {}
          : { filteringattributes: registration.filteringattributes }),
        "eventhandler_serviceendpoint@odata.bind": `/serviceendpoints(${endpointId})`,
        "sdkmessageid@odata.bind": `/sdkmessages(${messageId})`,
        "sdkmessagefilterid@odata.bind": `/sdkmessagefilters(${filterId})`,
      }),
    ),
  );
  if (registration.postImage !== undefined) {
    created(
      await api("POST", "sdkmessageprocessingstepimages", {
        name: registration.postImage.alias,
        entityalias: registration.postImage.alias,
        imagetype: 1,
        messagepropertyname: "Target",
        attributes: registration.postImage.attributes,
        "sdkmessageprocessingstepid@odata.bind": `/sdkmessageprocessingsteps(${stepId})`,
      }),
    );
  }
  return { endpointId, stepId };
}

function created(result: CallResult): string | null {
  if (result.status !== 204) throw new Error(`registration failed with ${result.status}: ${result.text}`);
  return result.headers.get("odata-entityid");
}

function firstId(page: Record<string, unknown>, key: string): string {
  const [row] = page.value as Record<string, unknown>[];
  const id = row?.[key];
  if (typeof id !== "string") throw new Error(`no ${key} in ${JSON.stringify(page)}`);
  return id;
}
