/**
 * The operator page of the real sync service in headless Chromium, over the real loop (both emulators, the service,
 * a seller): signed in from `#access_token=…` (which leaves the address bar), it shows the queue's depth, a real sync
 * with its latency, a parked job with its reason and a working Retry, and a latency chart with p50/p95; it pauses in
 * a hidden tab, asks for a token without one, and reads well on a phone. Every request must stay on the service's
 * origin and the console must stay clean; the service's log must never hold the token.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settle, shareOpportunity, type SharedDeal } from "../server/e2e/support/stack";
import { linesHolding, startOperatorStack, type OperatorStack } from "../server/operator/support/operatorStack";
import { CHROMIUM_MISSING, chromiumInstalled, guardedContext, launchChromium, onCleanPage } from "./chromium";
import { CoSellPanelPage } from "./coSellPanelPage";

const installed = chromiumInstalled();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const TOKEN_KEY = "cosell-bridge.operator.token";

describe.skipIf(!installed)(
  installed ? "the operator page in Chromium" : `the operator page in Chromium (skipped: ${CHROMIUM_MISSING})`,
  () => {
    let stack: OperatorStack;
    let browser: Browser;
    let deal: SharedDeal;
    let parkedOpportunity: string;
    let refusal: string;

    beforeAll(async () => {
      stack = await startOperatorStack("pglite", "operator_browser");
      browser = await launchChromium();
      deal = await shareOpportunity(stack, "Operator page deal");
      // A referral Partner Center refuses (403): the job parks at once, with the refusal as its reason.
      refusal = await stack.partnerCenter.admin.addFault({
        match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
        fault: { kind: "status", status: 403 },
      });
      const customer = await stack.seller.createCustomer("Refused");
      parkedOpportunity = await stack.seller.createOpportunity(customer, {
        name: "Operator page refused deal",
        dealValue: 75_000,
        sync: { on: true, help: ["GeneralOrOther"], products: [stack.products[0] ?? ""], share: true },
      });
      await settle(stack);
    }, 90_000);

    afterAll(async () => {
      await browser.close();
      await stack.stop();
    }, 30_000);

    const signedInUrl = () => `${stack.url}/operator#access_token=${encodeURIComponent(stack.adminToken)}`;

    async function openSignedIn(page: Page): Promise<void> {
      await page.goto(signedInUrl());
      await page.locator("#dashboard").waitFor();
    }

    it("signs in from the fragment, shows depth, a real sync's latency, the parked job, the chart; Retry works", async () => {
      await onCleanPage(browser, [stack.url], DESKTOP, async (page) => {
        await openSignedIn(page);
        // Compared without printing the URL: a failure must not put the token in the test output either.
        expect(page.url() === `${stack.url}/operator`, "the token is still in the address bar").toBe(true);
        expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBe(stack.adminToken);
        await expect.poll(() => page.locator("#depth-failed").textContent()).toBe("1");
        expect(await page.locator("#depth-queued").textContent()).toBe("0");

        const synced = page.locator("#syncs-rows tr", { hasText: deal.opportunityId }).filter({ hasText: "created" });
        await expect
          .poll(() => synced.locator('td[data-label="Direction"]').textContent())
          .toBe("Dynamics → Partner Center");
        expect(await synced.locator('td[data-label="Latency"]').textContent()).toMatch(/^\d+(\.\d)? (ms|s)$/);
        expect(await synced.locator('td[data-label="Referral"]').textContent()).toBe(deal.referral.id);

        const failure = page.locator("#failures-rows tr", { hasText: `opportunity:${parkedOpportunity}` });
        expect(await failure.locator('td[data-label="Reason"]').textContent()).toBe("stopped retrying");
        expect(await failure.locator('td[data-label="Last error"]').textContent()).toMatch(/403/);
        expect(await failure.locator('td[data-label="What to do"]').textContent()).toMatch(/retry/i);

        const chart = page.getByRole("img", { name: "Sync latency" });
        expect(await chart.locator("circle.point").count()).toBeGreaterThanOrEqual(2);
        expect(await chart.locator(".p50 text").textContent()).toMatch(/^p50 \d/);
        expect(await chart.locator(".p95 text").textContent()).toMatch(/^p95 \d/);
        expect((await chart.locator(".axis-title").allTextContents()).sort()).toEqual([
          "Finished at (your local time)",
          "Latency",
        ]);
        expect(await page.locator("#latency-summary").textContent()).toMatch(/Median latency \(p50\) .*\(p95\)/);
        await new CoSellPanelPage(page).screenshot("operator-page");

        await stack.partnerCenter.admin.removeFault(refusal);
        await page.getByRole("button", { name: `Retry opportunity:${parkedOpportunity}`, exact: false }).click();
        await page.getByRole("status").filter({ hasText: "is back in the queue" }).waitFor();
        // The job runs at once; the page shows it at its next refresh (every 5 s), so allow for two of them.
        await page.getByText("No failed jobs.").waitFor({ timeout: 20_000 });
        expect(await page.locator("#depth-failed").textContent()).toBe("0");
        await page
          .locator("#syncs-rows tr", { hasText: parkedOpportunity })
          .filter({ hasText: "created" })
          .first()
          .waitFor();
        expect(await page.getByRole("button", { name: "Retry all parked jobs" }).isDisabled()).toBe(true);
      });
    }, 60_000);

    it("keeps the token for the tab across a reload, pauses while hidden and refreshes as soon as it is shown", async () => {
      await onCleanPage(browser, [stack.url], DESKTOP, async (page) => {
        await openSignedIn(page);
        await page.reload();
        await page.locator("#dashboard").waitFor();
        const calls: string[] = [];
        page.on("request", (request) => {
          if (request.url().includes("/admin/overview")) calls.push(request.url());
        });
        await page.evaluate(() => {
          Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
          document.dispatchEvent(new Event("visibilitychange"));
        });
        expect(await page.locator("#connection").textContent()).toBe("Paused while this tab is hidden.");
        // Longer than the 5 s refresh interval: a hidden tab must not ask at all.
        await page.waitForTimeout(6_000);
        expect(calls).toEqual([]);
        await page.evaluate(() => {
          Reflect.deleteProperty(document, "hidden");
          document.dispatchEvent(new Event("visibilitychange"));
        });
        await expect.poll(() => calls.length, { timeout: 2_000 }).toBeGreaterThan(0);
        await page.getByText("Connected; refreshing every 5 seconds.").waitFor();
      });
    }, 30_000);

    it("asks for a token without one, says where to get one, signs in with a pasted one and signs out", async () => {
      await onCleanPage(browser, [stack.url], DESKTOP, async (page) => {
        await page.goto(`${stack.url}/operator`);
        await page.getByRole("heading", { name: "Where to get a token" }).waitFor();
        expect(await page.locator("#sign-in").textContent()).toContain("CoSellBridge.Admin");
        expect(await page.locator("#dashboard").isHidden()).toBe(true);
        await page.getByLabel("Admin access token").fill(`Bearer ${stack.adminToken}`);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.locator("#dashboard").waitFor();
        await page.getByRole("button", { name: "Sign out" }).click();
        await page.getByRole("status").filter({ hasText: "Signed out" }).waitFor();
        expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
        expect(await page.locator("#dashboard").isHidden()).toBe(true);
      });
    }, 30_000);

    it("says what is wrong and what to do for a token without the admin role, and for a refused one", async () => {
      const guarded = await guardedContext(browser, [stack.url], DESKTOP);
      try {
        const page = await guarded.newPage();
        await page.goto(`${stack.url}/operator#access_token=${stack.tokenWithoutRole}`);
        const alert = page.getByRole("alert");
        await alert.filter({ hasText: "Not allowed" }).waitFor();
        expect(await alert.textContent()).toMatch(/app role 'CoSellBridge\.Admin'.*Ask an Azure AD admin/);
        expect(await page.locator("#sign-in").isVisible()).toBe(true);
        expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();

        await page.getByLabel("Admin access token").fill("not-a-token");
        await page.getByRole("button", { name: "Sign in" }).click();
        await alert.filter({ hasText: "The service refused the token" }).waitFor();
        expect(await alert.textContent()).toContain("Get a fresh admin token");
        expect(await page.locator("#dashboard").isHidden()).toBe(true);

        expect(guarded.trouble.blockedRequests).toEqual([]);
        // The refusals themselves are all that went wrong: Chromium logs each of them as a console error.
        const refusals = /^(401|403) /;
        expect(guarded.trouble.failedResponses.length).toBeGreaterThan(0);
        expect(guarded.trouble.failedResponses.filter((entry) => !refusals.test(entry))).toEqual([]);
        expect(guarded.trouble.consoleErrors.filter((entry) => !/40[13]/.test(entry))).toEqual([]);
      } finally {
        await guarded.context.close();
      }
    }, 30_000);

    it("reads well on a 375 px phone, where Retry all brings a parked job back", async () => {
      const refused = await stack.partnerCenter.admin.addFault({
        match: { method: "POST", pathPrefix: "/v1.0/engagements/referrals" },
        fault: { kind: "status", status: 403 },
      });
      const customer = await stack.seller.createCustomer("Refused on a phone");
      const opportunityId = await stack.seller.createOpportunity(customer, {
        name: "Operator phone refused deal",
        dealValue: 25_000,
        sync: { on: true, help: ["GeneralOrOther"], products: [stack.products[0] ?? ""], share: true },
      });
      await settle(stack);
      await onCleanPage(browser, [stack.url], PHONE, async (page) => {
        await openSignedIn(page);
        await page.locator("#failures-rows tr", { hasText: opportunityId }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        for (const table of ["failures", "syncs"]) {
          const cell = page.locator(
            `#${table}-rows td[data-label="Last error"], #${table}-rows td[data-label="Summary"]`,
          );
          const label = await cell.first().evaluate((element) => getComputedStyle(element, "::before").content);
          expect(label).toMatch(/^"(Last error|Summary)"$/);
        }
        expect(await page.getByRole("img", { name: "Sync latency" }).getAttribute("width")).not.toBeNull();
        await new CoSellPanelPage(page).screenshot("operator-page-phone");

        await stack.partnerCenter.admin.removeFault(refused);
        await page.getByRole("button", { name: "Retry all parked jobs" }).click();
        await page.getByRole("status").filter({ hasText: "1 parked job back in the queue." }).waitFor();
        await page.getByText("No failed jobs.").waitFor({ timeout: 20_000 });
      });
    }, 60_000);

    it("never let the token reach the service's log", () => {
      expect(stack.logLines.some((line) => line.includes('"url":"/operator"'))).toBe(true);
      expect(linesHolding(stack, stack.adminToken).length, "log lines holding a token").toBe(0);
      expect(linesHolding(stack, stack.tokenWithoutRole).length, "log lines holding a token").toBe(0);
    });
  },
);
