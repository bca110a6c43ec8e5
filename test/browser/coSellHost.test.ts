/**
 * The CoSellPanel host's server without a browser: the same-origin Web API proxy (the seller's token added on the
 * server, the emulator's URL never shown), the sync-service token endpoint, the control's strings, the page and its
 * options, and the message when the control has not been built.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCoSellHost, type CoSellHost } from "../../demo/host/server/coSellHost";
import { HOST_ROUTES, type ControlStrings, type SyncToken } from "../../demo/host/shared/hostConfig";
import { DEFAULT_CLIENT_SECRET, startDataverseEmulator, type DataverseEmulator } from "../../emulators/dataverse";

const BUNDLE = "out/controls/CoSellPanel/bundle.js";

describe("the CoSellPanel host server", () => {
  let dataverse: DataverseEmulator | undefined;
  let host: CoSellHost | undefined;

  beforeAll(async () => {
    dataverse = await startDataverseEmulator({ idsSeed: "cosell-host", seed: { opportunities: 3 } });
    host = await startCoSellHost({ dataverse: { url: dataverse.url }, syncServiceUrl: "http://127.0.0.1:9/sync" });
  }, 30_000);

  afterAll(async () => {
    await host?.close();
    await dataverse?.close();
  });

  function running(): { dataverse: DataverseEmulator; host: CoSellHost } {
    if (dataverse === undefined || host === undefined) throw new Error(`beforeAll failed (is ${BUNDLE} built?)`);
    return { dataverse, host };
  }

  it("proxies the Web API with the seller's token and shows only its own origin", async () => {
    const { dataverse, host } = running();
    const response = await fetch(`${host.url}${HOST_ROUTES.webApi}opportunities?$select=name&$top=1`, {
      headers: { accept: "application/json" },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`${host.url}/api/data/v9.2/$metadata#opportunities`);
    expect(text).not.toContain(dataverse.url);
    const who = (await (await fetch(`${host.url}${HOST_ROUTES.webApi}WhoAmI`)).json()) as { UserId: string };
    const user = (await dataverse.admin.users()).find((candidate) => candidate.systemuserid === who.UserId);
    expect(user?.fullname, "the proxy acts as the seller, not as the integration app").toBe("Avery Howard");
    expect(user?.applicationid).toBeNull();
  });

  it("passes Dataverse's refusals through unchanged", async () => {
    const { host } = running();
    const response = await fetch(`${host.url}${HOST_ROUTES.webApi}opportunities(00000000-0000-0000-0000-000000000001)`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^0x/);
  });

  it("hands out a token the sync service accepts, and never the client secret", async () => {
    const { dataverse, host } = running();
    const response = await fetch(`${host.url}${HOST_ROUTES.syncToken}`);
    const text = await response.text();
    expect(text).not.toContain(DEFAULT_CLIENT_SECRET);
    const token = JSON.parse(text) as SyncToken;
    const claims = JSON.parse(Buffer.from(token.accessToken.split(".")[1] ?? "", "base64url").toString()) as {
      aud: string;
      iss: string;
      exp: number;
    };
    expect(claims.aud).toBe(dataverse.url);
    expect(claims.iss).toBe(`${dataverse.url}/${dataverse.tenantId}/v2.0`);
    expect(token.expiresOn).toBe(claims.exp);
  });

  it("serves the control's resx strings with the base language to fall back on", async () => {
    const { host } = running();
    const strings = (await (await fetch(`${host.url}${HOST_ROUTES.controlStrings}1033`)).json()) as ControlStrings;
    expect(strings.strings?.SyncWithPartnerCenter_Display).toBe("Sync with Partner Center");
    expect(strings.baseStrings).toEqual(strings.strings);
    const unknown = (await (await fetch(`${host.url}${HOST_ROUTES.controlStrings}1036`)).json()) as ControlStrings;
    expect(unknown.strings).toBeNull();
    expect(unknown.baseStrings).toEqual(strings.strings);
  });

  it("serves a form page with the record, the user and the options embedded", async () => {
    const { host } = running();
    const id = "0b7bd7a1-0000-4000-8000-000000000001";
    const page = await (
      await fetch(host.formUrl(`{${id.toUpperCase()}}`, { languageId: 1049, masked: ["audit"] }))
    ).text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain(`"opportunityId":"${id}"`);
    expect(page).toContain('"masked":["audit"]');
    expect(page).toContain('"name":"Avery Howard"');
    expect(page).toContain('"syncEndpointUrl":"http://127.0.0.1:9/sync"');
    for (const script of [HOST_ROUTES.react, HOST_ROUTES.fluent, HOST_ROUTES.hostScript, HOST_ROUTES.controlBundle]) {
      expect((await fetch(`${host.url}${script}`)).status, script).toBe(200);
    }
  });

  it("refuses a page with a bad id or option, saying what is accepted", async () => {
    const { host } = running();
    const badId = await fetch(`${host.url}${HOST_ROUTES.form}not-a-guid`);
    expect(badId.status).toBe(400);
    const badLanguage = await fetch(`${host.url}${HOST_ROUTES.form}0b7bd7a1-0000-4000-8000-000000000001?lcid=1036`);
    expect(badLanguage.status).toBe(400);
    expect(await badLanguage.text()).toContain("lcid must be one of 1033, 1049");
  });

  it("says to run npm run build when the control is not built", async () => {
    const { dataverse } = running();
    const emptyRepository = await mkdtemp(join(tmpdir(), "cosell-host-"));
    try {
      await expect(
        startCoSellHost({ dataverse: { url: dataverse.url }, repositoryRoot: emptyRepository }),
      ).rejects.toThrow(/bundle\.js is missing: run `npm run build` first/);
    } finally {
      await rm(emptyRepository, { recursive: true, force: true });
    }
  });
});
