/**
 * The CoSellPanel host: a small web server that runs the BUILT control (out/controls/CoSellPanel/bundle.js) and the
 * BUILT web resources (out/webresources) on a Dynamics-like opportunity form, with the control's PCF context and the
 * scripts' Xrm backed by a Dataverse emulator. It serves the form page, the platform libraries, the control and its
 * strings, the web resources under /WebResources/ and their strings, a same-origin Web API proxy and the
 * sync-service token endpoint. The browser tests drive it; the `npm start` demo puts its opportunity list in front.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { DEFAULT_PAGE_OPTIONS, pageOptionsQuery, parsePageOptions, type PageOptions } from "../shared/pageOptions";
import { HOST_ROUTES, type ControlStrings, type HostConfig } from "../shared/hostConfig";
import { createDataverseProxy } from "./dataverseProxy";
import { assetPaths, bundleHostScript, checkAssets, readAsset } from "./hostAssets";
import { hostPageHtml } from "./hostPage";
import { sendJson, sendProblem, sendText } from "./httpReplies";
import { BASE_LANGUAGE_ID, readControlStrings } from "./resxStrings";
import { SellerSession } from "./sellerSession";
import { formLibraries, readWebResourceStrings, webResourceFiles } from "./webResourceFiles";

export interface CoSellHostOptions {
  /** The Dataverse emulator: its base URL (e.g. http://127.0.0.1:7072) and admin key, if it was given one. */
  readonly dataverse: { readonly url: string; readonly adminKey?: string };
  /** The sync service's base URL, passed to the control as its syncEndpointUrl input; its CORS must allow the host. */
  readonly syncServiceUrl?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly hostname?: string;
  /** Who is signed in: "seller" (default) or a systemuserid the emulator can mint a delegated token for. */
  readonly user?: string;
  /** Default: the repository this file is in. */
  readonly repositoryRoot?: string;
  /**
   * More pages on the same origin (the demo's opportunity list and Partner Center view), asked before the host's own
   * routes except the Web API proxy; it answers true when it replied.
   */
  readonly extraRoutes?: HostRouteHook;
}

/** A route handler plugged into the host; `url` is the request's parsed URL. Answers true when it replied. */
export type HostRouteHook = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

export interface CoSellHost {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** The form page of one opportunity. */
  formUrl(opportunityId: string, options?: Partial<PageOptions>): string;
  close(): Promise<void>;
}

const JAVASCRIPT = "text/javascript; charset=utf-8";
const NO_STORE = { "cache-control": "no-store" };
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** @throws Error saying to run `npm run build` when the control or the web resources are not built. */
export async function startCoSellHost(options: CoSellHostOptions): Promise<CoSellHost> {
  const paths = assetPaths(options.repositoryRoot ?? resolve(__dirname, "../../.."));
  checkAssets(paths);
  const hostScript = await bundleHostScript(paths.hostEntry);
  const dataverseUrl = options.dataverse.url.replace(/\/+$/, "");
  const session = new SellerSession({
    dataverseUrl,
    ...(options.dataverse.adminKey === undefined ? {} : { adminKey: options.dataverse.adminKey }),
    ...(options.user === undefined ? {} : { user: options.user }),
  });
  const proxy = createDataverseProxy(dataverseUrl, session);
  const staticFiles: Readonly<Record<string, readonly [string, string]>> = {
    [HOST_ROUTES.react]: [paths.react, JAVASCRIPT],
    [HOST_ROUTES.reactDom]: [paths.reactDom, JAVASCRIPT],
    [HOST_ROUTES.fluent]: [paths.fluent, JAVASCRIPT],
    [HOST_ROUTES.controlBundle]: [paths.controlBundle, JAVASCRIPT],
    [HOST_ROUTES.hostStyles]: [paths.hostStyles, "text/css; charset=utf-8"],
  };
  const webResources = webResourceFiles(paths.webResources);
  const libraries = formLibraries().map((name) => `${HOST_ROUTES.webResources}${name}`);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://host.invalid");
    const path = url.pathname;
    const file = staticFiles[path];
    if (path.startsWith(HOST_ROUTES.webApi)) {
      await proxy.handle(request, response);
    } else if (options.extraRoutes !== undefined && (await options.extraRoutes(request, response, url))) {
      return;
    } else if (request.method !== "GET") {
      sendProblem(response, 405, `${request.method ?? ""} is not served here.`);
    } else if (file !== undefined) {
      if (path === HOST_ROUTES.controlBundle) checkAssets(paths);
      sendText(response, 200, file[1], await readAsset(file[0]), NO_STORE);
    } else if (path === HOST_ROUTES.hostScript) {
      sendText(response, 200, JAVASCRIPT, hostScript, NO_STORE);
    } else if (path === HOST_ROUTES.syncToken) {
      sendJson(response, 200, await session.token());
    } else if (path.startsWith(HOST_ROUTES.controlStrings)) {
      sendJson(response, 200, await stringsOf(Number(path.slice(HOST_ROUTES.controlStrings.length))));
    } else if (path.startsWith(HOST_ROUTES.webResources)) {
      await serveWebResource(decodeURIComponent(path.slice(HOST_ROUTES.webResources.length)), response);
    } else if (path.startsWith(HOST_ROUTES.webResourceStrings)) {
      const languageId = Number(path.slice(HOST_ROUTES.webResourceStrings.length));
      if (!Number.isInteger(languageId)) sendProblem(response, 400, "Give a language id, e.g. 1033 or 1049.");
      else sendJson(response, 200, await readWebResourceStrings(paths.webResources, languageId));
    } else if (path.startsWith(HOST_ROUTES.form)) {
      await servePage(path.slice(HOST_ROUTES.form.length), url, response);
    } else {
      sendProblem(response, 404, `Nothing here. Open ${HOST_ROUTES.form}<opportunity id> for an opportunity's form.`);
    }
  }

  async function stringsOf(languageId: number): Promise<ControlStrings> {
    return {
      languageId,
      strings: await readControlStrings(paths.controlStrings, "CoSellPanel", languageId),
      baseStrings: (await readControlStrings(paths.controlStrings, "CoSellPanel", BASE_LANGUAGE_ID)) ?? {},
    };
  }

  async function serveWebResource(name: string, response: ServerResponse): Promise<void> {
    const file = webResources.get(name);
    if (file === undefined) {
      sendProblem(response, 404, `The solution has no web resource named '${name}'.`);
      return;
    }
    // Read on every request, so a rebuilt web resource shows on the next reload; a missing one says what to run.
    checkAssets(paths);
    sendText(response, 200, file.contentType, await readAsset(file.path), NO_STORE);
  }

  async function servePage(idText: string, url: URL, response: ServerResponse): Promise<void> {
    const opportunityId = GUID.exec(decodeURIComponent(idText))?.[1]?.toLowerCase();
    if (opportunityId === undefined) {
      sendProblem(response, 400, `'${idText}' is not an opportunity id; use a GUID such as the one in a form URL.`);
      return;
    }
    let pageOptions: PageOptions;
    try {
      pageOptions = parsePageOptions(url.searchParams);
    } catch (error) {
      sendProblem(response, 400, `The page options are wrong: ${(error as Error).message}`);
      return;
    }
    const config: HostConfig = {
      opportunityId,
      options: pageOptions,
      user: await session.user(),
      syncEndpointUrl: options.syncServiceUrl ?? null,
    };
    sendText(response, 200, "text/html; charset=utf-8", hostPageHtml(config, libraries), NO_STORE);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (response.headersSent) response.destroy();
      else sendProblem(response, 500, `The host failed: ${message}`);
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port ?? 0, options.hostname ?? "127.0.0.1", () => {
      resolveListen();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  return {
    url,
    formUrl: (opportunityId, pageOptions = DEFAULT_PAGE_OPTIONS) =>
      `${url}${HOST_ROUTES.form}${opportunityId}${pageOptionsQuery(pageOptions)}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolveClose();
          else rejectClose(error);
        });
      }),
  };
}
