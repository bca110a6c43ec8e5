/**
 * The `npm start` demo end to end in headless Chromium (issue 9, point 3): a seller co-sells an opportunity from its
 * form and, within 5 seconds, sees the checkmark on the form and in the list while the referral shows in the Partner
 * Center view; acting as Microsoft there, accepting it and changing its deal value reaches the form; an invalid
 * opportunity is refused and creates nothing; a referral Microsoft shares becomes a new opportunity. Every page must
 * stay on 127.0.0.1 with no console error; screenshots go to out/screenshots/e2e-*.png.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choosePorts } from "../../demo/stack/ports";
import { CHROMIUM_MISSING, chromiumInstalled, onCleanPage } from "../browser/chromium";
import { CoSellPanelPage } from "../browser/coSellPanelPage";
import { coSellOnForm, OpportunityListPage, PartnerCenterPage, screenshot, WITHIN_5_S } from "./demoPages";
import {
  dataverseRows,
  dealWithSpelledOutCountry,
  demoAtRest,
  exampleOpportunity,
  startDemoUnderTest,
  type DemoUnderTest,
} from "./demoUnderTest";

const installed = chromiumInstalled();
const DESKTOP = { width: 1440, height: 900 };
const SYNCED_TOOLTIP = "Synced with Partner Center";
/** One step of the story in the browser: a few page loads and waits of at most 10 s each. */
const STEP_MS = 30_000;

describe.skipIf(!installed)(
  installed ? "the npm start demo in Chromium" : `the demo (skipped: ${CHROMIUM_MISSING})`,
  () => {
    let started: DemoUnderTest | undefined;

    beforeAll(async () => {
      started = await startDemoUnderTest();
    }, 60_000);

    afterAll(async () => {
      await started?.stop();
    });

    function running(): DemoUnderTest {
      if (started === undefined) throw new Error("beforeAll did not start the demo");
      return started;
    }

    function onPage(check: (page: Page) => Promise<void>): Promise<void> {
      return onCleanPage(running().browser, running().origins, DESKTOP, check);
    }

    it("started every part, printed where each is, and never printed a secret", () => {
      const { progress, serviceLog, demo } = running();
      const steps = progress.filter((line) => line.startsWith("✔")).map((line) => line.slice(2, 26).trim());
      expect(steps).toEqual([
        "Dataverse emulator",
        "Partner Center emulator",
        "Solution deployed",
        "Sync service",
        "Webhooks",
        "Demo site",
      ]);
      const printed = [...progress, ...serviceLog].join("\n");
      for (const secret of demo.identities.secrets) expect(printed).not.toContain(secret);
    });

    it("deployed the managed solution with its settings, and pointed both webhooks at the service", async () => {
      const { demo } = running();
      const solutions = await dataverseRows(
        demo,
        "solutions?$select=version,ismanaged&$filter=uniquename eq 'CoSellBridge'",
      );
      expect(solutions).toEqual([expect.objectContaining({ ismanaged: true })]);
      const values = await dataverseRows(demo, "environmentvariablevalues?$select=schemaname,value");
      expect(Object.fromEntries(values.map((row) => [row.schemaname, row.value]))).toMatchObject({
        csb_SyncEndpointUrl: demo.urls.service,
        csb_ShowCheckmark: "yes",
        csb_SyncCoSellOnly: "no",
      });
      const endpoints = await dataverseRows(demo, "serviceendpoints?$select=url");
      expect(endpoints.map((row) => row.url)).toEqual([`${demo.urls.service}/webhooks/dataverse`]);
      const registrations = await demo.partnerCenter.admin.registrations();
      expect(registrations.map((entry) => entry.registration.WebhookUrl)).toEqual([
        `${demo.urls.service}/webhooks/partner-center`,
      ]);
    });

    it(
      "lists the seller's open opportunities with the web resource's icons, including Microsoft's shared deals",
      async () => {
        await onPage(async (page) => {
          const list = new OpportunityListPage(page);
          await list.open(running().demo.urls.site);
          // The three referrals Microsoft shared before the service started come in with its first catch-up.
          await list.statusIcon("Litware: analytics on Fabric", SYNCED_TOOLTIP).waitFor({ timeout: 10_000 });
          const { topic } = await exampleOpportunity(running().demo);
          await list.statusIcon(topic, "Not synced with Partner Center").waitFor();
          expect(await list.grid.getByRole("row").count()).toBeGreaterThan(10);
          await screenshot(page, "opportunity-list");
        });
      },
      STEP_MS,
    );

    it(
      "co-sells an opportunity from its form: within 5 s the checkmark shows and the referral is in Partner Center",
      async () => {
        const { demo } = running();
        const { topic, estimatedValue } = await exampleOpportunity(running().demo);
        const [solution] = await demo.partnerCenter.admin.solutions();
        if (solution === undefined) throw new Error("the demo's Partner Center has no solution");
        await onPage(async (page) => {
          const list = new OpportunityListPage(page);
          await list.open(demo.urls.site);
          await list.row(topic).getByRole("link").click();
          const panel = new CoSellPanelPage(page);
          await page.locator("body[data-host-state=ready]").waitFor();
          await coSellOnForm(panel, solution.name);
          await panel.problems.waitFor({ state: "detached" });
          await screenshot(page, "form-before-save");

          await panel.save();
          await panel.controlArea.getByText("Synced", { exact: true }).waitFor(WITHIN_5_S);
          await screenshot(page, "form-synced");

          await list.open(demo.urls.site);
          await list.statusIcon(topic, SYNCED_TOOLTIP).waitFor(WITHIN_5_S);
          await screenshot(page, "list-synced");

          const partnerCenter = new PartnerCenterPage(page);
          await partnerCenter.open(demo.urls.site);
          await partnerCenter.row(topic).waitFor(WITHIN_5_S);
          expect(await partnerCenter.cell(topic, "Direction")).toBe("Outgoing");
          expect(await partnerCenter.cell(topic, "Status")).toBe("Active · Accepted");
          expect(await partnerCenter.cell(topic, "Help and solutions")).toContain(solution.name);
          expect(await partnerCenter.cell(topic, "Dynamics opportunity")).toBe(topic);
          await screenshot(page, "partner-center-outgoing");
        });
        const referral = (await demo.partnerCenter.admin.referrals()).find((candidate) => candidate.name === topic);
        expect(referral).toMatchObject({
          direction: "Outgoing",
          details: { dealValue: estimatedValue, currency: "USD", requirements: { solutions: [{ id: solution.id }] } },
          consent: { consentToShareReferralWithMicrosoftSellers: true },
          inviteContext: { assistanceRequestCode: "GeneralOrOther" },
        });
      },
      STEP_MS,
    );

    it(
      "acting as Microsoft, accepts the referral and changes its deal value, which the form then shows",
      async () => {
        const { demo } = running();
        const { id, topic } = await exampleOpportunity(running().demo);
        await onPage(async (page) => {
          const partnerCenter = new PartnerCenterPage(page);
          await partnerCenter.open(demo.urls.site);
          await partnerCenter.action("Accept", topic).click();
          await expect.poll(() => partnerCenter.cell(topic, "Microsoft"), WITHIN_5_S).toBe("Accepted");
          await partnerCenter.changeDealValue(topic, 654_321);
          await expect.poll(() => partnerCenter.cell(topic, "Deal value"), WITHIN_5_S).toBe("$654,321.00");
          await screenshot(page, "partner-center-microsoft");

          const panel = new CoSellPanelPage(page);
          await expect
            .poll(async () => {
              await panel.open(demo.formUrl(id));
              return panel.formField("Est. revenue").inputValue();
            }, WITHIN_5_S)
            .toBe("654321");
          await screenshot(page, "form-microsoft-deal-value");
        });
      },
      STEP_MS,
    );

    it(
      "shows why an invalid opportunity can't be co-sold, and creates no referral for it",
      async () => {
        const { demo } = running();
        const invalid = await dealWithSpelledOutCountry(demo);
        const [solution] = await demo.partnerCenter.admin.solutions();
        const before = (await demo.partnerCenter.admin.referrals()).length;
        await onPage(async (page) => {
          const panel = new CoSellPanelPage(page);
          await panel.open(demo.formUrl(invalid.id));
          await coSellOnForm(panel, solution?.name ?? "");
          await panel.problem("is not a two-letter ISO 3166 code").waitFor();
          await screenshot(page, "form-invalid");
          await page.getByRole("toolbar").getByRole("button", { name: "Save" }).click();
          // The form script refuses the save and says why in the form's notification bar.
          const notifications = page.getByRole("region", { name: "Notifications" });
          await notifications.getByText(/Not saved.*is not a two-letter ISO 3166 code/).waitFor(WITHIN_5_S);
          await demoAtRest(demo);
          await screenshot(page, "form-invalid-after-save");
        });
        const [saved] = await dataverseRows(
          demo,
          `opportunities?$select=csb_syncwithpartnercenter&$filter=opportunityid eq ${invalid.id}`,
        );
        expect(saved?.csb_syncwithpartnercenter, "nothing was saved").toBe(false);
        const referrals = await demo.partnerCenter.admin.referrals();
        expect(referrals).toHaveLength(before);
        expect(referrals.some((referral) => referral.name === invalid.topic)).toBe(false);
      },
      STEP_MS,
    );

    it(
      "turns a referral Microsoft shares in the Partner Center view into a new opportunity",
      async () => {
        const { demo } = running();
        const customer = `Fourth Coffee ${Date.now()}`;
        const name = `${customer} co-sell opportunity`;
        await onPage(async (page) => {
          const partnerCenter = new PartnerCenterPage(page);
          await partnerCenter.open(demo.urls.site);
          await partnerCenter.field("Customer name").fill(customer);
          await partnerCenter.field("Deal value").fill("43210");
          await partnerCenter.shareForm.getByRole("button", { name: "Share with the partner" }).click();
          await partnerCenter.row(name).waitFor(WITHIN_5_S);
          expect(await partnerCenter.cell(name, "Direction")).toBe("Incoming");

          const list = new OpportunityListPage(page);
          await list.open(demo.urls.site);
          await list.statusIcon(name, SYNCED_TOOLTIP).waitFor({ timeout: 10_000 });
          await screenshot(page, "list-inbound");
          await list.row(name).getByRole("link").click();
          const panel = new CoSellPanelPage(page);
          await page.locator("body[data-host-state=ready]").waitFor();
          expect(await panel.formField("Topic").inputValue()).toBe(name);
          expect(await panel.formField("Est. revenue").inputValue()).toBe("43210");
          const referral = (await demo.partnerCenter.admin.referrals()).find((candidate) => candidate.name === name);
          await panel.controlArea
            .getByText(referral?.id ?? "(no referral)")
            .first()
            .waitFor();
          await panel.controlArea.getByText("Synced", { exact: true }).waitFor();
          await screenshot(page, "form-inbound");
        });
      },
      STEP_MS,
    );

    it("signs the operator in to the service's operator page with a token carrying the admin role", async () => {
      const { demo } = running();
      const answer = await fetch(demo.urls.operator, { redirect: "manual" });
      expect(answer.status).toBe(302);
      const location = new URL(answer.headers.get("location") ?? "");
      expect(`${location.origin}${location.pathname}`).toBe(`${demo.urls.service}/operator`);
      const token = new URLSearchParams(location.hash.slice(1)).get("access_token") ?? "";
      const queue = await fetch(`${demo.urls.service}/admin/queue`, { headers: { authorization: `Bearer ${token}` } });
      expect(queue.status, "the admin API accepts the operator's token").toBe(200);
      const seller = await demo.dataverse.admin.getToken({ user: "seller" });
      const refused = await fetch(`${demo.urls.service}/admin/queue`, {
        headers: { authorization: `Bearer ${seller}` },
      });
      expect(refused.status, "a seller's token lacks the admin role").toBe(403);
    });

    it("stops every part, frees every port and deletes its temp folder", async () => {
      const { demo } = running();
      expect(existsSync(demo.workDir)).toBe(true);
      await demo.stop();
      expect(existsSync(demo.workDir), "the temp folder (PGlite data, deploy profile) is deleted").toBe(false);
      // Asking for exactly these ports fails if any of them is still in use.
      const { ports } = await choosePorts({ ...demo.ports });
      expect(ports).toEqual(demo.ports);
      await demo.stop();
    });
  },
);
