/**
 * The BUILT CoSellPanel (out/controls/CoSellPanel/bundle.js) on the host's opportunity form in headless Chromium,
 * with its context backed by the Dataverse emulator: a seller turns on co-sell, saves and finds it saved; the same
 * page on a phone, by keyboard, with field security, on a disabled form and in Russian. Every request that is not
 * for the host is aborted and fails the test, and so does any console error.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageOptions } from "../../demo/host/shared/pageOptions";
import { MicrosoftHelpOption } from "../../core";
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium, onCleanPage } from "./chromium";
import { startCoSellFixture, type CoSellFixture } from "./coSellFixture";
import { CoSellPanelPage } from "./coSellPanelPage";
import { controlStrings, type ResxStrings } from "./resxText";

const installed = chromiumInstalled();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

describe.skipIf(!installed)(
  installed ? "CoSellPanel on the host form in Chromium" : `CoSellPanel in Chromium (skipped: ${CHROMIUM_MISSING})`,
  () => {
    let startedFixture: CoSellFixture | undefined;
    let startedBrowser: Browser | undefined;
    let english: ResxStrings;

    beforeAll(async () => {
      english = await controlStrings(1033);
      startedFixture = await startCoSellFixture();
      startedBrowser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await startedBrowser?.close();
      await startedFixture?.stop();
    });

    function running(): { fixture: CoSellFixture; browser: Browser } {
      if (startedFixture === undefined || startedBrowser === undefined) throw new Error("beforeAll did not finish");
      return { fixture: startedFixture, browser: startedBrowser };
    }

    /** A page in its own context; `check` runs the scenario, then the page must have stayed offline and clean. */
    async function onPage(
      viewport: { width: number; height: number },
      check: (panel: CoSellPanelPage) => Promise<void>,
    ): Promise<void> {
      const { browser, fixture } = running();
      await onCleanPage(browser, [fixture.host.url], viewport, (page) => check(new CoSellPanelPage(page)));
    }

    const formUrl = (id: string, options: Partial<PageOptions> = {}) => running().fixture.host.formUrl(id, options);

    it("turns on co-sell, asks for help, shares, picks a product, saves and shows it saved after a reload", async () => {
      const { fixture } = running();
      const id = await fixture.createOpportunity("Browser co-sell deal", 0);
      const [solution] = fixture.solutions;
      const [helpLabel] = fixture.helpLabels;
      if (solution === undefined || helpLabel === undefined) throw new Error("the fixture has no solution or help");
      await onPage(DESKTOP, async (panel) => {
        await panel.open(formUrl(id));
        await panel.screenshot("cosellpanel-desktop-before");
        await panel.waitChecked(panel.syncSwitch, false);

        await panel.syncSwitch.click();
        await panel.waitChecked(panel.syncSwitch, true);
        await panel.dealType.filter({ hasText: english.text("DealType_private") }).waitFor();
        await panel.problem("estimated revenue above 0").waitFor();

        await panel.toggleHelp(helpLabel, true);
        await panel.problem("Pick at least one of your co-sell solutions").waitFor();
        await panel.problem("visible to Microsoft sellers").waitFor();

        await panel.shareSwitch.click();
        await expect(panel.shareDialog.textContent()).resolves.toMatch(/can[’']t be undone/i);
        await panel.shareDialog.getByRole("button", { name: "Cancel" }).click();
        await panel.shareDialog.waitFor({ state: "detached" });
        await panel.waitChecked(panel.shareSwitch, false);
        await panel.shareSwitch.click();
        await panel.shareDialog.getByRole("button", { name: "Share with Microsoft" }).click();
        await panel.shareDialog.waitFor({ state: "detached" });
        await panel.waitChecked(panel.shareSwitch, true);
        await panel.problem("visible to Microsoft sellers").waitFor({ state: "detached" });

        await panel.products.pressSequentially(solution.name.split(" ").slice(1, 3).join(" "));
        await panel.suggestion(solution.name).click();
        await panel.controlArea.getByText(solution.name).first().waitFor();
        await panel.problem("Pick at least one of your co-sell solutions").waitFor({ state: "detached" });
        await panel.dealType.filter({ hasText: english.text("DealType_coSell") }).waitFor();

        // Validation sees the form's unsaved edits: fixing the revenue on the form clears the last problem.
        await panel.formField("Est. revenue").fill("250000");
        await panel.formField("Est. revenue").press("Tab");
        await panel.problems.waitFor({ state: "detached" });

        await panel.save();
        await panel.screenshot("cosellpanel-desktop-after");
        const saved = await fixture.readOpportunity(id);
        expect(saved).toMatchObject({
          csb_syncwithpartnercenter: true,
          csb_microsofthelp: String(Object.values(MicrosoftHelpOption)[0]),
          csb_sharewithmicrosoft: true,
          csb_products: solution.id,
          estimatedvalue: 250000,
        });

        await panel.open(formUrl(id));
        await panel.waitChecked(panel.syncSwitch, true);
        await panel.waitChecked(panel.helpOption(helpLabel), true);
        await panel.waitChecked(panel.shareSwitch, true);
        expect(await panel.shareSwitch.isDisabled(), "a saved Yes can't be taken back").toBe(true);
        await panel.dealType.filter({ hasText: english.text("DealType_coSell") }).waitFor();
        await panel.controlArea.getByText(solution.name).first().waitFor();
        expect(await panel.problems.count()).toBe(0);
      });
    }, 60_000);

    it("fits a 375 px phone and still turns sync on", async () => {
      const { fixture } = running();
      const id = await fixture.createOpportunity("Browser phone deal", 90_000);
      await onPage(PHONE, async (panel) => {
        await panel.open(formUrl(id));
        await panel.screenshot("cosellpanel-phone-before");
        expect(await panel.horizontalOverflow(), "pixels sticking out sideways").toBeLessThanOrEqual(0);
        await panel.syncSwitch.click();
        await panel.waitChecked(panel.syncSwitch, true);
        await panel.dealType.filter({ hasText: english.text("DealType_private") }).waitFor();
        await panel.screenshot("cosellpanel-phone-after");
        expect(await panel.horizontalOverflow(), "pixels sticking out sideways").toBeLessThanOrEqual(0);
      });
    }, 60_000);

    it("operates the sync switch with the keyboard alone", async () => {
      const { fixture } = running();
      const id = await fixture.createOpportunity("Browser keyboard deal", 90_000);
      await onPage(DESKTOP, async (panel) => {
        await panel.open(formUrl(id));
        const focused = () => panel.syncSwitch.evaluate((element) => element === document.activeElement);
        for (let presses = 0; presses < 30 && !(await focused()); presses += 1) await panel.page.keyboard.press("Tab");
        expect(await focused(), "Tab reaches the Sync with Partner Center switch").toBe(true);
        await panel.page.keyboard.press("Space");
        await panel.waitChecked(panel.syncSwitch, true);
        await panel.dealType.filter({ hasText: english.text("DealType_private") }).waitFor();
        await panel.page.keyboard.press("Space");
        await panel.waitChecked(panel.syncSwitch, false);
      });
    }, 60_000);

    it("masks a column the user may not read and keeps a read-only one read-only", async () => {
      const { fixture } = running();
      const id = await fixture.createOpportunity("Browser secured deal", 90_000);
      const [solution] = fixture.solutions;
      if (solution === undefined) throw new Error("the fixture has no solution");
      await fixture.saveAsSeller(id, { csb_syncwithpartnercenter: true, csb_products: solution.id });
      await onPage(DESKTOP, async (panel) => {
        await panel.open(formUrl(id, { masked: ["products"], readOnly: ["shareWithMicrosoft"] }));
        await panel.controlArea.getByText("***").first().waitFor();
        expect(await panel.products.count(), "no product editor for a masked column").toBe(0);
        expect(await panel.controlArea.textContent()).not.toContain(solution.id);
        expect(await panel.controlArea.textContent()).not.toContain(solution.name);
        expect(await panel.shareSwitch.isDisabled()).toBe(true);
        expect(await panel.syncSwitch.isDisabled()).toBe(false);
      });
    }, 60_000);

    it("shows everything read-only on a disabled form", async () => {
      const { fixture } = running();
      const id = await fixture.createOpportunity("Browser disabled deal", 90_000);
      await onPage(DESKTOP, async (panel) => {
        await panel.open(formUrl(id, { disabled: true }));
        expect(await panel.syncSwitch.isDisabled()).toBe(true);
        expect(await panel.shareSwitch.isDisabled()).toBe(true);
      });
    }, 60_000);

    it("speaks Russian on a Russian user's page", async () => {
      const russian = await controlStrings(1049).catch((error: unknown) => {
        throw new Error(
          `controls/CoSellPanel/strings/CoSellPanel.1049.resx is missing or unreadable: ${String(error)}`,
        );
      });
      /** The Russian text of the string whose English text is `text` (the same resx key). */
      const inRussian = (text: string) => {
        const key = Object.keys(english.all).find((candidate) => english.all[candidate] === text);
        if (key === undefined) throw new Error(`no English string reads '${text}'`);
        return russian.text(key);
      };
      const { fixture } = running();
      const id = await fixture.createOpportunity("Browser Russian deal", 90_000);
      await onPage(DESKTOP, async (panel) => {
        await panel.open(formUrl(id, { languageId: 1049 }));
        await panel.switch(inRussian("Sync with Partner Center")).waitFor();
        await panel.page.getByRole("status", { name: inRussian("Deal type") }).waitFor();
        await panel.page.getByText(russian.text("SyncOff")).first().waitFor();
        expect(await panel.page.getByText(english.text("SyncOff")).count(), "English left on the page").toBe(0);
        expect(await panel.syncSwitch.count(), "the English switch name").toBe(0);
      });
    }, 60_000);
  },
);
