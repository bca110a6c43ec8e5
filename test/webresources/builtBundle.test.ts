/**
 * The handlers as shipped: the bytes scripts/build-webresources.mjs writes (esbuild, then terser with its multi-pass
 * compressor and arrow functions), loaded into a page the way Dynamics loads them. The other handler tests run the
 * TypeScript; these walk each handler's main paths through the minified script, so that a minifier transformation
 * that changed what the code does fails here. The poller's first wait is real here (2 s): the built script takes its
 * time from the page.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ACCOUNT_ID, MemoryDataverse } from "./support/memoryDataverse";
import { type OpportunityValues, setUserLanguage } from "./support/opportunityForm";
import {
  OPPORTUNITY_ID,
  REFERRAL_ID,
  REFERRAL_LINK,
  decision,
  invalidReport,
  ok,
  pendingStatus,
  syncQueued,
  syncStatus,
  throttled,
  unauthorized,
  validReport,
} from "./support/serviceAnswers";
import { buildScripts, loadBuiltPage, type BuiltPage, type BuiltScripts } from "./support/builtPage";
import { SyncServiceStub, closedPortUrl } from "./support/syncServiceStub";

const STATUS = `/opportunities/${OPPORTUNITY_ID}/sync-status`;
const VALIDATE = `/opportunities/${OPPORTUNITY_ID}/validate`;
const SYNC = `/opportunities/${OPPORTUNITY_ID}/sync`;
const DECLINE = `/referrals/${REFERRAL_ID}/decline`;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Background work answers within milliseconds; a busy shared machine gets a few seconds. */
const PATIENT = { timeout: 5_000 };

/** The built script takes "today" from the clock, so the deal closes in three months from now. */
const GOOD_DEAL: OpportunityValues = {
  referralId: null,
  referralLink: null,
  syncStatus: 582_100_000,
  estimatedclosedate: new Date(Date.now() + 90 * DAY_MS),
};

let scripts: BuiltScripts;
let stub: SyncServiceStub;
let dataverse: MemoryDataverse;
let page: BuiltPage;

beforeAll(() => {
  scripts = buildScripts();
}, 60_000);

beforeEach(async () => {
  stub = await SyncServiceStub.start();
  dataverse = new MemoryDataverse(stub.url);
  page = loadBuiltPage(dataverse, scripts.opportunity);
});

afterEach(async () => {
  page.close();
  await stub.close();
});

/** Opens the form and runs OnLoad, as Dynamics does, then waits until `settled` holds. */
async function loaded(values: OpportunityValues, settled: (notices: Record<string, unknown>) => boolean) {
  const opened = page.open(values);
  page.bridge.Opportunity.onLoad(opened.eventContext());
  await vi.waitFor(() => {
    expect(settled(opened.notifications())).toBe(true);
  }, PATIENT);
  return opened;
}

describe("the built form script", () => {
  it("shows the checkmark of a synced opportunity from the service's answer, in the user's language", async () => {
    stub.answer("GET", STATUS, ok(syncStatus()));
    const english = await loaded({}, (notices) => "csb_syncstatus" in notices && stub.requests.length === 1);
    expect(english.notifications().csb_syncstatus?.message).toMatch(/^✔ Synced with Partner Center on May 4, 2026/);

    stub.answer("GET", STATUS, ok(pendingStatus()));
    const russian = page.open();
    setUserLanguage(1049);
    page.bridge.Opportunity.onLoad(russian.eventContext());
    await vi.waitFor(() => {
      expect(russian.notifications().csb_syncstatus?.message).toBe(
        "Идёт синхронизация с Partner Center… Это сообщение обновится само.",
      );
    }, PATIENT);
  });

  it("says what is wrong when the service can't be reached or refuses the sign-in", async () => {
    dataverse.variables.csb_SyncEndpointUrl = await closedPortUrl();
    const unreachable = await loaded({}, (notices) => "csb_setup" in notices);
    expect(unreachable.notifications().csb_setup?.message).toBe(
      "The sync service can't be reached; try again in a minute or tell your admin.",
    );

    page.close();
    dataverse.variables.csb_SyncEndpointUrl = stub.url;
    page = loadBuiltPage(dataverse, scripts.opportunity);
    stub.answer("GET", STATUS, unauthorized);
    const refused = await loaded({}, (notices) => "csb_setup" in notices);
    expect(refused.notifications().csb_setup?.message).toBe(
      "The sync service didn't accept your sign-in. Reload the form to sign in again; if it keeps happening, tell " +
        "your admin.",
    );
  });

  it("judges the form on change: a problem with a column on its control, the others in one notice", async () => {
    dataverse.put("account", ACCOUNT_ID, { name: "Contoso", address1_country: "Germany" });
    const opened = page.open({ ...GOOD_DEAL, estimatedvalue: null });

    page.bridge.Opportunity.onSyncFieldChange(opened.eventContext());

    await vi.waitFor(() => {
      expect(opened.notifications().csb_validation?.level).toBe("WARNING");
    }, PATIENT);
    expect(opened.controlMessages("estimatedvalue")).toEqual([
      "Enter an estimated revenue above 0; Partner Center refuses empty deals.",
    ]);
    expect(opened.notifications().csb_validation?.message).toContain("The customer's country 'GERMANY'");
  });

  it("refuses at once to save a deal Partner Center would refuse, once OnLoad has read the rows", async () => {
    const opened = await loaded({ ...GOOD_DEAL, name: null }, () => dataverse.reads.length >= 4);

    await expect(opened.form.data.save()).rejects.toThrow();

    expect(opened.calls).toEqual(["save"]);
    expect(opened.notifications().csb_validation?.message).toMatch(/^Not saved: with Sync with Partner Center = Yes/);
    expect(opened.controlMessages("name")).toEqual(["Give the opportunity a name (Topic)."]);
  });

  it("cancels a save it can't judge yet, checks, then saves again itself", async () => {
    const opened = page.open(GOOD_DEAL);

    await expect(opened.form.data.save()).rejects.toThrow();

    await vi.waitFor(() => {
      expect(opened.calls).toEqual(["save", "save"]);
    }, PATIENT);
    expect(opened.notifications().csb_validation).toBeUndefined();
  });

  it(
    "syncs now: validates, queues, and follows the sync until the service says it is done",
    { timeout: 15_000 },
    async () => {
      stub.answer("POST", VALIDATE, ok(validReport())).answer("POST", SYNC, ok(syncQueued, 202));
      const later = new Date(Date.now() + DAY_MS).toISOString();
      stub.answer("GET", STATUS, ok(syncStatus({ lastSyncedAt: later })));
      const opened = page.open();

      await page.bridge.Ribbon.syncNow(opened.form);

      expect(opened.notifications().csb_command?.message).toBe(
        "Sync with Partner Center requested. The status above updates when it's done.",
      );
      expect(opened.notifications().csb_syncstatus?.level).toBe("WARNING");
      await vi.waitFor(
        () => {
          expect(opened.notifications().csb_syncstatus?.level).toBe("INFO");
        },
        { timeout: 10_000 },
      );
      expect(stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        `POST /api/v1${VALIDATE}`,
        `POST /api/v1${SYNC}`,
        `GET /api/v1${STATUS}`,
      ]);
      expect(stub.requests[0]?.authorization).toBe("Bearer token-of-ana");
    },
  );

  it("does not queue a sync the service says Partner Center would refuse, and words a 429", async () => {
    stub.answer("POST", VALIDATE, ok(invalidReport()));
    const opened = page.open();
    await page.bridge.Ribbon.syncNow(opened.form);
    expect(opened.notifications().csb_command?.message).toBe(
      "Partner Center would refuse this opportunity: Enter an estimated revenue above 0; Partner Center refuses empty deals.",
    );

    stub.answer("POST", VALIDATE, throttled("120"));
    await page.bridge.Ribbon.syncNow(opened.form);
    expect(opened.notifications().csb_command?.message).toMatch(/^The sync service is busy\. Try again in 120 seconds/);
    expect(stub.requestsTo(SYNC)).toHaveLength(0);
  });

  it("declines a referral only after the seller confirms, then refreshes the form", async () => {
    stub.answer("POST", DECLINE, ok(decision("Closed", "Declined")));
    const opened = page.open();

    page.confirmAnswer = false;
    await page.bridge.Ribbon.declineReferral(opened.form);
    expect(stub.requests).toHaveLength(0);

    page.confirmAnswer = true;
    await page.bridge.Ribbon.declineReferral(opened.form);
    expect(stub.requestsTo(DECLINE)[0]?.body).toEqual({ reason: null });
    expect(opened.notifications().csb_command?.level).toBe("INFO");
    expect(opened.calls).toEqual(["refresh(false)"]);
  });

  it("opens the referral in Partner Center and answers the enable rules from the form", async () => {
    const unlinked = page.open({ referralId: null, referralLink: null, sync: false });
    expect(page.bridge.Ribbon.canOpenInPartnerCenter(unlinked.form)).toBe(false);
    expect(page.bridge.Ribbon.canAnswerReferral(unlinked.form)).toBe(false);
    expect(page.bridge.Ribbon.canSyncNow(unlinked.form)).toBe(false);

    // Accept and Decline follow the service's status, read on load: an inbound referral waiting for an answer.
    stub.answer("GET", STATUS, ok(syncStatus({ awaitingAnswer: true })));
    const linked = await loaded({}, (notices) => "csb_syncstatus" in notices);
    expect(page.bridge.Ribbon.canOpenInPartnerCenter(linked.form)).toBe(true);
    expect(page.bridge.Ribbon.canAnswerReferral(linked.form)).toBe(true);
    expect(page.bridge.Ribbon.canSyncNow(linked.form)).toBe(true);
    page.bridge.Ribbon.openInPartnerCenter(linked.form);
    expect(page.opened).toEqual([REFERRAL_LINK]);
  });
});

describe("the built scripts together", () => {
  it("add to one CoSellBridge in either order, neither replacing the other's part", () => {
    for (const order of [
      [scripts.opportunity, scripts.grid],
      [scripts.grid, scripts.opportunity],
    ]) {
      page.close();
      page = loadBuiltPage(dataverse, ...order);

      expect(Object.keys(page.bridge).sort()).toEqual(["Grid", "Opportunity", "Ribbon"]);
      expect(page.bridge.Grid.checkmarkIcon('{"csb_syncstatus_Value":582100003}', 1049)).toEqual([
        "csb_/icons/error.svg",
        "Синхронизация с Partner Center не удалась: подробности на форме возможности",
      ]);
      expect(typeof page.bridge.Opportunity.onLoad).toBe("function");
    }
  });
});
