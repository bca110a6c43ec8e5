/**
 * Shared pieces of the HTTP tests of the local Dataverse: an emulator on a ManualClock with seeded ids, a token from
 * the real client-credentials grant, a dynamics-web-api client pointed at the emulator, and a small fetch wrapper
 * that keeps status, headers and parsed body.
 */
import { DynamicsWebApi } from "dynamics-web-api";
import {
  DEFAULT_CLIENT_SECRET,
  DEFAULT_INTEGRATION_CLIENT,
  startDataverseEmulator,
  type DataverseEmulator,
  type DataverseEmulatorOptions,
} from "../../../../emulators/dataverse";
import { ManualClock } from "../../../../emulators/shared/clock";
import { objectOf, type CallResult } from "../../../support/emulatorHttp";

export const START_TIME = "2026-05-04T09:00:00.000Z";

/** An emulator on a ManualClock with seeded ids and a small demo organization; close it in afterAll. */
export async function startTestEmulator(
  options: DataverseEmulatorOptions = {},
): Promise<DataverseEmulator & { clock: ManualClock }> {
  const clock = new ManualClock(START_TIME);
  const emulator = await startDataverseEmulator({
    clock,
    idsSeed: "dataverse-api-tests",
    seed: { opportunities: 120 },
    ...options,
  });
  return Object.assign(emulator, { clock });
}

/** An access token from the emulator's token endpoint, through the client-credentials grant the sync service uses. */
export async function clientCredentialsToken(
  emulator: { tokenEndpoint: string; url: string },
  client: { clientId: string; clientSecret: string } = DEFAULT_INTEGRATION_CLIENT,
): Promise<string> {
  const response = await fetch(emulator.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: `${emulator.url}/.default`,
    }).toString(),
  });
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** dynamics-web-api configured as a Node service would be: the org URL and a token callback. */
export function webApiClient(emulator: { tokenEndpoint: string; url: string }): DynamicsWebApi {
  return new DynamicsWebApi({
    serverUrl: emulator.url,
    onTokenRefresh: () => clientCredentialsToken(emulator),
    // Without it, update/delete return false on a 412 instead of throwing the service's error.
    propagateErrors: true,
  });
}

export { DEFAULT_CLIENT_SECRET };

export { call, objectOf, type CallOptions, type CallResult } from "../../../support/emulatorHttp";

/** The `{"error":{"code","message"}}` of a refusal. */
export function errorOf(result: CallResult): { code: string; message: string } {
  const { error } = objectOf(result) as { error?: { code: string; message: string } };
  if (error === undefined) throw new Error(`expected an error body, got ${result.status} ${result.text}`);
  return error;
}

/** The id at the end of an OData-EntityId header, e.g. `.../accounts(<id>)`. */
export function idOfEntity(entityId: string | null): string {
  const id = /\(([0-9a-f-]{36})\)$/.exec(entityId ?? "")?.[1];
  if (id === undefined) throw new Error(`no entity id in '${String(entityId)}'`);
  return id;
}
