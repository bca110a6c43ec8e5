/**
 * The demo site's pages on the CoSellPanel host's origin (its `extraRoutes` hook), so the list, the Partner Center
 * view and the form share one origin and the sync service's CORS names just that one: the opportunity list, the
 * Partner Center view with "act as Microsoft", the operator sign-in, and the JSON they read. The web resources the
 * list loads are the host's (/WebResources/, as Dynamics serves them).
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import type { PartnerCenterAdminClient } from "../../../emulators/partner-center";
import { bundleHostScript } from "../../host/server/hostAssets";
import type { HostRouteHook } from "../../host/server/coSellHost";
import { readBody, sendJson, sendText } from "../../host/server/httpReplies";
import { REFERRAL_ACTIONS, SITE_ROUTES, type ReferralAction, type SiteProblem } from "../shared/siteContract";
import { actAsMicrosoft, partnerCenterRefusal, shareAsMicrosoft, SiteInputError } from "./microsoftActions";
import { readOpportunityList } from "./opportunityRows";
import { opportunitiesPage, partnerCenterPage } from "./pageContents";
import { readReferralList } from "./referralRows";
import type { SellerWebApi } from "./sellerWebApi";
import { sitePageHtml } from "./sitePage";

export interface SiteOptions {
  readonly repositoryRoot: string;
  readonly webApi: SellerWebApi;
  readonly partnerCenter: PartnerCenterAdminClient;
  /** The sync service's base URL: the operator page is at `${serviceUrl}/operator`. */
  readonly serviceUrl: string;
  /** An access token carrying the service's admin role, for the operator page. */
  readonly operatorToken: () => Promise<string>;
}

const HTML = "text/html; charset=utf-8";
const NO_STORE = { "cache-control": "no-store" };
const REFERRAL_ACTION_PATH = /^\/site\/api\/referrals\/([^/]+)\/([a-z]+)$/;
/** A referral's link (REFERRAL_LINK_TEMPLATE); referral ids are GUIDs. */
const REFERRAL_LINK = /^\/partner-center\/referrals\/[0-9a-f-]{36}$/i;

/** @throws Error with esbuild's messages when the browser script does not compile. */
export async function createSiteRoutes(options: SiteOptions): Promise<HostRouteHook> {
  const script = await bundleHostScript(join(options.repositoryRoot, "demo/site/browser/main.ts"));
  // Read on each request, so a restyled page shows on the next reload.
  const styles = join(options.repositoryRoot, "demo/site/browser/site.css");

  /** GET routes by exact path. */
  const pages: Readonly<Record<string, (response: ServerResponse) => Promise<void> | void>> = {
    [SITE_ROUTES.opportunities]: (response) => {
      sendText(response, 200, HTML, sitePageHtml(opportunitiesPage), NO_STORE);
    },
    [SITE_ROUTES.partnerCenter]: (response) => {
      sendText(response, 200, HTML, sitePageHtml(partnerCenterPage), NO_STORE);
    },
    [SITE_ROUTES.operator]: signInOperator,
    [SITE_ROUTES.script]: (response) => {
      sendText(response, 200, "text/javascript; charset=utf-8", script, NO_STORE);
    },
    [SITE_ROUTES.styles]: async (response) => {
      sendText(response, 200, "text/css; charset=utf-8", await readFile(styles), NO_STORE);
    },
    [SITE_ROUTES.opportunityRows]: (response) => answer(response, () => readOpportunityList(options.webApi)),
    [SITE_ROUTES.referralRows]: (response) =>
      answer(response, () => readReferralList(options.partnerCenter, options.webApi)),
  };

  async function get(path: string, response: ServerResponse): Promise<boolean> {
    const page = pages[path];
    if (page !== undefined) await page(response);
    else if (REFERRAL_LINK.test(path)) {
      const referralId = path.slice(SITE_ROUTES.partnerCenterReferral.length);
      redirect(response, `${SITE_ROUTES.partnerCenter}#referral-${referralId}`);
    } else return false;
    return true;
  }

  return async (request, response, url) => {
    const path = url.pathname;
    const method = request.method ?? "GET";
    if (method === "GET") return get(path, response);
    if (method === "POST" && path.startsWith(SITE_ROUTES.referralAction)) {
      await post(path, request, response);
      return true;
    }
    return false;
  };

  async function post(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    await answer(response, async () => {
      const body = await jsonBody(request);
      if (path === SITE_ROUTES.inboundReferral)
        return { referralId: await shareAsMicrosoft(options.partnerCenter, body) };
      const match = REFERRAL_ACTION_PATH.exec(path);
      const action = match?.[2] as ReferralAction | undefined;
      if (match?.[1] === undefined || action === undefined || !REFERRAL_ACTIONS.includes(action)) {
        throw new SiteInputError(`There is no action at ${path}: use one of ${REFERRAL_ACTIONS.join(", ")}.`);
      }
      await actAsMicrosoft(options.partnerCenter, decodeURIComponent(match[1]), action, body);
      return { done: action };
    });
  }

  async function signInOperator(response: ServerResponse): Promise<void> {
    let token: string;
    try {
      token = await options.operatorToken();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const problem = `Could not sign you in as the operator: ${message}. Restart the demo (Ctrl+C, then npm start).`;
      sendText(response, 502, "text/plain; charset=utf-8", `${problem}\n`, NO_STORE);
      return;
    }
    // The token travels in the fragment, which browsers never send to a server nor put in a Referer header; the
    // operator page reads it, removes it from the address bar and keeps it for the tab only.
    redirect(response, `${options.serviceUrl}/operator#access_token=${encodeURIComponent(token)}`);
  }
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location, "referrer-policy": "no-referrer", ...NO_STORE });
  response.end();
}

/** Runs `work` and answers its result as JSON, or a SiteProblem: 400 for the page's mistake, 502 for Partner Center. */
async function answer(response: ServerResponse, work: () => Promise<unknown>): Promise<void> {
  try {
    sendJson(response, 200, await work());
  } catch (error) {
    const refusal = partnerCenterRefusal(error);
    if (error instanceof SiteInputError) sendJson(response, 400, { message: error.message } satisfies SiteProblem);
    else if (refusal !== null) {
      sendJson(response, 409, { message: `Partner Center refused: ${refusal}` } satisfies SiteProblem);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 502, {
        message: `${message}. Check the terminal running npm start; restart it if a part stopped.`,
      } satisfies SiteProblem);
    }
  }
}

async function jsonBody(request: IncomingMessage): Promise<Readonly<Record<string, unknown>>> {
  const text = (await readBody(request)).toString("utf8");
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SiteInputError("The request body is not JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SiteInputError("The request body must be a JSON object.");
  }
  return parsed as Readonly<Record<string, unknown>>;
}
