/**
 * The CoSellPanel host's server without a browser: the same-origin Web API proxy (the seller's token added on the
 * server, the emulator's URL never shown), the sync-service token endpoint, the control's strings, the built web
 * resources and their strings, the page and its options, and the message when the control or the web resources
 * have not been built.
 */
import { mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCoSellHost, type CoSellHost } from "../../demo/host/server/coSellHost";
import {
  HOST_ROUTES,
  type ControlStrings,
  type SyncToken,
  type WebResourceStrings,
} from "../../demo/host/shared/hostConfig";
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

  it("serves the built web resources under their Dynamics paths, and nothing else there", async () => {
    const { host } = running();
    const script = await fetch(`${host.url}${HOST_ROUTES.webResources}csb_/scripts/opportunity.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toBe(await readFile("out/webresources/csb_/scripts/opportunity.js", "utf8"));
    const map = await fetch(`${host.url}${HOST_ROUTES.webResources}csb_/scripts/opportunity.js.map`);
    expect(((await map.json()) as { version: number }).version).toBe(3);
    const icon = await fetch(`${host.url}${HOST_ROUTES.webResources}csb_/icons/synced.svg`);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await icon.text()).toContain("<svg");
    for (const name of ["csb_/scripts/unknown.js", "..%2Fpackage.json", "csb_%2Ficons%2F..%2F..%2F..%2Fpackage.json"]) {
      expect((await fetch(`${host.url}${HOST_ROUTES.webResources}${name}`)).status, name).toBe(404);
    }
    const page = await (await fetch(host.formUrl("0b7bd7a1-0000-4000-8000-000000000001"))).text();
    expect(page).toContain(`<script src="${HOST_ROUTES.webResources}csb_/scripts/opportunity.js"></script>`);
  });

  it("serves the scripts' resx strings in the user's language with the base language to fall back on", async () => {
    const { host } = running();
    const read = async (languageId: number) =>
      (await (await fetch(`${host.url}${HOST_ROUTES.webResourceStrings}${languageId}`)).json()) as WebResourceStrings;
    const russian = (await read(1049)).resources["csb_/strings/opportunity"];
    expect(russian?.strings?.declineTitle).toBe("Отклонить этот реферал?");
    expect(russian?.baseStrings.declineTitle).toBe("Decline this referral?");
    const french = (await read(1036)).resources["csb_/strings/opportunity"];
    expect(french?.strings).toBeNull();
    expect(french?.baseStrings).toEqual(russian?.baseStrings);
    expect((await fetch(`${host.url}${HOST_ROUTES.webResourceStrings}ru`)).status).toBe(400);
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

  it("says to run npm run build when the web resources are not built", async () => {
    const { dataverse } = running();
    // A repository with the dependencies and the built control, but no out/webresources.
    const repository = await mkdtemp(join(tmpdir(), "cosell-host-"));
    try {
      await symlink(resolve("node_modules"), join(repository, "node_modules"));
      await mkdir(join(repository, "out"));
      await symlink(resolve("out/controls"), join(repository, "out/controls"));
      await expect(startCoSellHost({ dataverse: { url: dataverse.url }, repositoryRoot: repository })).rejects.toThrow(
        /opportunity\.js is missing: run `npm run build` first to build the web resources/,
      );
    } finally {
      await rm(repository, { recursive: true, force: true });
    }
  });
});
