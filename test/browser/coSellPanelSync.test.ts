/**
 * The CoSellPanel with the real sync service behind it: the whole loop (both emulators, the service on PGlite, its
 * webhooks) from test/support/bridgeStack.ts, the host passing the service's URL to the control and handing it the
 * seller's token through window.CoSellBridgeAuth, and the service's CORS allowing the host's origin. The seller turns
 * sync on and saves; the service creates the referral and the panel shows it synced, then Sync now runs again.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCoSellHost, type CoSellHost } from "../../demo/host/server/coSellHost";
import { freePort, startBridgeStack, type BridgeStack } from "../support/bridgeStack";
import { preparedPgliteFolder } from "../server/e2e/support/pgliteTemplate";
import { Seller } from "../server/e2e/support/seller";
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium, onCleanPage } from "./chromium";
import { CoSellPanelPage } from "./coSellPanelPage";

const installed = chromiumInstalled();

describe.skipIf(!installed)(
  installed ? "CoSellPanel with the sync service in Chromium" : `CoSellPanel sync (skipped: ${CHROMIUM_MISSING})`,
  () => {
    let stack: BridgeStack | undefined;
    let host: CoSellHost | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      // The host's port is chosen first, so the service's CORS_ORIGINS can name the page's origin.
      const port = await freePort();
      stack = await startBridgeStack({
        storage: "pglite",
        name: "browser_sync",
        dataDir: await preparedPgliteFolder(),
        env: { CORS_ORIGINS: `http://127.0.0.1:${port}` },
      });
      if (stack.service.url === null) throw new Error("the sync service is not listening");
      host = await startCoSellHost({
        dataverse: { url: stack.dataverse.url },
        syncServiceUrl: stack.service.url,
        port,
      });
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await host?.close();
      await stack?.stop();
    });

    it("shows the referral the service created once the seller saves, and syncs again on Sync now", async () => {
      if (stack === undefined || host === undefined || browser === undefined) throw new Error("beforeAll failed");
      const seller = await Seller.signIn(stack.dataverse);
      const customer = await seller.createCustomer("Fabrikam Sync");
      const id = await seller.createOpportunity(customer, { name: "Browser synced deal", dealValue: 120_000 });
      const origins = [host.url, new URL(stack.service.url ?? "").origin];
      const formUrl = host.formUrl(id);
      await onCleanPage(browser, origins, { width: 1280, height: 900 }, async (page) => {
        const panel = new CoSellPanelPage(page);
        await panel.open(formUrl);
        await panel.controlArea.getByText("Not synced", { exact: true }).waitFor();
        await panel.syncSwitch.click();
        await panel.save();

        // The service hears of the save through Dataverse's webhook and creates the referral; the panel polls it.
        await panel.controlArea.getByText("Synced", { exact: true }).waitFor({ timeout: 30_000 });
        const syncNow = page.getByRole("button", { name: "Sync now" });
        const syncAnswer = page.waitForResponse(
          (response) =>
            response.request().method() === "POST" && response.url().endsWith(`/api/v1/opportunities/${id}/sync`),
        );
        await syncNow.click();
        expect((await syncAnswer).status(), "the service accepts the seller's token and the page's origin").toBe(202);
        await panel.controlArea.getByText("Synced", { exact: true }).waitFor({ timeout: 30_000 });
      });
      const referrals = await stack.partnerCenter.admin.referrals();
      expect(referrals.some((referral) => referral.name === "Browser synced deal")).toBe(true);
    }, 90_000);
  },
);
